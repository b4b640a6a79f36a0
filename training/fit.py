"""Fit the scorer (newsclean/data/scorer.json) on the labelled corpora, by site.

    pip install '.[train]'
    ../shared/bench/wide/unpack && ../shared/bench/snippets/unpack
    python training/fit.py                 # writes newsclean/data/scorer.json

Every line of every text form of every page (container.txt, page.txt, page2.txt
of the wide corpus; page.txt, page2.txt of the snippet corpus) gets the marks the
pipeline gives it and its measures (newsclean/features.py), and a label:

- wide corpus: article when at least half of its 4-word shingles stand in the
  page's expected text (a line of under four words: when its words stand there in
  a row);
- snippet corpus: article when it holds a sentence that must be kept, furniture
  when it holds one that must not; other lines are not fitted on.

Lines are weighted so that every page counts alike, as the benchmark's average
over pages does. Sites fall in five folds (training/corpora.py); fold 0 is held
out and never fitted on. On folds 1-4:

1. each measure is cut into bins at its quantiles (fold 0 unseen);
2. the line model, a logistic regression over the bins, is fitted four times,
   each time leaving one fold out, to score the left-out fold as unseen data;
3. the context model is fitted on those out-of-fold scores (stacking), again
   fold by fold;
4. on its out-of-fold scores, the filters that fire on many sites are trusted
   one by one where that costs nothing, and the threshold for a line of a whole
   page is the lowest whose page-averaged F1 is within 0.002 of the best (a
   lower threshold keeps more: losing article text costs more than keeping
   furniture);
5. the region share (scorer.Model.region_share: a page whose article region holds
   under this share of its prose words is cleaned as an article, every line
   judged by the scorer) is chosen on the grid 0, 0.1, ..., 0.6. Objective:
   meanF1 (per-page F1 averaged, an empty output counting 0) out of fold over
   every wide text form (container.txt, page.txt, page2.txt) of folds 1-4; as
   losing the article is worse than keeping furniture, the largest share whose
   meanF1 is within 0.002 of the best wins. A refit per grid point would take
   too long, so the share is decided with steps 1-4 run once on the marks with
   no fallback (share 0): every page with a region is loaded both ways, as the
   region marks it and as cleaned as an article, and scored both ways;
6. steps 1-4 are run again on the marks at the chosen share;
7. the share of its prose words under which (or at which) a text cleaned as an
   article is cleaned as the article alone instead (scorer.Model.prose_kept: the
   scorer then takes no line a rule did not mark) is chosen on the grid 0, 0.1,
   ..., 0.6 by the same objective and rule as the region share: the largest
   within 0.002 of the best meanF1;
8. for each untrusted filter, the threshold a line it marked needs to stay in
   a text taken as the article alone (scorer.Model.marked; in steps 3-7 no
   such line is kept): on the grid -3, -2.9, ..., 3, the one with the
   best page-averaged F1 over the texts taken as the article alone in which the
   filter marks a line (the lowest on a tie). The best, not the lowest within a
   slack: the rule's mark is already evidence of furniture, and on a few hundred
   texts the slack would swallow the whole curve. Both models are written out
   with the thresholds, the trusted filters and the two shares.

Before any of that, the page-or-article test (whole page, or the article's own
element?) is fitted on the text measures of folds 1-4, page.txt and page2.txt
being whole pages and container.txt not: the marks depend on it.

Fixed folds, no sampling: a rerun on the same corpora writes the same file.
"""

from __future__ import annotations

import argparse
import json
import sys
from multiprocessing import Pool
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsclean import features, pipeline, region, scorer  # noqa: E402
from newsclean.lines import split_lines  # noqa: E402
from newsclean.model import Config  # noqa: E402
from training import corpora  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "newsclean" / "data" / "scorer.json"
WIDE_FORMS = ("container.txt", "page.txt", "page2.txt")
SNIPPET_FORMS = ("page.txt", "page2.txt")
# At most this many bins a measure, and the inverse strength of the L2 penalty: a
# mild one, as the weights of a few hundred bins rest on over a million lines.
BINS = 12
C = 0.5


# ---------------------------------------------------------------- data

