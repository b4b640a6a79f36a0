"""Navigation left inside the article: previous/next links, breadcrumbs, tag and
category lines, "Back to top", "Print"."""

from __future__ import annotations

import re

from .base import key, labels, line_filter

_LABELS = labels(
    r"(?:« )?previous(?: (?:post|article|story|page))?|next(?: (?:post|article|story|page))?(?: »)?",
    r"previous (?:post|article|story) next (?:post|article|story)|prev|back|back to top|top|skip to (?:main )?content",
    r"home|menu|search|print|print this (?:article|page)|close menu|open menu|toggle navigation|go to top",
    r"zurück|weiter|nach oben|précédent|suivant|retour en haut|anterior|siguiente|volver arriba|próximo",
    r"precedente|successivo|torna su|vorige|volgende|terug naar boven|poprzedni|następny|do góry",
    r"sebelumnya|selanjutnya|kembali ke atas|назад|далее|наверх|вперёд",
)
# "Filed under: X", "Tags: a, b", "Topics: ...", "Trends: ...", "Posted in ...".
_TAGS = re.compile(
    r"^(?:filed under|tags?|tagged(?: with)?|topics?|categories|category|posted in|trends|keywords|"
    r"schlagwörter|schlagworte|themen|mots[- ]clés|thèmes|etiquetas|temas|tag|argomenti|"
    r"trefwoorden|onderwerpen|tagi|tematy|kata kunci|topik|теги|метки|темы)\s*[:：|]",
    re.IGNORECASE,
)
# Breadcrumbs: "Home > World > Europe", "Home / News".
_CRUMBS = re.compile(r"^(?:home|start|inicio|início|accueil|startseite|главная|beranda)\s*[>/»›|]", re.IGNORECASE)


def is_navigation(text: str) -> bool:
    return bool(_LABELS.fullmatch(key(text)) or _TAGS.match(text) or _CRUMBS.match(text))


NAVIGATION = line_filter(
    "navigation",
    "previous/next links, breadcrumbs, tag and category lines, Back to top, Print",
    is_navigation,
    max_chars=200,
    examples=(
        "« Previous Post Next Post »",
        "Filed under: Politics |",
        "Tags: economy, trade, China",
        "Home > World > Europe",
        "Back to top",
        "Print",
        "Schlagwörter: Wirtschaft",
        "Mots-clés : économie",
        "Etiquetas: política",
        "Теги: экономика",
    ),
    counterexamples=(
        "Next year the plan will be reviewed by parliament.",
        "Home prices rose 5% in October.",
        "Back in 2010, the company had only four employees.",
    ),
)
