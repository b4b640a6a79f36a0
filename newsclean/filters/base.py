"""What a filter is, and the small vocabulary the filter modules share.

A filter looks at the lines still kept and names the ones to take out, each with
the rule that took it. It never rewrites a line. Most filters judge one line at a
time (`line_filter`); a few need the lines around it (a caption before its credit,
a link list under a "Related" header) and write `select` themselves.

A rule is one way a filter recognises furniture: a label set, a pattern, a context
test. Its id, `filter.rule` ("ads.label", "related.teaser_list"), is recorded with
every line it takes, so a removed line can be traced to the code that took it and a
rule's hits counted across a corpus.
"""

from __future__ import annotations

import re
from collections import namedtuple
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

from ..lines import Line
from . import literals

# The lines to take out: position (into the kept lines given) -> the rule's name.
Select = Callable[[Sequence[Line]], Mapping[int, str]]
# A per-line judgement: the name of the rule that takes the line, or None.
Judge = Callable[[str], "str | None"]

# Whole-line rules only look at lines up to this length: furniture is short, and a
# bound on the length keeps every pattern's work per line constant, so a document
# costs time linear in its size whatever the patterns are.
SHORT = 200


# A named tuple rather than a frozen dataclass: building a dataclass costs the plain
# pipe's start-up a fraction of a millisecond.
class Filter(namedtuple("Filter", "name description select examples counterexamples rules", defaults=((), (), ()))):
    """name and description; select: the lines to remove, position (into the kept
    lines it is given) -> the name of the rule that took it, one of `rules`;
    examples: texts this filter must take out whole (lines starting with "= " are
    context: they are there for the filter to see and must be kept);
    counterexamples: texts this filter must leave alone, every line; rules: the
    names of its rules (snake_case), every name `select` may give a line."""

    __slots__ = ()

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """Each rule's id as a removal records it: "ads.label"."""
        return tuple(f"{self.name}.{rule}" for rule in self.rules)


def line_filter(
    name: str,
    description: str,
    judge: Callable[[str], object],
    *,
    rule: str | None = None,
    rules: Sequence[str] = (),
    examples: Sequence[str] = (),
    counterexamples: Sequence[str] = (),
    max_chars: int = SHORT,
) -> Filter:
    """A filter that judges each line on its own text. Either `judge(text)` says
    yes or no and the filter has the one `rule`, or it names the rule that takes
    the line (one of `rules`) or returns None."""
    if rule is not None:
        judge, rules = _under(rule, judge), (rule,)

    def select(lines: Sequence[Line]) -> dict[int, str]:
        out = {}
        for i, ln in enumerate(lines):
            if len(ln.text) <= max_chars:
                taken_by = judge(ln.text)
                if taken_by is not None:
                    out[i] = taken_by
        return out

    return Filter(name, description, select, tuple(examples), tuple(counterexamples), tuple(rules))


def _under(rule: str, match: Callable[[str], bool]) -> Judge:
    """A yes-or-no test as a judge naming `rule`."""
    return lambda text: rule if match(text) else None


class Pattern:
    """A regular expression compiled the first time a text could match it.

    The filters hold about seventy patterns, and compiling them all costs more than
    cleaning a short document. Until a pattern is compiled, a search, match or
    findall first asks whether the text holds one of the literal texts every match
    needs (literals.py reads them off the source): most lines hold none, and are
    answered without compiling. The first text that holds one compiles the pattern,
    and so does the _CALLS_BEFORE_COMPILING-th question, so a long document soon
    asks the compiled pattern alone. From then on the compiled pattern's methods
    are the object's own attributes, so a call costs what it would on re.Pattern.
    """

    _METHODS = ("match", "fullmatch", "search", "findall", "finditer", "sub", "split")
    __slots__ = ("_source", "_flags", "_compiled", "_calls") + _METHODS

    def __init__(self, source: str, flags: int = 0):
        self._source = source
        self._flags = flags

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        if name in _GUARDS and not hasattr(self, "_compiled"):
            self._calls = 0
            self._guard()
            return object.__getattribute__(self, name)
        return getattr(self._compile(), name)

    def _compile(self) -> re.Pattern:
        try:
            return self._compiled
        except AttributeError:
            compiled = self._compiled = re.compile(self._source, self._flags)
            for method in Pattern._METHODS:
                setattr(self, method, getattr(compiled, method))
            return compiled

    def _guard(self) -> None:
        """Put literal tests in front of search, match, fullmatch, findall and
        finditer, where the source tells what every match needs."""
        test = literals.guard(self._source, self._flags)
        if test is None:
            self._compile()
            return

        def may_match(text: str, at_start: bool) -> bool:
            self._calls += 1
            return self._calls > _CALLS_BEFORE_COMPILING or test(text, at_start)

        def guarded(name: str, at_start: bool, nothing: Callable[[], object]):
            def call(text, *args, **kwargs):
                if args or kwargs or not isinstance(text, str) or may_match(text, at_start):
                    return getattr(self._compile(), name)(text, *args, **kwargs)
                return nothing()
            return call

        self.search = guarded("search", False, lambda: None)
        self.match = guarded("match", True, lambda: None)
        self.fullmatch = guarded("fullmatch", True, lambda: None)
        self.findall = guarded("findall", False, list)
        self.finditer = guarded("finditer", False, lambda: iter(()))