def text_tasks():
    corpora.require(corpora.WIDE, "wide")
    corpora.require(corpora.SNIPPETS, "snippets")
    tasks = []
    for page in corpora.wide_pages():
        tasks.extend((page, form) for form in WIDE_FORMS if (page.path / form).exists())
    for page in corpora.snippet_pages():
        tasks.extend((page, form) for form in SNIPPET_FORMS if (page.path / form).exists())
    return tasks


def text_lines(page, form):
    return split_lines((page.path / form).read_text(encoding="utf-8", errors="replace"))


def _document(task):
    """A text's document measures, and whether it is a whole page."""
    page, form = task
    lines = text_lines(page, form)
    return features.measure(lines).document if lines and region.may_be_page(lines) else None


def _text_rows(task):
    """One page's text form: its lines' measures, labels and benchmark sizes, the
    share of its prose in the article region (1.0 when no region was drawn), and,
    for a page with an article region, the measures of its lines cleaned as an
    article instead (None otherwise). The model installed has region_share 0, so
    the first marks are the region's."""
    page, form = task
    lines = text_lines(page, form)
    if not lines:
        return None
    measured = pipeline.Measures(lines)
    marks = pipeline.scoring_marks(lines, Config(), measured)
    rows = features.rows(measured.get(), marks.taken, marks.page)
    share, alternative = 1.0, None
    if marks.page == 1:
        share = pipeline.region_share(lines, marks.taken)
        other = pipeline.as_article(lines, Config(), measured)
        alternative = features.rows(measured.get(), other.taken, other.page)
    if page.corpus == "wide":
        labels = corpora.wide_labels(lines, (page.path / "expected.txt").read_text(encoding="utf-8", errors="replace"))
    else:
        labels = corpora.snippet_labels(lines, json.loads((page.path / "judge.json").read_text()))
    sizes = [max(1, len(corpora.TOKEN.findall(line.text)) - 3) for line in lines]
    prose = [pipeline.prose_words(line.text) for line in lines]
    return page, form, rows, labels, sizes, prose, share, alternative


def fit_page_model(tasks, jobs):
    """Whole page or article alone: page.txt and page2.txt are whole pages,
    container.txt the article's own element."""
    with Pool(jobs) as pool:
        docs = pool.map(_document, tasks, chunksize=16)
    keep = [k for k, d in enumerate(docs) if d is not None]
    X = np.array([docs[k] for k in keep])
    y = np.array([tasks[k][1] != "container.txt" for k in keep], dtype=float)
    fold = np.array([tasks[k][0].fold for k in keep])
    fit = fold != corpora.HELD_OUT
    edges = [make_edges(X[fit, j], features.DOCUMENT[j]) for j in range(X.shape[1])]
    m = fit_stage(X[fit], y[fit], np.ones(int(fit.sum())), edges)
    for part, mask in (("fitted", fit), ("held out", ~fit)):
        wrong = ((logits(m, X[mask], edges) >= 0) != (y[mask] == 1))
        print(f"page or article, {part}: {wrong.mean():.3f} wrong of {int(mask.sum())} texts", file=sys.stderr)
    return stage_dict(features.DOCUMENT, m, edges)


def _install(page):
    scorer.install(scorer.Model(scorer.stage(page), None, None, 0.0, frozenset(), 0.0))


def load(tasks, jobs: int, page):
    """Every text's lines, as rows. A page with an article region has its lines
    twice: as the region marks them (alt 0) and as cleaned as an article (alt 1),
    under two document numbers; `share` is the text's region share on every row."""
    X, y, w, fold, doc, size, prose, alt, share = [], [], [], [], [], [], [], [], []
    docs = []
    with Pool(jobs, initializer=_install, initargs=(page,)) as pool:
        for got in pool.imap(_text_rows, tasks, chunksize=8):
            if got is None:
                continue
            page, form, rows, labels, sizes, prose_words, text_share, alternative = got
            lab = np.array(labels, dtype=float)
            sz = np.array(sizes, dtype=float)
            known = ~np.isnan(lab)
            total = sz[known].sum()
            weight = np.where(known, sz / total if total else 0.0, 0.0)
            for k, variant in enumerate((rows, alternative)):
                if variant is None:
                    continue
                docs.append((page.corpus, page.source, page.ident, form, page.fold, page.site))
                X.extend(variant)
                y.append(lab)
                w.append(weight)
                fold.append(np.full(len(rows), page.fold))
                doc.append(np.full(len(rows), len(docs) - 1))
                size.append(sz)
                prose.append(np.array(prose_words, dtype=float))
                alt.append(np.full(len(rows), k))
                share.append(np.full(len(rows), text_share))
    return (np.array(X, dtype=float), np.concatenate(y), np.concatenate(w), np.concatenate(fold),
            np.concatenate(doc), np.concatenate(size), np.concatenate(prose), np.concatenate(alt),
            np.concatenate(share), docs)


