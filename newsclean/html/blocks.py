"""The block scorer's measures: for each line of a pruned page, what its place in
the page says about it (boilerpipe's shallow features, with the DOM around them).

Each line of the whole page is measured on its own (words, link share, whether it
reads as a sentence, the kind of block it stands in), by its place (in
readability's pick, in our block, how far from the pick, how deep, how far down
the page, how much of the page the pick holds) and by the lines around it
(prose, links and the pick within three lines). No
measure reads a word of any language: class names were read by the pruning, and
what is left is shape.
"""

from __future__ import annotations

import math

from ..pipeline import prose_words
from .rendering import DetailedLines, is_inline

NAMES = (
    "words", "link_share", "prose", "sentence_end", "heading", "item", "cell", "paragraph",
    "in_pick", "in_block", "from_pick", "depth", "position",
    "prose_around", "links_around", "pick_around", "pick_share", "block_chars", "block_link_share",
)
_AROUND = 3
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
# A line ending like a sentence or a clause: filters.base.ends_sentence's marks,
# and a colon or semicolon too (a line announcing the list below it is the
# article's), with a closing quote counting as an end.
_ENDS = tuple(".!?:;\"'”»…。！？")


def _block(el):
    """The nearest ancestor-or-self of `el` that is not inline."""
    while el is not None and isinstance(el.tag, str) and is_inline(el.tag):
        el = el.getparent()
    return el


def _place(el, picks: set[int], block: int | None) -> tuple[bool, bool, int]:
    """Whether `el` stands in readability's pick, in our block, and how deep."""
    in_pick = in_block = False
    depth = 0
    while el is not None:
        key = id(el)
        in_pick = in_pick or key in picks
        in_block = in_block or key == block
        depth += 1
        el = el.getparent()
    return in_pick, in_block, depth


def measures(page: DetailedLines, picks: list, block) -> list[list[float]]:
    """One row of NAMES for each line of the page's lines."""
    lines = page.lines
    n = len(lines)
    if not n:
        return []
    pick_ids = {id(el) for el in picks}
    block_id = id(block) if block is not None else None
    places = [_place(el, pick_ids, block_id) for el in page.elements]
    in_pick = [p for p, _, _ in places]
    from_pick = _distances(in_pick)
    picked = [1.0 if x else 0.0 for x in in_pick]
    pick_share = sum(picked) / n
    prose = [1.0 if prose_words(line) else 0.0 for line in lines]
    links = [min(1.0, k / max(1, len(line))) for k, line in zip(page.link_chars, lines)]
    sizes: dict[int, tuple] = {}
    rows = []
    for i, (line, el, (_, inside_block, depth)) in enumerate(zip(lines, page.elements, places)):
        b = _block(el)
        tag = b.tag if b is not None and isinstance(b.tag, str) else ""
        key = id(b)
        if key not in sizes:
            # The block is kept beside its measures: an lxml element's proxy may be
            # freed once unused, and its id() given to another.
            sizes[key] = (b, *_size(b))
        lo, hi = max(0, i - _AROUND), min(n, i + _AROUND + 1)
        others = hi - lo - 1
        rows.append([
            math.log1p(len(line.split())),
            links[i],
            prose[i],
            1.0 if line.rstrip().endswith(_ENDS) else 0.0,
            1.0 if tag in _HEADINGS else 0.0,
            1.0 if tag == "li" else 0.0,
            1.0 if tag in ("td", "th") else 0.0,
            1.0 if tag == "p" else 0.0,
            1.0 if in_pick[i] else 0.0,
            1.0 if inside_block else 0.0,
            math.log1p(from_pick[i]),
            math.log1p(depth),
            i / n,
            (sum(prose[lo:hi]) - prose[i]) / others if others else 0.0,
            (sum(links[lo:hi]) - links[i]) / others if others else 0.0,
            (sum(picked[lo:hi]) - picked[i]) / others if others else 0.0,
            pick_share,
            *sizes[key][1:],
        ])
    return rows


def _distances(marked: list[bool]) -> list[float]:
    """For each line, how many lines away the nearest marked one is (the page's
    length when none is)."""
    n = len(marked)
    far = float(n)
    out = [far] * n
    last = None
    for i in range(n):
        if marked[i]:
            last = i
        if last is not None:
            out[i] = float(i - last)
    last = None
    for i in range(n - 1, -1, -1):
        if marked[i]:
            last = i
        if last is not None:
            out[i] = min(out[i], float(last - i))
    return out


def _size(b) -> tuple[float, float]:
    """The block's characters of text (log), and the share of them in links."""
    if b is None:
        return 0.0, 0.0
    text = len(b.text_content())
    link = sum(len(a.text_content()) for a in b.iter("a"))
    return math.log1p(text), min(1.0, link / text) if text else 0.0


_END, _IN_PICK, _IN_BLOCK = (NAMES.index(n) for n in ("sentence_end", "in_pick", "in_block"))


def kept(rows: list[list[float]], scores: list[float], inside: float, outside: float) -> list[bool]:
    """Which lines stay: a line in readability's pick scoring at least `inside`, a
    line beyond it scoring at least `outside`, and, whatever its score, a line
    that ends like a sentence inside the pick or our block (losing an article
    sentence costs more than keeping furniture; the filters still judge it)."""
    return [s >= (inside if r[_IN_PICK] > 0 else outside) or (r[_END] > 0 and (r[_IN_PICK] > 0 or r[_IN_BLOCK] > 0))
            for r, s in zip(rows, scores)]
