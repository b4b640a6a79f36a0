"""Finding the article inside a whole-page text dump.

`locate` decides whether the lines are a whole page (menus, footers and the article
somewhere between) and, if so, where the article region is.

Each line gets a value from what plain text still shows. Prose lines (long, ending
like a sentence, dense in their language's function words, few digits, not in
Title Case) count for their length; short, link-like or bulleted lines count
against. Context adjusts the values: a short prose line alone between furniture
lines is a teaser's summary, prose printed twice is a teaser too, a comment
section's header is a wall. Runs of furniture lines cost more than their parts,
so a caption or an ad slot inside the article is bridged while a menu or a teaser
list is not. The stretches with the highest totals (maximum-sum segments, each
found in one pass) are the candidates; a small model fitted on the wide corpus
(data/region.json, training/fit_region.py) picks the article among them from
where each stands (how far down the page, after a comment section's header or
not, under the page's headline or not), what it is worth beside the others and
whether it holds a copyright line: a footer or a comment thread can hold more
prose than a short article. A second one grows the region by the stretches
beside it that read as more of the same article. Every step is linear in the
number of lines.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import accumulate, chain, compress
from collections import namedtuple
from collections.abc import Sequence
from operator import itemgetter, not_

from .filters.base import ends_clause, ends_sentence, is_bullet, key, pattern, words
from .filters.byline import is_byline, is_date_line
from .filters.comments import is_comment_furniture
from .filters.legal import is_legal
from .filters.media import is_credit
from .filters.related import is_header as is_related_header
from .filters.share import is_button_row
from .filters.subscribe import is_pitch
from .lines import Line

NAME = "region"
DESCRIPTION = "on a whole-page dump, everything outside the article region"
RULE = f"{NAME}.outside"  # the id of every removal this step makes


class Region(namedtuple("Region", "start end title")):
    # start: index of the region's first line; end: index of its last line
    # (inclusive); title: index of the headline just above it, or None.
    # (A namedtuple, not a typing.NamedTuple: see lines.Line.)
    __slots__ = ()

    @property
    def empty(self) -> bool:
        """A whole page in which no article stands out (a listing, a front page)."""
        return self.end < self.start


NO_ARTICLE = Region(0, -1, None)

# The most frequent function words of each language: prose is dense in them, menus
# and headlines are not. A line is judged in the language that fits it best.
_FUNCTION_WORDS = {
    "en": "the of and to a in is that for it was on with as he she be by at from his her are this have "
          "has had not but or an they we were which will their been who would there its said after",
    "de": "der die das und in den von zu mit ist im dem nicht ein eine des sich auf für als auch "
          "es an er sie wie bei aus wird hat dass nach einem einer war sind noch werden oder",
    "fr": "le la les de des du et à un une est en que qui dans pour pas sur au par il elle ne se "
          "plus avec son sa ses ont été cette mais ou aux nous vous leur",
    "es": "el la los las de del y en que a un una es por con para se no su al lo como más pero "
          "sus le ha fue este esta ya entre cuando también son sobre",
    "pt": "o a os as de do da dos das e em que um uma é por com para se não no na ao mais como "
          "foi seu sua mas ele ela são também pelo pela entre",
    "it": "il lo la i gli le di del della dei e in che un una è per con non si da al alla nel "
          "nella sono ha come anche ma più suo sua questo questa",
    "nl": "de het een en van in is dat op te met voor zijn niet aan er die door als ook bij om "
          "was werd naar maar dan nog wordt heeft",
    "pl": "i w na z się nie do to że jest o jak po za od ale przez jego jej tak już co dla oraz "
          "są był była może",
    "ru": "и в не на что с по как к из он она это за от так но его ее для же был была были то "
          "бы уже или также при когда",
    "id": "yang dan di ke dari untuk dengan ini itu dalam tidak akan pada adalah juga oleh ada "
          "karena sebagai atau bisa telah sudah mereka kami",
    "tr": "ve bir bu da de için ile olarak çok daha gibi ama en olan kadar sonra ancak ise her "
          "değil var",
    "sv": "och i att det som en på är av för med till den har de inte om ett han hon var men "
          "från vi så kan sig",
}
_LANGUAGES = tuple(_FUNCTION_WORDS)


def _index_function_words() -> dict[str, tuple[str, ...]]:
    """Each function word with the languages it belongs to ("de" is French, Spanish,
    Portuguese, Italian and Dutch alike)."""
    index: dict[str, tuple[str, ...]] = {}
    for lang, listed in _FUNCTION_WORDS.items():
        for word in listed.split():
            index[word] = index.get(word, ()) + (lang,)
    return index


_LANGUAGES_OF = _index_function_words()

# A comment section's header ("12 Comments", "Leave a reply") is a wall: no region
# reaches across it, however much prose the comments hold.
_WALL = -1.0e9
# The candidate stretches of a part of the page between walls: its best stretch,
# then the best on either side of it, to this depth (up to 7 a part).
_DEPTH = 2
# Of those, the most valuable this many are the candidates: a forum page with a
# wall at every post would have hundreds. On the texts of both corpora, the
# stretch scoring best alone is among the 16 most valuable in 99.9% of them.
_CANDIDATES = 16
# The measures the region model reads of each candidate stretch (Stretches.rows).
CANDIDATE = (
    "value", "value_share", "start", "end", "prose_before", "after_wall", "copyright", "titled",
    "prose_lines", "mean_value", "alone",
)
# The measures the join model reads of a stretch beside the region
# (Stretches.join_row): its own, and those of the lines between.
JOIN = (
    "value", "value_share", "value_beside", "mean_value", "after", "gap_lines", "gap_value",
    "gap_furniture", "gap_digits", "gap_walls", "gap_headers", "copyright", "start", "alone",
)
# A copyright notice: in a footer, it holds the footer's prose.
_COPYRIGHT = re.compile(r"©|\(c\)\s*(?:19|20)\d\d|\bcopyright\b", re.IGNORECASE)
# Less prose than this (in words) is no article: a page of teasers, a front page.
_ARTICLE_WORDS = 25
# Listing summaries run shorter than this on average; article paragraphs longer.
_TEASER_WORDS = 30
# A prose line alone between furniture lines counts this share of its value, or
# nothing when its value is under _ALONE_MIN.
_ALONE = 0.5
_ALONE_MIN = 10
# A furniture line this short ("Advertisement", "Photo") is a label, not a
# headline: a paragraph with labels on both sides is not alone.
_LABEL_WORDS = 3
# Words every prose line gives up, so that short lines count for less than their
# length (a teaser's one-line summary, a caption that reads like a sentence).
_OFFSET = 6
# Above this share of capitalised words a line reads like a headline.
_CAPITALS = 0.4
# Fewer furniture lines than this outside the article (or a smaller share of all
# lines) and the text is taken as the article alone: a share bar and a tag list
# around an article are not a page.
_PAGE_LINES = 20
_PAGE_SHARE = 0.2
# How far above the region to look for its headline. A page dump opens with the
# page's <title> (html-text) or a breadcrumb holding it.
_TITLE_LOOKBACK = 25
_OPENING_LINES = 3

# Markdown (html2text) link targets and images, bare URLs, heading and emphasis marks.
_MARKUP = re.compile(r"\]\([^)\s]*\)?|https?://\S+|!\[|[\[\]]|^#+ |\*\*|__")
# Text wrapped at a fixed width (html2text wraps at 78, lynx and fold at 80) breaks
# a line no longer than _WRAP_MAX where the next word would pass _WRAP_MIN.
_WRAP_MIN = 60
_WRAP_MAX = 100

_DIGITS = re.compile(r"\d")
_FIRST = itemgetter(0)
_TEXT = itemgetter(1)  # Line.text
_ASCII_CAPITAL_START = re.compile(r"\b[A-Z]", re.ASCII)
_WORD_FINDALL = re.compile(r"\w+").findall  # words(), without its memory
# Compiled on first use: a class this wide takes milliseconds to compile, and a text
# with no character from U+3040 up never needs it (size_in_words asks max() first:
# a negated class such as [^\x00-\u303f] costs about as much to compile).
_CJK = pattern(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_BELOW_KANA = "\u303f"


def locate(lines: Sequence[Line], force: bool = False) -> Region | None:
    """The article region of a whole-page dump, NO_ARTICLE for a page in which none
    stands out, or None when the text is already just the article (never with force)."""
    if not lines:
        return None
    texts = list(map(_TEXT, lines))
    digitless = list(map(not_, map(_DIGITS.search, texts)))
    if not force and not _may_be_page(digitless):
        return None
    plain, raw, label, values = _measure(lines, texts)
    stretches = Stretches(lines, plain, values, raw, label)
    best = stretches.choose(*_models())
    if best is None:
        return NO_ARTICLE if force or _is_page(digitless, values, None) else None
    start, end = best
    if not force and not _is_page(digitless, values, best):
        return None
    if not _is_article(raw, label, start, end):
        return NO_ARTICLE
    return Region(start, _announced_list(lines, raw, end), _title(lines, plain, start))


def _measure(lines: Sequence[Line], texts: Sequence[str]) -> tuple[list[str], list[float], list[bool], list[float]]:
    """Each line's plain text, its value before and after context, and whether it is
    a short label."""
    plain = list(map(plain_text, texts))
    # Each line's case-folded words: the language is found from them and every line
    # is judged by them. An ASCII line has as many words as its case-folded form.
    folded = list(map(_WORD_FINDALL, map(str.casefold, plain)))
    sizes = [len(toks) + 0.0 if text.isascii() else size_in_words(text) for text, toks in zip(plain, folded)]
    raw = _raw_values(lines, plain, sizes, folded, known_language(folded))
    label = [
        v <= 0 and v != _WALL and (size if text == shown else size_in_words(text)) <= _LABEL_WORDS
        for text, shown, size, v in zip(texts, plain, sizes, raw)
    ]
    return plain, raw, label, _values(raw, label)


def stretches(lines: Sequence[Line]) -> Stretches:
    """The candidate stretches of a text read as a whole page (for
    training/fit_region.py)."""
    plain, raw, label, values = _measure(lines, list(map(_TEXT, lines)))
    return Stretches(lines, plain, values, raw, label)


class Stretches:
    """A page's candidate stretches: the best stretches of each part of the page
    between walls (_DEPTH), most valuable first, and what the region model reads of
    each (CANDIDATE), and of the lines between a stretch and the region (JOIN)."""

    def __init__(self, lines: Sequence[Line], plain: Sequence[str], values: Sequence[float],
                 raw: Sequence[float], label: Sequence[bool]):
        found: list[tuple[float, int, int, int]] = []
        lo = 0
        walls = [i for i, v in enumerate(values) if v == _WALL]
        for part, hi in enumerate(walls + [len(values)]):
            _segments(values, lo, hi, _DEPTH, part, found)
            lo = hi + 1
        found.sort(key=lambda f: (-f[0], f[1]))
        del found[_CANDIDATES:]
        n = len(values)
        # Running sums over the lines, for what lies between two stretches.
        self._value = list(accumulate((0.0 if v == _WALL else v for v in values), initial=0.0))
        self._furniture = list(accumulate((1 if v <= 0 and v != _WALL else 0 for v in values), initial=0))
        self._walls = list(accumulate((1 if v == _WALL else 0 for v in values), initial=0))
        self._digits = list(accumulate((1 if _DIGITS.search(text) else 0 for text in plain), initial=0))
        # Headers over other stories ("Related", "More from the city"): what follows
        # one is not the article.
        self._headers = list(accumulate((1 if v <= 0 and is_related_header(text) else 0
                                         for text, v in zip(plain, values)), initial=0))
        positive = list(accumulate((v if v > 0 else 0.0 for v in values), initial=0.0))
        total = positive[-1] or 1.0
        opening = " ".join(key(line.text) for line in lines[:_OPENING_LINES])
        top = found[0][0] if found else 1.0
        self.spans = [(start, end) for _, start, end, _ in found]
        self.rows = []
        for value, start, end, part in found:
            prose = sum(1 for v in values[start:end + 1] if v > 0)
            alone = sum(1 for i in range(start, end + 1) if raw[i] > 0 and _alone(raw, label, i))
            self.rows.append([
                value,
                value / top,
                start / n,
                (end + 1) / n,
                positive[start] / total,
                1.0 if part else 0.0,
                1.0 if any(_COPYRIGHT.search(text) for text in plain[start:end + 1]) else 0.0,
                1.0 if _titled(lines, start, opening) else 0.0,
                float(prose),
                value / prose,
                alone / prose,
            ])

    def choose(self, model, join) -> tuple[int, int] | None:
        """The region: the stretch the region model scores highest (the most
        valuable on a tie), grown by the stretches around it that the join model
        reads as more of the same article."""
        first = self.first(model)
        return None if first is None else self.grow(self.spans[first], join)

    def first(self, model) -> int | None:
        """The stretch the region model scores highest (an index into spans)."""
        if len(self.spans) <= 1:
            return 0 if self.spans else None
        scores = model.scores(self.rows)
        return max(range(len(scores)), key=lambda j: (scores[j], -j))

    def outside(self, span: tuple[int, int]) -> list[int]:
        """The stretches wholly outside `span`."""
        return [k for k, (s, e) in enumerate(self.spans) if e < span[0] or s > span[1]]

    def grow(self, span: tuple[int, int], join) -> tuple[int, int]:
        """`span` joined, one at a time, to the stretch outside it that the join
        model scores highest, while that score is positive."""
        while True:
            outside = self.outside(span)
            if not outside:
                return span
            scores = join.scores([self.join_row(span, k) for k in outside])
            best = max(range(len(outside)), key=lambda j: (scores[j], -j))
            if scores[best] < 0:
                return span
            span = self.joined(span, outside[best])

    def joined(self, span: tuple[int, int], k: int) -> tuple[int, int]:
        s, e = self.spans[k]
        return min(s, span[0]), max(e, span[1])

    def join_row(self, span: tuple[int, int], k: int) -> list[float]:
        """What the join model reads of stretch k beside the region `span` (JOIN order)."""
        s, e = self.spans[k]
        own = dict(zip(CANDIDATE, self.rows[k]))
        lo, hi = (e + 1, span[0]) if e < span[0] else (span[1] + 1, s)
        gap = hi - lo
        inside = self._value[span[1] + 1] - self._value[span[0]]
        return [
            own["value"],
            own["value_share"],
            own["value"] / inside if inside > 0 else 1.0,
            own["mean_value"],
            1.0 if s > span[1] else 0.0,
            float(gap),
            self._value[hi] - self._value[lo],
            float(self._furniture[hi] - self._furniture[lo]),
            (self._digits[hi] - self._digits[lo]) / gap if gap else 0.0,
            float(self._walls[hi] - self._walls[lo]),
            float(self._headers[hi] - self._headers[lo]),
            own["copyright"],
            own["start"],
            own["alone"],
        ]


def _segments(values: Sequence[float], lo: int, hi: int, depth: int, part: int,
              found: list[tuple[float, int, int, int]]) -> None:
    """The best stretch of values[lo:hi], then, `depth` times over, the best on
    either side of it."""
    best = _best_segment(values, lo, hi)
    if best is None:
        return
    found.append((*best, part))
    if depth:
        _segments(values, lo, best[1], depth - 1, part, found)
        _segments(values, best[2] + 1, hi, depth - 1, part, found)


def _titled(lines: Sequence[Line], start: int, opening: str) -> bool:
    """A headline stands above the stretch that the page's opening lines (its
    <title>, a breadcrumb) repeat: the article's own headline."""
    for i in range(start - 1, max(_OPENING_LINES - 1, start - 1 - _TITLE_LOOKBACK), -1):
        text = heading_text(lines[i])
        if _is_headline(text) and key(text) in opening:
            return True
    return False


