"""Saved HTML pages: find the article, render it to lines, then run the same filters.

The only module that imports lxml and readability-lxml; both load lazily, on the
first HTML input, so the plain-text path never pays for them.

Steps:
1. decode the bytes (detect.decode_html: BOM, <meta charset>, UTF-8, cp1252);
2. parse with lxml's HTML parser in recover mode (malformed markup is repaired,
   never refused);
3. read the metadata (canonical URL, dates, authors, site name, language) from
   meta tags, JSON-LD and <time>;
4. prune what is never article text: scripts, styles, forms, navigation, asides,
   iframes, hidden elements, captions, and elements whose class/id/role mark them
   as ads, share bars, newsletter boxes or related lists;
5. readability-lxml picks the article out of what is left; where it finds too
   little (a short page, a listing), our own scoring of text-bearing blocks does;
6. render the article's DOM to lines (headings, paragraphs, "* " list items,
   block quotes, table rows) and run the filter pipeline over them (mode "article").

Limits (what a hostile or broken page can cost):
- MAX_MARKUP_BYTES (64 MiB) of markup and MAX_TAGS (500,000) tags at most; a
  larger page fails with HTMLTooLarge before it is parsed, so the parsed tree
  stays within a few hundred MB.
- readability-lxml runs on pages of up to READABILITY_MAX_ELEMENTS (30,000)
  elements, READABILITY_MAX_DEPTH (200) levels and READABILITY_MAX_CHARS (1M)
  characters of text, many times a large news page (1,600 elements, 51 levels);
  its cost grows with size times depth, so larger pages are scored by our own
  pass, which is linear. A 50 MB page of text is cleaned in seconds.
- Nesting: libxml2 keeps elements down to 2,048 levels (huge_tree mode, so text at
  300 levels survives). A page nested deeper is not dropped: its tags are
  stripped and its text cleaned as flat text, block by block.
- Entities: only HTML's own named and numeric entities are decoded. A DTD's
  entity declarations are never expanded (no entity bomb), and nothing is loaded
  from the network or the file system (no_network; no external DTD).
- Script-only, empty or text-free pages give an empty result, not an error.
- JSON-LD blocks larger than MAX_JSON_LD_BYTES are not read for metadata.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from dataclasses import replace
from typing import Iterable, Iterator

from .detect import HTMLError, decode_html
from .model import Config, Result
from .pipeline import clean, prose_words

# readability logs its own failures with a traceback; the library never prints,
# and a page it cannot summarise falls back to our scoring anyway.
logging.getLogger("readability").addHandler(logging.NullHandler())
logging.getLogger("readability").propagate = False

MAX_MARKUP_BYTES = 64 * 1024 * 1024
MAX_TAGS = 500_000
READABILITY_MAX_ELEMENTS = 30_000
READABILITY_MAX_DEPTH = 200
READABILITY_MAX_CHARS = 1_000_000
MAX_JSON_LD_BYTES = 1024 * 1024

# Readability's article shorter than this (characters of rendered text) counts as
# "too little": the page is short or a listing, and our own scoring gets a say.
# Kept low: on a real short article (a few sentences of breaking news) readability
# is right, and our scoring, which knows no class names, would rather take the
# longer block of teasers beside it.
_MIN_ARTICLE_CHARS = 200


class HTMLTooLarge(HTMLError):
    """The page is beyond MAX_MARKUP_BYTES or MAX_TAGS."""


# ---------------------------------------------------------------- parsing

_LOCAL = threading.local()  # an lxml parser must not be shared between threads


def _parser():
    parser = getattr(_LOCAL, "parser", None)
    if parser is None:
        from lxml import html as lxml_html

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
    return parser


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class _TooDeep(Exception):
    pass


def parse(markup: str):
    """The document's root element. Raises _TooDeep when libxml2 gave up on nesting."""
    from lxml import etree, html as lxml_html

    parser = _parser()
    # lxml keeps C0 control characters in the text it parses but refuses them in
    # text set from Python (as dropping an element does with its tail); they are
    # never article text, so they go first.
    data = _CONTROL.sub("", markup).encode("utf-8", "replace")
    try:
        root = lxml_html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError):
        # Nothing at all to parse (only whitespace, or only a comment).
        return None
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        raise _TooDeep()
    return root


