"""A part of the page as lines of text: a line per heading, paragraph, list item,
block quote paragraph and table row, each with the line of the markup it starts on."""

from __future__ import annotations

import re

_INLINE = frozenset(
    """a abbr acronym b bdi bdo big cite code data del dfn em font i ins kbd mark q rp rt
    ruby s samp small span strike strong sub sup time tt u var wbr nobr img picture""".split()
)


def is_inline(tag: str) -> bool:
    """Text-level: its text runs on in the line around it. Custom elements
    (<hl-trusted-source>, their names always hold a "-") and Office's <o:p> are
    inline as well; a custom element holding paragraphs still breaks lines
    at each of them."""
    return tag in _INLINE or "-" in tag or ":" in tag


_CELLS = frozenset(("td", "th"))
SPACE = re.compile(r"\s+")


class Lines:
    """Rendered text: a line per block, inline text joined with spaces; beside each
    line (in `sources`), the line of the markup where its text starts."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.sources: list[int] = []
        self._parts: list[str] = []
        self._prefix = ""
        self._here = 0  # the markup line of the element being read
        self._start = 0  # ... and of the first text of the line being built

    def at(self, el) -> None:
        """render() enters `el`."""
        self._here = el.sourceline or self._here

    def leave(self, el) -> None:
        """render() is done with `el` (its tail comes next)."""

    def add(self, text: str | None) -> None:
        if text:
            if not self._parts:
                self._start = self._here
            self._parts.append(text)

    def prefix(self, marker: str) -> None:
        self.flush()
        self._prefix = marker

    def flush(self) -> None:
        line = " ".join("".join(self._parts).split())
        self._parts = []
        if line:
            self._append(self._prefix + line, self._start)
            self._prefix = ""

    def pre(self, text: str) -> None:
        self.flush()
        for n, raw in enumerate(text.splitlines()):
            if raw.strip():
                self._append(raw.rstrip(), self._here + n)

    def _append(self, line: str, source: int) -> None:
        self.lines.append(line)
        self.sources.append(source)

    def delete(self, i: int) -> None:
        """Take line i out."""
        del self.lines[i], self.sources[i]

    def take(self, line: str, source: int) -> None:
        """Add a line rendered elsewhere, with its markup line."""
        self.flush()
        self._append(line, source)


class DetailedLines(Lines):
    """Lines, and for each, the element its text starts in (`elements`) and how
    many of its characters are link text (`link_chars`): what the block scorer
    reads of the page."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list = []
        self.link_chars: list[int] = []
        self._el = None  # the element being read
        self._start_el = None  # ... where the line being built starts
        self._links = 0  # how many links the reading is inside
        self._link = 0  # link characters in the line being built

    def at(self, el) -> None:
        super().at(el)
        self._el = el
        if el.tag == "a":
            self._links += 1

    def leave(self, el) -> None:
        if el.tag == "a":
            self._links -= 1
        # What follows (the element's tail) is the parent's text.
        self._el = el.getparent()

    def add(self, text: str | None) -> None:
        if text:
            if not self._parts:
                self._start_el = self._el
            if self._links:
                self._link += len(text)
        super().add(text)

    def flush(self) -> None:
        super().flush()
        self._link = 0

    def pre(self, text: str) -> None:
        self.flush()
        self._start_el = self._el
        super().pre(text)

    def _append(self, line: str, source: int) -> None:
        super()._append(line, source)
        self.elements.append(self._start_el)
        self.link_chars.append(min(self._link, len(line)))

    def delete(self, i: int) -> None:
        super().delete(i)
        del self.elements[i], self.link_chars[i]

    def within(self, elements: list) -> Lines:
        """The lines whose text starts inside one of `elements`: what rendering
        them alone gives, but where a part of the page joins them on a line (an
        inline element taken, a list item's "* ")."""
        inside = {el for top in elements for el in top.iter()}
        out = Lines()
        for line, source, el in zip(self.lines, self.sources, self.elements):
            if el in inside:
                out._append(line, source)
        return out


def render(article, out: Lines | None = None, skip: frozenset = frozenset()) -> list[str]:
    """The element's text as lines: one per heading, paragraph, list item ("* "),
    block quote paragraph and table row (cells joined by " | "); a <br> ends a
    line. Elements in `skip` (by id()) are left out, their tails kept. Lines go
    to `out` when given (with their markup lines); the lines are returned.
    Walks the tree with an explicit stack, so depth costs no recursion."""
    out = Lines() if out is None else out
    if article is None:
        return out.lines
    # (element, entering) pairs; on leaving, the element's tail follows it.
    stack: list = [(article, True)]
    root = article
    while stack:
        el, entering = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        inline = is_inline(tag)
        if entering:
            out.at(el)
            if skip and id(el) in skip:
                out.flush()
                out.leave(el)
                if el is not root:
                    out.add(el.tail)
                continue
            if tag == "br":
                out.flush()
            elif tag == "pre":
                out.pre("".join(el.itertext()))
                out.leave(el)
                if el is not root:
                    out.add(el.tail)
                continue
            elif tag == "li":
                out.prefix("* ")
            elif tag in _CELLS:
                if el.getprevious() is not None:
                    out.add(" | ")
            elif tag and not inline:
                out.flush()
            if tag == "br":
                out.leave(el)
                if el is not root:
                    out.add(el.tail)
                continue
            if tag:
                out.add(el.text)
            stack.append((el, False))
            stack.extend((child, True) for child in reversed(el))
        else:
            if tag and not inline and tag not in _CELLS:
                out.flush()
            out.leave(el)
            if el is not root:
                out.add(el.tail)
    out.flush()
    return out.lines
