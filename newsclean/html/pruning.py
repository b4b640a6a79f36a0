"""Pruning: dropping, in place, the elements of a page that are never article text
(scripts, forms, navigation, hidden elements, captions, and boxes whose class or id
marks them as ads, share bars, newsletter boxes or related lists), each drop
recorded with the rule that made it ("extract.nav", "extract.ad" ...)."""

from __future__ import annotations

import re
from typing import NamedTuple

from .rendering import is_inline


class Drop(NamedTuple):
    """A dropped element: the id of the rule that dropped it, its text on one line
    (a menu's items run together), and the line of the markup it starts on."""

    rule: str
    text: str
    source: int


# Never article text, whatever they hold. Those a reader sees are recorded, by the
# rule named here; the rest (scripts, styles, media, metadata, and a ruby's
# reading of the characters it sits over, with its brackets) hold no text a
# reader sees as the text. <noscript> goes too, but where it holds most of the
# page's text (a page built by scripts, its text for readers without them).
_ALWAYS_DROP = frozenset(
    """script style noscript template iframe frame frameset object embed applet svg math
    canvas video audio source track map button select option optgroup textarea input
    label dialog menu link meta head title base figcaption rt rp""".split()
)
_SEEN_DROPS = {
    "figcaption": "extract.caption",
    "button": "extract.control", "label": "extract.control", "select": "extract.control",
    "textarea": "extract.control", "dialog": "extract.dialog", "menu": "extract.nav",
}
_UNSEEN_DROPS = tuple(sorted(_ALWAYS_DROP - set(_SEEN_DROPS) - {"noscript"}))
# Page furniture by tag or ARIA role; kept only when it holds much of the page's
# text, as on sites that wrap the whole page in one <form> or <aside>.
_FURNITURE_TAGS = {"form": "extract.form", "nav": "extract.nav", "aside": "extract.aside",
                   "footer": "extract.footer", "header": "extract.header"}
_FURNITURE_ROLES = {
    "navigation": "extract.nav", "menu": "extract.nav", "menubar": "extract.nav", "toolbar": "extract.nav",
    "tablist": "extract.nav", "complementary": "extract.aside", "banner": "extract.header",
    "contentinfo": "extract.footer", "search": "extract.form", "dialog": "extract.dialog",
    "alertdialog": "extract.dialog",
}

# A share box: the one marked box a block quote keeps (prune()).
_SHARE = "extract.share"
# Class/id tokens that mark furniture, by the rule they name. Class names are
# written in English on most sites whatever their language; the few local words
# here cover the common non-English names (German "werbung"/"anzeige", Spanish
# "publicidad", French "partage", Italian "correlati" ...). Matched against whole
# tokens of the class or id, split at "-", "_", spaces and camelCase, so "ad-slot"
# and "adSlot" match "ad" but "header", "shadow" and "download" do not. The first
# rule whose words match names the drop.
_MARKERS = {
    "extract.ad": """ad ads adv advert adverts advertisement advertisements advertising adslot adunit
        adsense adbox adblock adcontainer adwrapper dfp gpt doubleclick banner billboard leaderboard
        skyscraper sponsor sponsored sponsors promo promoted promotion cta
        werbung anzeige publicidad publicite publicité pubblicita pubblicità reklama reclame""",
    _SHARE: """share shares sharing sharebar sharetools social socials sociallinks socialshare
        addthis sharethis compartir partage partager teilen condividi""",
    "extract.newsletter": """newsletter newsletters subscribe subscription subscriptions signup paywall
        abonnement suscripcion suscríbete""",
    "extract.related": """related recommended recommendations recommend recirculation morestories readmore
        popular trending mostread relacionados relacionadas correlati verwandte taboola outbrain""",
    "extract.comments": "comments comment disqus",
    "extract.nav": "breadcrumb breadcrumbs toolbar tags tagcloud taglist keywords topics",
    "extract.bio": "bio bios authorbio",
    "extract.credit": "credit credits copyright",
    "extract.cookie": "cookie cookies consent gdpr",
    "extract.popup": "modal popup overlay rollover tooltip popover hovercard",
}
_MARKER_RULES = tuple((rule, frozenset(words.split())) for rule, words in _MARKERS.items())
NAMED = frozenset(_MARKERS)  # the rules that go by class and id words
# Stems that mark furniture at the start of a run-together token as well:
# "relatedposts", "sharecount", "subscribenewsletter", "sponsorlogo".
_MARKER_STEMS = {
    "related": "extract.related", "recommend": "extract.related", "outbrain": "extract.related",
    "taboola": "extract.related", "newsletter": "extract.newsletter", "subscribe": "extract.newsletter",
    "advert": "extract.ad", "sponsor": "extract.ad", "promo": "extract.ad",
    "share": _SHARE, "social": _SHARE, "comment": "extract.comments",
}
_STEMS = tuple(_MARKER_STEMS)
# Words on those stems that name article parts or shared page parts, not furniture.
_STEM_EXCEPTIONS = frozenset(("commentary", "commentator", "shared", "promontory", "subscriber", "subscribers"))
# Whole class names that hide an element from sighted readers (the text in them
# is for screen readers: "Opens in a new window", "Share on ...").
_HIDDEN_CLASSES = frozenset(
    """hidden hide d-none is-hidden u-hidden sr-only sr-only-focusable visually-hidden
    visuallyhidden screen-reader-text screenreader-only element-invisible offscreen
    a11y-hidden""".split()
)
HIDDEN = "extract.hidden"
# Short elements that carry only the byline or the date.
_META_MARKERS = frozenset("byline bylines author authors timestamp date published".split())
BYLINE = "extract.byline"
_META_MAX_CHARS = 200
LINKS = "extract.links"
# Every rule id a drop can carry.
RULES = tuple(dict.fromkeys([*_SEEN_DROPS.values(), *_FURNITURE_TAGS.values(), *_FURNITURE_ROLES.values(),
                             *_MARKERS, HIDDEN, BYLINE, LINKS]))

