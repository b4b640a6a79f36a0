""""Read more", "Related", "More from ...", "Trending" headers and the teaser lists under them.

A header is taken with the short teaser lines right under it (bullets, or short
headline-like lines that do not end a sentence); the first line that reads like
article prose ends the list. Inline pointers ("Related: ...", "Read more: ...")
are taken on their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lines import Line
from .base import Filter, headed_lists, is_bullet, key, labels, pattern, unbullet, words

_HEADERS = labels(
    # en
    r"related|related (?:articles?|stories|story|posts?|content|news|coverage|links?|topics?|reading|videos?)",
    r"read more|read next|read also|also read|more|more (?:stories|news|articles|videos|headlines)",
    # "Show more", "View 12 more": a button names its action; a sentence that ends
    # in "more" ("Many wanted more.") is not a header.
    r"more (?:from|in|on|about) .{1,40}|(?:show|load|see|view|discover|explore|find)(?: \d+)? more|\d+ more",
    r"more stories from .{1,40}",
    r"you (?:may|might) also (?:like|enjoy|be interested in)|you may have missed|recommended(?: for you)?",
    r"don't miss|do not miss|trending(?: now| news| stories)?|popular|most popular|most read|most viewed",
    r"see also|editor'?s picks|top stories|latest(?: news| stories)?|what to read next|up next|next up(?: in .{1,40})?",
    r"further reading|recommended reading|in other news|also on .{1,30}|elsewhere on .{1,30}",
    r"recommended (?:stories|articles|videos)|más información|te recomendamos|saiba mais",
    r"sponsored stories|around the web|from the web|promoted stories|suggested(?: articles)?",
    # de fr es pt it nl pl id ru ja
    r"mehr zum thema|lesen sie auch|das könnte sie auch interessieren|weitere artikel|auch interessant|meistgelesen",
    r"mehr themen|zum weiterlesen|weiterlesen|weiterführende artikel|ähnliche artikel|passend zum thema",
    r"das (?:thema )?könnte (?:sie|dich|euch) (?:auch|ebenfalls) interessieren",
    r"vous aimerez aussi|à découvrir aussi|sur le même thème|también te puede interesar|le puede interesar",
    r"ti potrebbe interessare|potrebbe interessarti anche|você pode gostar|pode te interessar",
    r"(?:à )?lire aussi|à lire également|sur le même sujet|articles similaires|les plus lus|voir aussi",
    r"lee también|te puede interesar|noticias relacionadas|más noticias|lo más leído|relacionado",
    r"leia também|leia mais|veja também|notícias relacionadas|mais lidas|relacionadas",
    r"leggi anche|potrebbe interessarti|articoli correlati|più letti|correlati",
    r"lees ook|lees meer|gerelateerd|meer nieuws|meest gelezen",
    r"czytaj (?:też|także|więcej)|zobacz (?:też|także)|polecane|najczęściej czytane|powiązane",
    r"baca juga|baca selengkapnya|berita terkait|terkait|terpopuler|artikel terkait",
    r"читайте также|читать далее|похожие (?:новости|статьи)|по теме|популярное|самое читаемое",
    r"関連記事|こちらの記事も合わせてどうぞ",
    # "Next Auto News", "Previous Post": the neighbours' teasers at an article's foot.
    r"(?:next|previous|prev) (?:[\w-]+ ){0,2}(?:news|posts?|articles?|stories|story)",
    r"(?:nächster|vorheriger) (?:artikel|beitrag)|(?:article|billet) (?:suivant|précédent)|"
    r"(?:artículo|noticia) (?:siguiente|anterior)|(?:próximo|artigo anterior|post anterior)(?: artigo| post)?|"
    r"(?:articolo) (?:successivo|precedente)|(?:volgend|vorig) (?:artikel|bericht)|"
    r"(?:następny|poprzedni) (?:artykuł|wpis)|(?:artikel|berita) (?:selanjutnya|sebelumnya)|"
    r"(?:следующая|предыдущая) (?:статья|новость)",
)
# "Related: Title", "[Related: Title]", "Read more: Title", "Also on site.com Title".
_INLINE = pattern(
    r"^[\[(]?(?:related(?: post| article| story| coverage)?|read more|read also|also read|see also|watch|"
    r"more|lesen sie auch|mehr zum thema|lire aussi|à lire aussi|voir aussi|lee también|lea también|"
    r"(?:también )?(?:te|le) puede interesar|ti potrebbe interessare|das könnte sie auch interessieren|"
    r"leia também|veja também|leggi anche(?: su)?|vedi anche|lees ook|czytaj też|czytaj także|"
    r"zobacz też|baca juga|читайте также)\s*[:：»>|-]\s*\S",
    re.IGNORECASE,
)
# "Also on example.com Title", "On ExampleNews.com: Title".
_ALSO_ON = pattern(r"^also on [\w-]+\.[a-z]{2,}\b|^on [\w-]+\.[a-z]{2,}(?:\.[a-z]{2})?\s?:\s?\S", re.IGNORECASE)
# "Follow AP's full coverage of the election at ...": a pointer to the site's section.
_COVERAGE = pattern(
    r"^(?:follow|read|see|find|get) (?:[\w.]+['’]s |our |all |the )?(?:full |complete |latest |more |live )?"
    r"coverage (?:of|on|at)\b"
    r"|^(?:alle|weitere) (?:artikel|berichte|nachrichten) (?:zum thema|zu|über)\b"
    r"|^(?:retrouvez|suivez) (?:toute )?notre couverture\b|^(?:sigue|consulta) (?:toda )?nuestra cobertura\b"
    r"|^(?:acompanhe|veja) (?:toda )?(?:a )?(?:nossa )?cobertura\b|^(?:segui|leggi) (?:tutta )?la nostra copertura\b",
    re.IGNORECASE,
)
# "Read more" under a teaser headline: the pair is a link card.
# A link to the rest of a story; alone on its line it heads nothing, so the lines
# under it (the story itself, behind a paywall fold) stay.
_MORE_LINK = labels(
    r"read more|continue reading|read (?:the )?full (?:story|article)|weiterlesen|mehr lesen|lire la suite|"
    r"leer más|seguir leyendo|leia mais|continuar lendo|leggi di più|continua a leggere|lees meer|lees verder|"
    r"verder lezen|czytaj więcej|czytaj dalej|baca selengkapnya|selengkapnya|читать далее|подробнее",
)
_READ_MORE_CTA = pattern(r"^(?:read|see|watch) (?:more|the full story)\b.{0,60}\b(?:here|clicking)\b", re.IGNORECASE)

_TEASER_MAX_WORDS = 16
_LIST_MAX = 20


# A section's link to the rest of it, capitalised and with no sentence end:
# "Election Coverage More".
_SECTION_MORE = pattern(r"^(?:[\w'’&-]+ ){1,5}More$")


def is_header(text: str) -> bool:
    """A header over a list of other stories: "Related", "More from the city"."""
    return len(text) <= 60 and (_HEADERS.matches(key(text)) or _SECTION_MORE.match(text) is not None)


def _is_teaser(line: Line) -> bool:
    """A line of a teaser list: a bullet, or a short headline that ends no sentence."""
    text = unbullet(line.text)
    n = len(words(text))
    if n == 0 or n > _TEASER_MAX_WORDS * 2:
        return False
    if is_bullet(line.text):
        return True
    # Teaser headlines may ask or exclaim; a full stop marks prose, a colon a line
    # that introduces what follows.
    return n <= _TEASER_MAX_WORDS and not text.rstrip("\"'”’»)").endswith((".", "…", ":"))


def _inline_rule(text: str) -> str | None:
    """The rule that takes a line on its own: "pointer" for a pointer to other
    stories ("Related: Title", "Also on example.com", "Follow our full coverage
    at ..."), "more_link" for a lone link to the rest of the story ("Continue
    reading"); None for any other line."""
    if len(text) > 200:
        return None
    if _INLINE.match(text) or _ALSO_ON.match(text) or _READ_MORE_CTA.match(text) or _COVERAGE.match(text):
        return "pointer"
    if len(text) <= 60 and _MORE_LINK.matches(key(text)):
        return "more_link"
    return None


def _is_list_item(line: Line) -> bool:
    return _is_teaser(line) and not is_header(line.text)


def _closes_card(lines: Sequence[Line], i: int) -> bool:
    """A "Read more" set tight under a teaser headline closes a link card."""
    return (
        i > 0
        and not lines[i].gap
        and _MORE_LINK.matches(key(lines[i].text))
        and not is_bullet(lines[i - 1].text)
        and _is_teaser(lines[i - 1])
    )


def select(lines: Sequence[Line]) -> dict[int, str]:
    # header: a header on its own line; teaser_list: the teasers under it.
    out = headed_lists(lines, is_header, _is_list_item, _LIST_MAX, _inline_rule,
                       header_rule="header", item_rule="teaser_list")
    for i in range(1, len(lines)):
        if _closes_card(lines, i) and i - 1 not in out:
            # card: a teaser headline with the "Read more" under it (which may
            # already have gone as a header or a link, and stays with that rule).
            out[i - 1] = "card"
            out.setdefault(i, "card")
    return dict(sorted(out.items()))


RELATED = Filter(
    "related",
    "Read more, Related, More from ..., Trending headers and the teaser lists under them",
    select,
    examples=(
        "Mehr Themen:",
        "Zum Weiterlesen:",
        "Te puede interesar: Las obras del puerto terminan en junio",
        "Read more",
        "Related",
        "Related articles\n* Ten things we learned\n* Why it matters\n= The minister said on Tuesday that the plan would go ahead.",
        "More from UK\n* First headline here\n* Second headline here",
        "You may also like...\nCan the club keep its best players?\nFans want the band back",
        "Don't miss",
        "Next Up In Science & Health\n* A new way to store solar power\n* What moon rocks tell us",
        "Trending News\n* Video shows rescue",
        "[Related: A headline about something]",
        "Related post: Pickled Sprouts Recipe",
        "Lesen Sie auch",
        "À lire aussi : Le gouvernement recule",
        "Leia também",
        "WATCH: Police chase ends in a crash on the bypass",
        "Continue reading",
        "Lire la suite",
        "Continue reading\n= The Background\n= The plan was first put forward in 2015.",
        "Recommended Stories\n* Ten things we learned\n* Why it matters",
        "Baca juga: Harga minyak naik",
        "Читайте также",
        "(Leggi anche su: Il nuovo film uscirà a dicembre)",
        "= The vote is set for Tuesday, the speaker said.\nRead more",
        "On Example.com: Car sales fell in August",
        "Follow AP's full coverage of the election at https://example.com/election",
        "Alle Artikel zum Thema Wahl finden Sie hier",
        "Retrouvez toute notre couverture des élections",
        "Article suivant\nLe gouvernement présente son budget\n= Le texte sera voté en octobre, a précisé le ministre.",
        "Nächster Artikel\nRegierung legt Haushalt vor",
        "Next Auto News\nThe new hatchback has 300 horsepower\nJane Doe 2019-11-20 17:27:46\n= The car goes on sale in March, the company said.",
        "= The study was published in the journal on Monday.\n\nWhy Some Cities Ban Cars From Their Centres\nRead more",
        "Election Coverage More\n* First headline here\n= Here are some of the highlights:\n= 1. The first point",
    ),
    counterexamples=(
        "Wer weiterlesen will, muss seit Januar zahlen, kritisierte der Verband.",
        "Read more about the study in the journal Nature, the authors said.",
        "More than 200 people attended the rally on Sunday.",
        "Related research has shown similar effects in mice.",
        "Trending upward, the index gained 2% over the week.",
        "Watch this space, the minister told reporters.",
        "Continue reading the report and you will see why, she wrote.",
        "More in store for shoppers this year, the retailer said.",
        "On Monday: the council met to vote on the budget.",
        "Follow the money, the senator said, and you will find the answer.",
        "Alle Artikel der Zeitung werden künftig online erscheinen, sagte der Verleger.",
        "Next year the plant will open.",
    ),
    rules=("header", "teaser_list", "pointer", "more_link", "card"),
)