_MODELS: list = []


def _models():
    """The region model and the join model (scorer.Stages over CANDIDATE and JOIN),
    read once."""
    if not _MODELS:
        from .scorer import read_data, stage  # scorer imports features, which imports this module

        data = read_data("region.json")
        install(stage(data["choose"]), stage(data["join"]))
    return _MODELS


def install(model, join) -> None:
    """Use these models (scorer.Stages over CANDIDATE and JOIN) from now on in this
    process."""
    if model.names != CANDIDATE or join.names != JOIN:
        raise ValueError("the region model's data file does not match this version's measures: refit it")
    _MODELS[:] = [model, join]


def known_language(folded: Sequence[Sequence[str]]) -> bool:
    """Whether the text's longer lines (given as their case-folded words) are in one
    of the languages whose function words are known; if not (Japanese, Thai, ...),
    no line is judged by them."""
    longer = [toks for toks in folded if len(toks) >= 8]
    total = sum(map(len, longer))
    # Only function words count; the others are passed over in C.
    found = Counter(filter(_LANGUAGES_OF.__contains__, chain.from_iterable(longer)))
    counts = dict.fromkeys(_LANGUAGES, 0)
    for tok in found.keys() & _LANGUAGES_OF.keys():
        for lang in _LANGUAGES_OF[tok]:
            counts[lang] += found[tok]
    return total > 0 and max(counts.values()) >= 0.15 * total


