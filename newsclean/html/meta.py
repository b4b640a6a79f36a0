"""What a page says about itself: its headline, canonical URL, publication date,
authors, site name and language, from <h1>, <title>, meta tags, JSON-LD and <time>."""

from __future__ import annotations

import json
import re
from typing import Iterator

from .rendering import SPACE, Lines

MAX_JSON_LD_BYTES = 1024 * 1024


def _text(el) -> str:
    return SPACE.sub(" ", el.text_content()).strip() if el is not None else ""


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


def drop_title_lines(out: Lines, title: str | None) -> None:
    """The headline repeated at the top of the article is the title, not body."""
    if not title:
        return
    key = " ".join(title.split()).casefold()  # as a rendered line of it compares
    head = [i for i, line in enumerate(out.lines[:5]) if line.casefold() == key]
    for i in reversed(head):
        out.delete(i)


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
            value = SPACE.sub(" ", value).strip()
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
    value = SPACE.sub(" ", value).strip()
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
