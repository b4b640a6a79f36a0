"""readability-lxml's pick of the article on a pruned page.

readability runs on a copy of the page; what it keeps is read back from the page
itself (pick), so our own pruning alone decides what goes inside the article.
Its Document is used with some of its steps done here more cheaply, with the
same results (tests/test_html.py compares them with readability's own):

- no cleaning pass of its own: the tree it gets has been pruned already;
- a text is cleaned (score_paragraphs, get_link_density) with each of
  readability's regular expressions run only where it can change something;
- an element's class and id are judged once per page for each distinct pair
  (remove_unlikely_candidates);
- no element is described for a debug log nobody reads;
- a <div> is told to hold a block (transform_misused_divs_into_paragraphs) by
  the tags under it, not by searching their markup printed out.

The block scorer is fitted on the picks of readability-lxml 0.9 (pyproject.toml
holds it there); the methods replaced are that version's.
"""

from __future__ import annotations

import logging
import re

# readability logs its own failures with a traceback; the library never prints,
# and a page it cannot summarise falls back to our scoring anyway.
logging.getLogger("readability").addHandler(logging.NullHandler())
logging.getLogger("readability").propagate = False

MAX_ELEMENTS = 30_000
MAX_DEPTH = 200
MAX_CHARS = 1_000_000

_MARK = "data-newsclean"


def pick(root) -> list:
    """The elements of the pruned page that readability-lxml takes for the article,
    outermost only, in page order; [] when it takes none or the page is beyond
    MAX_ELEMENTS or MAX_DEPTH.

    readability works on a copy and trims what it keeps (tweets quoted in the
    article, short paragraphs next to images); each element is tagged with its
    position first, so the article is read back from the page itself."""
    from lxml import etree, html as lxml_html
    from readability.readability import Unparseable

    from .markup import html_parser

    originals = []
    depth = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if not isinstance(el.tag, str):
            continue
        if event == "end":
            depth -= 1
            continue
        depth += 1
        if depth > MAX_DEPTH or len(originals) >= MAX_ELEMENTS:
            etree.strip_attributes(root, _MARK)
            return []
        el.set(_MARK, str(len(originals)))
        originals.append(el)
    try:
        summary = document_class()(root).summary(html_partial=True)
    except (Unparseable, ValueError, RecursionError):
        return []
    finally:
        etree.strip_attributes(root, _MARK)
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


def text_length(el) -> int:
    """readability's text_length: the length of the element's text, cleaned."""
    return len(clean(el.text_content() or ""))


def clean(text: str) -> str:
    """readability's clean: a run of 255 or more white space characters cut to
    255 spaces, a run of white space around a line break made one break, a tab
    or a run of spaces and tabs made one space, the ends stripped. Each regular
    expression runs only on a text where it can change something."""
    if len(text) >= 255:
        text = _LONG_RUN.sub(" " * 255, text)
    if "\n" in text:
        # r"\s*\n\s*" -> "\n" in two quick passes: the white space after each
        # break, then the white space before it (a search for white space
        # followed by a break tries every space between two words).
        lines = _AFTER_BREAK.sub("\n", text).split("\n")
        last = lines.pop()
        text = "\n".join([line.rstrip() for line in lines] + [last])
    if "\t" in text or "  " in text:
        text = _SPACES.sub(" ", text)
    return text.strip()


_LONG_RUN = re.compile(r"\s{255,}")
_AFTER_BREAK = re.compile(r"\n\s*")
_SPACES = re.compile(r"\t|[ \t]{2,}")


# The tags readability's divToPElementsRe finds in markup: "<p" also finds
# <pre>, <param> and <picture>, so each is a prefix (tag names are lower case).
_BLOCK_PREFIXES = ("blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul")
_INLINE = frozenset({"a", "b", "cite", "code", "em", "font", "i", "small", "span", "strong", "sub", "sup", "u"})


def _holds_block(el, itself: bool = False) -> bool:
    """Whether divToPElementsRe finds a tag in el's markup printed out: whether an
    element under it (or el itself) has a tag that starts like a block's. Text
    and attribute values are escaped when printed, so only tags can match."""
    for d in (el.iter() if itself else el.iterdescendants()):
        if isinstance(d.tag, str) and d.tag.lower().startswith(_BLOCK_PREFIXES):
            return True
    return False


