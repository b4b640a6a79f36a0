"""Caption and gallery residue, photo credits.

Galleries flatten to "Image 1 of 23", "Caption", "Close", "Back to Gallery"; photos
leave credit lines ("Photo: Jane Doe, AP", "Sakib Ali/Hindustan Times/Getty Images")
and captions that end in a credit "(AP Photo/Alan Diaz, File)". A credit line also
takes the caption line right above it when that line is short.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..lines import Line
from .base import Filter, is_bullet, key, labels, words

_LABELS = labels(
    r"captions?|close|close gallery|back to gallery|gallery|photo gallery|photos?|pictures?|images?|videos?",
    r"watch|play|play video|watch video|watch now|enlarge|expand|view gallery|view image|open gallery",
    r"view (?:all )?\d+ (?:photos|images)|\d+ (?:photos|images|pictures)|hide caption|toggle caption",
    r"media playback is (?:unsupported|not supported) on your device|image copyright .{1,60}|image caption",
    r"getty(?: images)?|shutterstock|istock(?:photo)?|alamy|ap|afp|reuters|epa|dpa|file photo|stock photo",
    r"(?:image|photo|slide|picture) \d+ (?:of|/) \d+|\d+ (?:of|/) \d+|image \d+ of / \d+",
    r"foto|fotos|bild|bilder|bildergalerie|galerie|galería|galeria|galleria|legenda|didascalia",
    r"bijschrift|podpis|zdjęcie|zdjęcia|keterangan foto|фото|видео|галерея|фотогалерея",
    r"vergrößern|agrandir|ampliar|ingrandisci|vergroten|powiększ|perbesar|увеличить",
)
# "Photo: Name", "Photo by Name", "Image credit: X", "Foto: dpa", "© Reuters / Name".
_CREDIT = re.compile(
    r"^[(\[]?(?:(?:file |stock |main |top |header |featured |cover )?"
    r"(?:photo|photograph|photos|image|images|picture|pic|credit|credits|illustration|graphic|"
    r"video|source|foto|fotos|bild|quelle|crédit|crédits|crédito|créditos|fonte|fuente|"
    r"zdjęcie|sumber|фото|источник)"
    r"(?: (?:illustration|credit|courtesy|source))?s?\s*(?::|by\b|courtesy\b|credit\b|©|/|\||—|-))",
    re.IGNORECASE,
)
# A caption that ends with its credit in brackets: "... (AP Photo/Alan Diaz, File)".
_TRAILING_CREDIT = re.compile(
    r"\((?:AP|AFP|Reuters|EPA|Getty|dpa|Photo|Foto|Image|Picture|Credit|File|Courtesy)\b[^()]{0,80}\)\s*$"
    r"|(?:Photo|Foto|Image|Picture)(?: credit)?: [^.]{2,60}$|\bFILE PHOTO\b"
)
# Agencies and picture libraries that sign credit lines.
_AGENCY = re.compile(
    r"\b(?:getty images|getty|ap|afp|reuters|epa|shutterstock|istock|alamy|associated press|dpa|"
    r"anadolu|xinhua|efe|ansa|tass|picture alliance|imago|sipa|bloomberg|nasa)\b",
    re.IGNORECASE,
)


def is_credit(text: str) -> bool:
    if len(text) > 160:
        return False
    if _LABELS.fullmatch(key(text)):
        return True
    if _CREDIT.match(text) and len(words(text)) <= 25:
        return True
    if _TRAILING_CREDIT.search(text):
        return True
    # "Sakib Ali/Hindustan Times/Getty Images", "REUTERS/Brendan McDermid"
    return len(words(text)) <= 8 and "/" in text and _AGENCY.search(text) is not None


def _caption_like(line: Line) -> bool:
    return not is_bullet(line.text) and len(line.text) <= 300 and len(words(line.text)) >= 3


def select(lines: Sequence[Line]) -> list[int]:
    out: list[int] = []
    for i, line in enumerate(lines):
        if is_credit(line.text):
            # A bare agency/photographer line right below a short line signs that
            # line as a caption. Only for a credit with no caption text of its own.
            if out[-1:] != [i - 1] and i > 0 and _is_bare_credit(line.text) and _caption_like(lines[i - 1]):
                out.append(i - 1)
            out.append(i)
    return out


def _is_bare_credit(text: str) -> bool:
    return len(words(text)) <= 8 and (_CREDIT.match(text) is not None or "/" in text or _AGENCY.search(text) is not None) \
        and _TRAILING_CREDIT.search(text) is None and _LABELS.fullmatch(key(text)) is None


MEDIA = Filter(
    "media",
    "caption and gallery residue, photo credits: Photo: Jane Doe, AP; Image 1 of 23; Close",
    select,
    examples=(
        "Photo: Jane Doe, AP",
        "Image 1 of 23",
        "Caption",
        "Close",
        "Back to Gallery",
        "Media playback is unsupported on your device",
        "Image copyright Getty Images",
        "1 / 23",
        "Crowds gather outside the court on Monday.\nJohn Smith/Getty Images",
        "A worker loads boxes into a truck in Miami. (AP Photo/Alan Diaz, File)",
        "FILE PHOTO: Traders work on the floor of the exchange.",
        "Foto: dpa",
        "Bildergalerie",
        "Фото: РИА Новости",
    ),
    counterexamples=(
        "The photo was taken in 1987, the museum said.",
        "Close to 300 people were evacuated from the building.",
        "Getty Images said it would appeal the ruling.",
        "Video footage showed the suspect fleeing the scene on foot.",
    ),
)
