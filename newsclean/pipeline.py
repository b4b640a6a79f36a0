"""The pipeline: text in, Result out. No I/O, no global state.

1. split the text into numbered, normalised lines (lines.py) and, when the text
   is clearly hard-wrapped, rejoin each wrapped paragraph into one line
   (unwrap.py), so that the steps after see paragraphs;
2. decide whether the text is a whole page (scorer.py) and, if so, mark the
   lines outside the article region (region.py);
3. run every enabled filter, in FILTERS order, over the lines still unmarked,
   marking each line a filter takes with the filter's name;
4. the lines a trusted filter marked go. In the article alone the unmarked
   lines stay and the scorer weighs the lines an untrusted filter marked; in a
   whole page it weighs every other line, its mark and its neighbours: a marked
   line it reads as article text stays, and furniture no rule named can still go;
5. take a leading headline as the title (_is_title);
6. clean the text the result prints, and take what that pass takes, until a pass
   takes nothing (clean()): cleaning the output again changes nothing.

A line that goes is recorded under the step that marked it, or under `score`
when no rule did; a rejoined paragraph that goes is recorded line by line.
"""

from __future__ import annotations

import re
from collections import namedtuple
from collections.abc import Sequence
from dataclasses import replace

from . import features, region, scorer, unwrap
from .filters import FILTERS
from .filters.base import ends_clause, ends_sentence, is_bullet, words
from .lines import Line, split_lines
from .model import Config, Removal, Result
from .render import as_text

DEFAULT = Config()

SCORE = "score"
SCORE_DESCRIPTION = "lines the learned scorer reads as furniture, whether or not a rule named them"
SCORE_RULE = f"{SCORE}.furniture"

# Each line's mark: 0 for none, then a category per filter, then the region step.
STEP_NAMES = ("",) + tuple(f.name for f in FILTERS) + (region.NAME,)
_REGION = len(STEP_NAMES) - 1

# Passes over the output, at most, until one takes nothing (clean()).
_SETTLE_PASSES = 4

_TITLE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 30
_DATELINE_MAX_WORDS = 4
# A line that can stand for an article on its own: a sentence of this many words.
_PROSE_WORDS = 8
# A sentence ending inside a line, with more words after it.
_INNER_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*\s+\w")


# taken: each line's mark (a category of STEP_NAMES);
# page: 0, the text is the article; 1, a page with an article; 2, a page without
#   one; 3, a page cleaned as an article: none stood out, or the region found held
#   too little of the text's prose (scoring_marks);
# headline: the region's headline (an index), kept out of the scoring, or None;
# span: first and last input line of the region, or None;
# rules: the id of the rule behind each filter's mark ("" for other lines).
# (A namedtuple, not a typing.NamedTuple: see lines.Line.)
Marks = namedtuple("Marks", "taken page headline span rules")


def clean(text: str, config: Config = DEFAULT) -> Result:
    """Clean raw article text. See the README for what each step takes out.

    The steps `config.disabled` can turn off, in the order they run: unwrap,
    region, residue, counters, ads, share, related, comments, legal, media,
    byline, teasers, subscribe, navigation, repeated, score. The first step,
    repeated_across, is run by a site template (templates.py), never here.

    Cleaning the text output again changes nothing: what a second pass over the
    output would take (a line the scorer reads otherwise once the page around it is
    gone, a rule that looks at the lines next to it) is taken now, under the step
    and rule that take it then, until a pass takes nothing more."""
    lines, marks, keep = _decide(text, config)
    for _ in range(_SETTLE_PASSES):
        result = _result(lines, marks, config, keep)
        output = as_text(result)
        if not output:
            return result
        marks, keep, settled = _settle(lines, marks, keep, config, result, output)
        if settled:
            return result
    return _result(lines, marks, config, keep)


def _decide(text: str, config: Config) -> tuple[list[Line], Marks, list[bool]]:
    """One pass: the lines, what marked each, and which stay."""
    lines = split_lines(text)
    if unwrap.NAME not in config.disabled:
        lines = unwrap.unwrap(lines)
    measured = Measures(lines)
    marks = scoring_marks(lines, config, measured)
    keep = _keep(lines, marks, config, measured)
    if config.mode == "auto" and marks.page == 1 and not any(keep) and _has_prose(lines):
        marks = as_article(lines, config, measured)
        keep = _keep(lines, marks, config, measured)
    if (config.mode == "auto" and marks.page == 3 and SCORE not in config.disabled
            and (not any(keep) or prose_kept(lines, keep) <= scorer.load().prose_kept)):
        # The scorer read (nearly) every sentence of a text with sentences in it as
        # furniture, or every line of it (verse, whose lines are each too short to
        # count as sentences): it is cleaned as the article alone, in which only
        # what a rule marked goes.
        keep = [t == 0 for t in marks.taken]
    if marks.headline is not None and any(keep[:marks.headline]):
        # The title is printed first: a headline with kept text above it stays a
        # line of the text, where it stands.
        keep[marks.headline] = True
        marks = marks._replace(headline=None)
    return lines, marks, keep


