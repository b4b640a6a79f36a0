"""What a filter is, and the small vocabulary the filter modules share.

A filter looks at the lines still kept and names the ones to take out. It never
rewrites a line. Most filters judge one line at a time (`line_filter`); a few need
the lines around it (a caption before its credit, a link list under a "Related"
header) and write `select` themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Sequence

from ..lines import Line

Select = Callable[[Sequence[Line]], Iterable[int]]

# Whole-line rules only look at lines up to this length: furniture is short, and a
# bound on the length keeps every pattern's work per line constant, so a document
# costs time linear in its size whatever the patterns are.
SHORT = 200


@dataclass(frozen=True)
class Filter:
    name: str
    description: str
    select: Select  # positions (into the kept lines it is given) to remove
    # Texts this filter must take out whole. Lines starting with "= " are context:
    # they are there for the filter to see and must be kept.
    examples: tuple[str, ...] = ()
    # Texts this filter must leave alone, every line.
    counterexamples: tuple[str, ...] = ()


def line_filter(
    name: str,
    description: str,
    match: Callable[[str], bool],
    *,
    examples: Sequence[str] = (),
    counterexamples: Sequence[str] = (),
    max_chars: int = SHORT,
) -> Filter:
    """A filter that judges each line on its own text."""

    def select(lines: Sequence[Line]) -> list[int]:
        return [i for i, ln in enumerate(lines) if len(ln.text) <= max_chars and match(ln.text)]

    return Filter(name, description, select, tuple(examples), tuple(counterexamples))


class Pattern:
    """A regular expression compiled the first time it is used.

    The filters hold about seventy patterns, and compiling them all at import costs
    more than cleaning a short document; a run compiles only those its lines reach
    (cheap tests in front of the costly ones turn most lines away). After the first
    use the compiled pattern's methods are the object's own attributes, so a call
    costs what it would on re.Pattern.
    """

    _METHODS = ("match", "fullmatch", "search", "findall", "finditer", "sub", "split")
    __slots__ = ("_source", "_flags", "_compiled") + _METHODS

    def __init__(self, source: str, flags: int = 0):
        self._source = source
        self._flags = flags

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            compiled = self._compiled
        except AttributeError:
            compiled = self._compiled = re.compile(self._source, self._flags)
            for method in Pattern._METHODS:
                setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


def pattern(source: str, flags: int = 0) -> Pattern:
    return Pattern(source, flags)


_WORD_CHAR = re.compile(r"[^\W_]")
_WORD = re.compile(r"\w+")
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


def remembered(judge: Callable[[str], bool]) -> Callable[[str], bool]:
    """`judge`, remembering its verdicts on the last few thousand lines: the region
    finder asks whether a line is a cookie notice or a pitch, and the filter asks
    again about the same line. Longer lines are judged afresh: no filter asks about
    them twice, and the memory stays small whatever the input."""
    cached = lru_cache(maxsize=4096)(judge)
    _REMEMBERED.append(cached)

    def judge_line(text: str) -> bool:
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
    return BULLET.match(text) is not None


def unbullet(text: str) -> str:
    return text[2:] if BULLET.match(text) else text


def ends_sentence(text: str) -> bool:
    """Ends like a sentence: a full stop, question or exclamation mark, maybe quoted."""
    return text.rstrip("\"'”’»)]*").endswith((".", "!", "?", "…", "。", "！", "？"))


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
    is_single: Callable[[str], bool],
) -> list[int]:
    """Positions of every header with the run of items right below it, and of the
    other lines that go on their own."""
    out: list[int] = []
    i = 0
    while i < len(lines):
        if is_header(lines[i].text):
            items = run_below(lines, i, is_item, limit)
            out.append(i)
            out.extend(items)
            i += 1 + len(items)
            continue
        if is_single(lines[i].text):
            out.append(i)
        i += 1
    return out


# re's case-insensitive matching takes the Turkish dotless ı and dotted İ for i, and
# casefold() keeps them apart ("İ" becomes "i̇"). A literal test on a case-folded line
# that stands in front of a case-insensitive pattern also lets these through.
TURKISH_I = ("ı", "i\u0307")


def labels(*alternatives: str) -> Pattern:
    """A whole-key pattern from label alternatives (applied to `key(line)`)."""
    return pattern("(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


def matches_key(label_pattern: Pattern) -> Callable[[str], bool]:
    return lambda text: label_pattern.fullmatch(key(text)) is not None
