"""Cookie and consent notices, copyright and terms lines, legal link rows and
affiliate disclosures."""

from __future__ import annotations

import re

from .base import TURKISH_I, key, labels, line_filter, pattern, remembered, words

_LABELS = labels(
    r"accept|accept all|accept cookies|i agree|i accept|agree|got it|ok|okay|reject all|decline|manage (?:preferences|cookies|options)",
    r"cookie (?:settings|policy|preferences)|privacy policy|privacy|terms of (?:service|use)|terms(?: (?:and|&) conditions)?",
    r"all rights reserved|do not sell my (?:personal )?info(?:rmation)?|your privacy choices|ad choices|adchoices",
    r"alle rechte vorbehalten|datenschutz|impressum|akzeptieren|tous droits réservés|mentions légales|accepter",
    r"todos los derechos reservados|aceptar|política de privacidad|todos os direitos reservados|aceitar",
    r"tutti i diritti riservati|accetta|accetto|alle rechten voorbehouden|accepteren|akceptuję|wszelkie prawa zastrzeżone",
    r"hak cipta dilindungi undang-undang|setuju|все права защищены|принять|согласен",
)
# A footer row of legal links: "Privacy Policy, Terms of Use", "Impressum | Datenschutz".
_LINK_WORDS = frozenset(
    """
    privacy policy notice terms of use service conditions and cookie cookies settings preferences
    accessibility statement sitemap contact us about imprint legal
    impressum datenschutz datenschutzerklärung agb nutzungsbedingungen barrierefreiheit kontakt
    mentions légales politique de confidentialité conditions générales cgu gestion des
    aviso legal política privacidad condiciones uso
    termos política privacidade
    informativa note legali condizioni
    privacybeleid voorwaarden algemene
    polityka prywatności regulamin
    kebijakan privasi syarat ketentuan
    политика конфиденциальности пользовательское соглашение
    """.split()
)
_LINK_HEADS = frozenset("privacy terms cookie cookies impressum datenschutz mentions aviso política informativa privacybeleid polityka kebijakan политика".split())
_COOKIE_WORDS = ("cookie", "куки")
_COOKIE = pattern("|".join(_COOKIE_WORDS), re.IGNORECASE)
_COOKIE_HINTS = _COOKIE_WORDS + TURKISH_I
# A consent notice speaks for the site to the reader; an article about cookies does not.
_CONSENT = pattern(
    r"\b(?:we use|this (?:web)?site|our (?:web)?site|you (?:agree|consent|accept)|by (?:continuing|using|clicking)|"
    r"consent|accept|your (?:browsing|experience|privacy)|"
    r"wir verwenden|diese (?:web)?seite|nous utilisons|ce site|utilizamos|este sitio|este site|usamos|"
    r"utilizziamo|questo sito|wij gebruiken|deze (?:web)?site|używamy|ta strona|kami menggunakan|situs ini|"
    r"мы используем|этот сайт|сайт использует)",
    re.IGNORECASE,
)
# A notice: the sign or the word, then the sign, a year or a name. "Copyright law
# was changed" is a sentence about copyright.
_COPYRIGHT = pattern(r"^(?:©|\(c\)|&copy;|copyright\b(?! (?-i:[a-z])))", re.IGNORECASE)
_YEAR_OR_RIGHTS = pattern(r"\b(?:1[89]|20)\d\d\b|rights reserved", re.IGNORECASE)
# The affiliate disclosure: "We may earn a commission from links on this page."
_AFFILIATE = pattern(
    r"\bwe (?:may )?(?:earn|receive|get|make) (?:a )?(?:small )?(?:share of sales|commission|compensation|affiliate commission)"
    r"|\b(?:erhalten|bekommen) wir (?:ggf\. |eventuell )?(?:eine )?provision|\bnous (?:pouvons )?(?:percevoir|toucher|recevoir) une commission"
    r"|\b(?:podemos )?recib(?:ir|imos) una comisión|\b(?:podemos )?receb(?:er|emos) uma comissão"
    r"|\b(?:potremmo )?ricev(?:ere|iamo) una commissione|\bontvangen wij (?:mogelijk )?een commissie"
    r"|\botrzymujemy prowizję|\bkami (?:dapat )?menerima komisi|\bмы (?:можем )?получ(?:ить|аем) комиссию"
    r"|\bmay not be (?:published|reproduced), broadcast",
    re.IGNORECASE,
)
_RECAPTCHA = pattern(r"protected by recaptcha", re.IGNORECASE)


