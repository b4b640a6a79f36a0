"""Finding the article inside a whole-page text dump.

`locate` decides whether the lines are a whole page (menus, footers and the article
somewhere between) and, if so, where the article region is.
"""

from __future__ import annotations

from typing import NamedTuple, Sequence

from .lines import Line

NAME = "region"
DESCRIPTION = "on a whole-page dump, everything outside the article region"


class Region(NamedTuple):
    start: int  # index of the region's first line
    end: int  # index of its last line (inclusive)
    title: int | None  # index of the headline just above it, if any


def locate(lines: Sequence[Line], force: bool = False) -> Region | None:
    """The article region of a whole-page dump, or None when the text is already
    just the article (or, with force, when no region stands out)."""
    return None
