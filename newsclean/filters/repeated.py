"""Lines that repeat an earlier line: the same caption or teaser twice.

The first occurrence stays; later copies go. Two identical lines in an article are
almost always a caption printed twice or a teaser that also heads the list.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..lines import Line
from .base import Filter, key


def select(lines: Sequence[Line]) -> dict[int, str]:
    seen: set[str] = set()
    out: dict[int, str] = {}
    for i, line in enumerate(lines):
        k = key(line.text)
        if k in seen:
            out[i] = "copy"
        else:
            seen.add(k)
    return out


REPEATED = Filter(
    "repeated",
    "lines that repeat an earlier line (a caption or teaser printed twice)",
    select,
    examples=(
        "= Crowds outside the court on Monday.\nCrowds outside the court on Monday.",
        "= A teaser headline\nA teaser headline",
    ),
    counterexamples=(
        "The vote was close.\nThe count went on into the night.",
    ),
    rules=("copy",),
)