def is_function_word(word: str) -> bool:
    """One of the most frequent function words of a language known here ("the", "und")."""
    return word.casefold() in _LANGUAGES_OF


def density(toks: Sequence[str]) -> float:
    """The share of function words among the tokens, in the language that gives the
    most: a line is judged in its own language, whatever the page's chrome is in."""
    counts: dict[str, int] = {}
    for tok in filter(_LANGUAGES_OF.__contains__, toks):
        for lang in _LANGUAGES_OF[tok]:
            counts[lang] = counts.get(lang, 0) + 1
    return max(counts.values()) / len(toks) if counts else 0.0


def size_in_words(text: str) -> float:
    """Length in words; a run of CJK characters (written without spaces) counts a
    word for every two characters."""
    cjk = 0 if text.isascii() or max(text) <= _BELOW_KANA else len(_CJK.findall(text))
    return len(words(text)) + cjk / 2


def _values(raw: Sequence[float], label: Sequence[bool]) -> list[float]:
    """The values the region is chosen by. A prose line standing alone between
    furniture lines counts half, or nothing when short: teaser lists alternate a
    headline and a one-paragraph summary, while an article's paragraphs mostly
    follow one another."""
    out = []
    for i, v in enumerate(raw):
        if v > 0 and _alone(raw, label, i):
            # A short one, alone, is a teaser's summary or a caption: no more than
            # one of the furniture lines around it.
            v = v * _ALONE if v >= _ALONE_MIN else 0.0
        out.append(v)
    return out


