"""What text every match of a pattern must hold, read off the pattern's source.

A pattern is compiled the first time a line could match it (base.Pattern); until
then, a line that holds none of the texts every match needs is answered "no match"
without compiling. `analyse` finds those texts: the ones one of which every match
contains, and the ones one of which every match starts with. It reads a plain subset
of the syntax (literals, escapes, classes, groups, alternation, quantifiers, anchors
and lookarounds) and gives up on anything else, so an answer is never wrong, only
sometimes missing.
"""

from __future__ import annotations

import re
from collections import namedtuple
from collections.abc import Callable

try:  # the characters re's case-insensitive matching pairs beyond str.lower() (3.11+)
    from re._casefix import _EXTRA_CASES
except ImportError:  # pragma: no cover - older Pythons: every non-ASCII text is unknown
    _EXTRA_CASES = None

_TOKENS = re.compile(
    r"(?P<esc>\\.)"
    r"|(?P<cls>\[\^?\]?(?:\\.|[^\]\\])*\])"
    r"|(?P<open>\((?:\?P<\w+>|\?[:=!]|\?<[=!]|\?[aiLmsux-]+:|\?)?)"
    r"|(?P<close>\))"
    r"|(?P<bar>\|)"
    r"|(?P<quant>(?:[?*+]|\{\d*(?:,\d*)?\})[?+]?)"
    r"|(?P<lit>[^\\\[()|?*+{.^$]+)"
    r"|(?P<char>.)",
    re.DOTALL,
)
_NONE_AT_LEAST = re.compile(r"\{0*[,}]")  # {0}, {0,3}, {,3}
_ESCAPED = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_LOOKAROUND = ("(?=", "(?!", "(?<=", "(?<!")

# An atom: (kind, value, optional, repeated). Kinds: "lit" (value: its text),
# "group" (value: its alternatives, each a list of atoms), "start" (^ or \A),
# "empty" (another zero-width test), "other" (a class, ".", a class escape, a
# group with flags of its own). Optional when a quantifier lets it match zero
# times, repeated when one lets it match more than once.
Atom = tuple


# required: texts one of which is in every match, or None; prefixes: texts one of
# which every match starts with, or None; anchored: every match starts where the
# text does. (A namedtuple, not a typing.NamedTuple: see lines.Line.)
Analysis = namedtuple("Analysis", "required prefixes anchored")


UNKNOWN = Analysis(None, None, False)


def analyse(source: str, flags: int = 0) -> Analysis:
    """The literal texts every match of `source` needs, lower-cased under
    re.IGNORECASE; UNKNOWN where the source is beyond what is read here."""
    if flags & re.VERBOSE:
        return UNKNOWN
    try:
        tree = _parse(source)
    except ValueError:
        return UNKNOWN
    lower = bool(flags & re.IGNORECASE)
    anchored = not flags & re.MULTILINE and all(alt[:1] and alt[0][0] == "start" for alt in tree)
    return Analysis(_texts(_required(tree), lower), _texts(_prefixes(tree), lower), anchored)


def alternatives(source: str) -> list[str]:
    """The top-level alternatives of a pattern source: split at each | outside
    groups and classes."""
    out, depth, start = [], 0, 0
    for m in _TOKENS.finditer(source):
        kind = m.lastgroup
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
        elif kind == "bar" and depth == 0:
            out.append(source[start : m.start()])
            start = m.end()
    out.append(source[start:])
    return out


def prefixes(source: str) -> tuple[str, ...]:
    """Texts one of which every match of `source` (read case-sensitively) starts
    with, or () when none is known: "ads?" -> "ad", "(?:daily|weekly) news" ->
    "daily", "weekly"."""
    try:
        return _texts(_prefixes(_parse(source)), False) or ()
    except ValueError:
        return ()