_GUARDS = frozenset(("search", "match", "fullmatch", "findall", "finditer"))
# A pattern asked this often is worth compiling whatever the texts were: the literal
# tests are there to spare short documents the compilation, not to stand in for it.
_CALLS_BEFORE_COMPILING = 64


def pattern(source: str, flags: int = 0) -> Pattern:
    return Pattern(source, flags)


_WORD_CHAR = re.compile(r"[^\W_]")
_WORD = re.compile(r"\w+")
_BULLETS = "*•·▪►◦‣–-"
BULLET = re.compile(r"^[*•·▪►◦‣–-] ")


@lru_cache(maxsize=8192)
def key(text: str) -> str:
    """A line reduced for comparison with a label: lower case, no bullet, no
    punctuation or dashes around it, single spaces. "- Advertisement -" -> "advertisement".

    Two forward searches (one on the reversed text) find the first and last letter
    or digit, so the cost is linear in the line's length whatever it holds.
    """
    low = text.casefold()
    first = _WORD_CHAR.search(low)
    if first is None:
        return ""
    end = len(low) - _WORD_CHAR.search(low[::-1]).start()
    return " ".join(low[first.start() : end].split())


# The region finder and most filters count the words of the same lines, so words()
# keeps them: many short lines, and the last few long ones (a paragraph is looked at
# several times in a row, then not again). A bound on both keeps the memory small
# whatever the input.
_SHORT_WORDS_CHARS = 400
_LONG_WORDS_CHARS = 20_000


def words(text: str) -> tuple[str, ...]:
    if len(text) <= _SHORT_WORDS_CHARS:
        return _short_words(text)
    if len(text) <= _LONG_WORDS_CHARS:
        return _long_words(text)
    return tuple(_WORD.findall(text))


@lru_cache(maxsize=4096)
def _short_words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text))


@lru_cache(maxsize=32)
def _long_words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text))


# Judgements the region finder and the filters both make about the same lines. The
# filters that ask again take no line longer than 400 characters.
_REMEMBERED = []
_REMEMBERED_CHARS = 400
TYPE_CHECKING = False  # typing itself is not loaded: the plain pipe does without it
if TYPE_CHECKING:
    from typing import TypeVar

    _Verdict = TypeVar("_Verdict")


def remembered(judge: Callable[[str], _Verdict]) -> Callable[[str], _Verdict]:
    """`judge`, remembering its verdicts on the last few thousand lines: the region
    finder asks whether a line is a cookie notice or a pitch, and the filter asks
    again about the same line. Longer lines are judged afresh: no filter asks about
    them twice, and the memory stays small whatever the input."""
    cached = lru_cache(maxsize=4096)(judge)
    _REMEMBERED.append(cached)

    def judge_line(text: str) -> _Verdict:
        return cached(text) if len(text) <= _REMEMBERED_CHARS else judge(text)

    judge_line.__name__ = judge.__name__
    judge_line.__doc__ = judge.__doc__
    return judge_line


def clear_caches() -> None:
    """Forget the lines seen so far (a benchmark of unseen text calls this)."""
    key.cache_clear()
    _short_words.cache_clear()
    _long_words.cache_clear()
    for cached in _REMEMBERED:
        cached.cache_clear()


def is_bullet(text: str) -> bool:
    # BULLET.match without the pattern: a bullet character, then a space.
    return text[1:2] == " " and text[0] in _BULLETS


def unbullet(text: str) -> str:
    return text[2:] if BULLET.match(text) else text


def ends_sentence(text: str) -> bool:
    """Ends like a sentence: a full stop, question or exclamation mark, maybe quoted."""
    return text.rstrip("\"'”’»)]*").endswith((".", "!", "?", "…", "。", "！", "？"))


def ends_clause(text: str) -> bool:
    """Ends a clause, the sentence running on past it: a colon, comma or semicolon."""
    return text.endswith((":", ",", ";"))


def run_below(lines: Sequence[Line], start: int, is_item: Callable[[Line], bool], limit: int) -> list[int]:
    """Positions of the items right below `start` (a header), up to `limit` of them."""
    end = start + 1
    while end < len(lines) and end - start <= limit and is_item(lines[end]):
        end += 1
    return list(range(start + 1, end))


