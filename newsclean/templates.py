"""Site templates learnt from the corpus itself: `repeated_across`.

A line that stands in at least N documents of the same site is the site's furniture
(its menu, its footer, its promo line), whatever words it uses. Two passes:

1. `TemplateCounts` counts, for every site, in how many documents each short line
   occurs (once per document). Counts add up, so the result does not depend on the
   order of the documents or on how they were split between workers.
2. `Templates` (the counts that reached N) blanks those lines out of each text
   before the pipeline runs, recording each one as a `repeated_across` removal.

A site is the host of the record's URL (without "www."), or, without a URL, the
folder the input lies in.

The guard: short article sentences repeat by chance ("The company declined to
comment." closes many business stories), while template lines stand in nearly every
page of a site. A line that reads like a sentence (three words or more, ending with
a full stop, question or exclamation mark) is therefore taken only when it stands in
at least half of the site's documents as well as in N of them.

Plain text only: a saved HTML page has already lost its site template to article
extraction, so HTML inputs are neither counted nor stripped.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field, replace
from typing import Mapping
from urllib.parse import urlsplit

from .detect import BinaryInput, JSONLinesInput
from .document import clean_bytes as clean_document, plain_text as document_text
from .filters.base import SHORT, ends_sentence, key, words
from .lines import normalise
from .model import Config, Removal, Result
from .pipeline import DEFAULT, clean

NAME = "repeated_across"
DESCRIPTION = "lines that stand in at least N documents of the same site (its template); --repeated-across N"
RULE = f"{NAME}.template"  # the id of every removal this step makes

# A sentence-like line must also stand in this share of the site's documents.
SENTENCE_SHARE = 0.5
_SENTENCE_MIN_WORDS = 3


def site_of_url(url: object) -> str | None:
    """The host of a URL, lower case and without "www.", or None when there is none."""
    if not isinstance(url, str) or "//" not in url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def site_of_path(path: str | None) -> str:
    """The folder an input lies in ("" for stdin and the current folder)."""
    if not path or path == "-":
        return ""
    return os.path.dirname(os.path.normpath(path))


def _digest(site: str, line_key: str) -> int:
    data = f"{site}\0{line_key}".encode("utf-8", "replace")
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


def _candidate_key(text: str) -> str:
    """The comparison key of a line that could be template, or "" for one that cannot:
    long lines (paragraphs) and lines of punctuation alone ("* * *")."""
    return key(text) if len(text) <= SHORT else ""


def reads_like_sentence(text: str) -> bool:
    return ends_sentence(text) and len(words(text)) >= _SENTENCE_MIN_WORDS


@dataclass
class TemplateCounts:
    """Pass one: per site, how many documents hold each short line."""

    docs: dict[str, int] = field(default_factory=dict)
    lines: dict[int, int] = field(default_factory=dict)

    def add(self, site: str, text: str) -> None:
        """Count one document's text."""
        self.docs[site] = self.docs.get(site, 0) + 1
        seen = set()
        for raw in text.splitlines():
            k = _candidate_key(normalise(raw))
            if k:
                seen.add(k)
        counts = self.lines
        for k in seen:
            d = _digest(site, k)
            counts[d] = counts.get(d, 0) + 1

    def add_bytes(self, site: str, data: bytes, name: str | None = None, input_type: str = "auto",
                  encoding: str | None = None) -> None:
        """Count a document as read from a file; HTML and binary inputs are not counted."""
        text = plain_text(data, name, input_type, encoding)
        if text is not None:
            self.add(site, text)

    def merge(self, other: "TemplateCounts") -> "TemplateCounts":
        for site, n in other.docs.items():
            self.docs[site] = self.docs.get(site, 0) + n
        counts = self.lines
        for d, n in other.lines.items():
            counts[d] = counts.get(d, 0) + n
        return self

    def templates(self, min_docs: int) -> "Templates":
        """Pass one's result: the lines that stand in at least `min_docs` documents."""
        return Templates(
            min_docs=min_docs,
            docs=dict(sorted(self.docs.items())),
            counts={d: n for d, n in sorted(self.lines.items()) if n >= min_docs},
        )


@dataclass(frozen=True)
class Templates:
    """Pass two: which lines of which site are template. Small (only the lines that
    reached N), so it travels to worker processes and cluster workers with each task."""

    min_docs: int
    docs: Mapping[str, int]
    counts: Mapping[int, int]

    def is_template(self, site: str, text: str) -> bool:
        k = _candidate_key(text)
        if not k:
            return False
        n = self.counts.get(_digest(site, k))
        if n is None:
            return False
        if reads_like_sentence(text) and n < SENTENCE_SHARE * self.docs.get(site, 0):
            return False
        return True

    def strip(self, text: str, site: str) -> tuple[str, list[Removal]]:
        """The text with its template lines blanked (so every other line keeps its
        number), and a removal for each."""
        if not self.counts:
            return text, []
        rows = text.splitlines()
        removals = []
        for number, raw in enumerate(rows, 1):
            norm = normalise(raw)
            if norm and self.is_template(site, norm):
                removals.append(Removal(number, norm, NAME, RULE))
                rows[number - 1] = ""
        if not removals:
            return text, []
        return "\n".join(rows), removals

    def clean(self, text: str, site: str, config: Config = DEFAULT) -> Result:
        """Clean a text, its site's template lines taken out first."""
        stripped, removals = self.strip(text, site)
        result = clean(stripped, config)
        if not removals:
            return result
        return replace(result, removed=tuple(sorted(result.removed + tuple(removals), key=lambda r: r.line)))

    def clean_bytes(self, data: bytes, *, name: str | None = None, config: Config = DEFAULT,
                    input_type: str = "auto", site: str | None = None, encoding: str | None = None) -> Result:
        """document.clean_bytes, with this site's template taken out of plain text.
        The site is the folder of `name` unless given."""
        decoded = document_text(data, name=name, input_type=input_type, encoding=encoding)
        if decoded is None:
            return clean_document(data, name=name, config=config, input_type=input_type, encoding=encoding)
        text, used = decoded
        result = self.clean(text, site_of_path(name) if site is None else site, config)
        return replace(result, meta={"input_type": "text", **result.meta, "encoding": used})


def plain_text(data: bytes, name: str | None, input_type: str, encoding: str | None = None) -> str | None:
    """The decoded text of a plain-text input; None for HTML, binary and JSON Lines inputs."""
    try:
        decoded = document_text(data, name=name, input_type=input_type, encoding=encoding)
    except (BinaryInput, JSONLinesInput):
        return None
    return decoded[0] if decoded else None
