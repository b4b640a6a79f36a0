"""Whole documents through the whole pipeline: the furniture goes, every article line stays.

Each case is a small raw document, written by hand in the layouts scrapers produce.
Lines marked "~ " are furniture the pipeline must remove; every other line is
article text (or the headline, taken as the title) and must come out unchanged.
The marks are taken off before cleaning.
"""

from __future__ import annotations

import pytest

from newsclean import clean
from newsclean.lines import normalise

MARK = "~ "

CASES = {
    "en-gallery-residue": """
~ * Firefighters work on the roof of the old mill in Springfield, Tuesday, Nov. 19, 2019. less
~ Firefighters work on the roof of the old mill in Springfield, Tuesday, Nov. 19, 2019. ... more
~ Photo: Jane Roe, AP
~ Image 1 of 5
~ Caption
~ Close

SPRINGFIELD (AP) — A fire gutted the old mill on the east bank of the river on Tuesday, the fire chief said.

No one was hurt, and the cause of the fire is under investigation.

~ Photo: Jane Roe, AP
~ Fire guts old mill on the east bank
~ 1 / 5
~ Back to Gallery

The mill had stood empty since 1998.
""",
    "en-caption-labels-and-credits": """
The council voted 7 to 2 on Monday to close Main Street to cars on Saturdays.

~ Image caption Shoppers on Main Street during a trial closure in May
~ Media caption How the closure worked in other towns

Shop owners were split on the plan. Some said footfall would rise; others feared losing trade.

~ A cyclist rides down an empty Main Street during the trial in May. © Daily Courier / John Doe

The first closure is set for Saturday, March 7.

~ Traffic on the ring road during the trial closure in May, 2019.
~ Courier Archive

The council will review the scheme after six months.
""",
    "en-link-cards": """
The merger of the two newspaper chains became final on Tuesday, the companies said.

~ Business
~ Chain completes its purchase of the regional papers
~ Business
~ Chain completes its purchase of the regional papers

Analysts expect cuts in the newsrooms of both companies.

~ Why Local News Deserts Are Spreading Across the Country
~ Read more

The new company will own more than 250 daily papers.
""",
    "en-capital-lines-stay-and-app-pitch": """
The singer will be allowed to perform her old songs at the awards show, her label said on Monday.

SINGER CLEARED TO PERFORM OLD HITS AT AWARDS SHOW AMID FEUD WITH FORMER LABEL

The dispute began in June, when the label was sold to a rival company.

~ CLICK HERE TO GET THE DAILY BUGLE APP

WHAT HAPPENS NEXT

The show will be broadcast live on Sunday.
""",
    "en-article-foot": """
The launch was moved to Thursday because of high winds over the Atlantic, the agency said.

Engineers will use the extra day to check the rocket's second stage.

~ Follow our full coverage of the space programme at https://example.com/space
~ Reach the reporter on Twitter at http://twitter.com/janeroe
~ Jane Roe (jane.roe@example.com) is a senior science writer at The Daily Bugle.
~ Topics
~ * Science
~ * Space exploration
""",
    "en-blog-foot": """
The recipe takes about an hour and makes six jars.

Links to the tools I used:

http://example.com/jar-lifter

http://example.com/canning-pot

~ Share this:
~ * Twitter
~ * Facebook
~ Like this:
~ Like Loading...
~ Tags
~ jam, pears, canning, autumn recipes
""",
    "de-nachricht": """
Der Bundestag hat am Donnerstag das neue Klimapaket beschlossen.

~ Anzeige

Die Opposition kritisierte die Vorlage als unzureichend.

~ Lesen Sie auch
~ * Was das Klimapaket für Pendler bedeutet
~ * Die wichtigsten Fragen und Antworten

Das Gesetz soll im Januar in Kraft treten.

~ Foto: dpa
~ Melden Sie sich jetzt für unseren Newsletter an!
~ Schlagwörter
~ Klima, Bundestag, Verkehr
""",
    "fr-article": """
Le gouvernement a présenté mercredi son projet de budget pour 2020.

~ Publicité

Le déficit devrait atteindre 2,2 % du produit intérieur brut.

~ À lire aussi : Ce que contient le projet de loi de finances
~ Légende : Le ministre de l'Économie à Paris, le 25 septembre.

Le texte sera examiné par l'Assemblée nationale en octobre.

~ Partager
~ Mots-clés
~ * budget
~ * impôts
""",
    "es-noticia": """
El Gobierno aprobó el martes una subida del salario mínimo del 5,5 %.

~ Publicidad

La medida beneficiará a más de dos millones de trabajadores, según el ministerio.

~ Lee también: La patronal rechaza la subida del salario mínimo

Los sindicatos celebraron el acuerdo.

~ Compartir
~ Deja un comentario
~ Etiquetas
~ * salario mínimo
~ * empleo
""",
    "pt-noticia": """
A Câmara aprovou nesta terça-feira a reforma da Previdência em segundo turno.

~ Publicidade

O texto segue agora para o Senado.

~ Leia também: Entenda o que muda na aposentadoria
~ Foto: Agência Brasil

A votação terminou depois da meia-noite.

~ Compartilhe
~ Assine a nossa newsletter
""",
    "it-notizia": """
Il Parlamento ha approvato giovedì la legge di bilancio.

~ Pubblicità

Il testo prevede nuovi fondi per la scuola e la sanità.

~ (Leggi anche su: Cosa cambia per le famiglie con la manovra)

La legge entrerà in vigore a gennaio.

~ Condividi
~ Iscriviti alla nostra newsletter
""",
    "nl-nieuws": """
Het kabinet heeft dinsdag de plannen voor de nieuwe woningwet gepresenteerd.

~ Advertentie

Gemeenten krijgen meer geld om betaalbare huizen te bouwen.

~ Lees ook
~ * Wat de woningwet betekent voor huurders

De Tweede Kamer bespreekt de wet in november.

~ Deel dit artikel
~ Meld je aan voor onze nieuwsbrief
""",
    "pl-wiadomosci": """
Sejm przyjął w piątek ustawę budżetową na przyszły rok.

~ Reklama

Deficyt ma wynieść 30 miliardów złotych.

~ Czytaj też: Co zmieni się w podatkach od stycznia

Ustawa trafi teraz do Senatu.

~ Udostępnij
~ Zapisz się do naszego newslettera
""",
    "id-berita": """
Pemerintah menaikkan harga bahan bakar mulai Senin pekan depan.

~ Iklan

Kenaikan harga itu berlaku di seluruh Indonesia.

~ Baca juga: Harga minyak dunia naik tajam

Para pengemudi ojek menggelar protes di Jakarta.

~ Bagikan
~ Sukai ini:
~ Suka Memuat...
""",
    "ru-novosti": """
Госдума приняла в первом чтении проект бюджета на 2020 год.

~ Реклама

Доходы бюджета составят 20 триллионов рублей.

~ Читайте также
~ * Что изменится в налогах с января

~ Фото: РИА Новости

Второе чтение назначено на октябрь.

~ Поделиться
~ Подпишитесь на нашу рассылку
""",
    "en-sentences-about-furniture-stay": """
Advertisement revenue at the newspaper fell 4% in the third quarter, the company said.

The paper asked readers to subscribe to its newsletter, and 20,000 signed up in a week.

Facebook shares fell 3% on Tuesday after the company said users were sharing fewer photos.

The photo of the senator, taken in 1987, was shared more than a million times.

Readers who clicked "Read more" were counted as engaged, the study found.

“Will readers still think a digital subscription is worth paying for?” the analyst asked.
""",
    "other-languages-sentences-about-furniture-stay": """
Die Werbeeinnahmen der Zeitung sanken im dritten Quartal um vier Prozent.

Le journal a perdu 10 000 abonnés en un an, selon son directeur.

El número de suscriptores del periódico creció un 12 % en 2019.

La foto del ministro è stata condivisa migliaia di volte sui social.

Число подписчиков газеты выросло на 10% за год.
""",
    "de-paragraph-ending-in-capitalised-nouns": """
Stadtrat vertagt Entscheidung über den Busbahnhof

Der Stadtrat hat am Donnerstagabend die Entscheidung über den Umbau des Busbahnhofs erneut vertagt, weil sich die Fraktionen nicht auf eine Finanzierung einigen konnten. Die Verwaltung rechnet inzwischen mit deutlich höheren Kosten als vor zwei Jahren. Wie viel genau? Zwölf Millionen Euro

Die Busunternehmen hatten auf eine schnelle Einigung gehofft.

~ Foto: Anna Beispiel
""",
    "en-credit-above-caption-and-newsletter-box": """
The city will plant 10,000 trees along its main roads by 2025, the mayor said on Friday.

~ Photo: Jane Roe/AP
~ Volunteers plant a row of oaks along Mill Road on Friday.

The first 500 trees go in this autumn.

~ Breaking News Emails
~ Have the big stories of the day sent to your inbox the moment they break.
~ Email address (required)
~ Thanks for signing up!

The plan costs about $4 million.
""",
    "de-autorennotiz-und-kontakt": """
Die Stadt will bis 2025 zehntausend Bäume an ihren Hauptstraßen pflanzen.

Die ersten 500 Bäume sollen noch in diesem Herbst gesetzt werden.

~ Über den Autor
~ Anna Schmidt ist Redakteurin im Ressort Lokales.
~ Erreichen Sie die Autorin unter anna.schmidt@example.de
""",
    "fr-commentaires-de-blog": """
La mairie plantera dix mille arbres le long des grands axes d'ici 2025.

Les premiers arbres seront plantés cet automne.

~ 3 réflexions sur « Dix mille arbres pour la ville »
~ Laisser un commentaire
~ Please enable JavaScript to view the comments.
""",
    "en-dateline-opening-stays": """
SPRINGFIELD, ILLINOIS

The state's largest hospital network said on Monday it would open two new clinics.

The clinics will serve about 40,000 patients a year.
""",
    "en-lists-and-headings-stay": """
The council published its list of projects for next year:

* A new bridge over the river
* Two more bus lines to the hospital
* Longer opening hours at the library

WHAT THE MAYOR SAID

The mayor said the bridge was the most urgent of the three.

Council Meets Again in March

The next vote is set for March 3.
""",
}


