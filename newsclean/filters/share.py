"""Share and follow buttons: "Share this:", "* Facebook", "Copied!", "Sharing is caring!".

A button list flattens to short lines made only of network names and share verbs;
a line qualifies only when every word on it is one of those.
"""

from __future__ import annotations


from .base import key, labels, line_filter, pattern

# Network names and button words. A line made only of these is a button row.
_BUTTON_WORDS = frozenset(
    """
    share shares sharing tweet retweet pin it email e-mail mail print copy copied link url
    facebook twitter x linkedin whatsapp telegram reddit pinterest flipboard mix tumblr
    messenger vk vkontakte вконтакте одноклассники ok viber line pocket sms tiktok instagram
    youtube threads bluesky mastodon xing weibo wechat snapchat google gmail outlook buffer
    comment comments save bookmark more sharethis addthis on via the article this story submit button buttons
    artikel beitrag diesen artículo artigo articolo artykuł
    teilen drucken kopieren partager imprimer copier compartir imprimir copiar compartilhar
    compartilhe condividi stampa copia delen printen kopieer udostępnij drukuj kopiuj
    bagikan cetak salin tautan surat elektronik lagi поделиться печать скопировать ссылку
    """.split()
)

_PHRASES = labels(
    r"share this(?: (?:article|story|post|page|video))?|share (?:on|via|to) \w+|share it|share (?:full )?article",
    r"gift this article|gift (?:this )?story|teilen (?:auf|via|per) [\w.]+|partager (?:sur|via|par) [\w.]+",
    r"sharing is caring|link copied|copied to clipboard|copy link|copy url|get short url",
    r"click to (?:share|email|print)(?: this)? (?:on|to|a link to a friend)?.*\(opens in new window\)",
    r"click to (?:share|email|print).{0,60}",
    r"(?:like|enjoy)(?:d)? this (?:story|article)\W+share it with (?:a|your) friends?",
    r"follow (?:us|@?[\w.]+) on(?: [\w.]+)?(?:,? [\w.]+){0,3}(?:,? and [\w.]+)?",
    r"share this on [\w.]+|tell a friend|send to a friend",
    r"artikel teilen|diesen artikel teilen",
    r"partager (?:cet article|sur [\w.]+)",
    r"compartir (?:este artículo|en [\w.]+)",
    r"compartilhe (?:esta matéria|este artigo)",
    r"condividi (?:questo articolo|su [\w.]+)",
    r"deel dit artikel",
    r"udostępnij (?:artykuł|na [\w.]+)",
    r"bagikan artikel ini",
    r"поделиться в [\w.]+",
    # "Follow us on A, B and C" in other languages: the call, then the networks.
    *(rf"(?:{call})(?: (?:{on}) [\w.]+(?:,? [\w.]+){{0,4}}(?:,? (?:{and_}) [\w.]+)?)?" for call, on, and_ in (
        ("folgen sie uns|folge uns|folgt uns", "auf|bei", "und"),
        ("suivez-nous|retrouvez-nous", "sur", "et"),
        ("síguenos|siguenos|síganos", "en", "y"),
        ("siga-nos|siga a gente|nos siga", "no|na|nos|nas|em", "e"),
        ("seguici|seguiteci", "su", "e"),
        ("volg ons", "op", "en"),
        ("obserwuj nas", "na", "i"),
        ("ikuti kami", "di", "dan"),
        ("подписывайтесь на нас", "в", "и"),
    )),
    # The blog platforms' like button and its loading placeholder.
    r"like this(?: article| story| post)?|like loading|gefällt mir(?: wird geladen)?|j'aime(?: chargement en cours)?|me gusta(?: cargando)?",
    r"curtir(?: carregando)?|mi piace(?: caricamento)?|vind ik leuk(?: laden)?|sukai ini|suka(?: memuat)?|нравится(?: загрузка)?",
)
_TOKEN = pattern(r"[^\W_]+(?:-[^\W_]+)?")


def _button_rule(text: str) -> str | None:
    """The rule that takes the line: "label" for a share or follow phrase ("Share
    this on WhatsApp"), "button_row" for a row of network names and button words
    ("* Facebook", "Share Tweet Submit"); None for any other line."""
    low = key(text)
    if not low:
        return None
    if _PHRASES.matches(low):
        return "label"
    tokens = _TOKEN.findall(low)
    # A lone "More" heads a link list; `related` takes it with its list.
    if 0 < len(tokens) <= 8 and tokens != ["more"] and all(t in _BUTTON_WORDS for t in tokens):
        return "button_row"
    return None


def is_button_row(text: str) -> bool:
    return _button_rule(text) is not None


SHARE = line_filter(
    "share",
    "share and follow buttons: Share this:, * Facebook, Copied!, Sharing is caring!",
    _button_rule,
    rules=("label", "button_row"),
    max_chars=120,
    examples=(
        "Síguenos en Instagram, TikTok y YouTube",
        "Folge uns auf Instagram und Threads",
        "Artikel teilen: Facebook WhatsApp E-Mail",
        "Share this:",
        "* Facebook",
        "* Twitter",
        "Copied!",
        "Sharing is caring!",
        "Click to print (Opens in new window)",
        "Share this on WhatsApp",
        "Follow us on Twitter",
        "Like this article? Share it with your friends!",
        "* Email",
        "Tweet",
        "Teilen",
        "Partager",
        "Compartir",
        "Compartilhar",
        "Condividi",
        "Delen",
        "Udostępnij",
        "* Cetak",
        "Поделиться",
        "Share Tweet Submit",
        "Share full article",
        "Gift this article",
        "Follow us on Facebook, Twitter and Instagram",
        "Follow @janedoe on Twitter",
        "Teilen auf Facebook",
        "Like this:",
        "Like this article?",
        "AddThis Sharing Buttons",
        "Like Loading...",
        "Gefällt mir Wird geladen …",
        "J'aime chargement en cours…",
        "Suka Memuat...",
        "Sukai ini:",
    ),
    counterexamples=(
        "Die Fans folgen uns auf jeder Reise, sagte der Trainer.",
        "Facebook shares fell 3% on Tuesday.",
        "Twitter said it would remove the posts.",
        "She shared the email with her lawyer.",
        "Share prices rose sharply after the announcement.",
        "More:",
        "Follow the river on foot and you will reach the village.",
        "Like this, the plan would never pass.",
        "Me gusta el fútbol, dijo el presidente.",
    ),
)
