"""Every rule id a removal can carry, `step.rule` (STYLE.md, convention 12).

A removal names the rule that took its line: a filter's rule ("ads.label",
"related.teaser_list"), or the rule of a step that runs outside FILTERS: the region
step ("region.outside"), the learned scorer ("score.furniture") and the site-template
step ("repeated_across.template"). RULES lists them all, in the order the steps are
listed by --list-filters, so the hits of each can be counted across a corpus.

Nothing in the package imports this module: it gathers the ids for callers and tests
without loading the site-template step on the plain pipe.
"""

from __future__ import annotations

from .filters import RULES as FILTER_RULES
from .pipeline import SCORE_RULE
from .region import RULE as REGION_RULE
from .templates import RULE as TEMPLATE_RULE

RULES: tuple[str, ...] = FILTER_RULES + (REGION_RULE, SCORE_RULE, TEMPLATE_RULE)

__all__ = ["RULES"]
