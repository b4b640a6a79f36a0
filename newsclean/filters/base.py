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


def words(text: str) -> list[str]:
    return _WORD.findall(text)


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


def labels(*alternatives: str) -> re.Pattern[str]:
    """A whole-key pattern from label alternatives (applied to `key(line)`)."""
    return re.compile("(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


def matches_key(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    return lambda text: pattern.fullmatch(key(text)) is not None
