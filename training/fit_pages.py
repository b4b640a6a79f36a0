"""Fit the choice between a saved page's candidates, and the confidence of its
result (newsclean/data/pages.json), on the saved pages of the labelled corpora.

    pip install '.[train]'
    ../shared/bench/wide/unpack && ../shared/bench/snippets/unpack
    python training/fit_pages.py             # writes newsclean/data/pages.json

Run training/fit_blocks.py first: the block scorer it fits picks the lines most
pages are read from. Every page.html of the wide and snippet corpora is pruned
and its candidates found, as newsclean.html does (the lines the block scorer
keeps, readability's pick, our block, the whole page); each candidate is
cleaned and scored with the benchmark's scorers
(../shared/bench): per-page F1 and recall against the expected text (wide), or
the must-keep and must-drop sentences (snippets). Sites fall in five folds
(training/corpora.py); fold 0 is held out and never fitted on. On folds 1-4:

1. the choice where the block scorer keeps nothing (newsclean.html.candidates.pick),
   fitted on every page as if it kept nothing: min_article_chars on the grid
   MIN_CHARS, pick_share on PICK_SHARES and whole_page_share on WHOLE_SHARES.
   Objective: the quality per
   page averaged (F1 for a wide page, snippet F for a snippet page, 0 for an
   empty output); as losing the article is worse than keeping furniture, among
   the points within SLACK of the best the one with the fewest pages lost
   (under half the article kept; no must-keep sentence found) wins, then the
   best average;
2. the confidence: an additive model over the measures of the candidate taken
   (candidates.MEASURES), each cut into bins at its quantiles, as the line
   scorer is (training/fit.py), its target whether the page keeps at least half
   its article; the number of bins (BIN_GRID) is the one with the least log loss
   out of fold (each fold scored by the model fitted on the other three).
   Fitted four times leaving one fold out, to read its figures on unseen sites;
   then once on folds 1-4 for the file. A result is uncertain when the model
   finds losing the article more likely than not (confidence under 0.5).

Fixed folds and a deterministic solver: a rerun on the same corpora writes the
same file.
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

from newsclean.html import candidates as cand  # noqa: E402
from newsclean.model import Config  # noqa: E402
from newsclean.pipeline import clean  # noqa: E402
from training import corpora  # noqa: E402
from training.fit import encode, fit_stage, log_loss, make_edges, stage_dict  # noqa: E402

OUT = ROOT / "newsclean" / "data" / "pages.json"
NAMES = ("scored", "readability", "block", "page")
MIN_CHARS = (0, 100, 200, 400, 800)
PICK_SHARES = (2, 3, 5, 10, 20, 50)
WHOLE_SHARES = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3)
SLACK = 0.002
UNCERTAIN_BELOW = 0.5
BIN_GRID = (2, 3, 4, 6, 8, 12)


def _measure(page):
    """A page's candidates: their sizes, prose, measures, and how each scores."""
    parsed = corpora.read_saved(page)
    if parsed is None:
        return None
    title, found = parsed.title, parsed.found
    scored = cand.scored(found, cand.block_scorer())
    row = {
        "site": page.site, "fold": page.fold, "corpus": page.corpus, "scored": bool(scored.lines.lines),
        "numbers": [cand._size(found.readability.lines.lines), cand._size(found.block.lines.lines),
                    *(cand.prose_chars(c.lines.lines) for c in found), parsed.chars],
    }
    for name in NAMES:
        taken = scored if name == "scored" else found.get(name)
        config = Config(mode="auto" if name == "page" else "article", keep_title=False)
        result = clean("\n\n".join(taken.lines.lines), config)
        quality, lost = corpora.page_quality(page, "\n\n".join(result.paragraphs), title)
        row[name] = {"quality": quality, "lost": bool(lost),
                     "measures": cand.measures(name, taken, found, list(result.paragraphs), title)}
    return row


def load(jobs: int) -> list[dict]:
    pages = corpora.saved_pages()
    with Pool(jobs) as pool:
        rows = [r for r in pool.imap(_measure, pages, chunksize=4) if r is not None]
    return rows


def chosen(rows, choice) -> list[str]:
    """The candidate newsclean.html takes of each page (candidates.take), with the
    fallback's parameters `choice` (min_article_chars, pick_share, whole_page_share)."""
    return ["scored" if r["scored"] else cand.pick(*r["numbers"], *choice) for r in rows]


def figures(rows, names) -> tuple[float, int]:
    """Quality per page averaged, and pages lost, for the candidates named."""
    quality = sum(r[n]["quality"] for r, n in zip(rows, names)) / max(1, len(rows))
    return quality, sum(r[n]["lost"] for r, n in zip(rows, names))