_DOCUMENT = None


def document_class():
    """readability's Document on a pruned tree, with the steps the module
    docstring names done here."""
    global _DOCUMENT
    if _DOCUMENT is None:
        import copy

        from lxml.html import fragment_fromstring
        from readability import Document
        from readability.readability import REGEXES

        class PrunedDocument(Document):
            def _parse(self, input):
                # Given a tree, readability copies it through lxml's Cleaner
                # before every try, rewriting every link for javascript: URLs. The
                # tree it gets here has no scripts, styles, forms, frames or
                # hidden elements left, so a plain copy does, and keeps each try
                # starting from the same page.
                return copy.deepcopy(input)

            def remove_unlikely_candidates(self):
                # readability's, with each class-and-id string judged once (a
                # page repeats a few of them on many elements) and no debug log.
                unlikely, maybe = REGEXES["unlikelyCandidatesRe"], REGEXES["okMaybeItsACandidateRe"]
                verdicts: dict[str, bool] = {}
                for elem in self.html.findall(".//*"):
                    s = "{} {}".format(elem.get("class", ""), elem.get("id", ""))
                    if len(s) < 2:
                        continue
                    verdict = verdicts.get(s)
                    if verdict is None:
                        verdict = verdicts[s] = bool(unlikely.search(s)) and not maybe.search(s)
                    if (
                        verdict
                        and elem.tag not in ("html", "body")
                        and not elem.xpath("ancestor-or-self::pre | ancestor-or-self::code")
                        and not elem.xpath(
                            "descendant-or-self::main | descendant-or-self::article | descendant-or-self::math")
                    ):
                        elem.drop_tree()

            def score_paragraphs(self):
                # readability's, with its text cleaned as above and without its
                # debug log (which describes every candidate, logged or not).
                candidates = {}
                ordered = []
                for elem in self.tags(self._html(), "p", "pre", "td", "blockquote"):
                    parent_node = elem.getparent()
                    if parent_node is None:
                        continue
                    grand_parent_node = parent_node.getparent()
                    inner_text = clean(elem.text_content() or "")
                    inner_text_len = len(inner_text)
                    if inner_text_len < self.min_text_length:
                        continue
                    if parent_node not in candidates:
                        candidates[parent_node] = self.score_node(parent_node)
                        ordered.append(parent_node)
                    if grand_parent_node is not None and grand_parent_node not in candidates:
                        candidates[grand_parent_node] = self.score_node(grand_parent_node)
                        ordered.append(grand_parent_node)
                    content_score = 1
                    content_score += len(inner_text.split(","))
                    content_score += min((inner_text_len / 100), 3)
                    candidates[parent_node]["content_score"] += content_score
                    if grand_parent_node is not None:
                        candidates[grand_parent_node]["content_score"] += content_score / 2.0
                for elem in ordered:
                    candidates[elem]["content_score"] *= 1 - self.get_link_density(elem)
                return candidates

            def get_link_density(self, elem):
                links = sum(text_length(a) for a in elem.findall(".//a"))
                return float(links) / max(text_length(elem), 1)

            def transform_misused_divs_into_paragraphs(self):
                for elem in self.tags(self.html, "div"):
                    # A <div> with no block under it is a paragraph.
                    if not _holds_block(elem):
                        elem.tag = "p"

                for elem in self.tags(self.html, "div"):
                    children = list(elem)
                    paragraph = None
                    if elem.text and elem.text.strip():
                        p = fragment_fromstring("<p/>")
                        p.text = elem.text
                        elem.text = None
                        elem.insert(0, p)
                        paragraph = p

                    for child in children:
                        if child.tag == "br":
                            paragraph = None
                            continue
                        if child.tag not in _INLINE or _holds_block(child, itself=True):
                            paragraph = None
                            continue
                        if paragraph is None:
                            paragraph = fragment_fromstring("<p/>")
                            child.addprevious(paragraph)
                        paragraph.append(child)

                    for pos, child in reversed(list(enumerate(elem))):
                        if child.tail and child.tail.strip():
                            p = fragment_fromstring("<p/>")
                            p.text = child.tail
                            child.tail = None
                            elem.insert(pos + 1, p)
                        if child.tag == "br":
                            child.drop_tree()

        _DOCUMENT = PrunedDocument
    return _DOCUMENT
