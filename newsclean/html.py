"""Saved HTML pages: find the article with readability-lxml, render it to lines
with lxml, then run the same filters. The only module that imports lxml."""

from __future__ import annotations

from dataclasses import replace

from .model import Config, Result
from .pipeline import clean


def clean_html(markup: bytes | str, config: Config) -> Result:
    from lxml import html as lxml_html
    from readability import Document

    if isinstance(markup, bytes):
        from .detect import decode

        markup = decode(markup)
    doc = Document(markup)
    title = doc.short_title() or None
    article = lxml_html.fromstring(doc.summary(html_partial=True))
    blocks = []
    for el in article.iter("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre"):
        text = " ".join(el.text_content().split())
        if text:
            blocks.append(text)
    result = clean("\n\n".join(blocks), replace(config, mode="article", keep_title=False))
    return replace(result, title=title, meta={"input_type": "html"})
