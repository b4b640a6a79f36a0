"""The library's data: configuration in, result out. Frozen, so safe to share."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Config:
    """What to run. Built by the CLI from its options, or by a library caller."""

    disabled: frozenset[str] = frozenset()
    mode: str = "auto"  # article | page | auto: is the text a whole page to cut down first?
    keep_title: bool = True  # take a leading headline line as the title


@dataclass(frozen=True)
class Removal:
    """One line taken out: where it stood (1-based), what it said, which filter (or
    step) took it, and the id of the rule that did ("ads.label")."""

    line: int
    text: str
    filter: str
    rule: str


@dataclass(frozen=True)
class Result:
    title: str | None
    paragraphs: tuple[str, ...]
    removed: tuple[Removal, ...]
    region: tuple[int, int] | None = None  # first and last input line of the article region
    meta: dict = field(default_factory=dict, compare=False)

    @property
    def text(self) -> str:
        """The body without the title: paragraphs separated by one blank line."""
        return "\n\n".join(self.paragraphs)

    def removed_by_filter(self) -> dict[str, int]:
        """How many lines each filter removed, in the order they first did."""
        by_filter: dict[str, int] = {}
        for r in self.removed:
            by_filter[r.filter] = by_filter.get(r.filter, 0) + 1
        return by_filter

    def stats(self) -> dict[str, object]:
        by_filter = self.removed_by_filter()
        return {
            "paragraphs": len(self.paragraphs),
            "characters": len(self.text),
            "removed": len(self.removed),
            "removed_by_filter": dict(sorted(by_filter.items())),
        }
