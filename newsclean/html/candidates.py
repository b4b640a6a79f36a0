"""The article's candidates on a pruned page, and the choice between them:

- "readability": the elements readability-lxml takes for the article;
- "block": the element holding the most paragraph text (best_block), where
  readability finds too little or picks a box holding next to no prose beside it;
- "page": the whole page, cleaned as text in auto mode (the region step and the
  scorer find the article in it), where the pick holds a small share of the
  page's prose (a comment box, an author's note, a login prompt).
"""

from __future__ import annotations

import logging
from typing import NamedTuple

from ..pipeline import prose_words
from .markup import html_parser
from .rendering import Lines, is_inline, render, render_all

# readability logs its own failures with a traceback; the library never prints,
# and a page it cannot summarise falls back to our scoring anyway.
logging.getLogger("readability").addHandler(logging.NullHandler())
logging.getLogger("readability").propagate = False

READABILITY_MAX_ELEMENTS = 30_000
READABILITY_MAX_DEPTH = 200
READABILITY_MAX_CHARS = 1_000_000

# Readability's article shorter than this (characters of rendered text) counts as
# "too little": the page is short or a listing, and our own scoring gets a say.
# Kept low: on a real short article (a few sentences of breaking news) readability
# is right, and our scoring, which knows no class names, would rather take the
# longer block of teasers beside it.
_MIN_ARTICLE_CHARS = 200

# How many times the prose of readability's pick ours must hold to be taken
# instead. On the fitted sites of the wide corpus any factor from 10 to 50 gives
# the same result (such a pick holds next to no prose), and 2 or 3 take ours over
# articles that readability had right.
_PICK_SHARE = 10

# The share of the page's prose (in lines that read as sentences) under which the
# article pick gives way to the whole page. Chosen on the fitted sites of the wide
# and snippet corpora among 0, 0.1, 0.15, 0.2, 0.25, as fit.py chooses the region
# share: the largest within 0.002 of the best page-averaged F1 (0.907 against 0.909),
# for the fewest pages with their article lost (wide 117 -> 114, snippets 17 -> 13).
_WHOLE_PAGE_SHARE = 0.15


class Choice(NamedTuple):
    candidate: str  # "readability", "block" or "page"
    elements: list  # the elements the article's text was taken from
    lines: Lines  # their text


def choose(root, body, page_chars: int) -> Choice:
    """The candidate taken (see the module docstring) on the pruned page."""
    picks = _readability(root) if page_chars <= READABILITY_MAX_CHARS else []
    lines = Lines()
    render_all(picks, lines)
    block = best_block(body)
    ours = Lines()
    render(block, ours)
    if _size(lines.lines) < _MIN_ARTICLE_CHARS:
        choice = Choice("block", [block], ours) if _size(ours.lines) > _size(lines.lines) else Choice("readability", picks, lines)
    elif prose_chars(ours.lines) > _PICK_SHARE * prose_chars(lines.lines):
        choice = Choice("block", [block], ours)
    else:
        choice = Choice("readability", picks, lines)
    prose = prose_chars(choice.lines.lines)
    if prose < _WHOLE_PAGE_SHARE * page_chars:
        whole = Lines()
        render(body, whole)
        if prose < _WHOLE_PAGE_SHARE * prose_chars(whole.lines):
            choice = Choice("page", [body], whole)
    return choice


def prose_chars(lines: list[str]) -> int:
    """Characters in the lines that read as sentences (pipeline.prose_words)."""
    return sum(len(line) for line in lines if prose_words(line))


def _size(lines: list[str]) -> int:
    return sum(len(line) for line in lines)


_MARK = "data-newsclean"


def _readability(root) -> list:
    """The elements of the pruned page that readability-lxml takes for the article.

    readability works on a copy and trims what it keeps (tweets quoted in the
    article, short paragraphs next to images); each element is tagged with its
    position first, so the article is read back from the page itself and our
    own pruning alone decides what goes inside it."""
    from lxml import etree, html as lxml_html
    from readability.readability import Unparseable

    originals = []
    depth = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if not isinstance(el.tag, str):
            continue
        if event == "end":
            depth -= 1
            continue
        depth += 1
        if depth > READABILITY_MAX_DEPTH or len(originals) >= READABILITY_MAX_ELEMENTS:
            _unmark(originals)
            return []
        el.set(_MARK, str(len(originals)))
        originals.append(el)
    try:
        summary = _document_class()(root).summary(html_partial=True)
    except (Unparseable, ValueError, RecursionError):
        return []
    finally:
        _unmark(originals)
    if not summary or not summary.strip():
        return []
    try:
        picked = lxml_html.document_fromstring(summary.encode("utf-8", "replace"), parser=html_parser())
    except Exception:  # lxml raises ParserError on an empty summary
        return []
    # Every element readability kept, read back from the page; those inside
    # another kept one are rendered with it. (readability may move a part of the
    # article into another, so each kept element's own place in the page counts.)
    kept = {originals[int(m)] for m in picked.xpath("//@" + _MARK) if m.isdigit() and int(m) < len(originals)}
    kept -= {root, root.find("body")}
    tops = [el for el in kept if not any(a in kept for a in el.iterancestors())]
    order = {id(el): i for i, el in enumerate(originals)}
    return sorted(tops, key=lambda el: order[id(el)])


_DOCUMENT = None


def _document_class():
    """readability's Document, minus its own cleaning pass on our parsed tree.

    Given a tree, readability copies it through lxml's Cleaner before every try,
    and that pass (rewriting every link for javascript: URLs) costs as much as
    the rest of readability. The tree it gets has been pruned already - scripts,
    styles, forms, frames and hidden elements are gone - so a plain copy does,
    and keeps each try starting from the same page."""
    global _DOCUMENT
    if _DOCUMENT is None:
        import copy

        from readability import Document

        class PrunedDocument(Document):
            def _parse(self, input):
                return copy.deepcopy(input)

        _DOCUMENT = PrunedDocument
    return _DOCUMENT


def _unmark(elements: list) -> None:
    for el in elements:
        el.attrib.pop(_MARK, None)


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
