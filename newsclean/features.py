"""What the scorer knows about each line: a few general measures of the line and
of the lines around it, the same in every language.

The measures are the ones boilerplate detection has long relied on (length, how
much a line reads like running text, digits, capitals, list and link shapes,
where it stands) plus the verdict of the phrase rules and of the region step.
None of them names a site or a phrase; which values count for or against a line
is learned (training/fit.py) and kept in data/scorer.json.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import NamedTuple, Sequence

from .filters.base import ends_sentence, is_bullet, key
from .lines import Line
from .region import density, known_language, plain_text, size_in_words

# The measures of one line, in the order the scorer reads them.
OWN = (
    "chars",  # log length in characters
    "words",  # log length in words (CJK: a word for two characters)
    "sentence_end",  # ends with . ! ? (maybe quoted)
    "colon_end",  # ends with a colon: announces what follows
    "function_words",  # share of its language's function words; -1 when unknown
    "digits",  # share of words holding a digit
    "capitals",  # share of words starting with a capital
    "upper",  # share of letters in upper case
    "bullet",  # starts with a list bullet
    "markup",  # holds a URL or markdown link marks
    "separators",  # | · » / runs: a menu or a breadcrumb
    "quote_start",  # opens with a quotation mark
    "commas",  # commas per word
    "gap_before",  # a blank line stands before it
    "gap_after",  # a blank line stands after it
    "position",  # where it stands, 0 (first line) to 1 (last)
    "repeats",  # how many other lines of the text say the same
    "taken",  # the step that marked it: 0 for none, else its category (pipeline.STEP_NAMES)
    "share_of_longest",  # its words over the longest line's
    "prose_distance",  # lines to the nearest long prose line (capped)
)
# The same few measures of the lines just before and after.
NEAR = ("words", "sentence_end", "function_words", "taken")
NEIGHBOURS = (-2, -1, 1, 2)
# Measures of the whole text, the same for every line of it.
TEXT = ("lines", "prose_share", "page")

NAMES = OWN + tuple(f"{name}@{d:+d}" for d in NEIGHBOURS for name in NEAR) + TEXT

_OWN_INDEX = {name: i for i, name in enumerate(OWN)}
_NEAR_INDEX = tuple(_OWN_INDEX[name] for name in NEAR)
# A neighbour beyond the text's edge: a value no line has.
EDGE = -2.0

_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w+")
_SEPARATORS = re.compile(r"\s[|·»/•]\s|\s\|\s?|^\|")
_QUOTES = ("\"", "“", "„", "«", "»", "‘", "'", "「", "‹")
_PROSE_WORDS = 20  # a line this long that ends like a sentence is surely prose
_FAR = 20.0
_LOG_PROSE = math.log1p(8)  # a sentence of 8 words or more
_LOG_SHORT = math.log1p(3)  # a line of 3 words or fewer


# Measures of a whole text, from its lines' own measures: whether it is a whole
# page (menus, footers and the article somewhere) or the article alone.
DOCUMENT = (
    "lines", "prose_share", "short_share", "bullet_share", "separator_share", "digit_share",
    "markup_share", "capitals_mean", "words_mean", "words_longest", "sentence_share", "repeat_share",
)


class Measured(NamedTuple):
    own: list[list[float]]  # each line's OWN measures, "taken" not yet set
    document: list[float]  # the DOCUMENT measures


def measure(lines: Sequence[Line]) -> Measured:
    """Each line's own measures and the text's."""
    n = len(lines)
    if not n:
        return Measured([], [0.0] * len(DOCUMENT))
    plain = [plain_text(line.text) for line in lines]
    folded = [_WORD.findall(text.casefold()) for text in plain]
    known = known_language(folded)
    keys = [key(text) for text in plain]
    repeats = Counter(keys)
    own = []
    for i, (line, text, toks) in enumerate(zip(lines, plain, folded)):
        size = size_in_words(text) if not text.isascii() else float(len(toks))
        own.append(_own(line, text, toks, size, known, 0, repeats[keys[i]] - 1))
    words_at = [row[_OWN_INDEX["words"]] for row in own]
    _context(own, lines)
    col = _OWN_INDEX

    def share(test) -> float:
        return sum(1 for row in own if test(row)) / n

    document = [
        math.log1p(n),
        share(lambda r: r[col["sentence_end"]] and r[col["words"]] >= _LOG_PROSE),
        share(lambda r: r[col["words"]] <= _LOG_SHORT),
        share(lambda r: r[col["bullet"]]),
        share(lambda r: r[col["separators"]]),
        sum(r[col["digits"]] for r in own) / n,
        share(lambda r: r[col["markup"]]),
        sum(r[col["capitals"]] for r in own) / n,
        sum(words_at) / n,
        max(words_at),
        share(lambda r: r[col["sentence_end"]]),
        share(lambda r: r[col["repeats"]]),
    ]
    return Measured(own, document)


def rows(measured: Measured, taken: Sequence[int], page: int) -> list[list[float]]:
    """Every line's measures (NAMES order). `taken` holds each line's step category,
    `page` says what the region step made of the text (0 not a whole page, 1 a page
    with an article, 2 a page without one, 3 one cleaned as an article)."""
    t = _OWN_INDEX["taken"]
    own = [row[:t] + [float(category)] + row[t + 1:] for row, category in zip(measured.own, taken)]
    n = len(own)
    # The text's measures: its line count and prose share, as measure() found them.
    text_row = measured.document[:2] + [float(page)]
    out = []
    for i, row in enumerate(own):
        near = []
        for d in NEIGHBOURS:
            j = i + d
            near.extend(own[j][k] for k in _NEAR_INDEX) if 0 <= j < n else near.extend([EDGE] * len(_NEAR_INDEX))
        out.append(row + near + text_row)
    return out


def _own(line: Line, text: str, toks: list[str], size: float, known: bool, taken: int, repeats: int) -> list[float]:
    raw = line.text
    original = _WORD.findall(text)
    n = len(original)
    letters = sum(ch.isalpha() for ch in text)
    upper = sum(ch.isupper() for ch in text)
    return [
        math.log1p(len(raw)),
        math.log1p(size),
        float(ends_sentence(text)),
        float(text.endswith(":")),
        density(toks) if known and toks else -1.0,
        sum(1 for tok in toks if _DIGIT.search(tok)) / n if n else 0.0,
        sum(1 for tok in original if tok[0].isupper()) / n if n else 0.0,
        upper / letters if letters else 0.0,
        float(is_bullet(raw)),
        float(raw != text),
        float(min(len(_SEPARATORS.findall(raw)), 5)),
        float(text.startswith(_QUOTES)),
        text.count(",") / n if n else 0.0,
        float(line.gap),
        0.0,  # gap_after, set by _context
        0.0,  # position, set by _context
        float(min(repeats, 5)),
        float(taken),
        size,  # share_of_longest, set by _context from the size
        _FAR,  # prose_distance, set by _context
    ]


def _context(own: list[list[float]], lines: Sequence[Line]) -> None:
    """Fill in the measures that depend on where a line stands among the others."""
    n = len(own)
    longest = max(row[_OWN_INDEX["share_of_longest"]] for row in own) or 1.0
    prose = [
        i for i, row in enumerate(own)
        if row[_OWN_INDEX["sentence_end"]] and row[_OWN_INDEX["share_of_longest"]] >= _PROSE_WORDS
    ]
    k = 0
    for i, row in enumerate(own):
        row[_OWN_INDEX["gap_after"]] = float(i + 1 < n and lines[i + 1].gap)
        row[_OWN_INDEX["position"]] = i / (n - 1) if n > 1 else 0.0
        row[_OWN_INDEX["share_of_longest"]] /= longest
        while k + 1 < len(prose) and prose[k + 1] <= i:
            k += 1
        if prose:
            near = min(abs(i - prose[j]) for j in (k, min(k + 1, len(prose) - 1)))
            row[_OWN_INDEX["prose_distance"]] = float(min(near, _FAR))
