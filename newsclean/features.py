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
from collections import Counter, namedtuple
from collections.abc import Iterable, Sequence

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
_WORD_START = re.compile(r"\b\w")  # the first character of each word
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_SEPARATORS = re.compile(r"\s[|·»/•]\s|\s\|\s?|^\|")
_SEPARATOR_MARK = re.compile(r"[|·»/•]")
_QUOTES = ("\"", "“", "„", "«", "»", "‘", "'", "「", "‹")
_PROSE_WORDS = 20  # a line this long that ends like a sentence is surely prose
_FAR = 20.0
_LOG_PROSE = math.log1p(8)  # a sentence of 8 words or more
_LOG_SHORT = math.log1p(3)  # a line of 3 words or fewer


def _ascii_classes() -> bytes:
    """A translation table giving each ASCII character its class, to count them in
    C: A an upper-case letter, a a lower-case one, 0 a digit, _ itself (a word
    character too), a space any other character."""
    # The letters spelt out: the string module would cost start-up a compiled pattern
    # (string.Template's) for three constants.
    table = bytearray(b" " * 256)
    for chars, cls in (("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "A"), ("abcdefghijklmnopqrstuvwxyz", "a"), ("0123456789", "0"),
                       ("_", "_")):
        for ch in chars:
            table[ord(ch)] = ord(cls)
    return bytes(table)


_ASCII_CLASSES = _ascii_classes()


# Measures of a whole text, from its lines' own measures: whether it is a whole
# page (menus, footers and the article somewhere) or the article alone.
DOCUMENT = (
    "lines", "prose_share", "short_share", "bullet_share", "separator_share", "digit_share",
    "markup_share", "capitals_mean", "words_mean", "words_longest", "sentence_share", "repeat_share",
    # Where the prose stands: a page's menus come before it and its footer after,
    # while an article's own lists stand between its paragraphs.
    "lead_share", "trail_share", "lead_lines", "trail_lines", "longest_break", "prose_words",
    "short_head", "short_tail", "densest_words",
)
# A page's menus and footer: the lines at either end of a text this many deep. On
# the fitted sites of the wide corpus a whole page has a median of 26 lines before
# its first prose line and 12 after its last, the article alone none (three in
# four: 2 or fewer); 20 lines reach into most pages' menus or footer and take in
# every short line at an article's own ends.
_ENDS = 20
# Prose lines at most this many lines apart stand in one stretch (densest_words):
# between two prose lines of an article (the fitted sites' article texts) stand
# at most 3 other lines (a subheading, a caption, an ad label) in 93.5% of cases,
# at most 2 in 90.7%, at most 6 in 96.7%: past 3 each further line adds under
# 1.5% of them, and a wider gap lets more of a page's short lines join a stretch.
_STRETCH_GAP = 3


# columns: each OWN measure's values, line by line ("taken" not yet set);
# document: the DOCUMENT measures. (A namedtuple, not a typing.NamedTuple: see lines.Line.)
Measured = namedtuple("Measured", "columns document")


def measure(lines: Sequence[Line]) -> Measured:
    """Each line's own measures and the text's."""
    n = len(lines)
    if not n:
        return Measured([[] for _ in OWN], [0.0] * len(DOCUMENT))
    # Taken a measure at a time over all the lines, each mostly by one call into C per line.
    raw = [line.text for line in lines]
    plain = list(map(plain_text, raw))
    folded = list(map(_WORD.findall, map(str.casefold, plain)))
    known = known_language(folded)
    keys = list(map(key, plain))
    repeats = Counter(keys)
    sizes = [float(len(toks)) if text.isascii() else size_in_words(text) for text, toks in zip(plain, folded)]
    words = list(map(math.log1p, sizes))
    sentence_end = [float(ends_sentence(text)) for text in plain]
    digits, capitals, upper, commas = map(list, zip(*map(_shares, plain, folded)))
    gaps = [float(line.gap) for line in lines]
    longest = max(sizes) or 1.0
    columns = {
        "chars": [math.log1p(len(text)) for text in raw],
        "words": words,
        "sentence_end": sentence_end,
        "colon_end": [float(text.endswith(":")) for text in plain],
        "function_words": [density(toks) if known and toks else -1.0 for toks in folded],
        "digits": digits,
        "capitals": capitals,
        "upper": upper,
        "bullet": [float(is_bullet(text)) for text in raw],
        "markup": [float(text != shown) for text, shown in zip(raw, plain)],
        "separators": list(map(_separators, raw)),
        "quote_start": [float(text.startswith(_QUOTES)) for text in plain],
        "commas": commas,
        "gap_before": gaps,
        "gap_after": gaps[1:] + [0.0],
        "position": [i / (n - 1) for i in range(n)] if n > 1 else [0.0],
        "repeats": [float(min(repeats[k] - 1, 5)) for k in keys],
        "taken": [0.0] * n,
        "share_of_longest": [size / longest for size in sizes],
        "prose_distance": _prose_distance([end and size >= _PROSE_WORDS for end, size in zip(sentence_end, sizes)]),
    }

    def share(flags: Iterable[object]) -> float:
        return sum(map(bool, flags)) / n

    document = [
        math.log1p(n),
        share(end and w >= _LOG_PROSE for end, w in zip(sentence_end, words)),
        share(w <= _LOG_SHORT for w in words),
        share(columns["bullet"]),
        share(columns["separators"]),
        sum(digits) / n,
        share(columns["markup"]),
        sum(capitals) / n,
        sum(words) / n,
        max(words),
        share(sentence_end),
        share(columns["repeats"]),
        *_layout([end and w >= _LOG_PROSE for end, w in zip(sentence_end, words)], sizes,
                 [w <= _LOG_SHORT for w in words]),
    ]
    return Measured([columns[name] for name in OWN], document)


def _layout(prose: Sequence[bool], sizes: Sequence[float], short: Sequence[bool]) -> list[float]:
    """The layout measures of DOCUMENT, from each line's being prose, its size in
    words and its being short: the shares and (log) numbers of lines before the
    first prose line and after the last, the longest run of other lines between two
    prose lines (a share of the lines), the share of the words in prose lines, the
    shares of short lines among the first and the last _ENDS lines, and the share of
    the words in the densest stretch of prose."""
    n = len(prose)
    at = [i for i, is_prose in enumerate(prose) if is_prose]
    head, tail = short[:_ENDS], short[-_ENDS:]
    ends = [sum(head) / len(head), sum(tail) / len(tail)]
    if not at:
        return [1.0, 1.0, math.log1p(n), math.log1p(n), 1.0, 0.0, *ends, 0.0]
    total = sum(sizes) or 1.0
    first, last = at[0], at[-1]
    longest_break = max((b - a - 1 for a, b in zip(at, at[1:])), default=0)
    densest = stretch = 0.0
    for k, i in enumerate(at):
        stretch = stretch + sizes[i] if k and i - at[k - 1] <= _STRETCH_GAP else sizes[i]
        densest = max(densest, stretch)
    return [first / n, (n - 1 - last) / n, math.log1p(first), math.log1p(n - 1 - last), longest_break / n,
            sum(sizes[i] for i in at) / total, *ends, densest / total]


def rows(measured: Measured, taken: Sequence[int], page: int) -> list[list[float]]:
    """Every line's measures (NAMES order). `taken` holds each line's step category,
    `page` says what the region step made of the text (0 not a whole page, 1 a page
    with an article, 2 a page without one, 3 one cleaned as an article)."""
    return list(map(list, zip(*columns(measured, taken, page))))


def columns(measured: Measured, taken: Sequence[int], page: int) -> list[list[float]]:
    """rows() a measure at a time: each measure's values, line by line (NAMES order)."""
    own = list(measured.columns)
    own[_OWN_INDEX["taken"]] = list(map(float, taken))
    near = [shifted(own[k], d, EDGE) for d in NEIGHBOURS for k in _NEAR_INDEX]
    # The text's measures: its line count and prose share, as measure() found them.
    text = [[value] * len(taken) for value in measured.document[:2] + [float(page)]]
    return own + near + text


def shifted(values: Sequence[float], d: int, edge: float) -> list[float]:
    """Each line's value of the line `d` lines after it (before it when d < 0), `edge`
    where that line lies beyond the text's edge."""
    values = list(values)
    if d < 0:
        return ([edge] * -d + values)[:len(values)]
    return (values + [edge] * d)[d:]


def _shares(text: str, toks: list[str]) -> tuple[float, float, float, float]:
    """A line's shares of words holding a digit, of words starting with a capital and
    of letters in upper case, and its commas per word, from its plain text and
    case-folded words."""
    # Its ASCII characters are counted in C by their class (an ASCII letter is A-Z or
    # a-z), the few others one by one.
    classes = (" " + text).encode("ascii", "ignore").translate(_ASCII_CLASSES)
    upper = classes.count(b"A")
    letters = upper + classes.count(b"a")
    if text.isascii():
        # An ASCII line case-folds to as many words, and a word starts with a
        # capital where an A follows a space (the one put first stands for the
        # line's start).
        n = len(toks)
        capitals = classes.count(b" A")
        has_digit = b"0" in classes
    else:
        others = "".join(_NON_ASCII.findall(text))
        upper += sum(map(str.isupper, others))
        letters += sum(map(str.isalpha, others))
        starts = _WORD_START.findall(text)
        n = len(starts)
        capitals = sum(map(str.isupper, starts))
        # casefold() makes no digit out of another character.
        has_digit = _DIGIT.search(text) is not None
    upper_share = upper / letters if letters else 0.0
    if not n:
        return 0.0, 0.0, upper_share, 0.0
    # Most lines hold no digit and need no word by word test.
    digits = sum(1 for tok in toks if _DIGIT.search(tok)) if has_digit else 0
    return digits / n, capitals / n, upper_share, text.count(",") / n


def _separators(raw: str) -> float:
    # Every separator holds one of the marks, which most lines lack.
    if not _SEPARATOR_MARK.search(raw):
        return 0.0
    return float(min(len(_SEPARATORS.findall(raw)), 5))


def _prose_distance(prose: Sequence[bool]) -> list[float]:
    """Each line's distance in lines to the nearest prose line (capped)."""
    at = [i for i, is_prose in enumerate(prose) if is_prose]
    if not at:
        return [_FAR] * len(prose)
    out = []
    k = 0  # the last prose line at or before line i, or the first one
    for i in range(len(prose)):
        while k + 1 < len(at) and at[k + 1] <= i:
            k += 1
        near = min(abs(i - at[k]), abs(i - at[min(k + 1, len(at) - 1)]))
        out.append(float(min(near, _FAR)))
    return out