def _alone(raw: Sequence[float], label: Sequence[bool], i: int) -> bool:
    """No prose line right before or after line i, looking past one short label on
    either side: paragraphs with an ad slot between each are not alone."""
    return not _prose_next(raw, label, i, -1) and not _prose_next(raw, label, i, 1)


def _prose_next(raw: Sequence[float], label: Sequence[bool], i: int, step: int) -> bool:
    j = i + step
    if 0 <= j < len(raw) and label[j]:
        j += step
    return 0 <= j < len(raw) and raw[j] > 0


def _raw_values(lines: Sequence[Line], plain: Sequence[str], sizes: Sequence[float],
                folded: Sequence[Sequence[str]], known: bool) -> list[float]:
    """Every line's value before context, from its plain text, size and case-folded words.
    Lines wrapped at a fixed width (html2text, lynx) are judged together as the
    paragraph they belong to. Prose printed more than once on the page (a teaser's
    summary in two lists, a pull quote) counts nothing."""
    keys = list(map(key, plain))
    count = Counter(keys)
    out: list[float] = []
    i = 0
    n = len(lines)
    while i < n:
        j = i + 1
        depth = _link_depth(lines[i].text, 0)
        while j < n and not lines[j].gap and _continues(plain[j - 1], lines[j - 1], lines[j], plain[j], depth > 0):
            depth = _link_depth(lines[j].text, depth)
            j += 1
        if j == i + 1:
            out.append(_value(plain[i], sizes[i], folded[i], known))
        else:
            link = _link_depth(lines[i].text, 0) > 0
            out.extend(_paragraph_values(plain[i:j], sizes[i:j], folded[i:j], known, link))
        i = j
    for i, k in enumerate(keys):
        if count[k] > 1 and out[i] > 0:
            out[i] = 0.0
    return out