_HEX_ID = re.compile(r"(?=[a-f]*\d)(?=\d*[a-f])[0-9a-f]{7,}", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Z]?[a-z\u00c0-\u024f]+|[A-Z]+(?![a-z])|\d+")
_DISPLAY_NONE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.IGNORECASE)


_PARTS = re.compile(r"[\s_\-:./]+")


def _tokens(value: str) -> set[str]:
    out = set()
    for part in _PARTS.split(value):
        if not part:
            continue
        out.add(part.lower())
        if not _HEX_ID.fullmatch(part):
            out.update(t.lower() for t in _TOKEN.findall(part))
    return out


class _Markers:
    """The rule a class/id value calls for (HIDDEN, BYLINE, another "extract." id),
    or None; cached for each distinct value: pages, and the pages of one site,
    repeat them. The cache is bounded."""

    _LIMIT = 50_000

    def __init__(self) -> None:
        self._cache: dict[str, str | None] = {}

    def __call__(self, value: str) -> str | None:
        rule = self._cache.get(value, "")
        if rule != "":
            return rule
        if len(self._cache) >= self._LIMIT:
            self._cache.clear()
        self._cache[value] = rule = _marker_rule(value)
        return rule


def _marker_rule(value: str) -> str | None:
    if any(c in _HIDDEN_CLASSES for c in value.lower().split()):
        return HIDDEN
    tokens = _tokens(value)
    for rule, words in _MARKER_RULES:
        if tokens & words:
            return rule
    for t in tokens:
        if t.startswith(_STEMS) and t not in _STEM_EXCEPTIONS:
            return next(rule for stem, rule in _MARKER_STEMS.items() if t.startswith(stem))
    if tokens & _META_MARKERS:
        return BYLINE
    return None


_MARKER_RULE = _Markers()


