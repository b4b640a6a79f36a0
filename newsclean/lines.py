"""The line model: how raw text becomes numbered, normalised lines.

One model for every kind of line break: str.splitlines() splits on \\n, \\r, \\r\\n,
\\x0b, \\x0c, \\x1c-\\x1e, \\x85, U+2028 and U+2029, so a line number means the same
thing whatever produced the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import namedtuple

# Dropped, because they never carry article text and would only make two copies of
# a line (or a label and its furniture) look different:
# - control characters: C0 except tab (line breaks never reach a line), DEL, C1
#   except NEL (a line break);
# - lone surrogates, which cannot be written as UTF-8;
# - the soft hyphen, a hint where a word may break, shown only when it does: left in,
#   it splits the word for every search ("Klima\u00adwandel" is not "Klimawandel");
# - zero-width space, word joiner and the invisible operators, and the BOM;
# - bidi marks and controls (LRM, RLM, embeddings, overrides, isolates): unbalanced
#   ones reorder the text around them on display.
# Kept: the zero-width non-joiner and joiner (U+200C, U+200D), which change how
# Persian and Indic words are spelled and join emoji sequences.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff"
    "\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_SPACE = re.compile(r"[^\S\n]+")
# A list bullet at the start of a line, with the stray whitespace after it.
_BULLET = re.compile(r"^([*•·▪►◦‣–-])[^\S\n]+")


# The package's named tuples are collections.namedtuple classes rather than
# typing.NamedTuple ones: the plain pipe then never loads typing, which costs more
# start-up than the pipe's own modules do.
class Line(namedtuple("Line", "number text gap parts", defaults=((),))):
    """One line of the input.

    number: its 1-based position in the input; text: normalised (NFC, invisible
    characters dropped, outer whitespace stripped); gap: one or more blank lines
    stood right before it; parts: the input lines a wrapped paragraph was rejoined
    from (unwrap.py), () for a line as the input has it."""

    __slots__ = ()

    @property
    def last(self) -> int:
        """The number of the last input line it spans."""
        return self.parts[-1].number if self.parts else self.number

    def physical(self) -> tuple[Line, ...]:
        """The input lines it stands for: itself, or the lines it was rejoined from."""
        return self.parts or (self,)


def normalise(raw: str) -> str:
    return _tidy(_INVISIBLE.sub("", raw))


def _tidy(text: str) -> str:
    """normalise() for a line that holds no invisible character."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    text = text.strip()
    m = _BULLET.match(text)
    if m:
        text = m.group(1) + " " + text[m.end():]
    # Tabs and non-breaking spaces become plain spaces; alignment runs are kept.
    if "\t" in text or "\xa0" in text:
        text = text.replace("\t", " ").replace("\xa0", " ")
    return text


def split_lines(text: str) -> list[Line]:
    """Every non-blank line of `text`, numbered from 1 as the input has them."""
    out: list[Line] = []
    gap = False
    # Most texts hold no invisible character at all: one search of the whole text
    # spares a substitution on every line.
    tidy = _tidy if _INVISIBLE.search(text) is None else normalise
    for number, raw in enumerate(text.splitlines(), 1):
        norm = tidy(raw)
        if not norm:
            gap = True
            continue
        out.append(Line(number, norm, gap))
        gap = False
    return out