def plain_text(text: str) -> str:
    """The words a reader sees: markdown link targets, URLs and emphasis marks out."""
    # Most lines hold no mark at all; literal tests pass them over before the pattern.
    if "[" not in text and "]" not in text and "http" not in text and "#" not in text \
            and "**" not in text and "__" not in text:
        return text.strip()
    return _MARKUP.sub("", text).strip()


def _continues(previous_plain: str, previous: Line, line: Line, plain: str, in_link: bool) -> bool:
    """The same paragraph, wrapped: no blank line between, and either a markdown link
    or image left open above, or a line that is not a list item or a heading whose
    first word would not have fitted on the line before."""
    if line.gap:
        return False
    if in_link:
        return True
    if is_bullet(plain) or line.text.startswith("#"):
        return False
    first = line.text.split(" ", 1)[0]
    # A link target is never broken, so it may run a wrapped line past the width.
    return len(previous_plain) <= _WRAP_MAX and len(previous.text) + 1 + len(first) > _WRAP_MIN


def _link_depth(text: str, depth: int) -> int:
    """Markdown brackets still open after `text`, given `depth` open before it."""
    return max(0, depth + text.count("[") - text.count("]"))


def _paragraph_values(texts: Sequence[str], sizes: Sequence[float], folded: Sequence[Sequence[str]],
                      known: bool, link: bool) -> list[float]:
    """The values of one wrapped paragraph's lines (with their sizes and case-folded
    words): shares of the paragraph's value when it reads as prose, else each line's
    own; a link or an image whose text runs over several lines (`link`) is one line
    of furniture, not several."""
    if not is_bullet(texts[0]):
        total = sum(sizes)
        # The words of the lines joined by spaces are the lines' words in turn.
        toks = [tok for line_toks in folded for tok in line_toks]
        joined = " ".join(texts)
        if total >= 8 and _prose_ceiling(joined, known, total, toks) >= 0.6 \
                and (prose := _prose(joined, known, total, toks)) >= 0.6:
            scale = min(prose, 1.0) * (total - _OFFSET) / total
            return [max(size, 1.0) * scale for size in sizes]
        if link:
            return [_value(joined, size_in_words(joined), toks, known)] + [0.0] * (len(texts) - 1)
    return list(map(_value, texts, sizes, folded, [known] * len(texts)))


