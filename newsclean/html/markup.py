"""Reading a page: its size limits, the parser, and the flat-text way out for a
page nested too deeply to parse (see the package docstring for the limits)."""

from __future__ import annotations

import re
import threading

from ..detect import HTMLError

MAX_MARKUP_BYTES = 64 * 1024 * 1024
MAX_TAGS = 500_000


class HTMLTooLarge(HTMLError):
    """The page is beyond MAX_MARKUP_BYTES or MAX_TAGS."""


def check_size(markup: bytes | str) -> None:
    """Raises HTMLTooLarge for a page beyond the limits, before it is parsed."""
    size = len(markup)
    if size > MAX_MARKUP_BYTES:
        raise HTMLTooLarge(f"HTML page too large ({size:,} > {MAX_MARKUP_BYTES:,} bytes); save only the article's part of it")
    tags = markup.count(b"<" if isinstance(markup, bytes) else "<")
    if tags > MAX_TAGS:
        raise HTMLTooLarge(f"HTML page has too many tags ({tags:,} > {MAX_TAGS:,}); save only the article's part of it")


_LOCAL = threading.local()  # an lxml parser must not be shared between threads


def html_parser():
    """This thread's lxml HTML parser."""
    parser = getattr(_LOCAL, "parser", None)
    if parser is None:
        from lxml import etree, html as lxml_html

        # huge_tree lifts libxml2's depth limit from 256 to 2,048 levels and its
        # 10 MB cap on one text node; the size of the whole input is bounded by
        # MAX_MARKUP_BYTES instead. HTML parsing never expands DTD entities.
        parser = _LOCAL.parser = lxml_html.HTMLParser(
            encoding="utf-8",
            remove_comments=True,
            remove_pis=True,
            no_network=True,
            huge_tree=True,
            default_doctype=False,
        )
        # Every element an HtmlElement, chosen in C: lxml.html's own lookup, which
        # gives form fields their own classes, is Python code run each time an
        # element is touched, and nothing here uses those classes.
        parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
            element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment,
            pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity))
    return parser


# C0 controls but tab, newline and carriage return, and DEL: single bytes in
# UTF-8, which never occur inside a longer character's encoding.
_CONTROL = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


class TooDeep(Exception):
    """libxml2 gave up on the page's nesting; it is cleaned as flat text (flatten)."""


def parse(markup: str):
    """The document's root element. Raises TooDeep when libxml2 gave up on nesting."""
    root = _parse(markup)
    title = None if root is None else root.find(".//title")
    if title is not None and title.text and _MARKUP.search(title.text):
        # A <title> never closed (a damaged "</title>") holds the rest of the page
        # as its text, markup and all. The page is read again (once) without it.
        root = _parse(_TITLE_OPEN.sub("<span", markup, count=1))
    return root


# A tag inside a title's text: the title was not closed where it should have been.
_MARKUP = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?>")
_TITLE_OPEN = re.compile(r"<title\b", re.IGNORECASE)


def _parse(markup: str):
    from lxml import etree, html as lxml_html

    parser = html_parser()
    # lxml keeps C0 control characters in the text it parses but refuses them in
    # text set from Python (as dropping an element does with its tail); they are
    # never article text, so they go first.
    data = markup.encode("utf-8", "replace").translate(None, _CONTROL)
    try:
        root = lxml_html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError):
        # Nothing at all to parse (only whitespace, or only a comment).
        return None
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        raise TooDeep()
    return root


_RAW_OPEN = re.compile(r"<(script|style|noscript|template)\b", re.IGNORECASE)
_RAW_CLOSE = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("script", "style", "noscript", "template")}
# [^<>] rather than [^>]: a "<" never closed must not make every later "<" scan
# to the end of the page.
_FLAT_BLOCK = re.compile(r"<(?:/?(?:p|div|h[1-6]|li|tr|blockquote|section|article|pre|table|ul|ol)\b[^<>]*|br\b[^<>]*)>", re.IGNORECASE)
_FLAT_TAG = re.compile(r"<[^<>]*>")


def flatten(markup: str) -> str:
    """A page too deeply nested to parse, as plain text: scripts and styles cut,
    tags stripped, block tags turned into line breaks, HTML's own entities
    decoded (never a DTD's). Linear in the size of the page."""
    import html as stdlib_html

    parts = []
    pos = 0
    while True:
        m = _RAW_OPEN.search(markup, pos)
        if m is None:
            parts.append(markup[pos:])
            break
        parts.append(markup[pos : m.start()])
        close = _RAW_CLOSE[m.group(1).lower()].search(markup, m.end())
        if close is None:
            break  # an unclosed script runs to the end of the page, as in a browser
        parts.append(" ")
        pos = close.end()
    text = _FLAT_BLOCK.sub("\n\n", "".join(parts))
    return stdlib_html.unescape(_FLAT_TAG.sub("", text))
