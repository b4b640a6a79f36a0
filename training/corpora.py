"""The labelled corpora the scorer is fitted and measured on, split by site.

- the wide corpus (NEWSCLEAN_WIDE, default /tmp/newsclean-wide; unpacked by
  ../shared/bench/wide/unpack): pages with the article a dataset marked;
- the snippet corpus (NEWSCLEAN_SNIPPETS, default /tmp/newsclean-snippets; unpacked
  by ../shared/bench/snippets/unpack): pages with sentences that must and must not
  be kept.

Every site falls in one of FOLDS folds by a hash of its name, so a site's pages are
never split between the part a model is fitted on and the part it is measured on.
Fold HELD_OUT is never fitted on: the figures the README reports are measured there.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator, NamedTuple

FOLDS = 5
HELD_OUT = 0

WIDE = Path(os.environ.get("NEWSCLEAN_WIDE", "/tmp/newsclean-wide")) / "dev"
SNIPPETS = Path(os.environ.get("NEWSCLEAN_SNIPPETS", "/tmp/newsclean-snippets")) / "dev"


class Page(NamedTuple):
    corpus: str  # "wide" or "snippets"
    source: str  # the wide corpus's dataset, or "snippets"
    ident: str  # unique within the corpus: source/id or id
    site: str
    fold: int
    path: Path  # the page's folder


def fold_of(site: str) -> int:
    return int(hashlib.sha1(site.encode("utf-8")).hexdigest(), 16) % FOLDS


def _snippet_site(url: str) -> str:
    """The host of a URL; the corpus names a few pages "hard::host-topic.html"."""
    if "::" in url:
        url = url.split("::", 1)[1]
        return re.split(r"[-_]", url, maxsplit=1)[0].removesuffix(".html")
    host = re.sub(r"^[a-z]+://", "", url).split("/", 1)[0].lower()
    return host.removeprefix("www.")


def wide_pages(root: Path = WIDE) -> Iterator[Page]:
    for src in sorted(p for p in root.iterdir() if p.is_dir()):
        for d in sorted(p for p in src.iterdir() if p.is_dir()):
            meta = json.loads((d / "meta.json").read_text())
            site = meta.get("site") or f"{src.name}/{d.name}"
            yield Page("wide", src.name, f"{src.name}/{d.name}", site, fold_of(site), d)


def snippet_pages(root: Path = SNIPPETS) -> Iterator[Page]:
    for d in sorted(p for p in root.iterdir() if p.is_dir()):
        judge = json.loads((d / "judge.json").read_text())
        site = _snippet_site(judge.get("url") or d.name)
        yield Page("snippets", "snippets", d.name, site, fold_of(site), d)


# The benchmark's tokens.
TOKEN = re.compile(r"\w+")


def wide_labels(lines, expected: str) -> list[float]:
    """1.0 for each line that is article text by the page's expected text: at least
    half of its 4-word shingles stand there (a line of under four words: its words
    stand there in a row); else 0.0."""
    toks = TOKEN.findall(expected)
    grams = {n: set(zip(*(toks[k:] for k in range(n)))) for n in (1, 2, 3, 4)}
    out = []
    for line in lines:
        t = TOKEN.findall(line.text)
        if not t:
            out.append(0.0)
        elif len(t) < 4:
            out.append(float(tuple(t) in grams[len(t)]))
        else:
            sh = list(zip(t, t[1:], t[2:], t[3:]))
            out.append(float(sum(s in grams[4] for s in sh) >= 0.5 * len(sh)))
    return out


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def snippet_labels(lines, judge: dict) -> list[float]:
    """1.0 for a line holding a sentence the page must keep, 0.0 for one holding a
    sentence it must not, NaN for the others."""
    keep = [_norm(s) for s in judge["with"] if _norm(s)]
    drop = [_norm(s) for s in judge["without"] if _norm(s)]
    out = []
    for line in lines:
        text = _norm(line.text)
        if any(s in text for s in keep):
            out.append(1.0)
        elif any(s in text for s in drop):
            out.append(0.0)
        else:
            out.append(float("nan"))
    return out


def saved_pages() -> list[Page]:
    """Every page of both corpora that has its saved HTML (page.html)."""
    require(WIDE, "wide")
    require(SNIPPETS, "snippets")
    pages = [p for p in wide_pages() if (p.path / "page.html").exists()]
    return pages + [p for p in snippet_pages() if (p.path / "page.html").exists()]


def read_saved(page: Page):
    """The page's saved HTML read as newsclean.html reads it (html.Page), or None
    for a page with nothing to parse or nested too deeply to."""
    from newsclean import html
    from newsclean.detect import decode_html
    from newsclean.html.markup import TooDeep, parse

    try:
        root = parse(decode_html((page.path / "page.html").read_bytes()))
    except TooDeep:
        return None
    return None if root is None else html.read(root)


@lru_cache(maxsize=None)
def _reference(path: Path):
    """A page's expected text and whether it starts with the title (wide), or its
    judged snippets (snippets), read once."""
    if (path / "judge.json").exists():
        return json.loads((path / "judge.json").read_text())
    meta = json.loads((path / "meta.json").read_text())
    return ((path / "expected.txt").read_text(encoding="utf-8", errors="replace"),
            meta.get("expected_starts_with_title", False))


def page_quality(page: Page, text: str, title: str | None) -> tuple[float, bool]:
    """How an output does on its page, by the benchmark's scorers (../shared/bench):
    F1 against the expected text (title first where the page's label starts with
    it), or the snippet F; 0 for an empty output. And whether the article is lost:
    under half of it kept, or no must-keep sentence found."""
    import score  # noqa: PLC0415  (../shared/bench, on the path of the fit scripts)
    import snippets  # noqa: PLC0415

    ref = _reference(page.path)
    if page.corpus == "wide":
        expected, with_title = ref
        if with_title and title:
            text = f"{title}\n\n{text}"
        return (score.per_page_f1(expected, text) if text.strip() else 0.0,
                score.page_recall(expected, text) < 0.5)
    tp, fp, fn, _ = snippets.judge(ref, text)
    return (2 * tp / (2 * tp + fp + fn) if tp else 0.0), (tp == 0 and len(ref["with"]) > 0)


def fit_arguments(doc: str, out: Path):
    """The options of a fit script: --jobs, --cache (a JSON file of the measured
    pages, written once and read back on later runs) and --out."""
    import argparse

    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cache", type=Path, help="keep the measured pages here (JSON) and reuse them")
    ap.add_argument("--out", type=Path, default=out)
    return ap.parse_args()


def measured(cache: Path | None, load):
    """load()'s result, kept in `cache` when given and read from it when there."""
    if cache and cache.exists():
        return json.loads(cache.read_text())
    rows = load()
    if cache:
        cache.write_text(json.dumps(rows))
    return rows


def require(root: Path, unpack: str) -> None:
    if not root.is_dir():
        raise SystemExit(f"no corpus at {root}: run ../shared/bench/{unpack}/unpack first")
