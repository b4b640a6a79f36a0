"""The article's candidates on a pruned page, and the choice between them.

"scored", the lines of the page the block scorer keeps (blocks.py: each line
judged by its shape, its place and the lines around it, readability's pick and
our block among what it reads), is taken whenever it keeps any. Where it keeps
none, choose() takes one of:

- "readability": the elements readability-lxml takes for the article;
- "block": the element holding the most paragraph text (best_block), where
  readability finds too little or picks a box holding next to no prose beside it;
- "page": the whole page, cleaned as text in auto mode (the region step and the
  scorer find the article in it), where the pick holds a small share of the
  page's prose (a comment box, an author's note, a login prompt).
"""

from __future__ import annotations

import json
import math
import os
import re
from typing import NamedTuple

from ..pipeline import prose_words
from . import blocks, readable
from .rendering import DetailedLines, Lines, is_inline, render


class Params(NamedTuple):
    """The choice's fitted parameters (data/pages.json, written by
    training/fit_pages.py): how many characters readability's pick must hold not
    to count as too little (a short page or a listing, where our block gets a
    say); how many times the prose of readability's pick the block must hold to
    be taken instead; the share of the page's prose under which the pick gives
    way to the whole page; the confidence model (an additive model over binned
    `measures`, as the line scorer is: scorer.Stage) and the confidence under
    which a result is uncertain."""

    min_article_chars: int
    pick_share: float
    whole_page_share: float
    model: object  # scorer.Stage
    uncertain_below: float
    blocks: BlockScorer


class BlockScorer(NamedTuple):
    """The block scorer (data/blocks.json, written by training/fit_blocks.py)."""

    model: object  # scorer.Stage over blocks.NAMES
    inside: float  # the score a line in readability's pick needs to be kept
    outside: float  # ... and a line beyond it


_PARAMS: Params | None = None
_BLOCKS: BlockScorer | None = None


def params() -> Params:
    global _PARAMS
    if _PARAMS is None:
        from ..scorer import stage

        d = _data("pages.json")
        model = stage(d["confidence"])
        if model.names != MEASURES:
            raise ValueError("the saved-page models' data files do not match this version's measures: refit them")
        _PARAMS = Params(d["min_article_chars"], d["pick_share"], d["whole_page_share"], model, d["uncertain_below"],
                         block_scorer())
    return _PARAMS


def block_scorer() -> BlockScorer:
    global _BLOCKS
    if _BLOCKS is None:
        from ..scorer import stage

        b = _data("blocks.json")
        model = stage(b["model"])
        if model.names != blocks.NAMES:
            raise ValueError("the saved-page models' data files do not match this version's measures: refit them")
        _BLOCKS = BlockScorer(model, b["inside"], b["outside"])
    return _BLOCKS


def _data(name: str) -> dict:
    path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", name)
    with open(path, encoding="utf-8") as f:
        return json.load(f)


class Candidate(NamedTuple):
    elements: list  # the elements its text is taken from
    lines: Lines  # their text


class Candidates(NamedTuple):
    readability: Candidate
    block: Candidate
    page: Candidate  # the whole pruned page

    def get(self, name: str) -> Candidate:
        return getattr(self, name)


def find(root, body, page_chars: int) -> Candidates:
    """The three candidates of the pruned page, their lines read from one
    rendering of it, which carries what the block scorer reads
    (rendering.DetailedLines)."""
    picks = readable.pick(root) if page_chars <= readable.MAX_CHARS else []
    block = best_block(body)
    page = DetailedLines()
    render(body, page)
    return Candidates(Candidate(picks, page.within(picks)), Candidate([block], page.within([block])),
                      Candidate([body], page))


def scored(c: Candidates, b: BlockScorer) -> Candidate:
    """The lines of the page the block scorer keeps (no elements: they are lines)."""
    page = c.page.lines
    rows = blocks.measures(page, c.readability.elements, c.block.elements[0])
    kept = Lines()
    keeps = blocks.kept(rows, b.model.scores(rows), b.inside, b.outside)
    for line, source, keep in zip(page.lines, page.sources, keeps):
        if keep:
            kept.take(line, source)
    return Candidate([], kept)


def take(c: Candidates, page_chars: int, p: Params) -> tuple[str, Candidate]:
    """The candidate taken, and its name: the lines the block scorer keeps
    ("scored"); where it keeps none, the one choose() names."""
    kept = scored(c, p.blocks)
    if kept.lines.lines:
        return "scored", kept
    name = choose(c, page_chars, p)
    return name, c.get(name)


def choose(c: Candidates, page_chars: int, p: Params) -> str:
    """The name of the candidate taken: readability's pick; the block where
    readability finds too little (under min_article_chars characters), or picks
    a box holding under 1/pick_share of the block's prose (a teaser list or a
    caption box); the page where the one taken holds under whole_page_share of
    the page's prose (a comment box, an author's note, a login prompt)."""
    return pick(_size(c.readability.lines.lines), _size(c.block.lines.lines),
                *(prose_chars(x.lines.lines) for x in c), page_chars, p.min_article_chars, p.pick_share,
                p.whole_page_share)


