"""The library's data: configuration in, result out. Frozen, so safe to share."""

from __future__ import annotations

from dataclasses import dataclass, field

MODES = ("auto", "article", "page")


class ConfigError(ValueError):
    """A Config that names an unknown mode or step; the message lists the valid ones."""


@dataclass(frozen=True)
class Config:
    """What to run. Built by the CLI from its options, or by a library caller.

    mode: "article" (the text is just the article), "page" (a whole-page dump: find
    the article region first) or "auto" (decide per text; the default).
    disabled: names of steps to turn off, in any case, as `newsclean --list-filters`
    lists them: repeated_across, unwrap, region, residue, counters, ads, share, related,
    comments, legal, media, byline, teasers, subscribe, navigation, repeated, score.
    keep_title: take a leading headline line as the title.

    Raises ConfigError for an unknown mode or step name.
    """

    disabled: frozenset[str] = frozenset()
    mode: str = "auto"
    keep_title: bool = True

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigError(f"unknown mode {self.mode!r}; valid: {', '.join(MODES)}")
        if isinstance(self.disabled, str):
            raise ConfigError(f"disabled must be a set of step names, not the string {self.disabled!r}")
        if self.disabled:
            # Imported here: the steps import the pipeline, which imports this module,
            # and the plain pipe (nothing disabled) never needs them.
            from .steps import step_names

            object.__setattr__(self, "disabled", step_names(self.disabled))
        elif not isinstance(self.disabled, frozenset):
            object.__setattr__(self, "disabled", frozenset())


@dataclass(frozen=True)
class Removal:
    """One line taken out: where it stood (1-based), what it said, which filter (or
    step) took it, and the id of the rule that did ("ads.label")."""

    line: int
    text: str
    filter: str
    rule: str

    def to_dict(self) -> dict:
        return {"line": self.line, "text": self.text, "filter": self.filter, "rule": self.rule}


def _meta(key: str, doc: str, convert=None) -> property:
    """A read-only attribute of Result for the field `key` of its meta, None when
    the result does not carry it (`convert` applied to a value it does carry)."""

    def get(self):
        value = self.meta.get(key)
        return convert(value) if convert is not None and value is not None else value

    return property(get, doc=doc)


@dataclass(frozen=True)
class Result:
    """A cleaned text. Its attributes are the fields of the command's JSON output,
    and `to_dict()` is that output (without `source`, which names an input).

    title: the headline, or None; paragraphs: the body, one string per paragraph;
    text: the paragraphs joined by blank lines; removed: every line taken out, in
    input order; status: "ok", "empty" when nothing was kept, "uncertain" when a
    saved page's text may not be the article (uncertain); region: first and
    last input line of the article in a whole-page dump, else None; article_found:
    on a whole-page dump, whether an article stood out (None for an article alone);
    input_type: "text" or "html" when the input was bytes; encoding: the codec the
    bytes were read in; url, published, authors, site_name, language: an HTML
    page's metadata, where it gives them; candidate, confidence: where a saved
    page's text was taken from, and how likely it holds the article; note: why the input was cleaned in a
    simpler way than usual; stats: counts. A field the result does not carry is None.

    The fields from article_found to note live in `meta`, which to_dict() writes
    as it is; their properties read it.
    """

    title: str | None
    paragraphs: tuple[str, ...]
    removed: tuple[Removal, ...]
    region: tuple[int, int] | None = None  # first and last input line of the article region
    meta: dict = field(default_factory=dict, compare=False)
    uncertain: bool = False  # the text taken may not be the article (a saved page's low confidence)

    @property
    def text(self) -> str:
        """The body without the title: paragraphs separated by one blank line."""
        return "\n\n".join(self.paragraphs)

    @property
    def status(self) -> str:
        """"ok"; "empty" when neither a title nor a paragraph was kept; "uncertain"
        when the text was kept from a saved page with low confidence that it is the
        article, or only its headline was found."""
        if not (self.paragraphs or self.title):
            return "empty"
        return "uncertain" if self.uncertain else "ok"

    article_found = _meta("article_found", "On a text read as a whole page, whether an article stood out; else None.")
    input_type = _meta("input_type", '"text" or "html" when the input was bytes; else None.')
    encoding = _meta("encoding", 'The codec the input\'s bytes were read in ("utf-8", "cp1251" ...); None for a str.')
    url = _meta("url", "An HTML page's canonical URL.")
    published = _meta("published", 'An HTML page\'s publication date, as the page writes it ("2024-05-01T09:00:00Z").')
    # A tuple, as paragraphs is: the list in meta is what to_dict() writes, and a
    # caller appending to it would change the output of a frozen result.
    authors = _meta("authors", "An HTML page's authors, one name each.", tuple)
    site_name = _meta("site_name", "An HTML page's site or publisher name.")
    language = _meta("language", 'An HTML page\'s language tag ("en-GB").')
    candidate = _meta("candidate", 'For a saved page, where its text was taken from: "scored" (the lines the block '
                      'scorer kept); where it kept none, "readability" (its pick), "block" (our block with the most '
                      'paragraph text) or "page" (the whole page, cleaned as text).')
    confidence = _meta("confidence", "For a saved page, how likely (0 to 1, from a fitted model) the text holds at "
                       "least half the article; under the fitted bound the status is \"uncertain\".")
    note = _meta("note", "Why the input was cleaned in a simpler way than usual (an HTML page nested too deeply "
                 "to parse, cleaned as flat text).")

    def removed_by_filter(self) -> dict[str, int]:
        """How many lines each filter removed, in the order they first did."""
        by_filter: dict[str, int] = {}
        for r in self.removed:
            by_filter[r.filter] = by_filter.get(r.filter, 0) + 1
        return by_filter

    @property
    def stats(self) -> dict[str, object]:
        """Counts: paragraphs, characters of text, removed lines, removed lines by filter."""
        by_filter = self.removed_by_filter()
        return {
            "paragraphs": len(self.paragraphs),
            "characters": len(self.text),
            "removed": len(self.removed),
            "removed_by_filter": dict(sorted(by_filter.items())),
        }

    def to_dict(self) -> dict:
        """The JSON output's fields, in its order: status, title, text, paragraphs,
        removed, region (on a page with an article), the fields in meta (those of
        article_found, input_type, encoding, url, published, authors, site_name,
        language and note that the result carries), stats."""
        d: dict = {
            "status": self.status,
            "title": self.title,
            "text": self.text,
            "paragraphs": list(self.paragraphs),
            "removed": [r.to_dict() for r in self.removed],
        }
        if self.region:
            d["region"] = {"first_line": self.region[0], "last_line": self.region[1]}
        d.update(self.meta)
        d["stats"] = self.stats
        return d
