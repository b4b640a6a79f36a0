"""The learned decisions: is a text a whole page, and is a line of it article text?

Three additive models over binned measures, fitted by training/fit.py and kept in
data/scorer.json with the threshold, the trusted filters and the region share
below which a page's article region is not believed:

0. the text on its document measures: a whole page, or the article alone;
1. each line on its own measures and those of its neighbours (features.py);
2. each line again, now with the first model's verdicts on the lines around it:
   a paragraph among paragraphs is article, a short line in a run of menu lines is
   not, whatever it says.

Every measure is cut into a few bins; each bin carries a weight, and a score is
the sum of its bins' weights (log-odds). A line is kept when its score reaches
the fitted threshold. Reading a model is a lookup per
measure, so the scorer needs no numerical library.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import namedtuple
from collections.abc import Sequence
from itertools import accumulate

from . import features

# Windows of lines around a line, for the share of them the first model keeps.
WINDOWS = (3, 10)
# The first model's score of a line beyond the text's edge.
EDGE = -20.0
CONTEXT = (
    "score", "score@-1", "score@+1", "score@-2", "score@+2",
    *(f"kept_within_{w}" for w in WINDOWS), "kept_in_text", "taken", "words", "page",
)
_TAKEN = features.NAMES.index("taken")
_WORDS = features.NAMES.index("words")
_PAGE = features.NAMES.index("page")


class Stage(namedtuple("Stage", "names bias edges weights")):
    # names: tuple[str, ...]; bias: float; edges and weights: tuple[tuple[float, ...], ...]
    # (a namedtuple, not a typing.NamedTuple: see lines.Line)
    __slots__ = ()

    def scores(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The log-odds of each row: the bias plus the weight of each value's bin."""
        return self.column_scores(list(zip(*rows)), len(rows))

    def column_scores(self, columns: Sequence[Sequence[float]], n: int) -> list[float]:
        """The log-odds of `n` rows given as one column of values per measure. Each
        row's weights are added in measure order, as a row at a time would."""
        total = [self.bias] * n
        for column, edges, weights in zip(columns, self.edges, self.weights):
            total = [s + weights[bisect_right(edges, x)] for s, x in zip(total, column)]
        return total

    def contributions(self, row: Sequence[float]) -> list[tuple[str, float]]:
        """What each measure added to the row's score, most negative first."""
        out = [(name, weights[bisect_right(edges, x)])
               for name, x, edges, weights in zip(self.names, row, self.edges, self.weights)]
        return sorted(out, key=lambda item: item[1])


# page: a Stage, is the text a whole page? over features.DOCUMENT; lines, context:
# Stages; threshold: the fitted log-odds a line of a whole page needs to be kept;
# trusted: frozenset of the steps whose removals stand whatever the score;
# region_share: a page whose article region holds under this share of its prose
# words is cleaned as an article instead (pipeline.scoring_marks); 0 never does so;
# prose_kept: a text cleaned as an article (every line judged) of whose prose words
# the scorer keeps this share or less is cleaned as the article alone instead, only
# what a rule marked going (pipeline._decide); 0: when it keeps none;
# marked: for each untrusted filter, the fitted log-odds a line it marked in the
# article alone needs to be kept (a filter not named: threshold).
Model = namedtuple("Model", "page lines context threshold trusted region_share prose_kept marked",
                   defaults=(0.0, 0.0, {}))


def context_rows(first: Sequence[float], rows: Sequence[Sequence[float]]) -> list[list[float]]:
    """The second model's measures of every line from the first model's scores."""
    own = [[row[k] for row in rows] for k in (_TAKEN, _WORDS, _PAGE)]
    return list(map(list, zip(*_context_columns(first, own))))


def _context_columns(first: Sequence[float], own: list[Sequence[float]]) -> list[Sequence[float]]:
    """context_rows() a measure at a time (CONTEXT order); `own` holds the lines'
    taken, words and page measures."""
    n = len(first)
    kept = [1.0 if z >= 0 else 0.0 for z in first]
    running = list(accumulate(kept, initial=0.0))
    share = running[-1] / n if n else 0.0
    near = [features.shifted(first, d, EDGE) for d in (-1, 1, -2, 2)]
    windows = [_kept_around(kept, running, w) for w in WINDOWS]
    return [first, *near, *windows, [share] * n, *own]


def _kept_around(kept: Sequence[float], running: Sequence[float], w: int) -> list[float]:
    """For each line, the share of the other lines within `w` of it that the first
    model keeps (`running` holds the running count of kept lines)."""
    n = len(kept)
    out = []
    for i, k in enumerate(kept):
        lo, hi = max(0, i - w), min(n, i + w + 1)
        others = hi - lo - 1
        out.append((running[hi] - running[lo] - k) / others if others else 0.0)
    return out


def judge(rows: Sequence[Sequence[float]], model: Model | None = None) -> list[float]:
    """The final log-odds of each line being article text."""
    return judge_columns(list(zip(*rows)), model)


def judge_columns(columns: Sequence[Sequence[float]], model: Model | None = None) -> list[float]:
    """judge() over the lines' measures given a measure at a time (features.columns)."""
    n = len(columns[0]) if columns else 0
    if not n:
        return []
    model = model or load()
    first = model.lines.column_scores(columns, n)
    own = [columns[k] for k in (_TAKEN, _WORDS, _PAGE)]
    return model.context.column_scores(_context_columns(first, own), n)


def is_page(document: Sequence[float], model: Model | None = None) -> bool:
    """Whether a text is a whole page (menus, footers, the article somewhere) rather
    than the article alone."""
    model = model or load()
    return model.page.scores([document])[0] >= 0.0


def stage(data: dict) -> Stage:
    return Stage(
        tuple(data["names"]),
        float(data["bias"]),
        tuple(tuple(map(float, e)) for e in data["edges"]),
        tuple(tuple(map(float, w)) for w in data["weights"]),
    )


def from_dict(data: dict) -> Model:
    page, lines, context = stage(data["page"]), stage(data["lines"]), stage(data["context"])
    if page.names != features.DOCUMENT or lines.names != features.NAMES or context.names != CONTEXT:
        raise ValueError("the scorer's data file does not match this version's measures: refit it")
    return Model(page, lines, context, float(data["threshold"]), frozenset(data["trusted"]),
                 float(data["region_share"]), float(data["prose_kept"]),
                 {name: float(t) for name, t in data["marked"].items()})


_LOADED: list[Model] = []


def load() -> Model:
    """The shipped model (read once), or the one install() put in its place."""
    if not _LOADED:
        # Read only when a line is to be scored: a text no rule marked never pays
        # for it.
        _LOADED.append(from_dict(read_data("scorer.json")))
    return _LOADED[0]


def read_data(name: str) -> dict:
    """A fitted data file shipped beside this module (data/NAME), read by its path
    (importlib.resources would load zipfile, tempfile and more, a sixth of the
    command's start-up)."""
    import json
    import os

    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", name)
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def install(model: Model) -> None:
    """Use `model` from now on in this process (training/fit.py, while it fits)."""
    _LOADED[:] = [model]