# ---------------------------------------------------------------- the entry point


def clean_html(markup: bytes | str, config: Config) -> Result:
    """Clean a saved HTML page: the article's text, its headline as the title, and
    the page's metadata in `meta`. Raises HTMLError for a page beyond the limits."""
    size = len(markup)
    if size > MAX_MARKUP_BYTES:
        raise HTMLTooLarge(f"HTML page too large ({size:,} > {MAX_MARKUP_BYTES:,} bytes); save only the article's part of it")
    tags = markup.count(b"<" if isinstance(markup, bytes) else "<")
    if tags > MAX_TAGS:
        raise HTMLTooLarge(f"HTML page has too many tags ({tags:,} > {MAX_TAGS:,}); save only the article's part of it")
    text = decode_html(markup) if isinstance(markup, bytes) else markup
    article_config = replace(config, mode="article", keep_title=False)
    try:
        root = parse(text)
    except _TooDeep:
        result = clean(_flatten(text), article_config)
        return replace(result, meta={"input_type": "html", "note": "nested too deeply to parse; cleaned as flat text"})
    if root is None:
        return Result(None, (), (), meta={"input_type": "html"})

    meta = metadata(root)
    title = headline(root, meta.pop("_title", None))
    body = root.find("body")
    if body is None:
        body = root
    page_chars = prune(body)
    candidate, lines = _article_lines(root, body, page_chars)
    # A pick holding a small share of the page's prose (a comment box, an author's
    # note, a login prompt) gives way to the whole page, cleaned as text in auto
    # mode: the region step and the scorer find the article in it.
    if _prose_chars(lines) < _WHOLE_PAGE_SHARE * page_chars:
        whole = render(body)
        if _prose_chars(lines) < _WHOLE_PAGE_SHARE * _prose_chars(whole):
            candidate, lines, article_config = "page", whole, replace(config, keep_title=False)
    lines = _drop_title_lines(lines, title)
    result = clean("\n\n".join(lines), article_config)
    return replace(result, title=title, meta={"input_type": "html", "candidate": candidate, **meta})


def _article_lines(root, body, page_chars: int) -> tuple[str, list[str]]:
    """The candidate taken and the article's lines: readability's pick
    ("readability"), or our block ("block") where readability finds too little or
    its pick holds under a tenth of the prose ours holds (a teaser list or a
    caption box picked over the article)."""
    lines = render_all(_readability(root)) if page_chars <= READABILITY_MAX_CHARS else []
    ours = render(best_block(body))
    if _size(lines) < _MIN_ARTICLE_CHARS:
        return ("block", ours) if _size(ours) > _size(lines) else ("readability", lines)
    if _prose_chars(ours) > _PICK_SHARE * _prose_chars(lines):
        return "block", ours
    return "readability", lines


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


def _prose_chars(lines: list[str]) -> int:
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
        picked = lxml_html.document_fromstring(summary.encode("utf-8", "replace"), parser=_parser())
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


def render_all(elements: list) -> list[str]:
    """The lines of each element in turn (see render)."""
    lines: list[str] = []
    for el in elements:
        lines.extend(render(el))
    return lines


# ---------------------------------------------------------------- pruning

# Never article text, whatever they hold.
_ALWAYS_DROP = frozenset(
    """script style noscript template iframe frame frameset object embed applet svg math
    canvas video audio source track map button select option optgroup textarea input
    label dialog menu link meta head title base figcaption""".split()
)
# Page furniture by tag; kept only when it holds much of the page's
# text, as on sites that wrap the whole page in one <form> or <aside>.
_FURNITURE_TAGS = frozenset("form nav aside footer header".split())
_FURNITURE_ROLES = frozenset(
    "navigation complementary banner contentinfo search dialog alertdialog menu menubar toolbar tablist".split()
)

