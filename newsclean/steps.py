"""Every step, in the order the steps run on a document.

The site-template step (`repeated_across`, only with --repeated-across N) blanks
template lines first; `unwrap` rejoins hard-wrapped paragraphs (it removes
nothing); the region step cuts a whole-page dump down to its article;
the filters run in FILTERS order; the learned scorer weighs what is left on a page.
This one list drives --list-filters, --disable, Config validation, the ids in
newsclean.rules.RULES and the README's filter table.

The list lives here rather than in filters/__init__.py because the steps outside
FILTERS (unwrap, region, score, templates) import the filters package themselves.
"""

from __future__ import annotations

from typing import Iterable, NamedTuple

from . import region, templates, unwrap
from .filters import FILTERS
from .model import ConfigError
from .pipeline import SCORE, SCORE_DESCRIPTION, SCORE_RULE


class Step(NamedTuple):
    name: str  # its --disable name, JSON "filter" and README row
    description: str
    rules: tuple[str, ...]  # the id of every rule it records, "step.rule"


STEPS: tuple[Step, ...] = (
    Step(templates.NAME, templates.DESCRIPTION, (templates.RULE,)),
    Step(unwrap.NAME, unwrap.DESCRIPTION, ()),
    Step(region.NAME, region.DESCRIPTION, (region.RULE,)),
    *(Step(f.name, f.description, tuple(f.rule_ids)) for f in FILTERS),
    Step(SCORE, SCORE_DESCRIPTION, (SCORE_RULE,)),
)

NAMES: tuple[str, ...] = tuple(s.name for s in STEPS)


def step_names(values: Iterable[str]) -> frozenset[str]:
    """The step names in `values`, each a name or a comma-separated list of names,
    in any case ("Ads,byline"). Raises ConfigError naming the first unknown one."""
    names = [n.strip().lower() for value in values for n in value.split(",") if n.strip()]
    unknown = [n for n in names if n not in NAMES]
    if unknown:
        raise ConfigError(f"unknown filter {unknown[0]!r}; known: {', '.join(NAMES)}")
    return frozenset(names)
