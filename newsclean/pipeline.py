"""The pipeline: text in, Result out. No I/O, no global state.

1. split the text into numbered, normalised lines (lines.py) and, when the text
   is clearly hard-wrapped, rejoin each wrapped paragraph into one line
   (unwrap.py), so that the steps after see paragraphs;
2. decide whether the text is a whole page (scorer.py) and, if so, mark the
   lines outside the article region (region.py);
3. run every enabled filter, in FILTERS order, over the lines still unmarked,
   marking each line a filter takes with the filter's name;
4. in the article alone, the marked lines go. In a whole page, the lines a
   trusted filter marked go, and the scorer weighs every other line, its mark
   and its neighbours: a marked line it reads as article text stays, and
   furniture no rule named can still go;
5. take a leading headline as the title (_is_title).

A line that goes is recorded under the step that marked it, or under `score`
when no rule did; a rejoined paragraph that goes is recorded line by line.
"""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple, Sequence

from . import features, region, scorer, unwrap
from .filters import FILTERS
from .filters.base import ends_sentence, is_bullet, words
from .lines import Line, split_lines
from .model import Config, Removal, Result

DEFAULT = Config()

SCORE = "score"
SCORE_DESCRIPTION = "lines the learned scorer reads as furniture, whether or not a rule named them"
SCORE_RULE = f"{SCORE}.furniture"

# Each line's mark: 0 for none, then a category per filter, then the region step.
STEP_NAMES = ("",) + tuple(f.name for f in FILTERS) + (region.NAME,)
_REGION = len(STEP_NAMES) - 1

_TITLE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 30
_DATELINE_MAX_WORDS = 4
# A line that can stand for an article on its own: a sentence of this many words.
_PROSE_WORDS = 8


class Marks(NamedTuple):
    taken: list[int]  # each line's mark (a category of STEP_NAMES)
    # 0: the text is the article; 1: a page with an article; 2: a page without one;
    # 3: a page without one, cleaned as an article
    page: int
    headline: int | None  # the region's headline, kept out of the scoring
    span: tuple[int, int] | None  # first and last input line of the region
    rules: list[str]  # the id of the rule behind each filter's mark ("" for other lines)


def clean(text: str, config: Config = DEFAULT) -> Result:
    """Clean raw article text. See the README for what each step takes out."""
    lines = split_lines(text)
    if unwrap.NAME not in config.disabled:
        lines = unwrap.unwrap(lines)
    measured = Measures(lines)
    marks = scoring_marks(lines, config, measured)
    keep = _keep(lines, marks, config, measured)
    if config.mode == "auto" and marks.page == 1 and not any(keep) and _has_prose(lines):
        marks = _as_article(lines, config, measured)
        keep = _keep(lines, marks, config, measured)
    return _result(lines, marks, config, keep)


class Measures:
    """The scorer's measures of the lines, taken the first time they are needed: a
    text too short to be a whole page never needs them."""

    def __init__(self, lines: Sequence[Line]):
        self._lines = lines
        self._measured: features.Measured | None = None

    def get(self) -> features.Measured:
        if self._measured is None:
            self._measured = features.measure(self._lines)
        return self._measured


def scoring_marks(lines: Sequence[Line], config: Config, measured: Measures) -> Marks:
    """The marks the scorer judges. In auto mode a page in which no article stood
    out, but which holds prose, is marked as the article it may well be: an empty
    result is never the answer to a text with sentences in it."""
    marks = mark(lines, config, measured)
    if config.mode == "auto" and marks.page == 2 and _has_prose(lines):
        return _as_article(lines, config, measured)
    return marks


def _as_article(lines: Sequence[Line], config: Config, measured: Measures) -> Marks:
    return mark(lines, replace(config, mode="article"), measured)._replace(page=3)


def mark(lines: Sequence[Line], config: Config, measured: Measures) -> Marks:
    """What the region step and the filters make of each line. Whether a text is a
    whole page is the scorer's call (the region step's own test when it is off)."""
    taken = [0] * len(lines)
    rules = [""] * len(lines)
    page, headline, span = 0, None, None
    inside = range(len(lines))
    if config.mode != "article" and region.NAME not in config.disabled:
        if config.mode == "page" or SCORE in config.disabled:
            found = region.locate(lines, force=config.mode == "page")
        elif region.may_be_page(lines) and scorer.is_page(measured.get().document):
            found = region.locate(lines, force=True)
        else:
            found = None
        if found is not None:
            page = 2 if found.empty else 1
            taken = [_REGION] * len(lines)
            inside = range(found.start, found.end + 1)
            if not found.empty:
                span = (lines[found.start].number, lines[found.end].last)
            if found.title is not None and config.keep_title:
                # The headline is judged by the filters like any line: furniture
                # just above the article ("Story continues below advertisement")
                # is removed under its filter's name, never made the title.
                headline = found.title
                _run_filters(lines, [headline], config.disabled, taken, rules)
                if taken[headline]:
                    headline = None
    _run_filters(lines, list(inside), config.disabled, taken, rules)
    return Marks(taken, page, headline, span, rules)


