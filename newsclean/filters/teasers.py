"""Teaser cards left between paragraphs with no header over them.

A link card renders its headline twice, once for the picture's link and once for
the text's, often under a section kicker ("Business" / "Headline" / "Business" /
"Headline") and over a one-line summary set tight under it; an article never
prints a headline twice in a row. A headline tagged as a video or gallery link
("... Review [Video]") is a teaser too. Some sites set their inline link headlines
in capitals ("STAR CLEARED TO PERFORM HITS AMID FEUD WITH LABEL: REPORT"); an
article's own capitalised subheadings are short, so only long capitalised lines
that end no sentence are taken.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..lines import Line
from .base import Filter, ends_sentence, key, pattern, words

_CARD_MIN_WORDS = 4
_CARD_REACH = 2  # how far below its first rendering a card's second one may sit
_CAPS_MIN_WORDS = 8
_CAPS_MAX_CHARS = 200
_KICKER_MAX_WORDS = 3
_SUMMARY_MAX_WORDS = 60
# "Headline [Video]", "Headline (Photos)": the site's tag for a link to its media.
_MEDIA_TAG = pattern(
    r"[\[(](?:video|videos|photos|gallery|podcast|vídeo|vídeos|foto|fotos|galerie|galería|galeria|видео|фото)[\])]$",
    re.IGNORECASE,
)


def is_caps_headline(text: str) -> bool:
    """A long headline set in capitals: every letter but a stray one upper case."""
    # Prose shows a lower-case letter within its first words.
    opening = text[:24]
    if len(text) > _CAPS_MAX_CHARS or opening.upper() != opening:
        return False
    if len(words(text)) < _CAPS_MIN_WORDS:
        return False
    if ends_sentence(text) or text.rstrip().endswith((":", ";", ",")):
        return False
    # A table row in capitals (a stock ticker's name and prices) is data, not a link.
    if sum(any(c.isdigit() for c in w) for w in text.split()) > 1:
        return False
    letters = [c for c in text if c.isalpha()]
    lower = sum(c.islower() for c in letters)
    return len(letters) >= 20 and lower * 20 <= len(letters) and any(c.isupper() for c in letters)


def _cards(lines: Sequence[Line]) -> set[int]:
    """Both renderings of a headline printed twice within two lines, with the
    kicker over each when the card repeats it too."""
    out: set[int] = set()
    keys = [key(line.text) for line in lines]
    for i, k in enumerate(keys):
        if k not in keys[i + 1 : i + 1 + _CARD_REACH] or len(words(k)) < _CARD_MIN_WORDS:
            continue
        # A paragraph printed twice (a layout's mobile and desktop copies) keeps
        # its first copy through `repeated`; only a headline makes a card.
        if ends_sentence(lines[i].text):
            continue
        for j in range(i + 1, min(i + 1 + _CARD_REACH, len(lines))):
            between = range(i + 1, j)
            # Only a kicker may stand between the two renderings.
            if keys[j] != k or any(len(words(keys[b])) > _KICKER_MAX_WORDS for b in between):
                continue
            out.update((i, j, *between))
            if between and i > 0 and keys[i - 1] == keys[i + 1]:
                out.add(i - 1)
            if _is_card_summary(lines, j):
                out.add(j + 1)
            break
    return out


def _is_card_summary(lines: Sequence[Line], j: int) -> bool:
    """The line set tight under a card's last rendering that closes the card's block."""
    k = j + 1
    if k >= len(lines) or lines[k].gap or lines[k].number != lines[j].number + 1:
        return False
    block_ends = k + 1 == len(lines) or lines[k + 1].gap or lines[k + 1].number != lines[k].number + 1
    return block_ends and len(words(lines[k].text)) <= _SUMMARY_MAX_WORDS


def is_tagged_link(text: str) -> bool:
    return (
        text.endswith(("]", ")"))
        and len(text) <= _CAPS_MAX_CHARS
        and _MEDIA_TAG.search(text[-12:]) is not None
        and len(words(text)) >= 3
    )


def select(lines: Sequence[Line]) -> dict[int, str]:
    # card: a headline printed twice, its kicker and summary; caps_headline: a long
    # headline in capitals; tagged_link: a headline tagged as a link to a video or
    # gallery.
    out = dict.fromkeys(_cards(lines), "card")
    for i, line in enumerate(lines):
        if i in out:
            continue
        if is_caps_headline(line.text):
            out[i] = "caps_headline"
        elif is_tagged_link(line.text):
            out[i] = "tagged_link"
    return dict(sorted(out.items()))


TEASERS = Filter(
    "teasers",
    "teaser cards with no header: a headline printed twice in a row, long capitalised link headlines",
    select,
    examples=(
        "Business\nTribunal rules against the port operator\nBusiness\nTribunal rules against the port operator",
        "Tribunal rules against the port operator\nTribunal rules against the port operator\n"
        "The operator must pay back the fees it charged since 2015.\n\n= The port reopened on Monday.",
        "Wireless headphones review: our new favourite pair [Video]",
        "Así quedó la ciudad tras la tormenta (Fotos)",
        "City opens its first night market in decades\nCity opens its first night market in decades",
        "SINGER CLEARED TO PERFORM HITS AT AWARDS AMID FEUD WITH FORMER LABEL: REPORT",
        "A LONG, DRAWN OUT HISTORY OF THE BAND'S FEUDS WITH ITS LABEL",
        "SÄNGERIN DARF IHRE HITS BEI DER PREISVERLEIHUNG NUN DOCH SPIELEN",
        "Regierung beschließt neues Klimapaket für die Städte\nPolitik\nRegierung beschließt neues Klimapaket für die Städte",
    ),
    counterexamples=(
        "WHAT YOU NEED TO MAKE BREAD",
        "WHO WILL PAY FOR THE NEW BRIDGE?",
        "THE END OF THE ROAD FOR THE OLD FACTORY IN OUR TOWN.",
        "“NO! NO! NO!” THE CROWD SHOUTED AS THE VERDICT WAS READ OUT.",
        "The vote was close.\nThe count went on into the night.\nThe vote was close.",
        "Nobody knew what would happen next.\nNo.\nNobody knew what would happen next, she said.",
        "Yes.\nYes.",
        "The council voted to close the road on Saturdays.\nThe council voted to close the road on Saturdays.",
        "The council released the footage of the meeting (video).",
        "The mayor said the footage [video] would be released.",
        "LE GOUVERNEMENT ANNONCE UN PLAN",
        "ACME    ACME HOLDINGS INC.     42.10   -0.85   -1.98%",
    ),
    rules=("card", "caps_headline", "tagged_link"),
)
