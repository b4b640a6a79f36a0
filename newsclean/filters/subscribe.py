"""Newsletter boxes, sign-up pitches, push-notification prompts, paywall and app nags.

A pitch names what it sells (newsletter, inbox, subscription, notifications, the
app) and speaks to the reader (you, your, our, now, here, an imperative). An
article sentence about subscriptions is told in the third person and stays.
"""

from __future__ import annotations

import re

from .base import key, labels, line_filter, pattern, remembered, unbullet, words
from .legal import is_cookie_notice

_LABELS = labels(
    r"subscribe(?: now| today| here)?|sign ?up(?: now| here| today)?|sign in|log ?in|register|join now",
    r"(?:breaking news|daily|weekly|morning|evening) (?:e-?mails?|alerts|newsletters?)|(?:see|view|all|more) (?:all )?newsletters",
    r"enter your e-?mail(?: address)?|read in (?:the )?app|open in (?:the )?app|get the app",
    r"(?:allow|enable|turn on|block) (?:push )?notifications|no,? thanks|not now|maybe later",
    r"[\w'’&+ -]{1,30} newsletter|newsletter [\w'’&+ -]{1,30}",
    r"thanks? (?:you )?for (?:signing up|subscribing|registering)|you(?:'re| are) (?:all set|subscribed|signed up)",
    r"(?:your )?e-?mail (?:address(?: \(required\)?)?|\(required\)?)|your e-?mail|(?:first|last|full) name(?: \(required\)?)?|zip code|postal code",
    r"vielen dank für ihre anmeldung|merci de votre inscription|gracias por suscribirte|obrigado por se inscrever|"
    r"grazie per esserti iscritto|bedankt voor je aanmelding|dziękujemy za zapisanie się|terima kasih telah berlangganan|"
    r"спасибо за подписку",
    r"newsletter|newsletters|get the newsletter|subscribe to (?:our|the) newsletters?",
    r"already a subscriber\W*(?:(?:log|sign) ?in(?: here)?)?|become a member|subscriber exclusive|subscribers only",
    r"(?:jetzt )?abonnieren|anmelden|registrieren",
    # "Jetzt Newsletter abonnieren", "Iscriviti alla newsletter": the call to sign up, whole.
    r"(?:jetzt )?(?:(?:den|unseren|zum) )?newsletter (?:abonnieren|bestellen|anmelden)|jetzt (?:kostenlos )?(?:anmelden|registrieren)",
    r"(?:abonnez-vous|inscrivez-vous) à (?:notre|la) (?:newsletter|lettre d'information)",
    r"suscríbe(?:te|se) (?:a|al) (?:nuestro |nuestra |la |el )?(?:newsletter|boletín)",
    r"(?:assine|inscreva-se|cadastre-se) (?:a|na|em) (?:nossa )?newsletter",
    r"iscriviti alla (?:nostra )?newsletter|(?:schrijf je in|abonneer je) (?:voor|op) (?:onze|de) nieuwsbrief",
    r"zapisz się (?:do|na) newsletter(?:a)?|подпишитесь на (?:нашу )?рассылку",
    r"s'abonner|abonnez-vous|je m'abonne|s'inscrire|inscrivez-vous",
    r"suscríbete|suscribirse|regístrate|suscríbase",
    r"assine(?: já)?|inscreva-se|assinar",
    r"iscriviti|abbonati|registrati",
    r"abonneer(?: nu)?|aanmelden|inschrijven",
    r"zapisz się|subskrybuj|zarejestruj się|zaloguj się",
    r"berlangganan|langganan|daftar|masuk",
    r"подписаться|подпишитесь|войти|зарегистрироваться",
)