# Class/id tokens that mark furniture. Class names are written in English on most
# sites whatever their language; the few local words here cover the common
# non-English names (German "werbung"/"anzeige", Spanish "publicidad", French
# "partage", Italian "correlati" ...). Matched against whole tokens of the class
# or id, split at "-", "_", spaces and camelCase, so "ad-slot" and "adSlot" match
# "ad" but "header", "shadow" and "download" do not.
_MARKERS = frozenset(
    """
    ad ads adv advert adverts advertisement advertisements advertising adslot adunit adsense
    adbox adblock adcontainer adwrapper dfp gpt doubleclick banner billboard leaderboard
    skyscraper sponsor sponsored sponsors promo promoted promotion taboola outbrain
    werbung anzeige publicidad publicite publicité pubblicita pubblicità reklama reclame
    share shares sharing sharebar sharetools social socials sociallinks socialshare
    addthis sharethis compartir partage partager teilen condividi
    newsletter newsletters subscribe subscription subscriptions signup paywall
    abonnement suscripcion suscríbete
    related recommended recommendations recommend recirculation morestories readmore
    popular trending mostread relacionados relacionadas correlati verwandte
    comments comment disqus breadcrumb breadcrumbs
    tags tagcloud taglist keywords topics bio bios authorbio
    credit credits copyright
    cookie cookies consent gdpr
    modal popup overlay toolbar cta
    rollover tooltip popover hovercard
    """.split()
)
# Stems that mark furniture at the start of a run-together token as well:
# "relatedposts", "sharecount", "subscribenewsletter", "sponsorlogo".
_MARKER_STEMS = ("related", "newsletter", "advert", "sponsor", "share", "social", "subscribe",
                 "recommend", "outbrain", "taboola", "promo", "comment")
# Words on those stems that name article parts or shared page parts, not furniture.
_STEM_EXCEPTIONS = frozenset(("commentary", "commentator", "shared", "promontory", "subscriber", "subscribers"))
# Whole class names that hide an element from sighted readers (the text in them
# is for screen readers: "Opens in a new window", "Share on ...").
_HIDDEN_CLASSES = frozenset(
    """hidden hide d-none is-hidden u-hidden sr-only sr-only-focusable visually-hidden
    visuallyhidden screen-reader-text screenreader-only element-invisible offscreen
    a11y-hidden""".split()
)
# Short elements that carry only the byline or the date.
_META_MARKERS = frozenset("byline bylines author authors timestamp date published".split())
_META_MAX_CHARS = 200

# A generated id or hash ("elementor-element-2638ad0", "css-1ad9f0c"): its letters
# are hex digits, not words, and "ad" inside it marks nothing.
_HEX_ID = re.compile(r"(?=[a-f]*\d)(?=\d*[a-f])[0-9a-f]{7,}", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Z]?[a-z\u00c0-\u024f]+|[A-Z]+(?![a-z])|\d+")
_DISPLAY_NONE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.IGNORECASE)


def _tokens(value: str) -> set[str]:
    out = set()
    for part in re.split(r"[\s_\-:./]+", value):
        if not part:
            continue
        out.add(part.lower())
        if not _HEX_ID.fullmatch(part):
            out.update(t.lower() for t in _TOKEN.findall(part))
    return out


class _Markers:
    """The verdict for each distinct class/id value, cached: pages, and the pages
    of one site, repeat them. The cache is bounded."""

    _LIMIT = 50_000

    def __init__(self) -> None:
        self._cache: dict[str, str | None] = {}

    def __call__(self, value: str) -> str | None:
        verdict = self._cache.get(value, "")
        if verdict != "":
            return verdict
        if len(self._cache) >= self._LIMIT:
            self._cache.clear()
        verdict = None
        if any(c in _HIDDEN_CLASSES for c in value.lower().split()):
            verdict = "hidden"
        else:
            tokens = _tokens(value)
            if tokens & _MARKERS or any(t.startswith(_MARKER_STEMS) and t not in _STEM_EXCEPTIONS for t in tokens):
                verdict = "furniture"
            elif tokens & _META_MARKERS:
                verdict = "meta"
        self._cache[value] = verdict
        return verdict