def _settle(lines: Sequence[Line], marks: Marks, keep: list[bool], config: Config, result: Result,
            output: str) -> tuple[Marks, list[bool], bool]:
    """Clean `output`, the text `result` prints, and drop from `lines` what that pass
    drops, recorded as it records it. True when it drops nothing."""
    kept = [i for i, k in enumerate(keep) if k]
    if marks.headline is not None:
        title = marks.headline
    elif result.title is not None:
        title, kept = kept[0], kept[1:]
    # as_text prints the title, then each paragraph on one line, a blank line
    # between: the line it prints n-th (from 0) is line 2n + 1.
    printed = ([title] if result.title else []) + kept
    # The article of a whole page is cleaned again as a text that may be a page; an
    # article alone stays one (the page-or-article test is not asked twice).
    if config.mode == "auto" and marks.page != 1:
        config = replace(config, mode="article")
    again_lines, again, again_keep = _decide(output, config)
    taken, rules, headline = list(marks.taken), list(marks.rules), marks.headline
    keep = list(keep)
    settled = True
    for j, (line, k) in enumerate(zip(again_lines, again_keep)):
        if k or j == again.headline:
            continue
        for part in line.physical():
            n, odd = divmod(part.number - 1, 2)
            if odd or n >= len(printed):
                continue
            i = printed[n]
            settled = False
            keep[i] = False
            taken[i], rules[i] = again.taken[j], again.rules[j]
            if i == headline:
                headline = None
    return marks._replace(taken=taken, rules=rules, headline=headline), keep, settled


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
    result is never the answer to a text with sentences in it. So is a page whose
    article region holds under the fitted share (scorer.Model.region_share) of the
    text's prose: the region step then most likely chose a comment thread, a
    footer or a sidebar over a short article, and every line outside the region
    would have to win the scorer back. Losing the article costs more than keeping
    some furniture, so the scorer judges every line instead."""
    marks = mark(lines, config, measured)
    if config.mode != "auto":
        return marks
    if marks.page == 2 and _has_prose(lines):
        return as_article(lines, config, measured)
    if marks.page == 1 and region_share(lines, marks.taken) < scorer.load().region_share:
        # The region's headline stays the title unless a filter takes it: the scorer
        # would read a lone short line as furniture. A headline over a wrong region
        # (a footer's heading) with kept text above it is printed as a line instead (_decide).
        article = as_article(lines, config, measured)
        if marks.headline is not None and not article.taken[marks.headline]:
            article = article._replace(headline=marks.headline)
        return article
    return marks


def as_article(lines: Sequence[Line], config: Config, measured: Measures) -> Marks:
    """The marks of a page cleaned as an article: the filters over every line, no
    region, and the scorer to judge each line (page 3)."""
    return mark(lines, replace(config, mode="article"), measured)._replace(page=3)


def region_share(lines: Sequence[Line], taken: Sequence[int]) -> float:
    """The share of the text's prose words (lines ending like a sentence, of
    _PROSE_WORDS words or more) that stand in the article region, that is, on lines
    not marked as outside it; 1.0 for a text without prose."""
    return prose_kept(lines, [t != _REGION for t in taken])


def prose_kept(lines: Sequence[Line], keep: Sequence[bool]) -> float:
    """The share of the text's prose words (lines ending like a sentence, of
    _PROSE_WORDS words or more) on the lines kept; 1.0 for a text without prose."""
    kept = total = 0.0
    for line, k in zip(lines, keep):
        n = prose_words(line.text)
        total += n
        if k:
            kept += n
    return kept / total if total else 1.0


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
    """Which lines stay. What a trusted filter took goes (its removals are borne out
    on many sites). In the article alone the unmarked lines stay, a sentence no rule
    named is never taken on the scorer's word alone, and the scorer decides the lines
    an untrusted filter took; in a whole page it decides all but the trusted marks.
    With the scorer off, every marked line goes."""
    taken = marks.taken
    if marks.page == 2:
        # A page without an article, and no prose to clean as one (or --mode page).
        return [False] * len(lines)
    if SCORE in config.disabled:
        return _no_headline([t == 0 for t in taken], marks)
    model = scorer.load()
    sure = {STEP_NAMES.index(name) for name in model.trusted}
    if marks.page:
        doubt = range(len(taken))
    else:
        doubt = [i for i, t in enumerate(taken) if t and t not in sure]
    keep = [t == 0 for t in taken]
    if doubt:
        scores = scorer.judge_columns(features.columns(measured.get(), taken, marks.page), model)
        for i in doubt:
            threshold = model.threshold if marks.page else model.marked.get(STEP_NAMES[taken[i]], model.threshold)
            keep[i] = taken[i] not in sure and scores[i] >= threshold
    return _no_headline(keep, marks)


def _no_headline(keep: list[bool], marks: Marks) -> list[bool]:
    """The headline is the title, not a line of the text."""
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


def prose_words(text: str) -> float:
    """The words of a line that reads as a sentence of _PROSE_WORDS words or more
    (in Chinese or Japanese, two characters to a word), else 0."""
    if not ends_sentence(text):
        return 0.0
    n = region.size_in_words(text)
    return n if n >= _PROSE_WORDS else 0.0


def _has_prose(lines: Sequence[Line]) -> bool:
    """Whether the text holds a sentence of _PROSE_WORDS words or more: a line that
    reads as one (prose_words), a line that long with a sentence ending inside it
    ("... am Zeiger! Durch ... diese Petition:"), or lines that each end a clause
    (base.ends_clause) and, together, a sentence that long (a stanza of verse)."""
    run = 0.0
    for line in lines:
        text = line.text
        n = region.size_in_words(text)
        if ends_sentence(text):
            if n + run >= _PROSE_WORDS:
                return True
            run = 0.0
        elif n >= _PROSE_WORDS and _INNER_END.search(text):
            return True
        elif ends_clause(text):
            run += n
        else:
            run = 0.0
    return False


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
    a headline. Words are counted as region.size_in_words counts them: Chinese and
    Japanese, written without spaces, two characters to a word."""
    if len(kept) < 2:
        return False
    text = kept[0].text
    n = region.size_in_words(text)
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
        prose_words(following)
        and not following[:1].islower()
        and not region.is_function_word(words(title)[-1])
    )


def _is_dateline(text: str, n: int) -> bool:
    return n <= _DATELINE_MAX_WORDS and "," in text and text.isupper()