def pick(size_r: int, size_b: int, prose_r: int, prose_b: int, prose_p: int, page_chars: int,
         min_article_chars: int, pick_share: float, whole_page_share: float) -> str:
    """choose() on the candidates' sizes and prose (characters): the whole rule."""
    if size_r < min_article_chars:
        name, prose = ("block", prose_b) if size_b > size_r else ("readability", prose_r)
    elif prose_b > pick_share * prose_r:
        name, prose = "block", prose_b
    else:
        name, prose = "readability", prose_r
    if prose < whole_page_share * page_chars and prose < whole_page_share * prose_p:
        return "page"
    return name


def agreement(lines: list[str], other: list[str]) -> float:
    """The share of the prose of `lines` that `other` holds as well, line for line."""
    theirs = set(other)
    total = prose_chars(lines)
    return sum(len(line) for line in lines if line in theirs and prose_words(line)) / total if total else 0.0


# The candidate each is compared with for agreement.
_OTHER = {"scored": "readability", "readability": "block", "block": "readability", "page": "readability"}


def measures(name: str, taken: Candidate, c: Candidates, kept: list[str], title: str | None) -> list[float]:
    """What the confidence is read from, for the candidate taken (named `name`),
    the paragraphs `kept` of it after cleaning and the page's headline (see
    MEASURES)."""
    lines = taken.lines.lines
    prose = prose_chars(lines)
    out = prose_chars(kept)
    size = _size(kept)
    return [
        math.log1p(out),
        out / max(1, prose_chars(c.page.lines.lines)),
        out / max(1, prose),
        out / max(1, size),
        math.log1p(len(kept)),
        agreement(lines, c.get(_OTHER[name]).lines.lines),
        _title_share(title, kept),
        float(not title),
        float(name == "block"),
        float(name == "page"),
    ]


# log_prose: characters of prose kept (log); page_share: their share of the page's
# prose; kept_share: their share of the candidate's prose; prose_share: the share
# of the text kept that reads as sentences; paragraphs: how many were kept (log);
# agreement: the share of the candidate's prose the other candidate holds too;
# title_share: the share of the headline's words the text kept holds (an article
# tells its headline's story, a list of names or a footer does not); no_title;
# which candidate.
MEASURES = ("log_prose", "page_share", "kept_share", "prose_share", "paragraphs", "agreement", "title_share",
            "no_title", "block", "page")
_WORD = re.compile(r"\w{3,}")


def _title_share(title: str | None, kept: list[str]) -> float:
    words = set(_WORD.findall(title.casefold())) if title else set()
    if not words:
        return 0.0
    text = " ".join(kept).casefold()
    return sum(w in text for w in words) / len(words)


def confidence(values: list[float], p: Params) -> float:
    """How likely the text holds at least half the article, from the fitted model."""
    z = p.model.scores([values])[0]
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def prose_chars(lines: list[str]) -> int:
    """Characters in the lines that read as sentences (pipeline.prose_words)."""
    return sum(len(line) for line in lines if prose_words(line))


def _size(lines: list[str]) -> int:
    return sum(len(line) for line in lines)


_TEXT_BLOCKS = frozenset("p pre blockquote li td dd h2 h3 h4 div section article main".split())


def best_block(body):
    """The element holding the most paragraph text, with link-heavy text counted
    for little: our fallback where readability finds too little. Each text block
    credits its parent fully and its grandparent by half, as readability does,
    but without readability's minimum lengths, so short pages still score.
    Each piece of text counts for its nearest block only, so the pass is linear."""
    scores: dict = {}
    for el in body.iter(*_TEXT_BLOCKS):
        own, links = _own_text(el)
        if own < 2:
            continue
        value = own * (1.0 - min(1.0, links / own) * 0.9)
        parent = el.getparent()
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0.0) + value
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0.0) + value / 2
    if not scores:
        return body
    return max(scores.items(), key=lambda kv: kv[1])[0]


def _own_text(el) -> tuple[int, int]:
    """Characters of text in `el` outside its child blocks (its own text and its
    inline children's), and how many of them are link text."""
    chars = len((el.text or "").strip())
    links = 0
    stack = [(child, False) for child in reversed(el)]
    while stack:
        node, in_link = stack.pop()
        tail = len((node.tail or "").strip())
        chars += tail
        links += tail if in_link and node.getparent() is not el else 0
        if not isinstance(node.tag, str) or not is_inline(node.tag):
            continue  # a block child scores on its own
        link = in_link or node.tag == "a"
        n = len((node.text or "").strip())
        chars += n
        links += n if link else 0
        stack.extend((child, link) for child in reversed(node))
    return chars, links
