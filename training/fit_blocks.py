"""Fit the block scorer (newsclean/data/blocks.json) on the saved pages of the
labelled corpora, by site.

    pip install '.[train]'
    ../shared/bench/wide/unpack && ../shared/bench/snippets/unpack
    python training/fit_blocks.py            # writes newsclean/data/blocks.json

Every page.html of the wide and snippet corpora is pruned and rendered to lines
as newsclean.html does; each line gets the block scorer's measures
(newsclean/html/blocks.py) and a label: article text by the page's expected text
(wide corpus: half of its 4-word shingles stand there), or by the sentences the
page must and must not keep (snippet corpus; other lines are not fitted on).
Lines are weighted so that every page counts alike. Sites fall in five folds
(training/corpora.py); fold 0 is held out and never fitted on. On folds 1-4:

1. an additive model over the measures, each cut into bins at its quantiles
   (as the line scorer's, training/fit.py), is fitted four times, each time
   leaving one fold out, to score the left-out fold as unseen data; the number
   of bins (BIN_GRID) is the one whose out-of-fold scores have the least log
   loss;
2. on those out-of-fold scores, the thresholds a line needs to be kept, one for
   a line in readability's pick and one for a line beyond it, are chosen on the
   grid INSIDE x OUTSIDE by the page-averaged quality (F1 against the expected
   text, the snippet F on a snippet page, 0 for an empty output) of the lines
   kept (blocks.kept: a line ending like a sentence in readability's pick or
   our block is kept whatever its score), joined as they stand: as losing the article is worse than keeping
   furniture, among the pairs within SLACK of the best the one with the
   fewest pages lost (under half the article kept; no must-keep sentence found)
   wins, then the best quality;
3. the model is fitted once more on folds 1-4 and written out with the thresholds.

Fixed folds and a deterministic solver: a rerun writes the same file.
"""

from __future__ import annotations

import json
import sys
from multiprocessing import Pool
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "bench"))

from newsclean.html import blocks  # noqa: E402
from newsclean.lines import Line  # noqa: E402
from training import corpora  # noqa: E402
from training.fit import encode, fit_stage, log_loss, make_edges, stage_dict  # noqa: E402

OUT = ROOT / "newsclean" / "data" / "blocks.json"
INSIDE = (-1.5, -1.0, -0.5, -0.25, 0.0)
OUTSIDE = (-0.25, 0.0, 0.5, 1.0, 1.5, 2.0)
BIN_GRID = (4, 6, 8, 12, 16)
SLACK = 0.002


def _measure(page):
    read = corpora.read_saved(page)
    if read is None:
        return None
    lines = read.found.page.lines
    rows = blocks.measures(lines, read.found.readability.elements, read.found.block.elements[0])
    if not rows:
        return None
    as_lines = [Line(k + 1, t, False) for k, t in enumerate(lines.lines)]
    if page.corpus == "wide":
        labels = corpora.wide_labels(as_lines, (page.path / "expected.txt").read_text(encoding="utf-8", errors="replace"))
    else:
        labels = corpora.snippet_labels(as_lines, json.loads((page.path / "judge.json").read_text()))
    return {"ident": page.ident, "corpus": page.corpus, "fold": page.fold, "title": read.title,
            "rows": rows, "labels": labels, "lines": lines.lines}


def load(jobs: int) -> list[dict]:
    with Pool(jobs) as pool:
        return [r for r in pool.imap(_measure, corpora.saved_pages(), chunksize=4) if r is not None]


def arrays(docs):
    X = np.array([row for d in docs for row in d["rows"]], dtype=float)
    y = np.array([v for d in docs for v in d["labels"]], dtype=float)
    doc = np.concatenate([np.full(len(d["rows"]), k) for k, d in enumerate(docs)])
    fold = np.array([d["fold"] for d in docs])[doc]
    return X, y, doc, fold


def page_weights(y, doc):
    """Each labelled row's weight, so that every page weighs alike."""
    use = ~np.isnan(y)
    counts = np.bincount(doc[use], minlength=doc.max() + 1)
    return use, 1.0 / np.maximum(counts[doc[use]], 1)


def fit(X, y, doc, bins):
    """The model on the labelled rows, each page weighing alike, each measure cut
    into `bins` bins at its quantiles."""
    use, w = page_weights(y, doc)
    edges = [make_edges(X[use, j], bins=bins) for j in range(X.shape[1])]
    return edges, fit_stage(X[use], y[use].astype(int), w, edges)


def out_of_fold(X, y, doc, fold, fitted, bins):
    """The scores of the fitted folds' rows, each from the model fitted without its fold."""
    oof = np.full(len(y), np.nan)
    for k in sorted(set(fold[fitted])):
        train = fitted & (fold != k)
        oof[fold == k] = logits(fit(X[train], y[train], doc[train], bins), X[fold == k])
    return oof


