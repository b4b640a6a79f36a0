"""Ad slots and the labels around them.

Only whole lines that are an ad label are taken, so "The company said advertisement
revenue fell 4%." stays.
"""

from .base import labels, line_filter, matches_key

_ADS = labels(
    # en
    r"advertisements?|advert|advertising|ads?|sponsored(?: (?:content|post|story|links?))?",
    r"paid (?:content|post|partnership)|promoted(?: content| stories)?|partner content",
    r"(?:story|article|text) continues below(?: this)? (?:advertisement|ad)",
    r"continue reading below|continue reading the main story|advertisement continue reading below",
    r"scroll to continue with content|content continues below|ad feedback|skip advertisement",
    r"report this ad|ads by \w+|advertisement feature|remove ads",
    r"advertisement (?:- )?scroll to continue|story continues below|supported by|promoted links by \w+|recommended by \w+",
    r"(?:sponsored|promoted) (?:links|stories) by \w+|by (?:taboola|outbrain)",
    # de fr es pt it nl pl id ru
    r"anzeige|werbung|(?:weiter|lesen sie) nach der anzeige(?: weiter)?|gesponsert",
    r"publicité|la suite après (?:cette|la) publicité|sponsorisé|contenu sponsorisé",
    r"publicidad|publicidade|patrocinado|contenido patrocinado|continúa después de la publicidad",
    r"continua (?:depois|após) a publicidade|conteúdo patrocinado",
    r"pubblicità|sponsorizzato|contenuto sponsorizzato|continua dopo la pubblicità",
    r"advertentie|gesponsord|lees verder na de advertentie",
    r"reklama|sponsorowane|artykuł sponsorowany|dalsza część artykułu pod reklamą",
    r"iklan|konten bersponsor|scroll untuk melanjutkan|lanjutkan dengan konten",
    r"реклама|спонсорский материал|продолжение ниже",
)

ADS = line_filter(
    "ads",
    "ad slots and labels: Advertisement, Sponsored, Story continues below advertisement",
    matches_key(_ADS),
    rule="label",
    max_chars=80,
    examples=(
        "Advertisement",
        "- Advertisement -",
        "ADVERTISEMENT",
        "Advert",
        "Sponsored",
        "Story continues below advertisement",
        "Scroll to continue with content",
        "Advertisement - Scroll to continue",
        "Supported by",
        "Promoted Links by Taboola",
        "Anzeige",
        "Publicité",
        "Publicidad",
        "Pubblicità",
        "Advertentie",
        "Reklama",
        "Iklan",
        "Реклама",
    ),
    counterexamples=(
        "The company said advertisement revenue fell 4%.",
        "Ads were pulled from the platform after the boycott.",
        "Sponsored by the city, the festival drew 20,000 visitors.",
        "Supported by the unions, the bill passed easily.",
        "Реклама на телевидении подорожала на 20%.",
    ),
)
