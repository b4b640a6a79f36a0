"""Every rule id a removal can carry, `step.rule` (STYLE.md, convention 12).

A removal names the rule that took its line: a filter's rule ("ads.label",
"related.teaser_list"), or the rule of a step that runs outside FILTERS: the
site-template step ("repeated_across.template"), the region step ("region.outside")
and the learned scorer ("score.furniture"); on a saved HTML page, the extraction
("extract.nav", "extract.outside" ...). RULES lists them all: the extraction's
first, then the steps' in the order they run (newsclean.steps.STEPS, as
--list-filters lists them), so the hits of each can be counted across a corpus.

Nothing in the package imports this module: it gathers the ids for callers and tests
without loading the site-template step on the plain pipe.
"""

from __future__ import annotations

from .html import RULES as EXTRACT_RULES
from .steps import STEPS

RULES: tuple[str, ...] = EXTRACT_RULES + tuple(rule for step in STEPS for rule in step.rules)

__all__ = ["RULES"]