def _value(text: str, size: float, folded: Sequence[str], known: bool) -> float:
    """Positive for a prose line (its length in words, scaled by how much it reads
    like prose), negative for a line that reads like page furniture. `size` is
    size_in_words(text), `folded` the words of the case-folded text."""
    if size <= 6 and is_comment_furniture(text):
        return _WALL
    bullet = is_bullet(text)
    # Cookie notices and newsletter pitches read like prose but are page furniture.
    # They are asked about only once a line reads like prose: most lines do not.
    if size >= 8 and not bullet and _prose_ceiling(text, known, size, folded) >= 0.6:
        prose = _prose(text, known, size, folded)
        if prose >= 0.6 and not is_legal(text) and not is_pitch(text):
            return (size - _OFFSET) * min(prose, 1.0)
    if size >= 4 and known and not _LANGUAGES_OF.keys().isdisjoint(folded):
        # A list item that reads like text ("Check the seals before winter") more
        # likely belongs to an article's list than to a menu.
        return -0.5
    cost = 1.0
    if bullet:
        cost += 1.0
    if _DIGITS.search(text) and size <= 3:
        cost += 0.5
    return -cost


def _prose_ceiling(text: str, known: bool, size: float, toks: Sequence[str]) -> float:
    """The most _prose can give: its score before the function words are counted
    (taken at their best) and before what digits and capitals take off. Most
    headlines and menu lines stay under the prose mark without the full count."""
    score = 0.5 if ends_sentence(text) else 0.15 if ends_clause(text) else 0.0
    score += 0.5 if known and toks else 0.3
    if size >= 25:
        score += 0.2
    return score


