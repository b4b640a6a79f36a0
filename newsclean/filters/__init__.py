"""The filters, in the one order they run.

Order matters only where filters see the same line: a line is credited to the first
filter that takes it, so specific families run before general ones (`repeated` last,
so it sees only lines the others kept).
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
    SUBSCRIBE,
    SHARE,
    RELATED,
    COMMENTS,
    LEGAL,
    MEDIA,
    BYLINE,
    NAVIGATION,
    TEASERS,
    REPEATED,
)

NAMES: tuple[str, ...] = tuple(f.name for f in FILTERS)
# Every filter rule's id ("ads.label"), filter by filter. The steps outside FILTERS
# add theirs: region.RULE, pipeline.SCORE_RULE, templates.RULE.
RULES: tuple[str, ...] = tuple(rule_id for f in FILTERS for rule_id in f.rule_ids)

__all__ = ["FILTERS", "NAMES", "RULES", "Filter"]