def prune(body, spare: frozenset[str] = frozenset()) -> tuple[int, list[Drop]]:
    """Drop, in place, every element that is never article text (see the module
    docstring), but those a rule in `spare` names by their class or id. Text after
    a dropped element (its tail) stays. Returns the number of characters of text
    the page had before the furniture went, and a Drop for each dropped element a
    reader would have seen."""
    from lxml import etree

    # First what is never text, so the page's text size below is the visible one:
    # what no reader sees, then what a reader sees (recorded).
    etree.strip_elements(body, etree.Comment, etree.ProcessingInstruction, *_UNSEEN_DROPS, with_tail=False)
    if next(body.iter("noscript"), None) is not None:
        text = len(etree.tostring(body, method="text", encoding="unicode"))
        noscript = sum(len(etree.tostring(el, method="text", encoding="unicode", with_tail=False))
                       for el in body.iter("noscript") if not any(a.tag == "noscript" for a in el.iterancestors()))
        if 2 * noscript > text:
            etree.strip_tags(body, "noscript")
        else:
            etree.strip_elements(body, "noscript", with_tail=False)
    drops = _seen([(el, _SEEN_DROPS[el.tag]) for el in body.iter(*_SEEN_DROPS)])
    etree.strip_elements(body, *_SEEN_DROPS, with_tail=False)
    hidden = [el for el in body.xpath(".//*[@hidden or @aria-hidden or @style]") if _hidden(el)]
    if not _shown_by_script(body, hidden):
        drops += _seen([(el, HIDDEN) for el in hidden])
        _drop(hidden)

    page_chars = len(etree.tostring(body, method="text", encoding="unicode"))
    guard = max(1000, page_chars // 3)
    # A marked element with half the page's prose is the article itself.
    prose_guard = max(_PROSE_MIN, _prose(body) // 2)
    markers = _MARKER_RULE
    drop: list[tuple[object, str]] = []
    # (element, how many measured ancestors were kept): a marked box or a list kept
    # by the guards has its text measured again for each such box inside it; past
    # a few levels that is a built nest, not a page, and deeper boxes are left alone.
    stack = [(el, 0) for el in reversed(body)]
    while stack:
        el, kept_above = stack.pop()
        tag = el.tag
        if not isinstance(tag, str):
            continue
        rule = None
        if kept_above >= _MAX_KEPT_MARKED:
            pass
        elif tag in _FURNITURE_TAGS and not (tag == "header" and _sectioned(el)):
            rule = _FURNITURE_TAGS[tag]
        elif el.get("role") in _FURNITURE_ROLES:
            rule = _FURNITURE_ROLES[el.get("role")]
        else:
            for attr in ("class", "id"):
                value = el.get(attr)
                if value:
                    rule = markers(value)
                    if rule:
                        break
            if rule not in (None, HIDDEN) and is_inline(tag) and _in_running_text(el):
                rule = None  # a link or span inside a sentence: its words are the sentence's
            elif rule in spare:
                rule = None
        if rule is not None:
            if rule == BYLINE:
                if len(el.text_content()) <= _META_MAX_CHARS:
                    drop.append((el, rule))
                    continue
            elif rule == HIDDEN:
                # Unless it is the rest of the article, hidden until "Read more".
                if _prose(el, prose_guard) < prose_guard:
                    drop.append((el, rule))
                    continue
            elif (len(el.text_content()) < guard and _prose(el, prose_guard) < prose_guard
                  and not (rule == _SHARE and _quotes(el))):
                drop.append((el, rule))
                continue
            kept_above += 1
        elif kept_above < _MAX_KEPT_MARKED:
            anchors = _link_candidates(el)
            if anchors is not None:
                if _link_list(el, anchors) and _prose(el, prose_guard) < prose_guard:
                    drop.append((el, LINKS))
                    continue
                kept_above += 1
        stack.extend((child, kept_above) for child in reversed(el))
    drops += _seen(drop)
    _drop(el for el, _ in drop)
    return page_chars, drops


# A <header> is the page's banner only outside these (HTML's own rule): inside an
# article or a section it is that part's heading, where the headline and the
# standfirst stand.
_SECTIONING = frozenset("article section main".split())


def _sectioned(el) -> bool:
    return any(a.tag in _SECTIONING for a in el.iterancestors())


def _seen(pairs: list) -> list[Drop]:
    """A Drop for each (element, rule) whose element shows text, outermost only.
    Its text is read in one go, not rendered line by line: pruning drops a large
    share of a page (menus, footers), and a record of it must cost next to
    nothing."""
    marked = {id(el) for el, _ in pairs}
    drops = []
    for el, rule in pairs:
        if any(id(a) in marked for a in el.iterancestors()):
            continue
        text = " ".join(" ".join(el.itertext()).split())
        if text:
            drops.append(Drop(rule, text, el.sourceline or 0))
    return drops


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
        if not phrase or not is_inline(parent.tag):
            return False
        node = parent


def _quotes(el) -> bool:
    """Holds a block quote: a post quoted from a social network sits in a
    "social-embed" box, and it is article text; share bars hold no quotes. (Only
    for those: a comment or a teaser quoting a passage is still a comment or a
    teaser.)"""
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
        if all(is_inline(child.tag) for child in children):
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


def _drop(elements) -> None:
    for el in elements:
        if el.getparent() is not None:
            el.drop_tree()