def _prose(text: str, known: bool, size: float, toks: Sequence[str]) -> float:
    """How much a line reads like running text, about 0 to 1.2: a sentence end, the
    function words of its language (a neutral share when the text's language is not
    known), length; less for every token that holds a digit (phone numbers, dates,
    scores) and for Title Case. `toks` are the words of the case-folded text."""
    score = 0.5 if ends_sentence(text) else 0.15 if ends_clause(text) else 0.0
    if known and toks:
        score += 0.5 * min(1.0, density(toks) / 0.3)
    else:
        score += 0.3
    if size >= 25:
        score += 0.2
    if toks:
        if _DIGITS.search(text):
            score -= (len(toks) - list(map(_DIGITS.search, toks)).count(None)) / len(toks)
        # Headlines and link lists in Title Case; prose (German nouns included)
        # stays well under half its words capitalised.
        if text.isascii():
            # ASCII words are the case-folded ones; a capital starts a word where
            # an ASCII word boundary stands before it.
            capitals, n = len(_ASCII_CAPITAL_START.findall(text)), len(toks)
        else:
            original = words(text)
            capitals, n = sum(map(str.isupper, map(_FIRST, original))), len(original)
        score -= 2 * max(0.0, capitals / n - _CAPITALS)
    return score


def _best_segment(values: Sequence[float], lo: int, hi: int) -> tuple[float, int, int] | None:
    """The maximum-sum stretch of values[lo:hi] with its sum (Kadane's algorithm
    over prose lines and runs of non-prose lines), or None when no line reads as
    prose. A run of m non-prose lines costs m times the sum of its lines' costs:
    one caption or ad label is cheap to bridge, a menu of twenty links or the
    headline, byline and date between two teaser summaries is not."""
    best: tuple[float, int, int] | None = None
    cur_sum, cur_start = 0.0, -1
    i = lo
    while i < hi:
        if values[i] > 0:
            if cur_start < 0:
                cur_sum, cur_start = 0.0, i
            cur_sum += values[i]
            if best is None or cur_sum > best[0]:
                best = (cur_sum, cur_start, i)
            i += 1
            continue
        j, run, m = i, 0.0, 0
        while j < hi and values[j] <= 0:
            run += values[j]
            m += values[j] < 0
            j += 1
        cur_sum += run * m
        if cur_sum <= 0:
            cur_start = -1
        i = j
    return best


def _announced_list(lines: Sequence[Line], raw: Sequence[float], end: int) -> int:
    """The region's end, moved past a list the article announces ("The tour dates:")
    at its close: the lines after the announcement that hold digits or read like
    text, up to the first menu-like or prose line."""
    intro = end
    if not lines[end].text.endswith(":"):
        intro = end + 1
        if intro >= len(lines) or not lines[intro].text.endswith(":") or raw[intro] == _WALL \
                or size_in_words(lines[intro].text) < 3:
            return end
    j = intro + 1
    while j < len(lines) and raw[j] <= 0 and raw[j] != _WALL and (raw[j] > -1 or _DIGITS.search(lines[j].text)):
        j += 1
    return j - 1 if j - 1 > intro else end


