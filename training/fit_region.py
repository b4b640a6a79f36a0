"""Fit the region models (newsclean/data/region.json): which of a whole page's
candidate stretches is the article, and which stretches beside it are more of it.

    pip install '.[train]'
    ../shared/bench/wide/unpack && ../shared/bench/snippets/unpack
    python training/fit_region.py            # writes newsclean/data/region.json

Run it before training/fit.py: the line scorer is fitted on the marks the region
step gives. Every text form with lines enough to be a whole page
(region.may_be_page) of the wide corpus (container.txt, page.txt, page2.txt) and
of the snippet corpus (page.txt, page2.txt) has its candidate stretches found and
measured as the region step finds and measures them (region.stretches), and each
stretch alone is scored with the benchmark's scorers (../shared/bench): per-page
F1 against the expected text (wide), or snippet F (snippets). Sites fall in five
folds (training/corpora.py); fold 0 is held out and never fitted on.

1. The region model. A candidate is the article when no other candidate of its
   text scores higher; texts with a single candidate, or none scoring above 0,
   teach nothing and are left out. Each text weighs alike.
2. The join model. From the stretch the region model picks, every stretch
   outside the region is tried joined to it (the region then runs from the first
   line of either to the last of either), labelled by whether that raises the
   region's score; then the region takes the best join, while one raises its
   score, and the stretches outside it are tried again. Each text weighs alike.

Each model is one additive stage, as the line scorer's (training/fit.py): each
measure cut into bins at its quantiles, a logistic regression over the bins. The
number of bins (BIN_GRID) is the fewest within SLACK of the best out of fold on
folds 1-4 (each fold scored by the model fitted on the other three), by the
score of the stretch chosen (region model) or by log loss (join model): a
coarser model has fewer weights to fit to a few sites. The file's models are
then fitted on folds 1-4. Printed: the score of the stretch chosen, out of fold
and on the held-out fold, beside the most valuable stretch (the choice without a
model) and the best choice there is; and, on the held-out fold, the score of the
region the two models draw together.

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

from newsclean import region, scorer  # noqa: E402
from training import corpora  # noqa: E402
from training.fit import encode, fit_stage, log_loss, make_edges, stage_dict, text_lines, text_tasks  # noqa: E402

OUT = ROOT / "newsclean" / "data" / "region.json"
BIN_GRID = (2, 4, 8, 12, 16)
FIT_FOLDS = [f for f in range(corpora.FOLDS) if f != corpora.HELD_OUT]
# The fewest bins within this of the best out of fold: a coarser model has fewer
# weights to fit to a few sites.
SLACK = 0.002


def _stretches(task):
    """A text's lines and candidate stretches, or None when it is not read as a
    whole page or has a single candidate (nothing to choose)."""
    page, form = task
    lines = text_lines(page, form)
    if not region.may_be_page(lines):
        return None
    found = region.stretches(lines)
    if len(found.spans) < 2:
        return None
    return [line.text for line in lines], found


def _measure(task):
    """A text's candidates: each one's measures and the quality of its lines alone."""
    got = _stretches(task)
    if got is None:
        return None
    texts, found = got
    page = task[0]
    quality = [corpora.page_quality(page, "\n".join(texts[s:e + 1]), None)[0] for s, e in found.spans]
    return page.fold, page.site, found.rows, quality


def _load(jobs):
    with Pool(jobs) as pool:
        got = pool.map(_measure, text_tasks(), chunksize=8)
    return [g for g in got if g is not None and max(g[3]) > 0]


_CHOOSE = []


def _install(choose):
    _CHOOSE[:] = [scorer.stage(choose)]


def _joins(task):
    """From the stretch the region model picks, the way the best joins go: at each
    step every stretch outside the region, with its join measures and whether
    joining it raises the region's quality; then the best join, while one raises it."""
    got = _stretches(task)
    if got is None:
        return None
    texts, found = got
    page = task[0]

    def quality(span):
        return corpora.page_quality(page, "\n".join(texts[span[0]:span[1] + 1]), None)[0]

    span = found.spans[found.first(_CHOOSE[0])]
    now = quality(span)
    rows, labels = [], []
    while outside := found.outside(span):
        joined = [found.joined(span, k) for k in outside]
        gained = [quality(j) for j in joined]
        rows.extend(found.join_row(span, k) for k in outside)
        labels.extend(float(g > now) for g in gained)
        best = max(range(len(outside)), key=lambda j: (gained[j], -j))
        if gained[best] <= now:
            break
        span, now = joined[best], gained[best]
    return page.fold, rows, labels


def _load_joins(jobs, choose):
    with Pool(jobs, initializer=_install, initargs=(choose,)) as pool:
        got = pool.map(_joins, text_tasks(), chunksize=8)
    return [g for g in got if g is not None and g[1]]


def _grown(task):
    """The quality of the region the two models draw, and of the stretch the
    region model picks alone (held-out texts only)."""
    page = task[0]
    got = _stretches(task) if page.fold == corpora.HELD_OUT else None
    if got is None:
        return None
    texts, found = got
    choose, join = region._models()
    first = found.spans[found.first(choose)]
    grown = found.grow(first, join)
    return tuple(corpora.page_quality(page, "\n".join(texts[s:e + 1]), None)[0] for s, e in (found.spans[0], first, grown))


def _arrays(texts):
    X, y, w, text, fold = [], [], [], [], []
    for k, (f, _, rows, quality) in enumerate(texts):
        best = max(quality)
        X.extend(rows)
        y.extend(float(q == best) for q in quality)
        w.extend([1.0 / len(rows)] * len(rows))
        text.extend([k] * len(rows))
        fold.extend([f] * len(rows))
    return np.array(X), np.array(y), np.array(w), np.array(text), np.array(fold)


