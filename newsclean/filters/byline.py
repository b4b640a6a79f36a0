"""Bylines, datelines and timestamps, contributor and contact lines.

They are taken out of the body; the JSON result still lists them under `removed`.
A byline without "By" is known by the timestamp set right under it: "Jane Doe,
Daily Bugle" over "Published 9:40 AM EST Mar 3, 2020".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lines import Line
from .base import Filter, ends_sentence, key, labels, pattern, words

# "By Jane Doe", "Von Max Muster", "Par Jean Dupont", "Por ...", "Di ...", "Door ...",
# "Oleh ...", "Автор: ..." - short, and ends no sentence.
_BY = pattern(
    r"^(?:by|written by|words by|story by|von|par|por|di|door|oleh|autor|auteur|autore|author|"
    r"автор|текст|reporting by|writing by|editing by|additional reporting by|compiled by)\b:?\s+\S",
    re.IGNORECASE,
)
_CONTRIBUTED = pattern(r"\bcontributed (?:reporting|to this (?:report|story|article))\b|^reporting by\b", re.IGNORECASE)
_STAMP = pattern(
    r"^(?:published|updated|posted|last updated|last modified|first published|modified|created|"
    r"zuletzt (?:aktualisiert|geändert)|dernière mise à jour|última (?:actualización|atualização)|"
    r"ultimo aggiornamento|laatst bijgewerkt|ostatnia aktualizacja|terakhir diperbarui|последнее обновление|"
    r"veröffentlicht|aktualisiert|stand|publié|mis à jour|publicado|actualizado|atualizado|"
    r"pubblicato|aggiornato|gepubliceerd|bijgewerkt|opublikowano|zaktualizowano|aktualizacja|"
    r"diterbitkan|diperbarui|dipublikasikan|опубликовано|обновлено)\b",
    re.IGNORECASE,
)
_AGO = pattern(
    r"^(?:\d+|an?|one) (?:second|minute|hour|day|week|month|year)s? ago$|^vor \d+ \w+$|^il y a \d+ \w+$|"
    r"^hace \d+ \w+$|^há \d+ \w+$|^\d+ \w+ fa$|^\d+ \w+ geleden$|^\d+ \w+ temu$|^\d+ \w+ (?:yang )?lalu$|"
    r"^\d+ \w+ назад$",
    re.IGNORECASE,
)
_DATE_WORDS = frozenset(
    """
    jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july
    august september october november december mon tue wed thu fri sat sun monday tuesday
    wednesday thursday friday saturday sunday am pm a p m at on est edt cst cdt pst pdt gmt st nd rd th
    utc bst cet cest et pt ct ist jst aest
    januar februar märz april mai juni juli oktober dezember montag dienstag mittwoch donnerstag
    freitag samstag sonntag um uhr
    janvier février mars avril juin juillet août septembre octobre novembre décembre lundi mardi
    mercredi jeudi vendredi samedi dimanche le à h
    enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
    lunes martes miércoles jueves viernes sábado domingo de del las a hs
    janeiro fevereiro março maio junho julho setembro outubro dezembro segunda terça quarta
    quinta sexta feira sábado domingo às
    gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre lunedì martedì
    mercoledì giovedì venerdì sabato domenica alle ore il
    januari februari maart mei augustus oktober maandag dinsdag woensdag donderdag vrijdag
    zaterdag zondag om uur
    stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada
    grudnia poniedziałek wtorek środa czwartek piątek sobota niedziela o godz
    mei agustus desember senin selasa rabu kamis jumat sabtu minggu pukul wib wita wit
    января февраля марта апреля мая июня июля августа сентября октября ноября декабря
    понедельник вторник среда четверг пятница суббота воскресенье в г года
    """.split()
)
_DATE_TOKEN = pattern(r"[^\W\d_]+\.?|\d+")
# A reporter's address on a line of its own: an e-mail, a social-network profile or
# a handle. A bare web link stays: articles list sources and product links that way.
_CONTACT_ADDRESS = pattern(
    r"^(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@\w{2,30}|(?:https?://)?(?:www\.)?"
    r"(?:twitter|x|facebook|instagram|linkedin|threads|tiktok|bsky)\.(?:com|net|app)/(?:in/)?@?[\w.-]{2,40}/?)$",
    re.IGNORECASE,
)
_CONTACT = pattern(
    r"\b(?:may be reached at|can be reached at|email (?:him|her|them|me) at|follow (?:him|her|them|me) on|"
    r"reach (?:the (?:reporters?|writers?|authors?)|him|her|them|me) (?:at|on|by|via)|"
    r"contact (?:the (?:reporters?|writers?|authors?)|him|her|them) (?:at|on|by|via)|"
    r"(?:erreichen|kontaktieren) sie (?:den autor|die autorin|ihn|sie) (?:unter|per|auf)|"
    r"(?:contacter|joindre) (?:l'auteur|l’auteur|la rédaction) (?:à|par|sur)|"
    r"(?:contacta|escribe) (?:al autor|a la autora) (?:en|a través de)|"
    r"(?:fale com|contate) (?:o autor|a autora) (?:em|pelo|por)|"
    r"(?:contatta|scrivi a) (?:l'autore|l’autore) (?:a|su)|"
    r"(?:mail|bereik) (?:de auteur|de schrijver) (?:op|via)|"
    r"(?:skontaktuj się z autorem|napisz do autora) (?:pod|na|przez)|"
    r"hubungi penulis (?:di|melalui)|связаться с автором (?:можно )?(?:по|через))\b",
    re.IGNORECASE,
)
# A word every contact line holds: lines without one skip the pattern.
_CONTACT_HINTS = (
    "reach", "mail", "follow", "contact", "erreichen", "kontaktieren", "joindre", "escribe", "fale com",
    "contate", "scrivi", "bereik", "skontaktuj", "napisz", "hubungi", "связаться",
)
# The author's note at the end: "Jane Doe (jane@example.com) is a senior writer at ...".
_EMAIL = pattern(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_BIO = pattern(
    r"\b(?:is|was) (?:an?|the) (?:[\w-]+ ){0,3}(?:writer|reporter|editor|correspondent|columnist|journalist|"
    r"contributor|author|publisher|producer|photographer)\b",
    re.IGNORECASE,
)


# An author's name beside the date, as teaser cards and post headers print them:
# "Jane Doe 2019-11-20 17:27", "20 Nov 2019 | Jane Doe". Names are capitalised words.
_NAME_FIRST = pattern(r"^[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|de|da|van|von|der|di|le|la|del|dos)){1,3}[\s,|·•–—-]+")
_NAME_LAST = pattern(r"[\s,|·•–—-]+(?:[A-Z][\w'’.-]*|de|da|van|von|der|di|le|la|del|dos)(?: (?:[A-Z][\w'’.-]*|de|da|van|von|der|di|le|la|del|dos)){0,2} [A-Z][\w'’.-]*$")


_FULL_DATE = pattern(r"\d{4}-\d\d-\d\d|\d\d?[./]\d\d?[./]\d{2,4}|\d\d?:\d\d|\d\d?\.? [^\W\d_]{3,}|[^\W\d_]{3,}\.? \d\d?\b")


def _is_full_date(text: str) -> bool:
    """A date with a day in it, not a bare year: "2019-11-20", "20 Nov 2019", "17:27"."""
    return is_date_line(text) and _FULL_DATE.search(text) is not None


def _is_name_and_date(text: str) -> bool:
    first = _NAME_FIRST.match(text)
    if first and _is_full_date(text[first.end():]):
        return True
    if not text[0].isdigit():
        return False
    last = _NAME_LAST.search(text)
    return last is not None and last.start() > 0 and _is_full_date(text[: last.start()])


def is_date_line(text: str) -> bool:
    tokens = _DATE_TOKEN.findall(text.casefold())
    if not tokens or len(tokens) > 12:
        return False
    digits = sum(t.isdigit() for t in tokens)
    return digits > 0 and all(t.isdigit() or t.rstrip(".") in _DATE_WORDS for t in tokens)


def _is_stamp_rest(rest: str) -> bool:
    """What follows "Published"/"Updated": a date, a time, "3 hours ago"."""
    rest = rest.strip(" :-–—,")
    if not rest:
        return True
    if is_date_line(rest) or _AGO.match(key(rest)):
        return True
    return len(words(rest)) <= 6 and any(c.isdigit() for c in rest) and not ends_sentence(rest)


_DATE_JOINT = pattern(r" (?:on|at|am|le|el|em|il|op|w|pada|в) |, | [|·•–—-] ")


def _ends_in_date(text: str) -> bool:
    """The line closes with a date after "on", a comma or a bar: "By Jane Doe on Monday, May 4"."""
    return any(_is_full_date(text[m.end():]) for m in _DATE_JOINT.finditer(text))


def _byline_rule(text: str) -> str | None:
    """The rule that takes the line on its own text (see BYLINE's rules), or None."""
    n = len(words(text))
    by = _BY.match(text) is not None
    if by and n <= 12 and not ends_sentence(text):
        return "by"
    if by and n <= 30 and _ends_in_date(text):
        return "by"  # "By Ann Lee on Friday, 3 May 2024 at 9:15 a.m."
    if " | " in text and n <= 30:
        # "Published: 08:15, Mar 2, 2020 | Updated: 11:02, Mar 2, 2020": the first
        # part's rule, when every part is a byline.
        first, *rest = text.split(" | ")
        rule = _byline_rule(first) if first.strip() else None
        if rule is not None and all(part.strip() and is_byline(part) for part in rest):
            return rule
    if by and n <= 30 and ";" in text and " by " in text.casefold():
        return "by"  # "Reporting by A; Editing by B"
    low = text.casefold()
    if n <= 30 and ("contributed" in low or low.startswith("reporting by")) and _CONTRIBUTED.search(text):
        return "by"
    stamp = _STAMP.match(text)
    if stamp and _is_stamp_rest(text[stamp.end():]):
        return "timestamp"
    if _AGO.match(key(text)):
        return "timestamp"
    if _CONTACT_ADDRESS.match(text):
        return "contact"
    if n <= 40 and any(map(low.__contains__, _CONTACT_HINTS)) and _CONTACT.search(text):
        return "contact"
    if "@" in text and n <= 60 and _EMAIL.search(text) and _BIO.search(text):
        return "author_note"
    if n <= 14:
        if is_date_line(text):
            return "timestamp"
        if _is_name_and_date(text):
            return "name_date"
    return None


def is_byline(text: str) -> bool:
    return _byline_rule(text) is not None


_MAX_CHARS = 250
# The author box's header.
_ABOUT_AUTHOR = labels(
    r"about the authors?|about the writer|über den autor|über die autorin|à propos de l'auteur|sobre el autor|"
    r"sobre la autora|sobre o autor|sull'autore|over de auteur|o autorze|tentang penulis|об авторе",
)
# The author's note closing the story: "Jane Doe is a reporter for the Daily Bugle."
# Risk: a story about a reporter ending on who she is; hence only the last lines, a
# name first and the present tense ("She was a reporter ..." in an obituary stays).
_BIO_LINE = pattern(
    r"^(?!(?i:he|she|they|it|this|that|his|her|their|its|the|er|sie|es|il|elle|él|ella|ele|ela|lui|lei|hij|zij|"
    r"on|ona|dia|он|она) )"
    r"[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,3} "
    r"(?:is (?:an?|the)|ist|est|es|é|è|jest|adalah|—) (?:[\w-]+ ){0,4}"
    r"(?i:writer|reporter|editor|correspondent|columnist|journalist|contributor|author|producer|photographer|"
    r"redakteur|redakteurin|journalistin|korrespondent|korrespondentin|autorin|"
    r"journaliste|rédacteur|rédactrice|correspondant|correspondante|"
    r"periodista|redactor|redactora|corresponsal|jornalista|repórter|redator|redatora|correspondente|"
    r"giornalista|redattore|redattrice|corrispondente|verslaggever|redacteur|"
    r"dziennikarzem|dziennikarką|reporterem|redaktorem|korespondentem|jurnalis|wartawan|penulis|"
    r"журналист|корреспондент|редактор|обозреватель)s?\b"
)
_BIO_MAX_WORDS = 40

_TAIL = 3  # an author's note sits among the last lines


def _is_bio(text: str) -> bool:
    return text[:1].isupper() and len(words(text)) <= _BIO_MAX_WORDS and _BIO_LINE.match(text) is not None
_AUTHOR_MAX_WORDS = 7
_AUTHOR_JOINERS = frozenset("and und et y e en i и dan de da van von der di du la le".split())


def _is_author_line(text: str) -> bool:
    """Names only: "Jane Doe", "Jane Doe and John Roe, Daily Bugle"."""
    tokens = [w for w in words(text) if w.casefold() not in _AUTHOR_JOINERS]
    return (
        2 <= len(tokens) <= _AUTHOR_MAX_WORDS
        and not ends_sentence(text)
        and all(t[0].isupper() and not any(c.isdigit() for c in t) for t in tokens)
    )


def select(lines: Sequence[Line]) -> dict[int, str]:
    bios = {i for i in range(max(0, len(lines) - _TAIL), len(lines)) if len(lines[i].text) <= _MAX_CHARS and _is_bio(lines[i].text)}
    out: dict[int, str] = {}
    for i, line in enumerate(lines):
        if len(line.text) <= _MAX_CHARS:
            rule = _byline_rule(line.text)
            if rule is None and _ABOUT_AUTHOR.matches(key(line.text)):
                rule = "author_note"
            if rule is not None:
                out[i] = rule
    for i in bios:
        out.setdefault(i, "author_note")
    for i in sorted(out):
        above = i - 1
        if above < 0 or above in out or lines[i].number != lines[above].last + 1:
            continue
        # The author's name ("Jane Doe", "About Jane Doe") over a timestamp or over
        # the author's note.
        if (_STAMP.match(lines[i].text) or i in bios) and _is_author_line(lines[above].text):
            out[above] = "author_name"
    return dict(sorted(out.items()))


BYLINE = Filter(
    "byline",
    "bylines, datelines, timestamps, contributor, contact and author-note lines (reported in JSON)",
    select,
    examples=(
        "Zuletzt aktualisiert am 14.05.2024",
        "Aggiornato il 2 aprile 2024 alle 8:40",
        "By Jane Doe",
        "Published 11:11 PM EST Nov 19, 2019",
        "Updated 3 hours ago",
        "Updated at 1:23 p.m.",
        "20 Nov, 2019 05:47",
        "November 20, 2019",
        "quinta-feira, 14 de março de 2019 às 09:41",
        "Reporting by Jane Doe; Editing by John Smith",
        "Keith Smith contributed reporting from Hong Kong.",
        "Von Anna Schmidt",
        "Par Jean Dupont",
        "Publié le 3 mars 2020 à 10h",
        "Actualizado: 12 de marzo de 2020",
        "22 listopada 2019",
        "Diperbarui 3 jam yang lalu",
        "12 ноября 2019, 14:35",
        "jane.doe@example.com",
        "twitter.com/janedoe",
        "@janedoe",
        "Reach the reporter on Twitter at http://twitter.com/janedoe",
        "Jane Doe (jane@example.com) is a senior writer at The Daily Bugle.",
        "Marco De Luca 2019-11-20 17:27:46",
        "Jane Doe and John Roe, Daily Bugle\nPublished 9:40 AM EST Mar 3, 2020",
        "Anna Schmidt\nVeröffentlicht am 20.11.2019",
        "By Jane Doe on Tuesday, 3 March 2020 at 9:15 a.m.",
        "PUBLISHED: 08:15, Mon, Mar 2, 2020 | UPDATED: 11:02, Mon, Mar 2, 2020",
        "About the author",
        "Über den Autor",
        "À propos de l'auteur",
        "Sobre el autor",
        "= The bridge will reopen in March, the council said.\nJane Doe is a freelance writer living in Leeds.",
        "= The bridge will reopen in March.\n\nJane Doe\nJane Doe is a reporter for the Daily Bugle.",
        "= Die Brücke wird im März wieder geöffnet.\n\nÜber Anna Schmidt\nAnna Schmidt ist Redakteurin im Ressort Lokales.",
        "= Die Brücke wird im März wieder geöffnet.\nAnna Schmidt ist Redakteurin im Ressort Wirtschaft.",
        "= Le pont rouvrira en mars.\nJean Dupont est journaliste au service politique.",
        "= El puente reabrirá en marzo.\nAna García es periodista especializada en economía.",
        "= Мост откроют в марте.\nИван Петров — корреспондент отдела экономики.",
        "Par Jean Dupont le 3 mars 2020 à 10h",
        "Publié le 3 mars 2020 | Mis à jour le 4 mars 2020",
        "Erreichen Sie die Autorin unter anna.schmidt@example.de",
        "Contactez la rédaction : pour joindre l'auteur par courriel, écrivez à jean@example.fr",
        "2019-11-20 12:57:32 Marco De Luca",
        "Jane Doe | November 20, 2019",
        "Anna Schmidt, 20. November 2019",
    ),
    counterexamples=(
        "Il 2 aprile 2024 il consiglio comunale ha approvato il bilancio.",
        "By the end of the year, the company had hired 300 people.",
        "Updated figures released on Monday showed inflation at 2.1%.",
        "On March 3, 2020, the city declared an emergency.",
        "Por primera vez en diez años, el desempleo bajó del 10%.",
        "http://example.com/2019/11/report.html",
        "www.example.com.br",
        "Readers can reach the helpline at 0800 123 456, the council said.",
        "Apple Park 2019",
        "By the end of the day on Monday, May 4, 2020, the vote was done.",
        "The paper closed in 2009.\nShe was a reporter for the Gazette for 30 years.",
        "The paper closed in 2009.\nShe is a reporter for the Gazette now.",
        "Die Zeitung wurde 2009 eingestellt.\nSie ist Redakteurin bei einem Radiosender.",
        "Le journal a fermé en 2009.\nElle est journaliste à la radio.",
        "Jane Doe is a reporter for the Daily Bugle, and she broke the story in 2019.\n"
        "Her editors backed her.\nThe paper won an award.\nThe council apologised.",
        "Council Meeting\nMarch 3, 2020 is the date set for the vote.",
        "Chapter Two 1984",
        "The Big Game 2019-20",
    ),
    # by: a line crediting the writers ("By Jane Doe", "Reporting by ...", "...
    # contributed reporting"); timestamp: a date, a time or "Updated 3 hours ago";
    # name_date: an author's name beside a date; contact: a reporter's address or
    # how to reach them; author_note: the author box's header or the note on who
    # the author is; author_name: a name set over a timestamp or an author's note.
    rules=("by", "timestamp", "name_date", "contact", "author_note", "author_name"),
)