# ---------------------------------------------------------------- the additive model

def make_edges(x: np.ndarray, name: str = "", bins: int = BINS) -> list[float]:
    """Bin edges: between every two values a measure takes when it takes few (or is
    a category, as the step that took a line), else at its quantiles."""
    values = np.unique(x)
    if len(values) <= bins or name.startswith("taken"):
        return [float(v) for v in (values[:-1] + values[1:]) / 2]
    qs = np.unique(np.quantile(x, np.arange(1, bins) / bins))
    return [float(v) for v in qs]


def encode(X: np.ndarray, edges: list[list[float]]):
    """One column per bin: each row has a single 1 among each measure's bins."""
    cols, offset = [], 0
    for j, e in enumerate(edges):
        cols.append(np.searchsorted(np.array(e), X[:, j], side="right") + offset)
        offset += len(e) + 1
    n = X.shape[0]
    indices = np.stack(cols, axis=1).ravel()
    indptr = np.arange(0, n * len(edges) + 1, len(edges))
    return sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(n, offset))


def fit_stage(X, y, w, edges):
    m = LogisticRegression(C=C, max_iter=2000, tol=1e-6)
    m.fit(encode(X, edges), y, sample_weight=w * len(w) / max(w.sum(), 1e-9))
    return m


def stage_dict(names, m, edges) -> dict:
    coef = m.coef_[0]
    weights, offset = [], 0
    for e in edges:
        weights.append([round(float(v), 5) for v in coef[offset:offset + len(e) + 1]])
        offset += len(e) + 1
    return {"names": list(names), "bias": round(float(m.intercept_[0]), 5),
            "edges": [[round(v, 6) for v in e] for e in edges], "weights": weights}


def log_loss(p: np.ndarray, y: np.ndarray, weights: np.ndarray | None = None) -> float:
    """The (weighted) log loss of the probabilities `p` of labels `y` (1 or 0)."""
    right = np.clip(np.where(y == 1, p, 1 - p), 1e-9, 1)
    return float(-np.average(np.log(right), weights=weights))


def logits(m, X, edges) -> np.ndarray:
    return m.decision_function(encode(X, edges))


def context(first: np.ndarray, X: np.ndarray, doc: np.ndarray) -> np.ndarray:
    out = np.empty((len(first), len(scorer.CONTEXT)))
    starts = np.flatnonzero(np.r_[True, doc[1:] != doc[:-1]])
    ends = np.r_[starts[1:], len(doc)]
    for a, b in zip(starts, ends):
        out[a:b] = scorer.context_rows(list(first[a:b]), X[a:b].tolist())
    return out


# ---------------------------------------------------------------- page figures

def page_figures(keep, y, size, doc, mask):
    """Page-averaged P, R, F1 (empty outputs out of P, as the benchmark), meanF1 and
    lost, from line labels weighted by their shingles: a close stand-in for the
    benchmark that needs no text."""
    sel = mask & ~np.isnan(y)
    d = doc[sel]
    pos = y[sel] == 1
    k = keep[sel]
    s = size[sel]
    n_docs = int(d.max()) + 1 if len(d) else 0
    tp = np.bincount(d, weights=s * (k & pos), minlength=n_docs)
    fp = np.bincount(d, weights=s * (k & ~pos), minlength=n_docs)
    fn = np.bincount(d, weights=s * (~k & pos), minlength=n_docs)
    present = np.bincount(d, minlength=n_docs) > 0
    tp, fp, fn = tp[present], fp[present], fn[present]
    has_out, has_gold = tp + fp > 0, tp + fn > 0
    p = np.where(has_out, tp / np.maximum(tp + fp, 1e-9), 0.0)
    r = np.where(has_gold, tp / np.maximum(tp + fn, 1e-9), 1.0)
    P = p[has_out].mean() if has_out.any() else 0.0
    R = r.mean()
    F = 2 * P * R / (P + R) if P + R else 0.0
    per = np.where(p + r > 0, 2 * p * r / np.maximum(p + r, 1e-9), 0.0)
    return F, P, R, per.mean(), int((r < 0.5).sum()), int(present.sum())