def headed_lists(
    lines: Sequence[Line],
    is_header: Callable[[str], bool],
    is_item: Callable[[Line], bool],
    limit: int,
    single: Judge,
    *,
    header_rule: str,
    item_rule: str,
) -> dict[int, str]:
    """Every header (under `header_rule`) with the run of items right below it
    (under `item_rule`), and the other lines that go on their own, each under the
    rule `single` names."""
    out: dict[int, str] = {}
    i = 0
    while i < len(lines):
        if is_header(lines[i].text):
            items = run_below(lines, i, is_item, limit)
            out[i] = header_rule
            out.update(dict.fromkeys(items, item_rule))
            i += 1 + len(items)
            continue
        rule = single(lines[i].text)
        if rule is not None:
            out[i] = rule
        i += 1
    return out


# re's case-insensitive matching takes the Turkish dotless ı and dotted İ for i, and
# casefold() keeps them apart ("İ" becomes "i̇"). A literal test on a case-folded line
# that stands in front of a case-insensitive pattern also lets these through.
TURKISH_I = ("ı", "i\u0307")


# Characters a key may hold and still be matched case-sensitively against a label
# source written in lower case: re's case-insensitive matching pairs each of them with
# no other lower-case character (it pairs "i" with the dotless "ı" and "s" with the
# long "ſ", which is why no label source may hold those two).
_CASE_PLAIN = (
    "’‘“”«»„‚–—…·•|©®™°€£¹²³½àáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿąćęłńśźżčďěňřšťůžőűăşţğ"
    "абгеёжзийклмнпруфхцчшщыьэюя"
)
_CASE_PLAIN_OR_ASCII = frozenset(_CASE_PLAIN + "".join(map(chr, range(128))))
_REGEX_CHARS = frozenset("\\.^$*+?{}[]()|")
_ESCAPE = re.compile(r"\\(.)")
_CLASS = re.compile(r"\[[^\]]*\]")


def _matches_alike_in_any_case(source: str) -> bool:
    """Whether, on a key of ASCII and _CASE_PLAIN characters, `source` matches the
    same with and without re.IGNORECASE: every character it names is its own lower
    case (and neither "ı" nor "ſ"), its escapes name no letter that case could
    change, and its classes hold no range (re's case-insensitive range test also
    tries a character's upper case)."""
    if any(m.group(1) not in "dDwWsSb" and m.group(1).isalnum() for m in _ESCAPE.finditer(source)):
        return False
    bare = _ESCAPE.sub("", source)
    if any("-" in m.group()[2:-2] for m in _CLASS.finditer(bare)):
        return False
    return bare.lower() == bare and "ı" not in bare and "ſ" not in bare


class Labels:
    """Label alternatives matched against a whole key(line), as re.IGNORECASE would.

    The alternatives that are plain words are looked up in a set; the others are
    small case-sensitive patterns, enough for a key whose characters case cannot pair
    with any other (nearly every key): one for the alternatives that start with a
    fixed text, per first character, tried only on a key that starts with one of
    those texts, and one for the rest. Only another key needs the whole
    case-insensitive pattern. Each pattern is compiled the first time a key needs it:
    compiling a wide case-insensitive alternation costs milliseconds, a noticeable
    share of start-up.
    """

    __slots__ = ("_words", "_by_first", "_rest", "_any_case", "_alike")

    def __init__(self, alternatives: Sequence[str]):
        source = "(?:" + "|".join(alternatives) + ")"
        self._any_case = pattern(source, re.IGNORECASE)
        self._alike = _matches_alike_in_any_case(source)
        split = literals.alternatives("|".join(alternatives))
        words = [alt for alt in split if _REGEX_CHARS.isdisjoint(alt) and alt.lower() == alt]
        self._words = frozenset(words)
        grouped: dict[str, tuple[list[str], list[str]]] = {}
        rest = []
        for alt in split:
            if alt in words:
                continue
            starts = literals.prefixes(alt)
            if not starts:
                rest.append(alt)
            for start in starts:
                group_starts, group_alts = grouped.setdefault(start[0], ([], []))
                group_starts.append(start)
                if alt not in group_alts:
                    group_alts.append(alt)
        self._by_first = {
            first: (tuple(starts), pattern("(?:" + "|".join(alts) + ")")) for first, (starts, alts) in grouped.items()
        }
        self._rest = pattern("(?:" + "|".join(rest) + ")") if rest else None

    def matches(self, low: str) -> bool:
        """Whether the whole of `low` (a key) is one of the labels. A key in lower
        case made of ASCII and _CASE_PLAIN characters needs no case-insensitive test."""
        if low in self._words:
            return True
        if self._alike and low.lower() == low and (low.isascii() or _CASE_PLAIN_OR_ASCII.issuperset(low)):
            group = self._by_first.get(low[:1])
            if group is not None and low.startswith(group[0]) and group[1].fullmatch(low) is not None:
                return True
            return self._rest is not None and self._rest.fullmatch(low) is not None
        return self._any_case.fullmatch(low) is not None


def labels(*alternatives: str) -> Labels:
    """Label alternatives for a whole key (applied to `key(line)`)."""
    return Labels(alternatives)


def matches_key(label_pattern: Labels) -> Callable[[str], bool]:
    return lambda text: label_pattern.matches(key(text))
