"""Teaser cards left between paragraphs with no header over them.

A link card renders its headline twice, once for the picture's link and once for
the text's, often under a section kicker ("Business" / "Headline" / "Business" /
"Headline") and over a one-line summary set tight under it; an article never
prints a headline twice in a row.

Headlines in capitals and headlines tagged "[Video]" are not taken: on the wide
corpus most such lines were the article's own subheadings and media notes
(benchmarks/rules.py), and the scorer judges them in a whole page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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
    if k >= len(lines) or lines[k].gap or lines[k].number != lines[j].last + 1:
        return False
    block_ends = k + 1 == len(lines) or lines[k + 1].gap or lines[k + 1].number != lines[k].last + 1
    return block_ends and len(words(lines[k].text)) <= _SUMMARY_MAX_WORDS


def select(lines: Sequence[Line]) -> dict[int, str]:
    # card: a headline printed twice, its kicker and summary.
    return dict.fromkeys(sorted(_cards(lines)), "card")


TEASERS = Filter(
    "teasers",
    "teaser cards with no header: a headline printed twice in a row, with its kicker and summary",
    select,
    examples=(
        "Business\nTribunal rules against the port operator\nBusiness\nTribunal rules against the port operator",
        "Tribunal rules against the port operator\nTribunal rules against the port operator\n"
        "The operator must pay back the fees it charged since 2015.\n\n= The port reopened on Monday.",
        "City opens its first night market in decades\nCity opens its first night market in decades",
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
        "SINGERS CLEARED TO PERFORM AT THE AWARDS AFTER A LONG DISPUTE",
        "Wireless headphones review: our new favourite pair [Video]",
    ),
    rules=("card",),
)