def _parse(source: str) -> list[list[Atom]]:
    stack: list[tuple[list[list[Atom]], str]] = [([[]], "")]
    for m in _TOKENS.finditer(source):
        kind, token = m.lastgroup, m.group()
        alternatives = stack[-1][0]
        seq = alternatives[-1]
        if kind == "lit":
            seq.append(("lit", token, False, False))
        elif kind == "char":
            if token == ".":
                seq.append(("other", None, False, False))
            elif token in "^$":
                seq.append(("start" if token == "^" else "empty", None, False, False))
            elif token == "{":  # not a quantifier: re reads it as itself
                seq.append(("lit", token, False, False))
            else:
                raise ValueError(token)
        elif kind == "esc":
            e = token[1]
            if e == "A":
                seq.append(("start", None, False, False))
            elif e in "bBZ":
                seq.append(("empty", None, False, False))
            elif e in "dDwWsS" or e.isdigit():
                seq.append(("other", None, False, False))
            elif e in _ESCAPED:
                seq.append(("lit", _ESCAPED[e], False, False))
            elif e.isalnum():
                raise ValueError(token)  # \x.., \u.., \N{...}: not read
            else:
                seq.append(("lit", e, False, False))
        elif kind == "cls":
            seq.append(("other", None, False, False))
        elif kind == "quant":
            if not seq:
                raise ValueError(token)
            atom = seq.pop()
            if atom[0] == "lit" and len(atom[1]) > 1:  # the quantifier takes the last character
                seq.append(("lit", atom[1][:-1], False, False))
                atom = ("lit", atom[1][-1], False, False)
            bare = token.rstrip("?+") or token[0]
            optional = bare in ("?", "*") or _NONE_AT_LEAST.match(bare) is not None
            seq.append((atom[0], atom[1], optional, bare != "?"))
        elif kind == "open":
            if token == "(?":
                raise ValueError(token)  # global flags, conditionals, comments
            stack.append(([[]], token))
        elif kind == "close":
            if len(stack) == 1:
                raise ValueError(token)
            inner, opener = stack.pop()
            if opener.startswith(_LOOKAROUND):
                atom = ("empty", None, False, False)
            elif opener in ("(", "(?:") or opener.startswith("(?P<"):
                atom = ("group", inner, False, False)
            else:  # "(?i:...)": its case rules are its own
                atom = ("other", None, False, False)
            stack[-1][0][-1].append(atom)
        else:  # bar
            alternatives.append([])
    if len(stack) != 1:
        raise ValueError("unbalanced")
    return stack[0][0]


def _required(alternatives: list[list[Atom]]) -> list[str] | None:
    """Texts one of which every match of the alternatives holds."""
    out: list[str] = []
    for seq in alternatives:
        texts = _required_in(seq)
        if texts is None:
            return None
        out.extend(texts)
    return out


def _required_in(seq: list[Atom]) -> list[str] | None:
    """The most telling of a sequence's certain literal runs and groups."""
    candidates: list[list[str]] = []
    run = ""
    for kind, value, optional, repeated in seq:
        if kind == "lit" and not optional:
            run += value
            if not repeated:
                continue
        if run:
            candidates.append([run])
            run = ""
        if kind == "group" and not optional:
            inner = _required(value)
            if inner is not None:
                candidates.append(inner)
    if run:
        candidates.append([run])
    if not candidates:
        return None
    return max(candidates, key=lambda texts: (min(map(len, texts)), -len(texts)))


def _prefixes(alternatives: list[list[Atom]]) -> list[str] | None:
    """Texts one of which every match of the alternatives starts with."""
    out: list[str] = []
    for seq in alternatives:
        prefix = ""
        found: list[str] | None = None
        for kind, value, optional, repeated in seq:
            if kind in ("start", "empty") and not prefix:
                continue  # "^", "\b" or a lookahead before the first character
            if kind == "lit" and not optional:
                prefix += value
                if repeated:
                    break
                continue
            if kind == "group" and not optional and not prefix:
                found = _prefixes(value)
            break
        if prefix:
            found = [prefix]
        if not found:
            return None
        out.extend(found)
    return out


def _texts(texts: list[str] | None, lower: bool) -> tuple[str, ...] | None:
    if not texts or not all(texts):
        return None
    return tuple(sorted({t.lower() for t in texts} if lower else set(texts)))


def guard(source: str, flags: int = 0) -> Callable[[str, bool], bool] | None:
    """A test of whether a text may match `source` (at the text's start, for
    re.match and re.fullmatch): False only for a text that cannot. None when
    nothing is known that would tell."""
    needed, starts, anchored = analyse(source, flags)
    if needed is None and starts is None:
        return None
    needed = needed or starts  # a text that starts every match is in every match
    lower = bool(flags & re.IGNORECASE)
    risky_chars = risky(needed + (starts or ())) if lower else frozenset()

    def may_match(text: str, at_start: bool) -> bool:
        folded = folded_for(text, lower, risky_chars)
        if folded is None:
            return True
        if starts is not None and (at_start or anchored):
            return folded.startswith(starts)
        return any(map(folded.__contains__, needed))

    return may_match


def risky(texts: tuple[str, ...]) -> frozenset[str]:
    """The characters re.IGNORECASE pairs with a character of `texts` (lower case)
    other than by str.lower(): the dotless i and the long s for "i" and "s", the
    dotted capital I (whose lower case is two characters), and the other pairs re
    lists itself. A text holding one of them is never passed over."""
    if _EXTRA_CASES is None:  # pragma: no cover - Python 3.10
        return frozenset(("",))
    out = {"İ"} if any("i" in t for t in texts) else set()
    for c in set("".join(texts)):
        out.update(map(chr, _EXTRA_CASES.get(ord(c), ())))
    return frozenset(out)


def folded_for(text: str, lower: bool, risky_chars: frozenset[str]) -> str | None:
    """`text` as the literal tests see it: lower-cased under re.IGNORECASE, or None
    when it holds a character that could match in a way str.lower() does not show."""
    if not lower:
        return text
    if text.isascii():
        return text.lower()
    if "" in risky_chars or not risky_chars.isdisjoint(text):
        return None
    return text.lower()