def _is_page(digitless: Sequence[bool], values: Sequence[float], best: tuple[int, int] | None) -> bool:
    """Whole page or just the article? A page has many furniture lines without
    digits (`digitless` tells which lines hold none) outside the best stretch: its
    menus, section lists and footers. Lists inside an article (dates, scores,
    ingredients) mostly hold digits."""
    start, end = best if best is not None else (len(values), len(values) - 1)
    outside = chain(compress(values[:start], digitless[:start]), compress(values[end + 1:], digitless[end + 1:]))
    furniture = sum(1 for value in outside if value <= 0)
    return furniture >= _PAGE_LINES and furniture >= _PAGE_SHARE * len(values)


def may_be_page(lines: Sequence[Line]) -> bool:
    """Whether the text has lines enough to be a whole page: a page's menus, section
    lists and footers alone run to _PAGE_LINES lines without digits."""
    return _may_be_page([_DIGITS.search(line.text) is None for line in lines])


def _may_be_page(digitless: Sequence[bool]) -> bool:
    """Whether _is_page could hold whatever the lines' values: the furniture it counts
    are lines without digits, so a text with too few of them is an article, and one
    digit search of each line spares the scoring."""
    free = sum(digitless)
    return free >= _PAGE_LINES and free >= _PAGE_SHARE * len(digitless)


def _is_article(raw: Sequence[float], label: Sequence[bool], start: int, end: int) -> bool:
    """Enough prose to be an article rather than a few teasers. A stretch whose
    prose lines are short and each stands alone between headline-like lines is
    a listing's summaries."""
    prose = [i for i in range(start, end + 1) if raw[i] > 0]
    worth = sum(raw[i] for i in prose)
    if worth < _ARTICLE_WORDS:
        return False
    alone = sum(1 for i in prose if _alone(raw, label, i))
    return not (len(prose) >= 4 and alone >= 0.75 * len(prose) and worth / len(prose) < _TEASER_WORDS)


def _title(lines: Sequence[Line], plain: Sequence[str], start: int) -> int | None:
    """The headline just above the region: of the lines above it that read like a
    headline, the one the page's opening lines repeat (its <title>), else one
    printed twice on the page (a gallery or share caption), else the nearest."""
    opening = " ".join(key(line.text) for line in lines[:_OPENING_LINES])
    candidates = []
    for i in range(start - 1, max(-1, start - 1 - _TITLE_LOOKBACK), -1):
        text = heading_text(lines[i])
        if _is_headline(text):
            candidates.append((i, key(text)))
    if not candidates:
        return None
    for i, k in candidates:
        if i >= _OPENING_LINES and k in opening:
            return i
    # Every line's heading text (heading_text) from its plain text.
    seen = Counter(map(key, [text.lstrip("# ") for text in plain]))
    for i, k in candidates:
        if seen[k] > 1:
            return i
    return candidates[0][0]


def heading_text(line: Line) -> str:
    """A headline line as a title: markdown heading marks and link targets out."""
    return plain_text(line.text).lstrip("# ")


def _is_headline(text: str) -> bool:
    """A few words, no sentence end, no bullet, few digits, and none of the lines
    that stand between a headline and its article: bylines, dates, photo credits,
    share buttons."""
    n = len(words(text))
    return (
        4 <= n <= 30
        and len(text) <= 200
        and not is_bullet(text)
        and not text.startswith("+ ")
        and not ends_sentence(text)
        and "|" not in text
        and len(_DIGITS.findall(text)) <= 4
        and not ends_clause(text)
        and not (is_byline(text) or is_date_line(text) or is_credit(text) or is_button_row(text))
    )
