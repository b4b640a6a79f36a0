"""Caption and gallery residue, photo credits.

Galleries flatten to "Image 1 of 23", "Caption", "Close", "Back to Gallery"; photos
leave credit lines ("Photo: Jane Doe, AP", "Jane Doe/Daily Bugle/Getty Images")
and captions that end in a credit "(AP Photo/Alan Diaz, File)", "© Reuters / Jane
Doe", ". Getty Images". A bare credit line also takes its caption: the credit may
sign the caption from below or from above, or sit glued under it as a short name.
A gallery's repeated headline between two pieces of gallery residue goes with them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lines import Line
from .base import Filter, ends_sentence, is_bullet, key, labels, pattern, unbullet, words

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
    r"fotogallery|fotogalerie|fotogalería|fotogaleria|galeri foto|listen to (?:this )?article|listen to this story",
    r"(?:simak|tonton) video(?: berikut(?: ini)?)?|show (?:more|less)|read less",
)
# "Photo: Name", "Photo by Name", "Image credit: X", "Foto: dpa", "Фото@handle".
_CREDIT = pattern(
    r"^[(\[]?(?:(?:file |stock |main |top |header |featured |cover )?"
    r"(?:photo|photograph|photos|image|images|picture|pic|credit|credits|illustration|graphic|"
    r"video|source|foto|fotos|bild|quelle|crédit|crédits|crédito|créditos|fonte|fuente|"
    r"zdjęcie|sumber|фото|источник)"
    r"(?: (?:illustration|credit|courtesy|source|photo))?s?\s*(?::|by\b|courtesy\b|credit\b|©|/|\||—|-|@|\.\.\.|…))",
    re.IGNORECASE,
)
# A caption line announced as one: "Image caption Police at the scene" (the BBC's
# layout), "Legenda: ...". Only the label at the start of the line counts.
_CAPTION_LABEL = pattern(
    r"^(?:(?:image|media|photo|video) caption|caption:|bildunterschrift:|légende\s?:|pie de foto:|"
    r"legenda:|didascalia:|bijschrift:|podpis zdjęcia:|keterangan foto:|подпись к фото:)\s*\S",
    re.IGNORECASE,
)
# A caption that ends with its credit: "... (AP Photo/Alan Diaz, File)", "... Photo:
# Jane Doe", "... Credit: NASA", "... © Reuters / Jane Doe", "... Jane Doe / AP file".
_TRAILING_CREDIT = pattern(
    r"\((?:AP|AFP|Reuters|EPA|Getty|dpa|Photo|Foto|Image|Picture|Credit|File|Courtesy)\b[^()]{0,80}\)\s*$"
    r"|(?:Photo|Foto|Image|Picture|Credit|Image credit|Photo credit): [^.]{2,60}$"
    r"|©\s?[^\s©.][^©.]{0,60}$"
    r"| / (?:AP|AFP|Reuters|Getty Images|EPA|dpa|Bloomberg|Shutterstock)(?: [Ff]ile)?$"
)
_TAIL_CHARS = 120  # every trailing credit above fits in the line's last characters
# A caption whose credit follows its last full stop: "... in 2019. Getty Images".
# Risk: a line that ends on a capitalised fragment with no full stop ("... at 10 a.m.
# Eastern Time"); article paragraphs end with punctuation, and time zones are spared.
_CREDIT_TAIL = pattern(r"[a-z0-9)”\"'][.!?] ([^\W\d_][\w'&.-]*(?: [^\W\d_][\w'&.-]*){0,3})$")
# A credit in brackets at the end, named by slashes: "( NASA/JPL-Caltech/ASU )".
_BRACKET_TAIL = pattern(r"\(([^()]{3,80})\)$")
# Agencies and picture libraries that sign credit lines.
_AGENCY = pattern(
    r"\b(?:getty images|getty|ap|afp|reuters|epa|shutterstock|istock|alamy|associated press|dpa|"
    r"anadolu|xinhua|efe|ansa|tass|picture alliance|imago|sipa|bloomberg|nasa)\b",
    re.IGNORECASE,
)
# Words that end a sentence-like line without being a credit ("... at 5 p.m. ET").
_NOT_A_CREDIT = frozenset("et pt ct gmt utc est edt cst cdt pst pdt bst cet cest jr sr inc ltd co corp".split())

_CAPTION_MAX_CHARS = 500
_BARE_MAX_WORDS = 10
_CAPTION_MAX_WORDS = 50
# Past 30 words, a third of the lines this rule took on the wide corpus were
# article text, under 30 about one in ten (benchmarks/rules.py --by-length
# media.credit); of those ending in a bracket, half.
_CREDITED_MAX_WORDS = 30


# The small words a credit may hold between names: "Photo illustration by Slate".
_CREDIT_JOINERS = frozenset("by and for of via from courtesy de da van von der di du la le y e".split())


def _names_only(text: str) -> bool:
    """Every word capitalised (or a mark such as ©, a handle, a joining word): how a
    credit names its source."""
    tokens = text.replace("/", " ").replace(",", " ").split()
    names = [t for t in tokens if t.casefold() not in _CREDIT_JOINERS and not _AGENCY.fullmatch(t)]
    # A bracket of figures ("(1,000/2,400)") names no one.
    return (any(t[0].isalpha() for t in tokens)
            and all(t[0].isupper() or not t[0].isalpha() for t in names))


def _has_trailing_credit(text: str) -> bool:
    return "FILE PHOTO" in text or _TRAILING_CREDIT.search(text[-_TAIL_CHARS:]) is not None


def _has_credit_tail(text: str) -> bool:
    # A caption is a sentence or two; a paragraph may end in a bracket or in
    # capitalised words too (every noun, in German). A credit named as one (a
    # credit word, an agency: _TRAILING_CREDIT) counts at any length.
    if len(words(text)) >= _CREDITED_MAX_WORDS:
        return False
    if text.endswith(")"):
        bracket = _BRACKET_TAIL.search(text[-_TAIL_CHARS:])
        return bool(bracket) and "/" in bracket.group(1) and _names_only(bracket.group(1))
    tail = None if ends_sentence(text) else _CREDIT_TAIL.search(text[-_TAIL_CHARS:])
    if tail and len(words(text)) >= 8:
        name = tail.group(1)
        return _names_only(name) and not any(w.casefold() in _NOT_A_CREDIT for w in words(name))
    return False


def _credit_rule(text: str) -> str | None:
    """The rule that takes the line on its own text: "caption" for a caption that
    announces itself, "credit" for a credit line or a caption that ends in its
    credit, "label" for gallery and player residue; None for any other line."""
    if len(text) > _CAPTION_MAX_CHARS:
        return None
    if _CAPTION_LABEL.match(text):
        return "caption"
    if _has_trailing_credit(text) or _has_credit_tail(text):
        return "credit"
    if len(text) > 160:
        return None
    if _LABELS.matches(key(text)):
        return "label"
    if _CREDIT.match(text) and len(words(text)) <= 25:
        return "credit"
    # "Jane Doe/Daily Bugle/Getty Images", "REUTERS/John Roe", "Jane Doe | Bloomberg"
    if len(words(text)) <= 8 and ("/" in text or "|" in text) and _AGENCY.search(text) is not None:
        return "credit"
    return None


def is_credit(text: str) -> bool:
    return _credit_rule(text) is not None


def _caption_like(line: Line) -> bool:
    return not is_bullet(line.text) and len(line.text) <= 300 and len(words(line.text)) >= 3


def _same_caption(a: str, b: str) -> bool:
    """Two renderings of one caption (a gallery's full and shortened copies)."""
    a, b = key(unbullet(a)), key(unbullet(b))
    return len(a) >= 40 and a[:60] == b[:60]


def _is_bare_credit(text: str) -> bool:
    """A credit with no caption text of its own: "Photo: Jane Doe, AP", "Jane Doe/Getty Images"."""
    if len(words(text)) > _BARE_MAX_WORDS or _LABELS.matches(key(text)):
        return False
    prefix = _CREDIT.match(text)
    if prefix:
        # "Фото@handle": the photographer's account name.
        return prefix.group().endswith("@") or _names_only(text[prefix.end():])
    return not _has_trailing_credit(text) and ("/" in text or "|" in text or _AGENCY.search(text) is not None)


def _is_glued_credit(lines: Sequence[Line], i: int) -> bool:
    """A source's name set tight under a caption, the pair standing apart:
    "Fires seen from orbit on Nov. 3, 2019." / "NASA Worldview".

    Risk: a one-sentence paragraph signed by a name on the next line (a reader's
    letter); a renderer that sets paragraphs apart with blank lines keeps that rare.
    """
    line, above = lines[i], lines[i - 1]
    if line.gap or not above.gap or len(line.text) > 60 or not _adjacent(lines, i - 1, i):
        return False
    return (
        (i + 1 == len(lines) or lines[i + 1].gap or not _adjacent(lines, i, i + 1))
        and 1 <= len(words(line.text)) <= 4
        and not ends_sentence(line.text)
        and _names_only(line.text)
        and ends_sentence(above.text)
        and 6 <= len(words(above.text)) <= 60
        and not is_bullet(above.text)
    )


def _adjacent(lines: Sequence[Line], i: int, j: int) -> bool:
    """Lines i and j stood next to each other in the input, nothing between them."""
    return i >= 0 and lines[j].number == lines[i].last + 1


def _signs_caption_below(lines: Sequence[Line], i: int) -> bool:
    """A bare credit opening a block of two signs the caption set tight under it:
    "Photo: Jane Doe/AP" over "Crowds outside the court on Monday."."""
    below = i + 1
    if below >= len(lines) or not _is_bare_credit(lines[i].text):
        return False
    opens_block = i == 0 or lines[i].gap or not _adjacent(lines, i - 1, i)
    closes_block = below + 1 == len(lines) or lines[below + 1].gap or not _adjacent(lines, below, below + 1)
    return (
        opens_block
        and closes_block
        and not lines[below].gap
        and _adjacent(lines, i, below)
        and _caption_like(lines[below])
        and len(words(lines[below].text)) <= _CAPTION_MAX_WORDS
    )


def _is_gallery_headline(line: Line) -> bool:
    n = len(words(line.text))
    return 3 <= n <= 20 and not ends_sentence(line.text) and not is_bullet(line.text)


def select(lines: Sequence[Line]) -> dict[int, str]:
    out: list[int] = []
    rules: dict[int, str] = {}  # a line two rules take stays with the first

    def take(i: int, rule: str) -> None:
        out.append(i)
        rules.setdefault(i, rule)

    for i, line in enumerate(lines):
        taken = out[-1:] == [i - 1]
        rule = _credit_rule(line.text)
        if rule is not None:
            # A bare credit set right under a short line signs that line as a caption,
            # and a second rendering of the same caption above it goes too. A blank
            # line or anything else between them and the line above is a paragraph.
            if not taken and _adjacent(lines, i - 1, i) and _is_bare_credit(line.text) and _caption_like(lines[i - 1]):
                if _adjacent(lines, i - 2, i - 1) and _same_caption(lines[i - 2].text, lines[i - 1].text):
                    take(i - 2, "signed_caption")
                take(i - 1, "signed_caption")
            elif _signs_caption_below(lines, i):
                take(i + 1, "signed_caption")
            take(i, rule)
        elif i > 1 and _is_glued_credit(lines, i):
            if not taken:
                take(i - 1, "signed_caption")
            take(i, "glued_credit")
    # The gallery's own headline, caught between two pieces of its residue.
    chosen = set(out)
    for i in range(1, len(lines) - 1):
        if i - 1 in chosen and i + 1 in chosen and i not in chosen and _is_gallery_headline(lines[i]):
            chosen.add(i)
            rules[i] = "gallery_headline"
    return {i: rules[i] for i in sorted(chosen)}


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
        "Фото@janedoe",
        "Credit...Jane Doe for The Daily Bugle",
        "Crédit photo : Jean Dupont",
        "Listen to this article",
        "Fotogallery",
        "Simak video berikut ini",
        "Jane Doe | Bloomberg | Getty Images",
        "Image caption Police at the scene on Tuesday night",
        "Media caption Who is the new prime minister?",
        "Legenda: Manifestantes em frente ao Congresso",
        "A cyclist rides past the closed plant on Tuesday. © Reuters / Jane Doe",
        "Jane Doe waves to supporters in Leeds on March 3, 2021. John Smith / AP file",
        "A map of the planned rail line through the valley. ( City/Transit Authority )",
        "A stock image of a woman reading a newspaper on a train. Getty Images",
        "Tunnels under the old town, photos © Jane Doe, 2018",
        "Fires burn on the outskirts of the city on Nov. 3, 2019.\nPhoto: Jane Doe, AP",
        "* Fires burn on the outskirts of the city on Nov. 3, 2019, as crews work. less\n"
        "Fires burn on the outskirts of the city on Nov. 3, 2019, as crews ... more\nPhoto: Jane Doe, AP",
        "= The council voted on Monday to close the road.\n\nSmoke hangs over the city on Nov. 3, 2019.\n"
        "City Archive\n\n= The vote was 7 to 2.",
        "Photo: Jane Doe, AP\nCity council approves the new budget\n1 / 5\nBack to Gallery",
        "Jane Doe at the festival in 1987.\nPhoto illustration by Daily Bugle. Photo by John Smith.",
        "Модель на показе в Париже\nФото@janedoe",
        "Photo: Jane Doe/AP\n\n= Protesters gathered outside the town hall on Monday.\n\n= The vote was 7 to 2.",
        "= The council met on Monday.\n\nPhoto: Jane Doe/AP\nProtesters gather outside the town hall on Monday.\n\n= The vote was 7 to 2.",
        "= Der Rat tagte am Montag.\n\nFoto: Anna Schmidt/dpa\nDemonstranten vor dem Rathaus am Montag.\n\n= Die Abstimmung endete 7 zu 2.",
    ),
    counterexamples=(
        "The photo was taken in 1987, the museum said.",
        "Close to 300 people were evacuated from the building.",
        "Getty Images said it would appeal the ruling.",
        "Video footage showed the suspect fleeing the scene on foot.",
        "The meeting ended at 5 p.m. ET",
        "Dr. Jane Doe",
        "The vote was 7 to 2.\nThe council will meet again on Monday, the mayor said after the session.",
        "The proposal passed with the support of the city’s Labour and Green councillors.\nThe End",
        "© is the copyright sign.",
        "He called the result a 50/50 split (Democrats/Republicans), not a mandate.",
        "The firm, founded in 1999, now employs 300 people. Its chief executive is Jane Doe",
        "Many people came to the meeting on Monday. Even the mayor. Including Jane Doe.",
        "Batch 14 of the cheese failed the bacteria test (100/2400)",
        "样品二 菌落总数 cfu/g (≤1000/5600)",
    ),
    # caption: a caption announced as one ("Image caption ..."); credit: a credit
    # line, or a caption that ends in its credit; label: gallery and player residue;
    # signed_caption: a caption known by the bare credit set against it;
    # glued_credit: a source's name set tight under a caption; gallery_headline: a
    # headline caught between two pieces of gallery residue.
    rules=("caption", "credit", "label", "signed_caption", "glued_credit", "gallery_headline"),
)