# A filter is a candidate for trust only when it fires on this many sites: a rule
# borne out on a handful of sites says nothing of the next one.
TRUSTED_SITES = 20


def candidate_steps(taken, y, doc, docs, mask) -> list[str]:
    """The filters that fire on TRUSTED_SITES sites or more. Prints, for every
    filter, how many lines and sites it takes and how often what it takes is
    furniture by the labels."""
    out = []
    for category, name in enumerate(pipeline.STEP_NAMES):
        if not name or name == region.NAME:
            continue
        sel = mask & (taken == category) & ~np.isnan(y)
        sites = {docs[int(k)][5] for k in np.unique(doc[sel])}
        furniture = 1 - y[sel].mean() if sel.any() else 0.0
        print(f"{name:12s} lines={int(sel.sum()):6d} sites={len(sites):5d} furniture={furniture:.3f}", file=sys.stderr)
        if len(sites) >= TRUSTED_SITES:
            out.append(name)
    return out


# The region shares tried (scorer.Model.region_share): a page whose article region
# holds under this share of its prose words is cleaned as an article instead.
SHARES = tuple(round(0.1 * k, 1) for k in range(7))
# Recall first: the largest share whose page-averaged F1 is within this of the best.
SHARE_SLACK = 0.002
# The log-odds thresholds tried (a line's, and a marked line's in the article alone).
THRESHOLDS = np.round(np.arange(-3.0, 3.01, 0.1), 2)


def recall_first(means: dict[float, float]) -> float:
    """Of the shares tried, the largest whose meanF1 is within SHARE_SLACK of the
    best: the one that keeps the most."""
    best = max(means.values())
    return max(t for t, m in means.items() if m >= best - SHARE_SLACK)


def stack(X, y, w, fold, doc, use):
    """Steps 1 and 2 on the rows in `use`: the line and context models fitted on
    folds 1-4, and the out-of-fold score of every row (held-out rows: the final
    models' scores)."""
    fit = fold != corpora.HELD_OUT
    train = fit & ~np.isnan(y) & use
    edges = [make_edges(X[train, j], features.NAMES[j]) for j in range(X.shape[1])]

    # 1. the line model, out of fold on the fitted folds
    first = np.zeros(len(y))
    fit_folds = [f for f in range(corpora.FOLDS) if f != corpora.HELD_OUT]
    for f in fit_folds:
        m = fit_stage(X[train & (fold != f)], y[train & (fold != f)], w[train & (fold != f)], edges)
        first[fold == f] = logits(m, X[fold == f], edges)
    lines_model = fit_stage(X[train], y[train], w[train], edges)
    first[~fit] = logits(lines_model, X[~fit], edges)

    # 2. the context model on the out-of-fold scores
    Xc = context(first, X, doc)
    cedges = [make_edges(Xc[train, j], scorer.CONTEXT[j]) for j in range(Xc.shape[1])]
    second = np.zeros(len(y))
    for f in fit_folds:
        m = fit_stage(Xc[train & (fold != f)], y[train & (fold != f)], w[train & (fold != f)], cedges)
        second[fold == f] = logits(m, Xc[fold == f], cedges)
    context_model = fit_stage(Xc[train], y[train], w[train], cedges)
    second[~fit] = logits(context_model, Xc[~fit], cedges)
    return second, stage_dict(features.NAMES, lines_model, edges), stage_dict(scorer.CONTEXT, context_model, cedges)


class Keeping:
    """Step 3: which lines pipeline.py keeps given the context model's scores: in a
    text taken as the article alone, the lines no rule marked; in a whole page, the
    lines no trusted filter took that score enough (none at all in a page without
    an article)."""

    def __init__(self, X, second):
        self.second = second
        page_state = X[:, features.NAMES.index("page")]
        self.article, self.no_article = page_state == 0, page_state == 2
        self.taken = X[:, features.NAMES.index("taken")].astype(int)

    def keep(self, threshold, trusted, marked=None):
        """`marked`: for untrusted filters (by name), the threshold a line one of
        them marked in the article alone needs; a marked line of a filter not
        named is not kept there (the figures the other choices are made on)."""
        sure = np.isin(self.taken, [pipeline.STEP_NAMES.index(name) for name in trusted])
        alone = self.taken == 0
        for name, t in (marked or {}).items():
            alone = alone | ((self.taken == pipeline.STEP_NAMES.index(name)) & (self.second >= t))
        return np.where(self.article, alone, ~sure & ~self.no_article & (self.second >= threshold))