def logits(model, X):
    edges, m = model
    return m.decision_function(encode(X, edges))


def figures(pages, docs, keep_of, memo: dict | None = None) -> tuple[float, int]:
    """Quality per page averaged, and pages lost, of the lines keep_of(k) keeps of
    docs[k]. `memo` keeps a page's figures for each set of its lines across calls:
    the thresholds of a grid keep the same lines of most pages."""
    memo = {} if memo is None else memo
    q, lost = [], 0
    for k, d in enumerate(docs):
        keeps = tuple(keep_of(k))
        key = (d["ident"], keeps)
        if key not in memo:
            text = "\n\n".join(line for line, keep in zip(d["lines"], keeps) if keep)
            memo[key] = corpora.page_quality(pages[d["ident"]], text, d["title"])
        a, b = memo[key]
        q.append(a)
        lost += b
    return float(np.mean(q)), lost


def main() -> None:
    a = corpora.fit_arguments(__doc__, OUT)
    docs = corpora.measured(a.cache, lambda: load(a.jobs))
    X, y, doc, fold = arrays(docs)
    fitted = fold != corpora.HELD_OUT
    print(f"{len(docs)} pages, {len(y)} lines, {int((~np.isnan(y)).sum())} labelled", file=sys.stderr)

    use, w = page_weights(y, doc)
    scored = fitted[use]
    oofs, losses = {}, {}
    for bins in BIN_GRID:
        oofs[bins] = out_of_fold(X, y, doc, fold, fitted, bins)
        losses[bins] = log_loss(1.0 / (1.0 + np.exp(-oofs[bins][use][scored])), y[use][scored], w[scored])
    print("out-of-fold log loss by bins: " + ", ".join(f"{b} {v:.4f}" for b, v in losses.items()), file=sys.stderr)
    bins = min(BIN_GRID, key=lambda b: losses[b])
    oof = oofs[bins]
    starts = np.concatenate([[0], np.cumsum([len(d["rows"]) for d in docs])])
    pages = {p.ident: p for p in corpora.saved_pages()}
    fit_docs = [k for k, d in enumerate(docs) if d["fold"] != corpora.HELD_OUT]
    sub = [docs[k] for k in fit_docs]

    def kept(scores, t):
        def keep(j):
            a, b = starts[fit_docs[j]], starts[fit_docs[j] + 1]
            return blocks.kept(X[a:b].tolist(), scores[a:b].tolist(), *t)
        return keep

    pick = figures(pages, sub, lambda j: X[starts[fit_docs[j]]:starts[fit_docs[j] + 1], blocks.NAMES.index("in_pick")] > 0)
    print(f"readability's pick alone: quality {pick[0]:.4f}, lost {pick[1]}", file=sys.stderr)
    grid, memo = {}, {}
    for t in ((i, o) for i in INSIDE for o in OUTSIDE if o >= i):
        grid[t] = figures(pages, sub, kept(oof, t), memo)
        print(f"thresholds {t[0]:+.2f} in the pick, {t[1]:+.2f} beyond: quality {grid[t][0]:.4f}, lost {grid[t][1]}",
              file=sys.stderr)
    best = max(q for q, _ in grid.values())
    threshold = min((t for t in grid if grid[t][0] >= best - SLACK), key=lambda t: (grid[t][1], -grid[t][0]))

    model = fit(X[fitted], y[fitted], doc[fitted], bins)
    edges, m = model
    a.out.write_text(json.dumps({
        "about": "fitted by training/fit_blocks.py on folds 1-4 of the wide and snippet corpora (split by site)",
        "inside": threshold[0],
        "outside": threshold[1],
        "model": stage_dict(blocks.NAMES, m, edges),
    }, indent=1) + "\n")
    held_docs = [k for k, d in enumerate(docs) if d["fold"] == corpora.HELD_OUT]
    scores = logits(model, X)
    for corpus in ("wide", "snippets"):
        ks = [k for k in held_docs if docs[k]["corpus"] == corpus]
        q, lost = figures(pages, [docs[k] for k in ks], lambda j: blocks.kept(
            X[starts[ks[j]]:starts[ks[j] + 1]].tolist(), scores[starts[ks[j]]:starts[ks[j] + 1]].tolist(), *threshold))
        qp, lp = figures(pages, [docs[k] for k in ks],
                         lambda j: X[starts[ks[j]]:starts[ks[j] + 1], blocks.NAMES.index("in_pick")] > 0)
        print(f"held out {corpus:8s} n={len(ks)} blocks: quality {q:.4f} lost {lost}; pick alone {qp:.4f} lost {lp}")
    print(f"{bins} bins, thresholds {threshold[0]:+.2f} in the pick, {threshold[1]:+.2f} beyond; wrote {a.out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
