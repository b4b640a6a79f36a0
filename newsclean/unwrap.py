"""Rejoining hard-wrapped paragraphs: `unwrap`.

Text dumped by lynx, w3m or an e-mail client is wrapped at a fixed width (about 72
columns, blank lines between paragraphs): every physical line of a paragraph is a
line of its own, and the filters and the scorer, which judge lines, would see a
paragraph's pieces instead of the paragraph. This step joins them, before any line is judged.

The text is clearly wrapped when all of these hold. A *break* is the end of a
line that the next line of the same block (no blank line between) continues,
unless the next line is a list item (a bullet or "1." / "2)"), a markdown
heading or a quotation ("> "), or either line holds a run of three spaces (the
columns of a table or a grid of links):
- there are at least three breaks after lines of four words or more (two CJK
  characters count a word): a line of fewer words (a menu item, "Thanks,") tells
  nothing of the width and is not counted below;
- the breaks are forced at one width W between 50 and 110 columns: at least 80%
  of the lines before them are no longer than W, and the next line's first word
  would not have fitted on them (a line holding a URL or an unbreakable word
  counts as forced). W is the width that forces the most breaks;
- W is a sharp maximum: at most 5% of all lines run past it (URLs aside);
- at most 40% of the lines before a break end a sentence: a text with one
  sentence or paragraph per line ends nearly every line so.

In a clearly wrapped text each forced break whose line is no longer than W is
joined, except where the line ends a sentence and the next one is short (under
half of W): a signature, a closing word or a line broken on purpose. A break that
is not forced (a short line) and a list item always stay. A line that ends in a
hyphen after a letter is joined without a space ("storm-" + "battered"), and so
are lines of CJK text, which is wrapped at any character and written without
spaces. Widths are counted in columns: a CJK character takes two.

The joined line keeps the physical lines it was made from (Line.parts), so a
paragraph that is later removed is recorded line by line, as the input has it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .filters.base import ends_sentence, is_bullet, pattern
from .lines import Line
from .region import size_in_words

NAME = "unwrap"
DESCRIPTION = "rejoins the lines of hard-wrapped paragraphs (lynx, w3m, e-mail); removes nothing"

# The thresholds of "clearly wrapped" (see above). A text of one sentence per line
# breaks almost never at a forced point and ends nearly every line with a sentence;
# a menu or a list has lines of fewer than _MIN_WORDS words.
_MIN_BREAKS, _MIN_WORDS = 3, 4
_MIN_WIDTH, _MAX_WIDTH = 50, 110
_FORCED_SHARE, _OVER_WIDTH_SHARE, _SENTENCE_END_SHARE = 0.8, 0.05, 0.4
# A word this long is never broken by a wrapping tool, so it may push a line past W.
_UNBREAKABLE = 30

# A list item: a bullet, or a number or letter followed by "." or ")".
_NUMBERED = re.compile(r"(?:\d{1,3}(?:\.\d{1,3})*|[a-zA-Z])[.)]\s")
# Characters that take two columns (CJK, kana, hangul, full-width forms): text in
# them is wrapped at any character, without spaces. Compiled on first use (a class
# this wide takes milliseconds), which ASCII text never makes.
_WIDE = pattern(r"[\u1100-\u115f\u2e80-\u303f\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af"
                   r"\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")


def unwrap(lines: Sequence[Line]) -> list[Line]:
    """The lines with every wrapped paragraph joined into one line, or the lines as
    they are when the text is not clearly wrapped (see the module's docstring)."""
    breaks = [i for i in range(len(lines) - 1) if _may_break(lines[i], lines[i + 1])]
    width = _width(lines, breaks)
    if width is None:
        return list(lines)
    out: list[Line] = []
    run: list[Line] = [lines[0]]
    for i in range(1, len(lines)):
        if _joins(lines, i - 1, width):
            run.append(lines[i])
        else:
            out.append(_join(run))
            run = [lines[i]]
    out.append(_join(run))
    return out


def _may_break(line: Line, following: Line) -> bool:
    """Whether `following` may continue `line`: the same block, and not a new item."""
    text = following.text
    return not following.gap and not (
        is_bullet(text) or _NUMBERED.match(text) or text.startswith(("#", ">")) or line.text.startswith(">")
        or "   " in line.text or "   " in text  # columns of a table or a grid of links
    )


def _width(lines: Sequence[Line], breaks: list[int]) -> int | None:
    """The width the text is wrapped at, or None when it is not clearly wrapped.
    Each break is forced for the widths from its line's length up to that length
    plus the next line's first word; the width is the one that forces the most
    breaks (the smallest of equals: the longest line a wrapped text holds)."""
    # A line of a few words (a menu item, "Thanks,") tells nothing of the width.
    breaks = [i for i in breaks if _unbreakable(lines[i].text) or size_in_words(lines[i].text) >= _MIN_WORDS]
    if len(breaks) < _MIN_BREAKS:
        return None
    # The cheapest test first: it turns away the texts of one sentence per line.
    if sum(1 for i in breaks if ends_sentence(lines[i].text)) > _SENTENCE_END_SHARE * len(breaks):
        return None
    forcing = [0] * (_MAX_WIDTH + 2)
    unbreakable = 0
    for i in breaks:
        text = lines[i].text
        if _unbreakable(text):
            unbreakable += 1
        else:
            size = _columns(text)
            first = _first(lines[i + 1].text)
            lo, hi = max(size, _MIN_WIDTH), min(size + first, _MAX_WIDTH)
            if lo <= hi:
                forcing[lo] += 1
                forcing[hi + 1] -= 1
    best, width, running = 0, None, 0
    for w in range(_MAX_WIDTH + 1):
        running += forcing[w]
        if running > best:
            best, width = running, w
    if width is None or best + unbreakable < _FORCED_SHARE * len(breaks):
        return None
    over = sum(1 for line in lines if _columns(line.text) > width and not _unbreakable(line.text))
    if over > _OVER_WIDTH_SHARE * len(lines):
        return None
    return width


def _columns(text: str) -> int:
    """The columns `text` takes on a terminal."""
    return len(text) if text.isascii() else len(text) + len(_WIDE.findall(text))


def _first(text: str) -> int:
    """The columns of the first piece of `text` a wrapping tool would move as one:
    its first word, or its first character when that is a wide one."""
    if not text[:1].isascii() and _WIDE.match(text):
        return 2
    return _columns(text.split(None, 1)[0])


def _unbreakable(text: str) -> bool:
    """A URL, or a word too long to break (wide characters break anywhere)."""
    return "://" in text or any(len(word) >= _UNBREAKABLE and (word.isascii() or not _WIDE.search(word))
                                for word in text.split())


def _forced(line: Line, following: Line, width: int) -> bool:
    """The next line's first word would not have fitted at the end of `line`, which
    is no longer than `width` unless a URL or an unbreakable word pushed it past."""
    size = _columns(line.text)
    return (size <= width or _unbreakable(line.text)) and size + 1 + _first(following.text) > width


def _joins(lines: Sequence[Line], i: int, width: int) -> bool:
    """Whether line i and the next are one paragraph wrapped at `width`."""
    line, following = lines[i], lines[i + 1]
    if not _may_break(line, following) or not _forced(line, following, width):
        return False
    # A short line after a sentence may stand alone on purpose.
    return not (ends_sentence(line.text) and _columns(following.text) < width / 2)


def _join(run: list[Line]) -> Line:
    if len(run) == 1:
        return run[0]
    text = run[0].text
    for line in run[1:]:
        text += _glue(text, line.text) + line.text
    return Line(run[0].number, text, run[0].gap, tuple(run))


def _glue(before: str, after: str) -> str:
    """What goes between two joined lines: nothing after a hyphen that ends a word
    part ("storm-" "battered") or next to a wide character (CJK is written without
    spaces), else a space."""
    if before.endswith("-") and before[-2:-1].isalpha() and after[:1].isalpha():
        return ""
    if any(not ch.isascii() and _WIDE.match(ch) for ch in (before[-1], after[0])):
        return ""
    return " "