def _parse(doc: str) -> tuple[str, list[str], list[str]]:
    """The raw document, its article lines and its furniture lines."""
    raw, keep, furniture = [], [], []
    for line in doc.strip("\n").split("\n"):
        if line.startswith(MARK):
            line = line[len(MARK):]
            furniture.append(normalise(line))
        elif line.strip():
            keep.append(normalise(line))
        raw.append(line)
    return "\n".join(raw) + "\n", keep, furniture


@pytest.mark.parametrize("name", sorted(CASES))
def test_pipeline_removes_furniture_and_keeps_the_article(name):
    raw, keep, furniture = _parse(CASES[name])
    result = clean(raw)
    kept = ([result.title] if result.title else []) + list(result.paragraphs)
    assert kept == keep
    assert sorted(r.text for r in result.removed) == sorted(furniture)


def test_a_headline_is_taken_as_the_title_and_a_dateline_is_not():
    headline = clean("Council closes Main Street to cars\n\nThe vote was 7 to 2.\n")
    dateline = clean("SPRINGFIELD, ILLINOIS\n\nThe vote was 7 to 2.\n")
    assert headline.title == "Council closes Main Street to cars"
    assert dateline.title is None and dateline.paragraphs[0] == "SPRINGFIELD, ILLINOIS"


def test_cases_cover_many_languages_and_counterexamples():
    assert len(CASES) >= 15
    assert sum("\n" + MARK not in "\n" + doc for doc in CASES.values()) >= 3