_MARKER_VERDICTS = _Markers()


def prune(body) -> int:
    """Drop, in place, every element that is never article text (see the module
    docstring). Text after a dropped element (its tail) stays. Returns the number
    of characters of text the page had before the furniture went."""
    from lxml import etree

    # First what is never text, so the page's text size below is the visible one.
    etree.strip_elements(body, etree.Comment, etree.ProcessingInstruction, *_ALWAYS_DROP, with_tail=False)
    hidden = [el for el in body.xpath(".//*[@hidden or @aria-hidden or @style]") if _hidden(el)]
    if not _shown_by_script(body, hidden):
        _drop(hidden)

    page_chars = len(etree.tostring(body, method="text", encoding="unicode"))
    guard = max(1000, page_chars // 3)
    # A marked element with half the page's prose is the article itself.
    prose_guard = max(_PROSE_MIN, _prose(body) // 2)
    markers = _MARKER_VERDICTS
    drop = []
    # (element, how many measured ancestors were kept): a marked box or a list kept
    # by the guards has its text measured again for each such box inside it; past
    # a few levels that is a built nest, not a page, and deeper boxes are left alone.
    stack = [(el, 0) for el in reversed(body)]
    while stack:
        el, kept_above = stack.pop()
        tag = el.tag
        if not isinstance(tag, str):
            continue
        verdict = None
        if kept_above >= _MAX_KEPT_MARKED:
            pass
        elif tag in _FURNITURE_TAGS or el.get("role") in _FURNITURE_ROLES:
            verdict = "furniture"
        else:
            for attr in ("class", "id"):
                value = el.get(attr)
                if value:
                    verdict = markers(value)
                    if verdict:
                        break
            if verdict in ("furniture", "meta") and _is_inline(tag) and _in_running_text(el):
                verdict = None  # a link or span inside a sentence: its words are the sentence's
        if verdict is not None:
            chars = len(el.text_content())
            if verdict == "meta":
                if chars <= _META_MAX_CHARS:
                    drop.append(el)
                    continue
            elif verdict == "hidden":
                # Unless it is the rest of the article, hidden until "Read more".
                if _prose(el, prose_guard) < prose_guard:
                    drop.append(el)
                    continue
            elif chars < guard and _prose(el, prose_guard) < prose_guard and not _quotes(el):
                drop.append(el)
                continue
            kept_above += 1
        elif kept_above < _MAX_KEPT_MARKED:
            anchors = _link_candidates(el)
            if anchors is not None:
                if _link_list(el, anchors) and _prose(el, prose_guard) < prose_guard:
                    drop.append(el)
                    continue
                kept_above += 1
        stack.extend((child, kept_above) for child in reversed(el))
    _drop(drop)
    return page_chars


# A marked element holding half the page's prose (paragraphs of 120+ characters)
# is an article wrapper with an unlucky class ("article-body pagination-first",
# "post-content share-enabled"), not furniture: teasers, share bars and
# newsletter boxes hold a sentence or two, and a letter from the editors in a
# "widget" far less than the article.
_PROSE_MIN = 400
_PROSE_PARAGRAPH = 120


def _prose(el, enough: int | None = None) -> int:
    """Characters in the paragraphs of 120+ characters inside `el` (counting stops
    at `enough`)."""
    total = 0
    for p in el.iter("p"):
        n = len(p.text_content().strip())
        if n >= _PROSE_PARAGRAPH:
            total += n
            if enough is not None and total >= enough:
                break
    return total


# Words inside a sentence are a phrase; a hover card or a share bar tucked into a
# paragraph holds more.
_PHRASE_MAX_CHARS = 100


def _in_running_text(el) -> bool:
    """Sits between words of the text around it: "On <span class=date>Monday</span>,
    the council ...". A short phrase may find those words beyond an inline
    wrapper: "... kill Rep. <span class=rollover><a>Ilhan Omar</a><span>(a hover
    card)</span></span> (D-Minn.)" keeps the name; the card, long and with no
    words right beside it, goes."""
    phrase = len(el.text_content()) <= _PHRASE_MAX_CHARS
    node = el
    while True:
        if (node.tail or "").strip():
            return True
        before = node.getprevious()
        parent = node.getparent()
        text = before.tail if before is not None else parent.text
        if (text or "").strip():
            return True
        if not phrase or not _is_inline(parent.tag):
            return False
        node = parent


def _quotes(el) -> bool:
    """Holds a block quote: a post quoted from a social network sits in a
    "social-embed" box, and it is article text; share bars hold no quotes."""
    return next(el.iter("blockquote"), None) is not None


# A list or box that is nothing but links (related stories, tag lists, "more in
# this section"): 3+ links carrying 80% of its text. Article lists of links are
# rare, and their items carry words besides the link. A div or paragraph counts
# only as a row of links (no blocks inside): a div holding the article and a
# long menu is not one.
_LINK_LISTS = frozenset(("ul", "ol"))
_LINK_ROWS = frozenset(("div", "p"))
_LINK_LIST_MAX_CHARS = 3000
_MAX_KEPT_MARKED = 16
_LINK_SHARE = 0.8
_MIN_LINKS = 3


def _link_candidates(el) -> list | None:
    """The links that could make `el` a list of links: all of them in a <ul>/<ol>;
    the direct ones in a div or paragraph that is a row (no block inside). None
    for any other element."""
    if el.tag in _LINK_LISTS:
        return el.findall(".//a")
    if el.tag in _LINK_ROWS:
        children = [child for child in el if isinstance(child.tag, str)]
        if all(_is_inline(child.tag) for child in children):
            return [child for child in children if child.tag == "a"]
    return None


def _link_list(el, anchors) -> bool:
    text = el.text_content()
    if len(text) > 4 * _LINK_LIST_MAX_CHARS:  # far too long, whatever its spacing
        return False
    text_chars = _solid(text)
    if not 0 < text_chars <= _LINK_LIST_MAX_CHARS:
        return False
    links = 0
    link_chars = 0
    for a in anchors:
        links += 1
        link_chars += _solid(a.text_content())
        if link_chars >= text_chars:
            break
    return links >= _MIN_LINKS and link_chars >= _LINK_SHARE * text_chars


def _solid(text: str) -> int:
    """Characters other than whitespace."""
    return len("".join(text.split()))


def _shown_by_script(body, hidden: list) -> bool:
    """Whether the article is in the hidden elements: the page shows no paragraph
    of prose without them, and they hold some (a page that streams its content
    into hidden elements and shows it by script). A consent dialog or a menu
    hidden until opened sits beside an article that is shown."""
    if not hidden:
        return False
    marked = {id(el) for el in hidden}
    tops = [el for el in hidden if not any(id(a) in marked for a in el.iterancestors())]
    inside = sum(_prose(el) for el in tops)
    return inside >= _PROSE_MIN and _prose(body) - inside < _PROSE_PARAGRAPH


def _hidden(el) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style) and _DISPLAY_NONE.search(style) is not None


def _drop(elements: Iterable) -> None:
    for el in elements:
        if el.getparent() is not None:
            el.drop_tree()


# ---------------------------------------------------------------- our own scoring

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
        if not isinstance(node.tag, str) or not _is_inline(node.tag):
            continue  # a block child scores on its own
        link = in_link or node.tag == "a"
        n = len((node.text or "").strip())
        chars += n
        links += n if link else 0
        stack.extend((child, link) for child in reversed(node))
    return chars, links


# ---------------------------------------------------------------- rendering

_INLINE = frozenset(
    """a abbr acronym b bdi bdo big cite code data del dfn em font i ins kbd mark q rp rt
    ruby s samp small span strike strong sub sup time tt u var wbr nobr img picture""".split()
)


def _is_inline(tag: str) -> bool:
    """Text-level: its text runs on in the line around it. Custom elements
    (<hl-trusted-source>, their names always hold a "-") and Office's <o:p> are
    inline as well; a custom element holding paragraphs still breaks lines
    at each of them."""
    return tag in _INLINE or "-" in tag or ":" in tag


_CELLS = frozenset(("td", "th"))
_SPACE = re.compile(r"\s+")


class _Lines:
    """Collects rendered text: a line per block, inline text joined with spaces."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._parts: list[str] = []
        self._prefix = ""

    def add(self, text: str | None) -> None:
        if text:
            self._parts.append(text)

    def prefix(self, marker: str) -> None:
        self.flush()
        self._prefix = marker

    def flush(self) -> None:
        line = _SPACE.sub(" ", "".join(self._parts)).strip()
        self._parts = []
        if line:
            self.lines.append(self._prefix + line)
            self._prefix = ""

    def pre(self, text: str) -> None:
        self.flush()
        for raw in text.splitlines():
            if raw.strip():
                self.lines.append(raw.rstrip())


def render(article) -> list[str]:
    """The element's text as lines: one per heading, paragraph, list item ("* "),
    block quote paragraph and table row (cells joined by " | "); a <br> ends a
    line. Walks the tree with an explicit stack, so depth costs no recursion."""
    if article is None:
        return []
    out = _Lines()
    # (element, entering) pairs; on leaving, the element's tail follows it.
    stack: list = [(article, True)]
    root = article
    while stack:
        el, entering = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        inline = _is_inline(tag)
        if entering:
            if tag == "br":
                out.flush()
            elif tag == "pre":
                out.pre("".join(el.itertext()))
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
            if el is not root:
                out.add(el.tail)
    out.flush()
    return out.lines


_RAW_OPEN = re.compile(r"<(script|style|noscript|template)\b", re.IGNORECASE)
_RAW_CLOSE = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("script", "style", "noscript", "template")}
# [^<>] rather than [^>]: a "<" never closed must not make every later "<" scan
# to the end of the page.
_FLAT_BLOCK = re.compile(r"<(?:/?(?:p|div|h[1-6]|li|tr|blockquote|section|article|pre|table|ul|ol)\b[^<>]*|br\b[^<>]*)>", re.IGNORECASE)
_FLAT_TAG = re.compile(r"<[^<>]*>")


def _flatten(markup: str) -> str:
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


# ---------------------------------------------------------------- title


def _text(el) -> str:
    return _SPACE.sub(" ", el.text_content()).strip() if el is not None else ""


_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·»]\s+")


def headline(root, meta_title: str | None) -> str | None:
    """The page's headline: its <h1> (the one that best matches the meta title when
    there are several), else the meta title, else <title> without the site name."""
    page_title = meta_title or _text(root.find(".//title")) or None
    h1s = [t for t in (_text(h) for h in root.iter("h1")) if 1 <= len(t) <= 300]
    if h1s:
        if page_title is None or len(h1s) == 1:
            return h1s[0]
        words = set(page_title.lower().split())
        return max(h1s, key=lambda t: len(words & set(t.lower().split())))
    if page_title is None:
        return None
    if meta_title:
        return meta_title
    parts = _TITLE_SEPARATORS.split(page_title)
    return max(parts, key=len) if len(parts) > 1 else page_title


def _drop_title_lines(lines: list[str], title: str | None) -> list[str]:
    """The headline repeated at the top of the article is the title, not body."""
    if not title:
        return lines
    key = _SPACE.sub(" ", title).strip().casefold()
    head = [i for i, line in enumerate(lines[:5]) if line.casefold() == key]
    return [line for i, line in enumerate(lines) if i not in head]


# ---------------------------------------------------------------- metadata

_META_KEYS = {
    "url": ("og:url",),
    "published": (
        "article:published_time", "og:published_time", "article:published", "datepublished",
        "date", "pubdate", "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued",
        "dcterms.created", "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime",
    ),
    "authors": ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl"),
    "site_name": ("og:site_name", "application-name", "publisher"),
    "language": ("og:locale", "content-language", "dc.language", "language"),
    "_title": ("og:title", "twitter:title", "headline", "dc.title"),
}
_KEY_TO_FIELD = {k: f for f, keys in _META_KEYS.items() for k in keys}
_ARTICLE_TYPES = re.compile(r"(?:News|Blog|Report|Scholarly|Tech|Opinion|Analysis|Review|Satirical)?Article|BlogPosting|Posting|Report|WebPage", re.I)


def metadata(root) -> dict:
    """Canonical URL, publication date, authors, site name and language, from
    <link rel=canonical>, meta tags, JSON-LD and <time>, where the page has them.
    (Also "_title", the meta title, for the headline.)"""
    found: dict = {}

    def put(name: str, value) -> None:
        if name == "authors":
            names = [a for a in (_clean_author(v) for v in _as_list(value)) if a]
            if names and "authors" not in found:
                found["authors"] = names
        elif isinstance(value, str):
            value = _SPACE.sub(" ", value).strip()
            if value and name not in found:
                found[name] = value

    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel and link.get("href"):
            put("url", link.get("href"))
    for data in _json_ld(root):
        for name, value in data:
            put(name, value)
    for m in root.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or m.get("http-equiv") or "").strip().lower()
        field = _KEY_TO_FIELD.get(key)
        content = m.get("content")
        if field and content:
            if field == "authors" and content.startswith(("http://", "https://")):
                continue  # article:author is often the author's profile URL
            put(field, content)
    if "published" not in found:
        for t in root.iter("time"):
            value = t.get("datetime") or (t.text or "")
            if value.strip():
                put("published", value)
                break
    lang = root.get("lang") or root.get("xml:lang")  # the HTML parser keeps "xml:" in the name
    if lang:
        found["language"] = lang.strip()
    if "language" in found:
        found["language"] = found["language"].replace("_", "-")
    return found


def _as_list(value) -> list:
    if isinstance(value, list):
        return value
    if isinstance(value, str) and value.count(",") and " and " not in value:
        return [v for v in value.split(",")]
    return [value]


def _clean_author(value) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        value = " ".join(str(v) for v in value)
    if not isinstance(value, str):
        return None
    value = _SPACE.sub(" ", value).strip()
    if not value or value.startswith(("http://", "https://")) or len(value) > 100:
        return None
    return re.sub(r"(?i)^by\s+", "", value)


def _json_ld(root) -> list[list[tuple[str, object]]]:
    """(field, value) pairs from each article-like JSON-LD object on the page,
    articles before plain web pages."""
    found: list[tuple[int, list[tuple[str, object]]]] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = script.text or ""
        if not raw.strip() or len(raw) > MAX_JSON_LD_BYTES:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        for obj in _ld_objects(data):
            kind = obj.get("@type")
            kinds = [k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)]
            if not any(_ARTICLE_TYPES.fullmatch(k) for k in kinds):
                continue
            pairs: list[tuple[str, object]] = []
            for key, name in (("datePublished", "published"), ("dateCreated", "published"),
                              ("inLanguage", "language"), ("headline", "_title"), ("url", "url")):
                if isinstance(obj.get(key), str):
                    pairs.append((name, obj[key]))
            if obj.get("author"):
                pairs.append(("authors", obj["author"]))
            publisher = obj.get("publisher")
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                pairs.append(("site_name", publisher["name"]))
            found.append((1 if "WebPage" in kinds else 0, pairs))
    return [pairs for _, pairs in sorted(found, key=lambda f: f[0])]


def _ld_objects(data, depth: int = 0) -> Iterator[dict]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if graph is not None:
            yield from _ld_objects(graph, depth + 1)
