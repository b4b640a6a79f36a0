"""Navigation left inside the article: previous/next links, breadcrumbs, tag and
category lines, "Back to top", "Print".

A tag header on a line of its own ("Tags", "Topics", "People in this story") takes
the tag list under it: bullets, or one line of comma-separated tags.
"""

from __future__ import annotations

import re

from collections.abc import Sequence

from ..lines import Line
from .base import Filter, ends_sentence, headed_lists, is_bullet, key, labels, pattern, unbullet, words

_LABELS = labels(
    r"(?:« )?previous(?: (?:post|article|story|page))?|next(?: (?:post|article|story|page))?(?: »)?",
    r"previous (?:post|article|story) next (?:post|article|story)|prev|back|back to top|top|skip to (?:main )?content",
    r"home|menu|search|print|print this (?:article|page)|close menu|open menu|toggle navigation|go to top",
    r"zurück|weiter|nach oben|précédent|suivant|retour en haut|anterior|siguiente|volver arriba|próximo",
    r"precedente|successivo|torna su|vorige|volgende|terug naar boven|poprzedni|następny|do góry",
    r"sebelumnya|selanjutnya|kembali ke atas|назад|далее|наверх|вперёд",
    r"(?:view|see|show) all(?: \(?\d+)?",
    r"zum seitenanfang|loading|loading comments|wird geladen|chargement(?: en cours)?|cargando|carregando|caricamento|"
    r"laden|ładowanie|memuat|загрузка",
)
_TAG_HEADERS = labels(
    r"tags?|tagged|topics?|keywords|categories|filed under|(?:people|places|organi[sz]ations|companies) in (?:this|the) story",
    r"schlagwörter|schlagworte|themen|mots[- ]clés|thèmes|etiquetas|temas|tag|argomenti|trefwoorden|onderwerpen",
    r"tagi|tematy|kata kunci|topik|теги|метки|темы",
)
_TAG_MAX_WORDS = 6
_LIST_MAX = 30
# "Filed under: X", "Tags: a, b", "Topics: ...", "Trends: ...", "Posted in ...".
_TAGS = pattern(
    r"^(?:filed under|tags?|tagged(?: with)?|topics?|categories|category|posted in|trends|keywords|"
    r"schlagwörter|schlagworte|themen|mots[- ]clés|thèmes|etiquetas|temas|tag|argomenti|"
    r"trefwoorden|onderwerpen|tagi|tematy|kata kunci|topik|теги|метки|темы|タグ|标签|標籤)\s*[:：|]",
    re.IGNORECASE,
)
# A podcast's or app's link rows: "Listen: https://...", "iTunes: https://...".
_LINK_ROW = pattern(
    r"^(?:listen|download|subscribe|watch|itunes|apple podcasts|spotify|google podcasts|rss|stitcher|"
    r"android|ios|app store|google play|anhören|écouter|escuchar|ouvir|ascolta|luister|posłuchaj|dengarkan|слушать)"
    r"(?: (?:on|at|in|via) [\w ]{1,30})?\s?:\s?(?:https?://|www\.)\S+$",
    re.IGNORECASE,
)
# Breadcrumbs: "Home > World > Europe", "Home / News".
_CRUMBS = pattern(r"^(?:home|start|inicio|início|accueil|startseite|главная|beranda)\s*[>/»›|]", re.IGNORECASE)


def _navigation_rule(text: str) -> str | None:
    """The rule that takes a line on its own: "label" for a link or button ("Back to
    top", "Next Post"), "tags" for a line of tags after its label ("Tags: a, b"),
    "breadcrumbs" for a trail ("Home > World"), "link_row" for a podcast's or app's
    link ("Listen: https://..."); None for any other line."""
    if len(text) > 200:
        return None
    if _LABELS.matches(key(text)):
        return "label"
    if _TAGS.match(text):
        return "tags"
    if _CRUMBS.match(text):
        return "breadcrumbs"
    if _LINK_ROW.match(text):
        return "link_row"
    return None


def _is_tag_list(text: str) -> bool:
    """One line of tags: short names separated by commas, ending no sentence."""
    tags = text.split(",")
    return (
        len(tags) >= 2
        and len(text) <= 600
        and not ends_sentence(text)
        and all(0 < len(words(t)) <= _TAG_MAX_WORDS for t in tags)
    )


def _is_tag(line: Line) -> bool:
    if is_bullet(line.text):
        return 0 < len(words(unbullet(line.text))) <= _TAG_MAX_WORDS and not ends_sentence(line.text)
    return _is_tag_list(line.text)


def _is_tag_header(text: str) -> bool:
    return len(text) <= 60 and _TAG_HEADERS.matches(key(text))


def select(lines: Sequence[Line]) -> dict[int, str]:
    # tag_header: a tag header on its own line; tag_list: the tags under it.
    return headed_lists(lines, _is_tag_header, _is_tag, _LIST_MAX, _navigation_rule,
                        header_rule="tag_header", item_rule="tag_list")


NAVIGATION = Filter(
    "navigation",
    "previous/next links, breadcrumbs, tag lines and tag lists, Back to top, Print",
    select,
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
        "タグ: ソフトウェア",
        "View all (4)",
        "Zum Seitenanfang",
        "Loading...",
        "Loading comments...",
        "Listen: http://example.com/ep615",
        "Apple Podcasts: https://example.com/podcast",
        "Écouter : https://example.fr/episode-12",
        "Escuchar: https://example.es/episodio",
        "Tags\n= Apples, pears and plums grow well in the valley, the farmers said.",
        "Tags\nelection 2019, city council, budget, Jane Doe",
        "Topics\n* Business\n* General news\n* Government and politics\n= The council meets again on Monday.",
        "People in this Story\n* Jane Doe\n* John Smith",
        "Schlagwörter\nWahlen, Berlin, Bundestag",
        "Etiquetas\n* Política\n* Elecciones",
        "Теги\n* экономика\n* налоги",
    ),
    counterexamples=(
        "Next year the plan will be reviewed by parliament.",
        "Home prices rose 5% in October.",
        "Back in 2010, the company had only four employees.",
        "Topics discussed included trade, tariffs and the budget.",
        "View all the results on the council's website, the mayor said.",
        "http://example.com/report.pdf",
        "Source: http://example.com/report.pdf",
    ),
    rules=("label", "tags", "breadcrumbs", "link_row", "tag_header", "tag_list"),
)
