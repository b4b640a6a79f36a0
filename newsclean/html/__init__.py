"""Saved HTML pages: find the article, render it to lines, then run the same filters.

The only package that imports lxml and readability-lxml; both load lazily, on the
first HTML input, so the plain-text path never pays for them.

Steps (a module each: markup, meta, pruning, candidates, blocks, rendering):
1. decode the bytes (detect.decode_html: BOM, <meta charset>, UTF-8, cp1252);
2. parse with lxml's HTML parser in recover mode (malformed markup is repaired,
   never refused); a <title> never closed, which would hold the rest of the page
   as its text, is read again (once) as an ordinary element;
3. read the metadata (canonical URL, dates, authors, site name, language) from
   meta tags, JSON-LD and <time>;
4. prune what is never article text: scripts, styles, forms, navigation, asides,
   iframes, hidden elements, captions, and elements whose class/id/role mark them
   as ads, share bars, newsletter boxes or related lists;
5. render what is left to lines (headings, paragraphs, "* " list items, block
   quotes, table rows; rendering.py);
6. the block scorer (blocks.py, fitted) judges each line, with readability-lxml's
   pick and our own block among what it reads; where it keeps nothing, one of
   those candidates, or the whole page, is taken (candidates.py);
7. run the filter pipeline over the lines taken (mode "article"); a confidence,
   fitted too, says how likely the text is the article;
8. when no sentence is left and one class-named rule of step 4 dropped more than
   half the page's text (the posts of a forum thread, each a "comment"), the page
   is read again with those elements kept, and that reading is taken if it has
   sentences.

What steps 4 and 6 drop is recorded as the pipeline's removals are, under the
filter "extract" and a rule naming why ("extract.nav", "extract.ad",
"extract.hidden", "extract.score" for a line the block scorer dropped ...); every
removal's line is the line of the page's markup where its text starts.

Limits (what a hostile or broken page can cost):
- MAX_MARKUP_BYTES (64 MiB) of markup and MAX_TAGS (500,000) tags at most; a
  larger page fails with HTMLTooLarge before it is parsed, so the parsed tree
  stays within a few hundred MB.
- readability-lxml runs on pages of up to readable.MAX_ELEMENTS (30,000)
  elements, readable.MAX_DEPTH (200) levels and readable.MAX_CHARS (1M)
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

from dataclasses import replace
from typing import NamedTuple

from ..detect import HTMLError, decode_html
from ..model import Config, Removal, Result
from ..pipeline import clean, prose_words
from .candidates import Candidates, best_block, confidence, find, measures, params, take
from .meta import drop_title_lines, headline, metadata
from .markup import MAX_MARKUP_BYTES, MAX_TAGS, HTMLTooLarge, TooDeep, check_size, flatten, parse
from .pruning import NAMED, RULES as PRUNING_RULES, prune
from .rendering import render

__all__ = ["HTMLError", "HTMLTooLarge", "MAX_MARKUP_BYTES", "MAX_TAGS", "RULES", "best_block", "clean_html", "headline",
           "metadata", "parse", "prune", "render"]

EXTRACT = "extract"
OUTSIDE = "extract.outside"
SCORED = "extract.score"
RULES = PRUNING_RULES + (OUTSIDE, SCORED)  # every rule id the extraction records


def clean_html(markup: bytes | str, config: Config) -> Result:
    """Clean a saved HTML page: the article's text, its headline as the title, and
    the page's metadata in `meta`; `removed` holds what the extraction dropped and
    what the filters took. Raises HTMLError for a page beyond the limits."""
    check_size(markup)
    text = decode_html(markup) if isinstance(markup, bytes) else markup
    try:
        root = parse(text)
    except TooDeep:
        result = clean(flatten(text), replace(config, mode="article", keep_title=False))
        return replace(result, meta={"input_type": "html", "note": "nested too deeply to parse; cleaned as flat text"})
    if root is None:
        return Result(None, (), (), meta={"input_type": "html"})

    page = read(root)
    result = _cleaned(page, config)
    spare = _named_text(page)
    if spare and not _has_sentence(result):
        # The page's text went under one class name ("comment" on each post of
        # a forum thread) and no sentence is left: that was the text.
        again = _cleaned(read(parse(text), spare), config)
        if _has_sentence(again):
            return again
    return result


def _has_sentence(result: Result) -> bool:
    return any(prose_words(p) for p in result.paragraphs)


def _cleaned(page: Page, config: Config) -> Result:
    """The page cleaned from its candidate taken."""
    meta, title, found = page.meta, page.title, page.found
    article_config = replace(config, mode="article", keep_title=False)
    p = params()
    name, taken = take(found, page.chars, p)
    if name == "page":
        article_config = replace(config, keep_title=False)
    article = taken.lines
    result = clean("\n\n".join(article.lines), article_config)
    sure = confidence(measures(name, taken, found, list(result.paragraphs), title), p)
    removed = _extracted(page.drops, name, taken, found) + [
        # The pipeline numbers the lines of the text it was given, a rendered line
        # and a blank line each.
        replace(r, line=article.sources[(r.line - 1) // 2]) for r in result.removed
    ]
    removed.sort(key=lambda r: r.line)
    region = result.region and tuple(article.sources[(n - 1) // 2] for n in result.region)
    # A headline alone is no article found, whatever the confidence says.
    doubt = sure < p.uncertain_below or not result.paragraphs
    return replace(result, title=title, removed=tuple(removed), region=region, uncertain=doubt,
                   meta={"input_type": "html", "candidate": name, "confidence": round(sure, 3), **meta})


def _named_text(page: Page) -> frozenset[str]:
    """The class-named rules whose drops held more than half the page's text."""
    size: dict[str, int] = {}
    for d in page.drops:
        if d.rule in NAMED:
            size[d.rule] = size.get(d.rule, 0) + len(d.text)
    return frozenset(rule for rule, n in size.items() if 2 * n > page.chars)


class Page(NamedTuple):
    meta: dict  # metadata()
    title: str | None
    chars: int  # characters of text the page had before pruning
    drops: list  # pruning.Drop
    found: Candidates  # the text of each with the headline's lines dropped


def read(root, spare: frozenset[str] = frozenset()) -> Page:
    """A parsed page, read: its metadata and headline, pruned (but what the rules in
    `spare` name), its candidates found."""
    meta = metadata(root)
    title = headline(root, meta.pop("_title", None))
    body = root.find("body")
    if body is None:
        body = root
    chars, drops = prune(body, spare)
    found = find(root, body, chars)
    for candidate in found:
        drop_title_lines(candidate.lines, title)
    return Page(meta, title, chars, drops, found)


def _extracted(drops, name: str, taken, found) -> list[Removal]:
    """The lines the extraction dropped: the pruned elements', and the page's lines
    the candidate taken leaves out (the block scorer's, or those beside the pick
    or the block; the headline, which is the title, was taken out of them)."""
    removed = [Removal(d.source, d.text, EXTRACT, d.rule) for d in drops]
    if name != "page":
        kept = set(zip(taken.lines.lines, taken.lines.sources))
        page = found.page.lines
        rule = SCORED if name == "scored" else OUTSIDE
        removed += [Removal(source, line, EXTRACT, rule) for line, source in zip(page.lines, page.sources)
                    if (line, source) not in kept]
    return removed
