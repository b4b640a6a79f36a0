"""The pipeline: text in, Result out. No I/O, no global state.

1. split the text into numbered, normalised lines (lines.py);
2. on a whole-page dump, keep only the article region (region.py);
3. run every enabled filter, in FILTERS order, over the lines still kept,
   recording each removal with the filter's name;
4. take a leading headline as the title.
"""

from __future__ import annotations

from typing import Sequence

from . import region
from .filters import FILTERS
from .filters.base import ends_sentence, is_bullet, words
from .lines import Line, split_lines
from .model import Config, Removal, Result

DEFAULT = Config()

_TITLE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 30
_DATELINE_MAX_WORDS = 4


def clean(text: str, config: Config = DEFAULT) -> Result:
    """Clean raw article text. See the README for what each filter takes out."""
    lines = split_lines(text)
    removed: list[Removal] = []
    title: str | None = None
    span: tuple[int, int] | None = None
    meta: dict[str, object] = {}

    if config.mode != "article" and region.NAME not in config.disabled:
        found = region.locate(lines, force=config.mode == "page")
        if found is not None:
            # A whole page: say whether an article stood out in it. Without one
            # every line goes, rather than a listing passed off as an article.
            meta["article_found"] = not found.empty
            if not found.empty:
                span = (lines[found.start].number, lines[found.end].number)
            headline = found.title if config.keep_title else None
            if headline is not None:
                # The headline is judged by the filters like any line: furniture
                # just above the article ("Story continues below advertisement")
                # is removed under its filter's name, never made the title.
                if run_filters([lines[headline]], config.disabled, removed):
                    title = region.heading_text(lines[headline])
            for i, line in enumerate(lines):
                if not found.start <= i <= found.end and i != headline:
                    removed.append(Removal(line.number, line.text, region.NAME))
            lines = lines[found.start : found.end + 1]

    opening = lines[0].number if lines else 0
    kept = run_filters(lines, config.disabled, removed)

    if title is None and config.keep_title and kept and kept[0].number == opening and _is_title(kept):
        title = kept[0].text
        kept = kept[1:]

    removed.sort(key=lambda r: r.line)
    return Result(
        title=title,
        paragraphs=tuple(line.text for line in kept),
        removed=tuple(removed),
        region=span,
        meta=meta,
    )


def run_filters(lines: Sequence[Line], disabled: frozenset[str], removed: list[Removal]) -> list[Line]:
    """Run the enabled filters in order; append what each takes to `removed`."""
    kept = list(lines)
    for f in FILTERS:
        if f.name in disabled or not kept:
            continue
        drop = set(f.select(kept))
        if not drop:
            continue
        removed.extend(Removal(kept[i].number, kept[i].text, f.name) for i in sorted(drop))
        kept = [line for i, line in enumerate(kept) if i not in drop]
    return kept


def _is_title(kept: Sequence[Line]) -> bool:
    """The opening line is a headline: it stands apart from what follows, is short
    and does not end like a sentence. A dateline in capitals ("BAAR, SWITZERLAND")
    opens the article's text and is not a headline."""
    if len(kept) < 2 or not kept[1].gap:
        return False
    text = kept[0].text
    n = len(words(text))
    return (
        2 <= n <= _TITLE_MAX_WORDS
        and len(text) <= _TITLE_MAX_CHARS
        and not is_bullet(text)
        and not ends_sentence(text)
        and not text.endswith((",", ";", ":"))
        and not _is_dateline(text, n)
    )


def _is_dateline(text: str, n: int) -> bool:
    return n <= _DATELINE_MAX_WORDS and "," in text and text.isupper()