def _run_filters(lines: Sequence[Line], positions: list[int], disabled: frozenset[str], taken: list[int],
                 rules: list[str]) -> None:
    """Run the enabled filters in order over the lines at `positions` (unmarking
    them first), marking what each takes and recording the rule that took it; a
    line a filter took is not shown to the filters after it."""
    for i in positions:
        taken[i] = 0
        rules[i] = ""
    kept = positions
    for category, f in enumerate(FILTERS, 1):
        if f.name in disabled or not kept:
            continue
        drop = f.select([lines[i] for i in kept])
        if not drop:
            continue
        for d, rule in drop.items():
            taken[kept[d]] = category
            rules[kept[d]] = f"{f.name}.{rule}"
        kept = [i for d, i in enumerate(kept) if d not in drop]


def _keep(lines: Sequence[Line], marks: Marks, config: Config, measured: Measures) -> list[bool]:
    """Which lines stay. In the article alone (or with the scorer off) the unmarked
    ones: a sentence no rule named is never taken on the scorer's word alone. In a
    whole page, what a trusted filter took goes (its removals are borne out on many
    sites) and the scorer decides the rest."""
    taken = marks.taken
    if not marks.page or SCORE in config.disabled:
        keep = [t == 0 for t in taken]
    else:
        model = scorer.load()
        sure = {STEP_NAMES.index(name) for name in model.trusted}
        scores = scorer.judge_columns(features.columns(measured.get(), taken, marks.page), model)
        keep = [t not in sure and z >= model.threshold for t, z in zip(taken, scores)]
    if marks.page == 2:
        # A page without an article, and no prose to clean as one (or --mode page).
        keep = [False] * len(lines)
    if marks.headline is not None:
        keep[marks.headline] = False
    return keep


def _result(lines: Sequence[Line], marks: Marks, config: Config, keep: list[bool]) -> Result:
    title = None
    if marks.headline is not None:
        title = region.heading_text(lines[marks.headline])
    # A line goes under the rule that marked it, or the region's, or the scorer's
    # when nothing marked it.
    removed = [
        Removal(part.number, part.text, STEP_NAMES[t] or SCORE, rule or (region.RULE if t == _REGION else SCORE_RULE))
        for i, (line, t, rule, k) in enumerate(zip(lines, marks.taken, marks.rules, keep))
        if not k and i != marks.headline
        for part in line.physical()
    ]
    kept = [line for line, k in zip(lines, keep) if k]
    if title is None and config.keep_title and kept and _is_title(kept) and _opens(lines, marks, kept[0]):
        title = kept[0].text
        kept = kept[1:]
    meta = {"article_found": marks.page == 1} if marks.page else {}
    return Result(
        title=title,
        paragraphs=tuple(line.text for line in kept),
        removed=tuple(removed),
        region=marks.span,
        meta=meta,
    )


def _opens(lines: Sequence[Line], marks: Marks, line: Line) -> bool:
    """Whether `line` is the first line of the article's text: the first line of the
    region, or of the text when no region was drawn."""
    first = next((i for i, t in enumerate(marks.taken) if t != _REGION), None)
    return first is not None and lines[first] is line


def _has_prose(lines: Sequence[Line]) -> bool:
    return any(ends_sentence(line.text) and len(words(line.text)) >= _PROSE_WORDS for line in lines)


def _is_title(kept: Sequence[Line]) -> bool:
    """The opening line is a headline: it is short, does not end like a sentence (nor
    with a comma, semicolon or colon), is no list item, and stands apart from what
    follows. It stands apart in either layout:
    - blank lines between paragraphs: a blank line follows it;
    - one paragraph per line: the next line is prose (a sentence of _PROSE_WORDS
      words or more) that does not carry on from it, that is, it starts with no
      lower-case letter, and the headline does not end in a function word ("the",
      "of", "und"), as the first line of a paragraph broken at a fixed width can.
    A dateline in capitals ("BAAR, SWITZERLAND") opens the article's text and is not
    a headline."""
    if len(kept) < 2:
        return False
    text = kept[0].text
    n = len(words(text))
    return (
        2 <= n <= _TITLE_MAX_WORDS
        and len(text) <= _TITLE_MAX_CHARS
        and not is_bullet(text)
        and not ends_sentence(text)
        and not text.endswith((",", ";", ":"))
        and not _is_dateline(text, n)
        and (kept[1].gap or _prose_follows(text, kept[1].text))
    )


def _prose_follows(title: str, following: str) -> bool:
    """`following`, printed right under the headline `title`, is a paragraph of its own."""
    return (
        ends_sentence(following)
        and len(words(following)) >= _PROSE_WORDS
        and not following[:1].islower()
        and not region.is_function_word(words(title)[-1])
    )


def _is_dateline(text: str, n: int) -> bool:
    return n <= _DATELINE_MAX_WORDS and "," in text and text.isupper()