# The shares of its prose words kept tried (scorer.Model.prose_kept): the region
# share's grid.
PROSE_KEPT = SHARES


def fall_back(kept, X, doc, prose, limit):
    """pipeline._decide's fallback: in a text cleaned as an article (page 3), when
    the lines kept hold `limit` or less of its prose words, or no line is kept,
    every line no rule marked is kept instead."""
    cleaned = X[:, features.NAMES.index("page")] == 3
    n = int(doc.max()) + 1
    total = np.bincount(doc, weights=prose * cleaned, minlength=n)
    held = np.bincount(doc, weights=prose * cleaned * kept, minlength=n)
    share = np.where(total > 0, held / np.maximum(total, 1e-9), 1.0)
    none = np.bincount(doc, weights=cleaned * kept, minlength=n) == 0
    back = cleaned & ((share[doc] <= limit) | none[doc])
    return np.where(back, X[:, features.NAMES.index("taken")] == 0, kept)


def trust_and_threshold(keeping, y, size, doc, docs, texts, pages):
    """The trusted filters and the threshold a line of a whole page needs, chosen
    for the best page-averaged F1 (the benchmark's F1) out of fold over the rows in
    `pages` (the whole pages among `texts`, the wide corpus's fitted folds): the
    lowest threshold within SHARE_SLACK of the best."""

    def best_threshold(trusted):
        # Losing article text costs more than keeping furniture: the lowest
        # threshold within SHARE_SLACK of the best F1.
        f = {t: page_figures(keeping.keep(t, trusted), y, size, doc, pages)[0] for t in THRESHOLDS}
        best = max(f.values())
        return float(min(t for t in THRESHOLDS if f[t] >= best - SHARE_SLACK))

    def figure(trusted):
        return page_figures(keeping.keep(best_threshold(trusted), trusted), y, size, doc, pages)[0]

    # A filter is trusted when trusting it costs nothing measurable out of fold
    # (under 1e-4 of F1): what it takes then goes whatever the scorer says, and
    # the rule alone explains the removal.
    trusted = []
    score = figure(trusted)
    for name in candidate_steps(keeping.taken, y, doc, docs, texts):
        tried = figure(trusted + [name])
        print(f"trusting {name}: {tried - score:+.4f}", file=sys.stderr)
        if tried >= score - 1e-4:
            trusted, score = trusted + [name], max(score, tried)
    return trusted, best_threshold(trusted)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cache", type=Path, help="keep the measured lines here (an .npz) and reuse them")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()

    tasks = text_tasks()
    page = fit_page_model(tasks, a.jobs)
    names = ("X", "y", "w", "fold", "doc", "size", "prose", "alt", "share")
    if a.cache and a.cache.exists():
        z = np.load(a.cache, allow_pickle=True)
        X, y, w, fold, doc, size, prose, alt, share = (z[k] for k in names)
        docs = [tuple(d) for d in z["docs"]]
    else:
        X, y, w, fold, doc, size, prose, alt, share, docs = load(tasks, a.jobs, page)
        if a.cache:
            np.savez(a.cache, **dict(zip(names, (X, y, w, fold, doc, size, prose, alt, share))),
                     docs=np.array(docs, dtype=object))
    print(f"{len(docs)} texts, {len(y)} lines, {int((~np.isnan(y)).sum())} labelled", file=sys.stderr)

    fit = fold != corpora.HELD_OUT
    wide = np.array([d[0] == "wide" for d in docs])[doc]
    forms = np.array([d[3] for d in docs])[doc]

    def rows_at(region_share):
        """The rows the pipeline scores when pages under `region_share` are cleaned
        as articles."""
        return np.where(share < region_share, alt == 1, alt == 0)

    def fit_at(region_share):
        use = rows_at(region_share)
        second, lines_model, context_model = stack(X, y, w, fold, doc, use)
        keeping = Keeping(X, second)
        texts = fit & wide & use
        trusted, threshold = trust_and_threshold(keeping, y, size, doc, docs, texts, texts & ~keeping.article)
        return keeping.keep(threshold, trusted), trusted, threshold, lines_model, context_model, keeping

    # 5. the region share, from the models fitted once on the region's marks: the
    # one with the best page-averaged F1 (empty outputs 0) out of fold over every
    # text form of the wide corpus's fitted folds, or the largest within
    # SHARE_SLACK of it.
    kept = fit_at(0.0)[0]
    means = {}
    for t in SHARES:
        use = rows_at(t)
        means[t] = page_figures(kept, y, size, doc, fit & wide & use)[3]
        by_form = "  ".join(
            "{} meanF1={:.4f} lost={}".format(form, *page_figures(kept, y, size, doc, fit & wide & use & (forms == form))[3:5])
            for form in WIDE_FORMS)
        print(f"region share {t:.1f}: meanF1={means[t]:.4f}  {by_form}", file=sys.stderr)
    region_share = recall_first(means)

    # 6. everything refitted on the rows at that share
    kept, trusted, threshold, lines_model, context_model, keeping = fit_at(region_share)
    use = rows_at(region_share)

    # 7. the prose kept under which a text cleaned as an article is cleaned as the
    # article alone, by the region share's objective and rule
    means = {}
    for t in PROSE_KEPT:
        means[t] = page_figures(fall_back(kept, X, doc, prose, t), y, size, doc, fit & wide & use)[3]
        print(f"prose kept {t:.1f}: meanF1={means[t]:.4f}", file=sys.stderr)
    prose_kept = recall_first(means)
    kept = fall_back(kept, X, doc, prose, prose_kept)

    # 8. for each untrusted filter, the threshold of a line it marked in the
    # article alone: the best F1 over the texts in which it marks one
    alone = fit & wide & use & keeping.article
    texts_of = np.unique(doc[alone])
    marked = {}
    for name in pipeline.STEP_NAMES[1:-1]:
        if name in trusted:
            continue
        fires = alone & np.isin(doc, np.unique(doc[alone & (keeping.taken == pipeline.STEP_NAMES.index(name))]))
        if not fires.any():
            continue
        f = {t: page_figures(keeping.keep(threshold, trusted, {name: t}), y, size, doc, fires)[0] for t in THRESHOLDS}
        marked[name] = float(min(t for t in THRESHOLDS if f[t] >= max(f.values())))
        none = page_figures(keeping.keep(threshold, trusted), y, size, doc, fires)[0]
        print(f"marked by {name} in the article alone: threshold {marked[name]:+.1f}, F1={f[marked[name]]:.4f} "
              f"over {len(np.unique(doc[fires]))} of {len(texts_of)} texts (none kept: {none:.4f})", file=sys.stderr)
    kept = np.where(keeping.article, keeping.keep(threshold, trusted, marked), kept)

    model = {
        "about": "fitted by training/fit.py on folds 1-4 of the wide and snippet corpora (split by site)",
        "threshold": threshold,
        "trusted": trusted,
        "region_share": region_share,
        "prose_kept": prose_kept,
        "marked": marked,
        "page": page,
        "lines": lines_model,
        "context": context_model,
    }
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(model, indent=1) + "\n")
    print(f"threshold {threshold:+.1f}, region share {region_share:.1f}, prose kept {prose_kept:.1f}, trusted {', '.join(trusted)}; wrote {a.out}",
          file=sys.stderr)

    # Figures, from line labels: out of fold on folds 1-4, and on the held-out fold.
    for part, mask in (("fitted (out of fold)", fit), ("held out", ~fit)):
        for form in WIDE_FORMS:
            sel = mask & wide & use & (forms == form)
            F, P, R, mean, lost, n = page_figures(kept, y, size, doc, sel)
            N = page_figures(np.ones(len(y), bool), y, size, doc, sel)
            print(f"{part:22s} wide {form:14s} n={n:5d} F1={F:.3f} P={P:.3f} R={R:.3f} "
                  f"meanF1={mean:.3f} lost={lost}  (nothing removed F1={N[0]:.3f})")


if __name__ == "__main__":
    main()