# Words one of the notices below must hold; a line with none of them is passed over
# before any pattern runs.
_AFFILIATE_HINTS = ("commission", "provision", "comisi", "comiss", "commissie", "prowizj", "komisi", "комисси", "may not be")


def _is_legal_links(low: str) -> bool:
    tokens = words(low)
    return 3 <= len(tokens) <= 12 and _LINK_WORDS.issuperset(tokens) and sum(t in _LINK_HEADS for t in tokens) >= 2


def is_cookie_notice(text: str) -> bool:
    return _legal_rule(text) == "cookie_notice"


@remembered
def _legal_rule(text: str) -> str | None:
    """The rule that takes the line (see LEGAL's rules), or None."""
    low = key(text)
    if _LABELS.matches(low):
        return "label"
    if len(text) <= 120 and _is_legal_links(low):
        return "link_row"
    if _COPYRIGHT.match(text) and len(text) <= 200 and (text[0] == "©" or _YEAR_OR_RIGHTS.search(text)):
        return "copyright"
    low = text.casefold()
    if "recaptcha" in low and _RECAPTCHA.search(text):
        return "recaptcha"
    if len(text) <= 300 and any(map(low.__contains__, _AFFILIATE_HINTS)):
        found = _AFFILIATE.search(text)
        if found:
            # The pattern's last alternative is a news agency's reuse notice, which
            # belongs with its copyright line.
            return "copyright" if found.group().casefold().startswith("may not be") else "affiliate"
    if not any(map(low.__contains__, _COOKIE_HINTS)):
        return None  # most lines name no cookie: a literal test spares the pattern
    if _COOKIE.search(text) is not None and _CONSENT.search(text) is not None:
        return "cookie_notice"
    return None


def is_legal(text: str) -> bool:
    return _legal_rule(text) is not None


LEGAL = line_filter(
    "legal",
    "cookie and consent notices, copyright and terms lines, affiliate disclosures",
    _legal_rule,
    # label: a single legal link or consent button ("Privacy Policy", "Accept all");
    # link_row: a footer row of them; copyright: a copyright or reuse notice;
    # recaptcha: the form's reCAPTCHA terms; affiliate: an affiliate disclosure;
    # cookie_notice: a consent notice.
    rules=("label", "link_row", "copyright", "recaptcha", "affiliate", "cookie_notice"),
    max_chars=400,
    examples=(
        "We use cookies to tailor what you see. Keep browsing to accept them.",
        "Accept all",
        "© 2019 Example Media Ltd. All rights reserved.",
        "Copyright 2020 The Daily Bugle",
        "Privacy Policy",
        "Protected by reCAPTCHA; Google's Privacy Policy and Terms apply.",
        "Wir verwenden Cookies, um Ihnen ein besseres Nutzungserlebnis zu bieten.",
        "Nous utilisons des cookies pour améliorer votre expérience.",
        "Utilizamos cookies para mejorar su experiencia.",
        "Мы используем файлы cookie.",
        "We may earn a commission from links on this page.",
        "Privacy Policy, Terms of Use",
        "Terms of Service Privacy Notice",
        "Impressum | Datenschutz | AGB",
        "Mentions légales - Politique de confidentialité - Cookies",
        "Wenn Sie über diese Links einkaufen, erhalten wir eine Provision.",
        "Si vous achetez via ces liens, nous pouvons percevoir une commission.",
        "This story may not be published, broadcast or redistributed.",
    ),
    counterexamples=(
        "Google will phase out third-party cookies in Chrome by 2024, the company said.",
        "The bakery sold 4,000 cookies on its opening day.",
        "Copyright law has not kept pace with the internet, the judge wrote.",
        "Our standards of care have slipped, the hospital's director admitted.",
        "Copyright rules for photographers were tightened in 2021.",
        "Bloggers earn a commission on every sale made through their links, the report said.",
        "Privacy campaigners criticised the new terms of use.",
        "The paper said it would review its editorial standards after the error.",
    ),
)
