"""Sentences that merely mention what furniture is about stay: advertising,
subscribing, sharing, cookies, photos, comments, "more". Each kind in six
languages, in both layouts (a blank line between paragraphs, or one paragraph per
line), inside a short article of its own language."""

from __future__ import annotations

import pytest

from newsclean import clean

# Two sentences of plain reporting per language, around the sentence under test.
FRAME = {
    "en": ("The council met on Tuesday evening to discuss next year's budget for the town.",
           "A final vote on the plan is expected before the end of the month."),
    "de": ("Der Gemeinderat hat am Dienstagabend über den Haushalt für das kommende Jahr beraten.",
           "Eine endgültige Abstimmung über den Plan wird noch vor Monatsende erwartet."),
    "fr": ("Le conseil municipal s'est réuni mardi soir pour discuter du budget de l'an prochain.",
           "Un vote définitif sur le projet est attendu avant la fin du mois."),
    "es": ("El ayuntamiento se reunió el martes por la noche para debatir el presupuesto del próximo año.",
           "Se espera una votación definitiva sobre el plan antes de que termine el mes."),
    "it": ("Il consiglio comunale si è riunito martedì sera per discutere il bilancio del prossimo anno.",
           "Il voto finale sul piano è atteso entro la fine del mese."),
    "pt": ("A câmara municipal reuniu-se na terça-feira à noite para discutir o orçamento do próximo ano.",
           "A votação final do plano deverá acontecer antes do fim do mês."),
}

MENTIONS = {
    "advertising": {
        "en": "Advertising revenue at the local paper fell by a fifth last year, its owner said.",
        "de": "Die Werbeeinnahmen der Lokalzeitung sind im vergangenen Jahr um ein Fünftel gesunken.",
        "fr": "Les recettes publicitaires du journal local ont baissé d'un cinquième l'an dernier.",
        "es": "Los ingresos por publicidad del diario local cayeron una quinta parte el año pasado.",
        "it": "Gli introiti pubblicitari del giornale locale sono calati di un quinto l'anno scorso.",
        "pt": "As receitas de publicidade do jornal local caíram um quinto no ano passado.",
    },
    "subscribing": {
        "en": "Subscribers to the water service will pay more from April, the council said.",
        "de": "Wer den Wasserdienst abonniert hat, zahlt ab April mehr, teilte die Gemeinde mit.",
        "fr": "Les abonnés au service des eaux paieront davantage à partir d'avril, selon la mairie.",
        "es": "Los abonados al servicio de agua pagarán más a partir de abril, según el ayuntamiento.",
        "it": "Gli abbonati al servizio idrico pagheranno di più da aprile, ha detto il comune.",
        "pt": "Os assinantes do serviço de água vão pagar mais a partir de abril, disse a câmara.",
    },
    "sharing": {
        "en": "Residents shared photos of the flooded road on social media throughout the night.",
        "de": "Anwohner teilten die ganze Nacht über Fotos der überfluteten Straße in sozialen Netzwerken.",
        "fr": "Les habitants ont partagé toute la nuit des photos de la route inondée sur les réseaux sociaux.",
        "es": "Los vecinos compartieron durante toda la noche fotos de la carretera inundada en las redes.",
        "it": "I residenti hanno condiviso per tutta la notte foto della strada allagata sui social.",
        "pt": "Os moradores partilharam durante a noite fotos da estrada inundada nas redes sociais.",
    },
    "cookies": {
        "en": "The bakery on the square sold more than two thousand cookies at the winter fair.",
        "de": "Der Datenschutzbeauftragte prüft, ob die Stadt auf ihrer Website Cookies ohne Zustimmung setzt.",
        "fr": "La CNIL enquête sur l'usage des cookies par le site de la mairie depuis le mois dernier.",
        "es": "La agencia de protección de datos investiga el uso de cookies en la web municipal.",
        "it": "Il garante della privacy indaga sull'uso dei cookie nel sito del comune.",
        "pt": "A comissão de proteção de dados investiga o uso de cookies no site da câmara.",
    },
    "photos": {
        "en": "The photographer spent three winters on the island taking pictures of its birds.",
        "de": "Der Fotograf verbrachte drei Winter auf der Insel, um ihre Vögel zu fotografieren.",
        "fr": "Le photographe a passé trois hivers sur l'île à photographier ses oiseaux.",
        "es": "El fotógrafo pasó tres inviernos en la isla fotografiando sus aves.",
        "it": "Il fotografo ha trascorso tre inverni sull'isola fotografando i suoi uccelli.",
        "pt": "O fotógrafo passou três invernos na ilha a fotografar as suas aves.",
    },
    "comments": {
        "en": "The mayor declined to comment on the report when reporters asked her on Monday.",
        "de": "Der Bürgermeister wollte sich am Montag nicht zu dem Bericht äußern und gab keinen Kommentar ab.",
        "fr": "Le maire n'a pas souhaité commenter le rapport lundi.",
        "es": "La alcaldesa no quiso hacer comentarios sobre el informe el lunes.",
        "it": "Il sindaco non ha voluto commentare il rapporto lunedì.",
        "pt": "O presidente da câmara não quis comentar o relatório na segunda-feira.",
    },
    "more": {
        "en": "Many residents wanted more.",
        "de": "Viele Anwohner wollten mehr.",
        "fr": "Beaucoup d'habitants en voulaient plus.",
        "es": "Muchos vecinos querían más.",
        "it": "Molti residenti volevano di più.",
        "pt": "Muitos moradores queriam mais.",
    },
}

LAYOUTS = {"blank-lines": "\n\n", "one-per-line": "\n"}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("lang", FRAME)
@pytest.mark.parametrize("kind", MENTIONS)
def test_a_sentence_that_mentions_furniture_stays(kind, lang, layout):
    before, after = FRAME[lang]
    sentence = MENTIONS[kind][lang]
    result = clean(LAYOUTS[layout].join((before, sentence, after)))
    assert sentence in result.paragraphs
    assert (result.title, result.paragraphs) in ((None, (before, sentence, after)), (before, (sentence, after)))