def fit_choice(rows) -> tuple[int, float, float]:
    """The fallback's parameters, fitted on every page as if the block scorer had
    kept nothing of it (it keeps something of nearly every page, so the pages it
    leaves are too few to fit on)."""
    grid = {}
    for k in ((mc, ps, ws) for mc in MIN_CHARS for ps in PICK_SHARES for ws in WHOLE_SHARES):
        grid[k] = figures(rows, [cand.pick(*r["numbers"], *k) for r in rows])
        print(f"too little under {k[0]:3d} characters, pick share {k[1]:3d}, whole-page share {k[2]:.2f}: "
              f"quality {grid[k][0]:.4f}, lost {grid[k][1]}", file=sys.stderr)
    best = max(q for q, _ in grid.values())
    near = [k for k, (q, _) in grid.items() if q >= best - SLACK]
    return min(near, key=lambda k: (grid[k][1], -grid[k][0]))


def confidence_data(rows, names):
    X = np.array([r[n]["measures"] for r, n in zip(rows, names)], dtype=float)
    y = np.array([not r[n]["lost"] for r, n in zip(rows, names)], dtype=int)
    return X, y


def fit_confidence(X, y, bins):
    edges = [make_edges(X[:, j], bins=bins) for j in range(X.shape[1])]
    return edges, fit_stage(X, y, np.ones(len(y)), edges)


def out_of_fold(X, y, folds, bins) -> np.ndarray:
    """Each page's confidence from the model fitted on the other folds."""
    sure = np.zeros(len(y))
    for k in sorted(set(folds)):
        sure[folds == k] = predict(fit_confidence(X[folds != k], y[folds != k], bins), X[folds == k])
    return sure


def predict(model, X) -> np.ndarray:
    edges, m = model
    return m.predict_proba(encode(X, edges))[:, 1]


def flag_report(label: str, sure: np.ndarray, y: np.ndarray) -> None:
    flagged = sure < UNCERTAIN_BELOW
    lost = y == 0
    hit = int((flagged & lost).sum())
    print(f"{label}: {len(y)} pages, {int(lost.sum())} lost; uncertain {int(flagged.sum())}, of them lost {hit} "
          f"(precision {hit / max(1, flagged.sum()):.2f}, recall {hit / max(1, lost.sum()):.2f})")


def main() -> None:
    a = corpora.fit_arguments(__doc__, OUT)
    rows = corpora.measured(a.cache, lambda: load(a.jobs))
    fit = [r for r in rows if r["fold"] != corpora.HELD_OUT]
    held = [r for r in rows if r["fold"] == corpora.HELD_OUT]
    print(f"{len(rows)} pages, {len(fit)} on folds 1-4", file=sys.stderr)

    choice = fit_choice(fit)
    X, y = confidence_data(fit, chosen(fit, choice))
    folds = np.array([r["fold"] for r in fit])
    losses = {bins: log_loss(out_of_fold(X, y, folds, bins), y) for bins in BIN_GRID}
    print("confidence, out-of-fold log loss by bins: " + ", ".join(f"{b} {v:.4f}" for b, v in losses.items()),
          file=sys.stderr)
    bins = min(BIN_GRID, key=lambda b: losses[b])
    sure = out_of_fold(X, y, folds, bins)
    edges, m = model = fit_confidence(X, y, bins)

    data = {
        "about": "fitted by training/fit_pages.py on folds 1-4 of the wide and snippet corpora (split by site)",
        "min_article_chars": choice[0],
        "pick_share": choice[1],
        "whole_page_share": choice[2],
        "uncertain_below": UNCERTAIN_BELOW,
        "confidence": stage_dict(cand.MEASURES, m, edges),
    }
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(data, indent=1) + "\n")
    print(f"too little under {choice[0]} characters, pick share {choice[1]}, whole-page share {choice[2]}; "
          f"wrote {a.out}", file=sys.stderr)

    names = chosen(held, choice)
    for label, part, picks in (("fitted (folds 1-4)", fit, chosen(fit, choice)), ("held out", held, names)):
        for corpus in ("wide", "snippets"):
            sel = [(r, n) for r, n in zip(part, picks) if r["corpus"] == corpus]
            q, lost = figures([r for r, _ in sel], [n for _, n in sel])
            print(f"{label:20s} {corpus:8s} n={len(sel):5d} quality={q:.3f} lost={lost}")
    flag_report("fitted, out of fold", sure, y)
    Xh, yh = confidence_data(held, names)
    flag_report("held out", predict(model, Xh), yh)


if __name__ == "__main__":
    main()