def _chosen(scores, text, n):
    """Each text's candidate with the highest score (the first, most valuable, on a tie)."""
    out = np.full(n, -1)
    best = np.full(n, -np.inf)
    for i in range(len(scores)):
        if scores[i] > best[text[i]]:
            best[text[i]], out[text[i]] = scores[i], i
    return out


def _quality(texts, pick):
    """The mean quality of the stretches picked (an index into each text's rows)."""
    return float(np.mean([t[3][p] for t, p in zip(texts, pick)])) if texts else 0.0


def fit_choice(texts):
    """The region model, and its figures."""
    X, y, w, text, fold = _arrays(texts)
    first = np.concatenate([[0], np.cumsum([len(t[2]) for t in texts])[:-1]])
    fit = fold != corpora.HELD_OUT
    text_fold = np.array([t[0] for t in texts])
    print(f"{len(texts)} texts with a choice, {len(y)} candidates", file=sys.stderr)

    def oof_picks(bins):
        scores = np.zeros(len(y))
        for f in FIT_FOLDS:
            train = fit & (fold != f)
            edges = [make_edges(X[train, j], region.CANDIDATE[j], bins) for j in range(X.shape[1])]
            m = fit_stage(X[train], y[train], w[train], edges)
            scores[fold == f] = m.decision_function(encode(X[fold == f], edges))
        return _chosen(scores, text, len(texts)) - first

    fitted = [k for k in range(len(texts)) if text_fold[k] != corpora.HELD_OUT]
    held = [k for k in range(len(texts)) if text_fold[k] == corpora.HELD_OUT]
    figures = {}
    for bins in BIN_GRID:
        pick = oof_picks(bins)
        figures[bins] = _quality([texts[k] for k in fitted], [pick[k] for k in fitted])
        print(f"region model, {bins} bins: out of fold {figures[bins]:.4f}", file=sys.stderr)
    bins = min(b for b in BIN_GRID if figures[b] >= max(figures.values()) - SLACK)
    edges = [make_edges(X[fit, j], region.CANDIDATE[j], bins) for j in range(X.shape[1])]
    m = fit_stage(X[fit], y[fit], w[fit], edges)
    pick = _chosen(m.decision_function(encode(X, edges)), text, len(texts)) - first
    oof = oof_picks(bins)
    for part, ks, chosen in (("fitted (out of fold)", fitted, oof), ("held out", held, pick)):
        sub = [texts[k] for k in ks]
        print(f"region model, {part}, {len(sub)} texts: its stretch {_quality(sub, [chosen[k] for k in ks]):.4f}, "
              f"the most valuable {_quality(sub, [0] * len(sub)):.4f}, "
              f"the best there is {_quality(sub, [int(np.argmax(t[3])) for t in sub]):.4f} ({bins} bins)",
              file=sys.stderr)
    return stage_dict(region.CANDIDATE, m, edges)


def fit_join(steps):
    """The join model: which stretch beside the region is more of the article."""
    X = np.array([row for _, rows, _ in steps for row in rows])
    y = np.array([v for _, _, labels in steps for v in labels])
    w = np.array([1.0 / len(rows) for _, rows, _ in steps for _ in rows])
    fold = np.array([f for f, rows, _ in steps for _ in rows])
    fit = fold != corpora.HELD_OUT
    print(f"{len(steps)} texts, {len(y)} joins tried, {int(y.sum())} raising the quality", file=sys.stderr)
    losses = {}
    for bins in BIN_GRID:
        p = np.zeros(len(y))
        for f in FIT_FOLDS:
            train = fit & (fold != f)
            edges = [make_edges(X[train, j], region.JOIN[j], bins) for j in range(X.shape[1])]
            m = fit_stage(X[train], y[train], w[train], edges)
            p[fold == f] = m.predict_proba(encode(X[fold == f], edges))[:, 1]
        losses[bins] = log_loss(p[fit], y[fit], w[fit])
        print(f"join model, {bins} bins: log loss out of fold {losses[bins]:.4f}", file=sys.stderr)
    bins = min(b for b in BIN_GRID if losses[b] <= min(losses.values()) + SLACK)
    edges = [make_edges(X[fit, j], region.JOIN[j], bins) for j in range(X.shape[1])]
    m = fit_stage(X[fit], y[fit], w[fit], edges)
    print(f"join model: {bins} bins", file=sys.stderr)
    return stage_dict(region.JOIN, m, edges)


def main() -> None:
    a = corpora.fit_arguments(__doc__, OUT)
    texts = [tuple(t) for t in corpora.measured(a.cache, lambda: _load(a.jobs))]
    choose = fit_choice(texts)
    join = fit_join(_load_joins(a.jobs, choose))
    model = {"about": "fitted by training/fit_region.py on folds 1-4 of the wide and snippet corpora (split by site)",
             "choose": choose, "join": join}
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(model, indent=1) + "\n")
    with Pool(a.jobs, initializer=region.install, initargs=(scorer.stage(choose), scorer.stage(join))) as pool:
        got = [g for g in pool.map(_grown, text_tasks(), chunksize=8) if g is not None]
    if got:
        top, first, grown = (float(np.mean(col)) for col in zip(*got))
        print(f"held out, {len(got)} texts: the region drawn {grown:.4f}; the region model's stretch alone {first:.4f}, "
              f"the most valuable {top:.4f}", file=sys.stderr)
    print(f"wrote {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
