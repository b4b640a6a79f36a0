"""View, share, comment and like counters and reading-time notes.

They sit under headlines as bare numbers ("0 2,736") or a number with a unit
("858 shares", "1.2K views", "5 min read"). A line qualifies only when every word
on it is a number or a counter word, so a sentence that mentions shares stays.
"""

from __future__ import annotations

import re

from .base import line_filter, pattern

# Counter nouns, in the languages newsclean covers (en de fr es pt it nl pl id ru).
_UNITS = frozenset(
    """
    view views share shares comment comments like likes read reads reaction reactions
    reply replies retweet retweets vote votes follower followers fan fans pin pins
    tweet tweets point points clap claps recommend recommends heart hearts
    min mins minute minutes read reading time
    aufruf aufrufe ansicht ansichten kommentar kommentare leser lesezeit minute minuten min
    vue vues partage partages commentaire commentaires lecture lu lecteurs temps de
    visita visitas vista vistas comentario comentarios compartido compartidos lectura tiempo
    minuto minutos leído leídos
    visualização visualizações comentário comentários compartilhamento compartilhamentos
    leitura lido
    visualizzazione visualizzazioni commento commenti condivisione condivisioni lettura tempo
    di minuti letture
    weergave weergaven reactie reacties gedeeld leestijd minuut minuten keer bekeken
    wyświetlenie wyświetlenia wyświetleń komentarz komentarze komentarzy udostępnienie
    udostępnienia udostępnień czas czytania minuty minut
    dilihat kali dibaca komentar dibagikan menit baca waktu
    просмотр просмотра просмотров комментарий комментария комментариев репост репоста
    репостов минута минуты минут мин чтения время лайк лайка лайков
    """.split()
)
_NUMBER = pattern(r"\d+(?:[.,]\d+)*[kmb]?|[kmb]", re.IGNORECASE)
_TOKEN = pattern(r"[^\W_]+(?:[.,]\d+)*", re.UNICODE)


def is_counter(text: str) -> bool:
    tokens = _TOKEN.findall(text.casefold())
    if not tokens or len(tokens) > 8:
        return False
    has_number = False
    for t in tokens:
        if _NUMBER.fullmatch(t):
            has_number = True
        elif t not in _UNITS:
            return False
    return has_number


COUNTERS = line_filter(
    "counters",
    "view, share, comment and like counts, reading time",
    is_counter,
    rule="count",
    max_chars=80,
    examples=(
        "0 2,736",
        "858 shares",
        "1.2K views",
        "5 min read",
        "0 comments",
        "12 Kommentare",
        "3 Min. Lesezeit",
        "1 245 vues",
        "Tiempo de lectura: 4 minutos",
        "27 komentarzy",
        "Dibaca 1.024 kali",
        "1 234 просмотра",
    ),
    counterexamples=(
        "858 shares changed hands on Tuesday.",
        "The company said 5 minutes later it had resolved the fault.",
        "Read more about it here.",
    ),
)