# What a pitch sells. Stems, matched at word starts in the case-folded line.
_OFFER = pattern(
    r"\b(?:newsletter|(?:your|my|our) inbox|subscri|sign(?:ing)? ?-?up|e-?mail alerts|push notifications|"
    r"notifications|breaking news alerts|download (?:the|our) app|get the app|our app|"
    r"(?:click|tap)(?:ing)? here|unlimited access|free trial|create a free account|"
    r"donat|make a (?:contribution|donation)|support (?:our|independent|quality) journalism|"
    r"spende|unterstützen sie|faites un don|soutenez|haz una donación|doe agora|fai una donazione|doneer|wesprzyj|"
    r"posteingang|postfach|abonn|benachrichtigung|boîte de réception|inscri|"
    r"boletín|bandeja de entrada|suscri|notificaci|caixa de entrada|assin|inscreva|"
    r"notifica|casella di posta|iscriviti|abbona|nieuwsbrief|meldingen|"
    r"skrzynk|zapisz się|subskryb|powiadomie|kotak masuk|berlangganan|langganan|notifikasi|"
    r"рассылк|подпис|уведомлени)"
)
# How a pitch speaks to the reader.
_ADDRESS_WORDS = (
    "you", "your", "our", "us", "don't miss", "never miss", "send me",
    "sie", "ihr", "ihre", "unser", "unsere",
    "vous", "votre", "vos", "nous", "notre",
    "tu", "tus", "su", "sus", "nuestro", "nuestra",
    "seu", "sua", "nosso", "nossa",
    "tuo", "tua", "vostro", "nostro", "nostra",
    "je", "jouw", "uw", "onze", "ons",
    "twój", "twoja", "nasz", "nasza", "naszego",
    "anda", "kami",
    "вы", "вас", "ваш", "наш", "нашу",
)
_ADDRESS = pattern(r"(?:^|\b)(?:" + "|".join(_ADDRESS_WORDS) + r")\b")
_IMPERATIVE_WORDS = (
    "subscribe", "sign up", "sign in", "get", "join", "download", "click", "tap", "register", "follow", "enter", "stay",
    "want", "like", "support", "never miss", "don't miss", "receive", "melden", "abonnieren", "hol",
    "abonnez", "inscrivez", "recevez", "suscríbete", "regístrate", "recibe", "assine", "inscreva", "receba",
    "iscriviti", "abbonati", "ricevi", "abonneer", "meld", "ontvang", "zapisz", "subskrybuj", "otrzymuj",
    "dapatkan", "daftar", "ikuti", "подпишитесь", "подписывайтесь", "получайте",
    # push-notification prompts: "Turn on notifications to get breaking news alerts."
    "turn on", "allow", "enable", "activate", "aktivieren", "activez", "activa", "ative", "attiva",
    "zet", "włącz", "aktifkan", "включите",
)
_IMPERATIVE = pattern(r"^(?:" + "|".join(_IMPERATIVE_WORDS) + r")\b")
# Each of those starts with a whole word ("don't miss" with "don"): a line none of
# whose words is one of these has no sentence that speaks to the reader.
_CALL_WORDS = frozenset(words(w)[0] for w in _ADDRESS_WORDS + _IMPERATIVE_WORDS)
_QUOTES = ("“", "\"", "«", "„", "‘", "'", "‹", "「")
_SENTENCE_END = pattern(r"[.!?](?:\s|$)")
# A sentence closed by who said it: "..., officials said." A pitch is never reported.
_ATTRIBUTED = pattern(
    r",[\"”’']? (?:\w+ ){0,3}(?:said|says|told \w+|added|sagte|sagten|teilte \w+ mit|a déclaré|a dit|dijo|afirmó|"
    r"disse|afirmou|ha detto|ha dichiarato|zei|powiedział|сказал|заявил)[.!]?[\"”’']?$",
    re.IGNORECASE,
)


@remembered
def _pitch_rule(text: str) -> str | None:
    """The rule that takes the line: "label" for a sign-up button, form field or
    box title standing alone, "pitch" for a sentence that sells the reader a
    newsletter, subscription, app or donation; None for any other line."""
    low = key(text)
    if _LABELS.matches(low):
        return "label"
    if len(text) > 300 or len(_SENTENCE_END.findall(text)) > 3:
        return None
    if _CALL_WORDS.isdisjoint(words(low)):
        return None
    # Reported speech about subscriptions is article text, whoever it addresses:
    # a quotation, or a line that names who said it ("..., officials said.").
    if unbullet(text).startswith(_QUOTES) or _ATTRIBUTED.search(text):
        return None
    if not _OFFER.search(low) or is_cookie_notice(text):
        # A consent notice's "click here for more" sells nothing: it is legal's.
        return None
    # The offer and the call to the reader must meet in one sentence: a report
    # that mentions subscriptions in one sentence and "you" in another stays.
    return "pitch" if any(_is_pitch_sentence(key(part)) for part in _sentences(text)) else None


