"""The filters, in the one order they run.

Order matters only where filters see the same line: a line is credited to the first
filter that takes it, so specific families run before general ones (`repeated` last,
so it sees only lines the others kept). `subscribe` and `navigation` run after the
other families: a line one of those also takes (a copyright line that asks the
reader to sign up, a breadcrumb in a teaser card) is credited to the family that
names it, and the scorer weighs only what is left to `subscribe`, the least sure
of them (on the fitted sites a third of the lines it takes are article text).
"""

from .ads import ADS
from .base import Filter
from .byline import BYLINE
from .comments import COMMENTS
from .counters import COUNTERS
from .legal import LEGAL
from .media import MEDIA
from .navigation import NAVIGATION
from .related import RELATED
from .repeated import REPEATED
from .residue import RESIDUE
from .share import SHARE
from .subscribe import SUBSCRIBE
from .teasers import TEASERS

FILTERS: tuple[Filter, ...] = (
    RESIDUE,
    COUNTERS,
    ADS,
    SHARE,
    RELATED,
    COMMENTS,
    LEGAL,
    MEDIA,
    BYLINE,
    TEASERS,
    SUBSCRIBE,
    NAVIGATION,
    REPEATED,
)

NAMES: tuple[str, ...] = tuple(f.name for f in FILTERS)
# Every filter rule's id ("ads.label"), filter by filter. The steps outside FILTERS
# add theirs: region.RULE, pipeline.SCORE_RULE, templates.RULE.
RULES: tuple[str, ...] = tuple(rule_id for f in FILTERS for rule_id in f.rule_ids)

__all__ = ["FILTERS", "NAMES", "RULES", "Filter"]