def is_pitch(text: str) -> bool:
    return _pitch_rule(text) is not None


_BREAK = pattern(r"(?<=[.!?])\s+")


def _sentences(text: str) -> list[str]:
    """The line cut at sentence ends; a break before a lower-case word is an
    abbreviation's full stop ("Inc. newsletter") and does not cut."""
    out: list[str] = []
    for part in _BREAK.split(text):
        if out and not part[:1].isupper() and not part[:1] in _QUOTES:
            out[-1] += " " + part
        else:
            out.append(part)
    return out


def _is_pitch_sentence(low: str) -> bool:
    if not _OFFER.search(low):
        return False
    # "Now", "here" and "free" are left out: a report uses them as well.
    return bool(_IMPERATIVE.match(low) or _ADDRESS.search(low))


SUBSCRIBE = line_filter(
    "subscribe",
    "newsletter boxes, sign-up pitches, push-notification prompts, paywall and app nags",
    _pitch_rule,
    rules=("label", "pitch"),
    max_chars=300,
    examples=(
        "Jetzt Newsletter abonnieren",
        "Iscriviti alla newsletter",
        "Suscríbete a nuestro boletín",
        "Subscribe to our newsletter",
        "Sign up here for the week's best stories and offers, sent straight to your inbox.",
        "Get real time updates directly on you device, subscribe now.",
        "Have our newsletters in your inbox. Subscribe today.",
        "Sign Up",
        "Turn on push notifications to get breaking news alerts.",
        "Allow notifications",
        "Aktivieren Sie Push-Benachrichtigungen, um keine Nachricht zu verpassen.",
        "Activez les notifications pour suivre l'actualité en direct.",
        "CLICK HERE TO GET THE APP",
        "Already a subscriber? Log in",
        "Melden Sie sich jetzt für unseren Newsletter an!",
        "Inscrivez-vous à notre newsletter",
        "Suscríbete a nuestro boletín",
        "Assine a nossa newsletter",
        "Iscriviti alla nostra newsletter",
        "Meld je aan voor onze nieuwsbrief",
        "Zapisz się do naszego newslettera",
        "Berlangganan newsletter kami sekarang",
        "Подпишитесь на нашу рассылку",
        "Support our journalism: make a contribution today.",
        "Donate now to keep our reporting free for everyone.",
        "Unterstützen Sie unseren Journalismus mit einer Spende.",
        "Soutenez notre rédaction : faites un don.",
        "Get our weekly Business Roundup newsletter",
        "Breaking News Emails",
        "Enter your email address",
        "Pick Six Newsletter",
        "Newsletter Wirtschaft",
        "Read in app",
        "Thanks for signing up!",
        "I agree that Example Sports can send me the weekly newsletter.",
        "Email (required)",
        "Vielen Dank für Ihre Anmeldung!",
    ),
    counterexamples=(
        "Die Leser können den Newsletter jetzt abonnieren, sagte die Verlegerin.",
        "The company said subscriptions rose 4% in the quarter.",
        "Netflix added 2.4 million subscribers, the company said on Tuesday.",
        "Die Zahl der Abonnenten stieg im Jahr 2019 um zwölf Prozent.",
        "Le journal a perdu 10 000 abonnés en un an.",
        "Число подписчиков выросло на 10%.",
        "“Will readers still think it is worth a digital subscription now?” the analyst asked.",
        "* You will learn to write for every channel: a blog post, an email inbox, a podcast.",
        "The charity said donations had fallen by a third since 2019.",
        "Apple will allow users to turn off notifications from news apps, the company said.",
        "The regulator said the app had to enable notifications only with consent.",
        "Shoppers can now stream films on the app. The firm said users without a subscription could now watch for free.",
        "Die Spenden gingen im vergangenen Jahr deutlich zurück.",
        "The newsletter, founded in 1990, has 20,000 readers.",
        "Sign up was slow at first, the organisers said.",
        "Subscribe now, or pay more later, the company told customers.",
        # a consent notice goes too, but as legal's
        "Our site runs on cookies; by browsing on you accept them. Tap here to read how we use them.",
    ),
)
