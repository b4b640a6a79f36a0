"""Finding the article in whole-page text dumps (region.py and its pipeline step).

Every page here is written by hand from parts: a header menu, a headline, a byline,
the article, teaser lists, a comment section, a footer. Each part is laid out the
way one kind of tool flattens a page: inscriptis (indentation and `*` bullets),
html-text (flat lines) or html2text (markdown, paragraphs wrapped at 78 columns).
"""

from __future__ import annotations

import json
import textwrap

import pytest
from click.testing import CliRunner

from newsclean import Config, clean, pipeline, region, scorer
from newsclean.cli import main
from newsclean.lines import split_lines
from newsclean.region import NAME, locate

AUTO, PAGE, ARTICLE = Config(mode="auto"), Config(mode="page"), Config(mode="article")

EN_TITLE = "Harbour town votes to rebuild its storm-battered sea wall"
EN = (
    "The town council of Port Ellery voted on Tuesday night to rebuild the old sea wall, "
    "which was badly damaged by the storms that struck the coast in the first week of January.",
    "The new wall will be two metres higher than the old one and will be built of concrete "
    "rather than stone, according to the plan that the council approved by a vote of six to one.",
    "Residents who live along the harbour said they had waited for the decision for a long time. "
    "Several of them told the meeting that their cellars had flooded three times in the past year.",
    "The work is expected to begin in the spring and to take about eighteen months. The council "
    "said that the road along the harbour would stay open for most of that time.",
    "The only member who voted against the plan said that the town should first ask the regional "
    "government to pay for a larger part of the cost, which is put at four million euros.",
    "The mayor said she would write to the regional government this week, but that the town could "
    "not afford to wait for an answer while the next winter was coming.",
)

DE_TITLE = "Stadtrat beschließt den Neubau der alten Brücke am Hafen"
DE = (
    "Der Stadtrat hat am Dienstagabend mit großer Mehrheit beschlossen, die alte Brücke am Hafen "
    "abzureißen und durch einen Neubau zu ersetzen, der auch für Radfahrer sicher ist.",
    "Die Brücke war im vergangenen Jahr bei einer Prüfung als nicht mehr sicher eingestuft worden. "
    "Seitdem dürfen nur noch Fußgänger und Radfahrer über die Brücke fahren.",
    "Nach dem Plan der Verwaltung sollen die Arbeiten im Herbst beginnen und etwa zwei Jahre dauern. "
    "In dieser Zeit wird eine Fähre die beiden Ufer des Hafens verbinden.",
    "Die Kosten werden auf rund zwölf Millionen Euro geschätzt. Das Land hat zugesagt, mehr als die "
    "Hälfte davon zu übernehmen, wenn die Stadt den Rest aus eigenen Mitteln zahlt.",
    "Mehrere Anwohner sagten in der Sitzung, dass sie sich über die Entscheidung freuen, aber auch "
    "Sorgen wegen des Lärms auf der Baustelle haben, der sie über Monate begleiten wird.",
)

ES_TITLE = "El ayuntamiento aprueba un plan para ahorrar agua durante la sequía"
ES = (
    "El ayuntamiento aprobó el martes un plan para reducir el consumo de agua en la ciudad durante "
    "los meses de verano, cuando la sequía que sufre la región será más dura.",
    "El plan prohíbe regar los jardines públicos durante el día y limita el llenado de las piscinas "
    "privadas, que solo se podrán llenar una vez por temporada.",
    "Según el alcalde, los embalses que abastecen a la ciudad están por debajo de la mitad de su "
    "capacidad, y no se espera que llueva mucho antes del otoño.",
    "Los vecinos podrán consultar en la web del ayuntamiento cuánta agua gastan cada mes y recibirán "
    "una bonificación en la factura si consumen menos que el año pasado.",
    "La oposición votó a favor del plan, pero pidió que se revisen también las pérdidas de la red, "
    "que según sus cálculos se lleva casi una quinta parte del agua.",
)

RU_TITLE = "Городской совет одобрил ремонт старого моста через реку"
RU = (
    "Городской совет во вторник одобрил план ремонта старого моста через реку, который был закрыт "
    "для машин после проверки, проведённой в начале года.",
    "По словам мэра, работы начнутся весной и продлятся около полутора лет. Всё это время по мосту "
    "смогут ходить пешеходы, а для машин откроют объезд.",
    "Ремонт обойдётся городу примерно в триста миллионов рублей. Часть этих денег выделит область, "
    "остальное город заплатит из своего бюджета.",
    "Жители соседних домов сказали на заседании, что давно ждали этого решения, но боятся шума, "
    "который будет сопровождать работы на мосту.",
    "Депутаты попросили администрацию каждый месяц сообщать о ходе ремонта и о том, как "
    "расходуются деньги, выделенные на эти работы.",
)

MENU = ("Home", "News", "Local", "World", "Business", "Sport", "Culture", "Opinion", "Weather",
        "Podcasts", "Newsletters", "Subscribe", "Sign in")
SECTIONS = ("Politics", "Economy", "Science", "Health", "Travel", "Food", "Motoring", "Property",
            "Jobs", "Obituaries", "Puzzles", "Archive")
FOOTER = ("About us", "Contact", "Careers", "Advertise", "Privacy policy", "Terms of use",
          "Cookie settings", "Accessibility", "Help centre", "Site map", "Corrections")
TEASERS = (
    ("Ferry timetable changes for the winter months", "Two evening crossings will be dropped from November."),
    ("Lifeboat crew honoured for night rescue", "The volunteers brought four fishermen ashore in a gale."),
    ("New bakery opens on the market square", "The owners moved back to the town after ten years away."),
    ("School choir wins regional contest", "Forty pupils sang at the final in the county hall."),
    ("Road closed after landslip near the cliffs", "Engineers are checking the slope above the coast road."),
    ("Harbour festival returns next summer", "Organisers promise boat races and a night market."),
)
COMMENTS = (
    ("harbourwatcher", "I have lived on the front for thirty years and this is the first time the council "
                       "has listened to us. I only hope the money is there when the builders arrive."),
    ("Ellen M.", "Two metres is not enough. The storms are getting worse every winter and we will be "
                 "back in this room in ten years asking for the same thing again, mark my words."),
    ("old salt", "Why concrete? The stone wall stood for a hundred and fifty years and it only failed "
                 "because nobody repaired it. Spend the money on keeping what we have in good order."),
    ("J. Porter", "Good news for the shops on the harbour road, which lost most of their trade in "
                  "January when the water came in and the whole street was closed for a week."),
    ("marina_kid", "Will the boat ramp stay open while the work goes on? Nobody at the meeting could "
                   "say, and the summer season is when we need it most of all."),
)


# -- layouts ------------------------------------------------------------------------


def inscriptis(parts: list[tuple[str, object]]) -> str:
    """Indented blocks and `*` bullets, a blank line between paragraphs."""
    out: list[str] = []
    for kind, value in parts:
        if kind == "menu":
            out += [f"    * {item}" for item in value] + [""]
        elif kind == "nested":
            for i, item in enumerate(value):
                out.append(f"    * {item}" if i % 4 == 0 else f"              o {item}")
            out.append("")
        elif kind == "heading":
            out += [f"      {value}", ""]
        elif kind == "line":
            out.append(f"      {value}")
        elif kind == "paragraphs":
            for p in value:
                out += [f"        {p}", ""]
        elif kind == "teasers":
            for head, summary in value:
                out += [f"          {head}", "", f"          {summary}", ""]
        elif kind == "comments":
            for user, text in value:
                out += [f"        * {user}", "          3 hours ago", "", f"          {text}", "", "          Reply", ""]
    return "\n".join(out) + "\n"


def flat(parts: list[tuple[str, object]]) -> str:
    """html-text style: every block on its own lines, no indentation, no bullets."""
    out: list[str] = []
    for kind, value in parts:
        if kind in ("menu", "nested"):
            out += list(value) + [""]
        elif kind == "heading":
            out += [value, ""]
        elif kind == "line":
            out.append(value)
        elif kind == "paragraphs":
            for p in value:
                out += [p, ""]
        elif kind == "teasers":
            for head, summary in value:
                out += [head, summary, ""]
        elif kind == "comments":
            for user, text in value:
                out += [user, "3 hours ago", text, "Reply", ""]
    return "\n".join(out) + "\n"


def markdown(parts: list[tuple[str, object]]) -> str:
    """html2text style: links as [text](url), `#` headings, paragraphs wrapped at 78."""
    out: list[str] = []

    def link(text: str) -> str:
        return f"[{text}](https://example.org/{text.lower().replace(' ', '-')}/)"

    for kind, value in parts:
        if kind in ("menu", "nested"):
            out += [f"  * {link(item)}" for item in value] + [""]
        elif kind == "heading":
            out += [f"# {value}", ""]
        elif kind == "line":
            out += [value, ""]
        elif kind == "paragraphs":
            for p in value:
                out += [textwrap.fill(p, 78), ""]
        elif kind == "teasers":
            for head, summary in value:
                out += [f"### {link(head)}", "", textwrap.fill(summary, 78), ""]
        elif kind == "comments":
            for user, text in value:
                out += [f"**{user}** 3 hours ago", "", textwrap.fill(text, 78), "", link("Reply"), ""]
    return "\n".join(out) + "\n"


LAYOUTS = {"inscriptis": inscriptis, "flat": flat, "markdown": markdown}


def news_page(article=EN, title=EN_TITLE, *, before=True, after=True, comments=False) -> list[tuple[str, object]]:
    parts: list[tuple[str, object]] = []
    if before:
        parts += [("menu", MENU), ("nested", SECTIONS)]
    parts += [("heading", title), ("line", "By Maria Lund"), ("line", "Published 12 March 2024"),
              ("paragraphs", article)]
    if comments:
        parts += [("heading", "5 Comments"), ("comments", COMMENTS)]
    if after:
        parts += [("heading", "More from the coast"), ("teasers", TEASERS), ("menu", FOOTER),
                  ("line", "© 2024 Coast Media Ltd. All rights reserved.")]
    return parts


def body(article) -> str:
    return "\n\n".join(article)


# -- where the article stands ---------------------------------------------------------


def test_markdown_links_and_images_over_several_lines_stay_inside_the_article():
    # html2text breaks a link's or an image's text across lines and never breaks its
    # target; the whole link is one piece of furniture, not one per line.
    linked = (
        "The new wall will be two metres higher than the old one and will be built of [reinforced\n"
        "concrete](https://example.org/engineering/reports/2024/sea-wall-design-options-final-version.pdf)\n"
        "rather than stone, according to the plan that the council approved on Tuesday."
    )
    image = ("![The harbour front after the January storms\n#storm\n#harbour\n#coast\n#floods\n#seawall\n"
             "#council\n#winter](https://example.org/images/2024/harbour-front-after-storms.jpg)")
    article = [textwrap.fill(p, 78) for p in EN[:1]] + [linked] + [textwrap.fill(p, 78) for p in EN[2:-1]]
    article += [image, textwrap.fill(EN[-1], 78)]
    page = markdown([("menu", MENU), ("nested", SECTIONS), ("heading", EN_TITLE)])
    page += "\n\n".join(article) + "\n\n" + markdown([("menu", FOOTER)])
    result = clean(page, AUTO)
    assert result.meta["article_found"] is True
    text = " ".join(result.text.split())
    for p in (EN[0],) + EN[2:]:
        assert p in text
    assert "rather than stone" in text


@pytest.mark.parametrize("layout", LAYOUTS)
def test_article_in_the_middle_of_a_page(layout):
    result = clean(LAYOUTS[layout](news_page()), AUTO)
    assert result.meta["article_found"] is True
    # html2text wraps paragraphs, so compare words rather than lines.
    assert result.text.split() == body(EN).split()
    assert result.title == EN_TITLE


def test_the_headline_the_page_title_repeats_wins_over_a_nearer_kicker():
    kicker = "Coastal towns and the cost of storms"
    parts = [("line", EN_TITLE + " - Coast Media"), ("menu", MENU), ("nested", SECTIONS),
             ("heading", EN_TITLE), ("heading", kicker), ("line", "By Maria Lund"),
             ("paragraphs", EN), ("menu", FOOTER)]
    result = clean(flat(parts), AUTO)
    assert result.title == EN_TITLE
    assert kicker not in result.text


@pytest.mark.xfail(strict=True, reason="the learned scorer does not yet take this short hand-built page for a whole page")
def test_article_at_the_top_of_a_page():
    result = clean(flat(news_page(before=False)), AUTO)
    assert result.meta["article_found"] is True
    assert result.text == body(EN)
    assert not any(t in result.text for t, _ in TEASERS)


def test_article_at_the_end_of_a_page():
    result = clean(inscriptis(news_page(after=False)), AUTO)
    assert result.meta["article_found"] is True
    assert result.text == body(EN)
    assert "Newsletters" not in result.text


def test_long_comment_section_after_the_article_is_left_out():
    page = inscriptis(news_page(comments=True))
    result = clean(page, AUTO)
    assert result.text == body(EN)
    assert not any(text[:40] in result.text for _, text in COMMENTS)


def test_comments_outweighing_a_short_article_do_not_win():
    short = EN[:2]
    result = clean(flat(news_page(article=short, comments=True)), PAGE)
    assert result.text == body(short)


BUS_TITLE = "Night bus to the airport returns after two years"
BUS = (
    "The night bus between the old town and the airport will run again from the first of May, "
    "the transport board said on Friday.",
    "It will leave every forty minutes between midnight and five in the morning and stop at the "
    "main station on the way.",
)
ABOUT_US = (
    "The Riverside Courier is an independent local paper that has been written and printed in the "
    "valley since the year the railway came.",
    "We are owned by a trust of our readers, and every penny we make goes back into reporting on the "
    "towns and villages we serve.",
)


def _footer_page(layout):
    parts = [("menu", MENU), ("nested", SECTIONS), ("heading", BUS_TITLE), ("paragraphs", BUS),
             ("heading", "More from the city"), ("teasers", TEASERS), ("menu", FOOTER[:5]),
             ("paragraphs", ABOUT_US), ("menu", FOOTER[5:])]
    return LAYOUTS[layout](parts)


@pytest.mark.parametrize("layout", ["flat", "inscriptis"])
def test_a_short_article_outweighed_by_a_footer_about_the_paper_is_the_region(layout):
    # The longest run of prose on this page is the footer's "about us", at the foot
    # of the page; the region model reads where each stretch stands and picks the
    # article under the page's headline.
    page = _footer_page(layout)
    lines = split_lines(page)
    found = locate(lines, force=True)
    assert lines[found.start].text.strip() == BUS[0]
    result = clean(page, PAGE)
    assert result.meta["article_found"] is True
    assert result.paragraphs == BUS


@pytest.mark.parametrize("layout", ["flat", "inscriptis"])
def test_a_region_holding_little_of_the_prose_is_not_believed(layout, monkeypatch):
    # Were the region drawn at the footer's "about us", the article above it would
    # hold most of the page's prose outside the region. Auto mode does not believe
    # such a region and lets the scorer judge every line, so the article stays.
    page = _footer_page(layout)
    lines = split_lines(page)

    def footer_first(stretches, model):
        return next(k for k, (s, _) in enumerate(stretches.spans) if lines[s].text.strip() == ABOUT_US[0])

    monkeypatch.setattr(region.Stretches, "first", footer_first)
    monkeypatch.setattr(region.Stretches, "grow", lambda stretches, span, join: span)
    found = locate(lines, force=True)
    assert lines[found.start].text.strip() == ABOUT_US[0]  # the premise: the region is the footer
    # The fitted share is data; the footer's region holds just under the one set here.
    share = pipeline.prose_kept(lines, [found.start <= i <= found.end for i in range(len(lines))])
    model = scorer.load()
    monkeypatch.setattr(scorer, "load", lambda: model._replace(region_share=share + 0.01))
    result = clean(page, AUTO)
    assert result.meta["article_found"] is False and result.region is None
    assert all(p in result.paragraphs for p in BUS)


PACKING = ("Warm gloves", "A head torch", "Spare socks", "A flask of tea", "Waterproof trousers",
           "A paper map", "Plasters and tape", "Something sweet")
WALK_TITLE = "Winter walks on the coast path: how to stay safe"
WALK_BEFORE = (
    "The coast path is at its most beautiful in the winter months, when the crowds have gone and the "
    "light over the sea changes by the hour, but the short days catch out many walkers.",
    "Rangers say most of the people they help in winter set out too late, or without the things they "
    "need once the weather turns. Before you leave, check that you carry what you need.",
)
WALK_AFTER = (
    "Tell someone where you are going and when you expect to be back, and keep your phone in an inside "
    "pocket, where the cold will not drain its battery so quickly.",
    "If the path is closed because of a landslip, do not climb round the barriers: the cliffs can keep "
    "moving for weeks after a fall, and the ground that looks firm may not be.",
    "The rangers run guided walks every Saturday until the end of March. They are free, and walkers of "
    "every age are welcome, although children should be able to manage eight miles.",
)


@pytest.mark.parametrize("layout", ["flat", "inscriptis"])
def test_an_article_broken_by_its_own_list_is_one_region(layout):
    # A list of short items inside the article breaks its prose into two stretches;
    # the join model reads the stretch after the list as more of the same article.
    parts = [("menu", MENU), ("nested", SECTIONS), ("heading", WALK_TITLE), ("line", "By Maria Lund"),
             ("paragraphs", WALK_BEFORE), ("menu", PACKING), ("paragraphs", WALK_AFTER),
             ("heading", "More from the coast"), ("teasers", TEASERS), ("menu", FOOTER)]
    lines = split_lines(LAYOUTS[layout](parts))
    found = locate(lines, force=True)
    texts = [line.text.strip() for line in lines[found.start:found.end + 1]]
    assert texts[0] == WALK_BEFORE[0]
    assert WALK_AFTER[-1] in texts
    assert not any(head in texts for head, _ in TEASERS)


def test_a_caption_and_an_ad_slot_inside_the_article_are_bridged():
    article = list(EN[:3]) + ["Advertisement", "The old wall, seen from the harbour in January."] + list(EN[3:])
    result = clean(inscriptis(news_page(article=article)), PAGE)
    assert result.meta["article_found"] is True
    for p in EN:
        assert p in result.paragraphs


DATES = tuple(f"{d} June: harbour stage, doors open at {h} pm" for d, h in zip(range(2, 26, 3), (6, 7, 8) * 3))


def test_a_list_the_article_announces_at_its_end_is_kept():
    article = EN + ("The festival dates:",)
    parts = news_page(article=article, after=False) + [("paragraphs", DATES), ("menu", FOOTER)]
    result = clean(inscriptis(parts), AUTO)
    assert result.paragraphs[-len(DATES):] == DATES
    assert "Privacy policy" not in result.text


def test_a_numbered_list_after_the_article_without_an_announcement_goes():
    popular = tuple(f"{n}. {head}" for n, (head, _) in enumerate(TEASERS, 1))
    parts = news_page(after=False) + [("heading", "Most read"), ("paragraphs", popular), ("menu", FOOTER)]
    result = clean(flat(parts), AUTO)
    assert result.text == body(EN)


@pytest.mark.xfail(strict=True, reason="the fitted whole-page threshold keeps one copy of a one-sentence teaser "
                   "printed twice outside the region: it scores just above it")
def test_summaries_printed_twice_on_the_page_are_not_article_text():
    summaries = (
        "The ferry company said on Monday that two evening crossings would be dropped from the winter timetable.",
        "Volunteers from the lifeboat station were honoured for bringing four fishermen ashore in a gale.",
        "A bakery has opened on the market square, run by a couple who moved back to the town this year.",
    )
    most_read = [("heading", "Most read")] + [("line", s) for s in summaries]
    parts = ([("menu", MENU)] + most_read + [("menu", SECTIONS)]
             + news_page(before=False, after=False)
             + most_read + [("menu", FOOTER)])
    result = clean(flat(parts), AUTO)
    assert result.text == body(EN)


def test_title_case_question_headlines_after_the_article_are_not_prose():
    questions = (
        "Is This The Best Harbour Town In The Whole Of The Country?",
        "Why Are So Many Of Our Young People Leaving The Coast For Good?",
        "What Will The New Sea Wall Mean For The Price Of Your House?",
    )
    parts = news_page(after=False) + [("heading", "Opinion"), ("menu", questions), ("menu", FOOTER)]
    result = clean(flat(parts), AUTO)
    assert result.text == body(EN)


def test_an_article_with_an_ad_slot_between_every_paragraph_is_found():
    firsts = tuple(p.split(". ")[0].rstrip(".") + "." for p in EN)
    article = tuple(x for p in firsts for x in (p, "Advertisement"))
    for layout in (flat, inscriptis):
        result = clean(layout(news_page(article=article)), AUTO)
        assert result.meta["article_found"] is True
        assert all(p in result.paragraphs for p in firsts)


def test_a_short_news_brief_is_an_article():
    brief = EN[:2]
    result = clean(inscriptis(news_page(article=brief)), AUTO)
    assert result.meta["article_found"] is True
    assert result.text == body(brief)


@pytest.mark.xfail(strict=True, reason="the learned scorer does not yet drop a prose-like cookie notice outside the article")
def test_a_cookie_notice_above_a_comment_counter_is_not_the_article():
    notice = ("This website stores small files called cookies on your computer so that pages load faster "
              "and adverts suit you. If you keep reading, we take it that cookies are fine with you, as "
              "our cookie policy and privacy notice explain.")
    settings = ("You can change your cookie settings at any time in the settings of your browser, where "
                "you can also delete the cookies that have already been stored on your device.")
    parts = [("line", notice), ("line", settings), ("menu", MENU), ("heading", EN_TITLE), ("line", "By Maria Lund"),
             ("line", "5 Comments"), ("paragraphs", EN), ("menu", FOOTER)]
    result = clean(flat(parts), AUTO)
    assert result.text == body(EN)


def test_a_listing_page_has_no_article_and_is_cleaned_as_one_rather_than_emptied():
    parts = [("menu", MENU), ("nested", SECTIONS), ("heading", "Latest news"),
             ("teasers", TEASERS + TEASERS[:3]), ("menu", FOOTER)]
    for layout in LAYOUTS.values():
        result = clean(layout(parts), AUTO)
        assert result.meta.get("article_found") is False
        assert result.region is None
        # Its summaries are prose: auto mode never answers prose with nothing.
        assert any(summary in result.text for _, summary in TEASERS)
        assert NAME not in {r.filter for r in result.removed}


def test_a_text_cleaned_as_an_article_is_cleaned_as_the_article_alone_when_the_scorer_keeps_too_little(
        monkeypatch):
    # A short article under a long comment thread: the text is cleaned as an
    # article, every line judged. Here the scorer keeps the first paragraph alone.
    text = flat(news_page(article=EN[:2], comments=True))
    lines = split_lines(text)
    first = next(i for i, line in enumerate(lines) if line.text == EN[0])
    monkeypatch.setattr(scorer, "judge_columns",
                        lambda columns, model=None: [5.0 if i == first else -5.0 for i in range(len(lines))])
    share = pipeline.prose_kept(lines, [i == first for i in range(len(lines))])
    assert 0 < share < 1
    model = scorer.load()
    for prose_kept, alone in ((share - 0.01, False), (share, True)):
        # Every region holding less than all the prose is cleaned as an article.
        scorer.install(model._replace(prose_kept=prose_kept, region_share=1.0))
        try:
            _, marks, keep = pipeline._decide(text, AUTO)
        finally:
            scorer.install(model)
        assert marks.page == 3
        kept = [line.text for line, k in zip(lines, keep) if k]
        if alone:
            # Only what a rule marked goes: the second paragraph and the comments stay.
            assert EN[1] in kept and keep == [t == 0 for t in marks.taken]
        else:
            assert kept == [EN[0]]


def test_prose_kept_counts_the_words_of_sentences_on_kept_lines():
    lines = split_lines(
        "Home\nThe council voted on Monday to close the old bridge to all traffic.\n"
        "Weather\nThe new bridge will open next spring, two years later than planned, officials said.\n"
    )
    assert pipeline.prose_kept(lines, [True] * 4) == 1.0
    assert pipeline.prose_kept(lines, [True, False, True, True]) == pytest.approx(14 / 27)
    assert pipeline.prose_kept(lines, [True, False, True, False]) == 0.0
    assert pipeline.prose_kept(split_lines("Home\nWeather\n"), [False, False]) == 1.0


def test_a_listing_with_one_line_summaries_is_not_taken_for_an_article():
    parts = [("menu", MENU)] + [("teasers", TEASERS)] * 3 + [("menu", FOOTER)]
    result = clean(inscriptis(parts), PAGE)
    assert result.meta["article_found"] is False
    assert result.text == ""


# -- languages ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "article, title", [(DE, DE_TITLE), (ES, ES_TITLE), (RU, RU_TITLE)], ids=["de", "es", "ru"]
)
@pytest.mark.parametrize("layout", ["inscriptis", "flat"])
def test_non_english_pages(article, title, layout):
    result = clean(LAYOUTS[layout](news_page(article=article, title=title, comments=True)), AUTO)
    # Read as a whole page. Where the five long comments hold most of the page's
    # prose, the region is not believed (article_found false) and the scorer judges
    # every line; either way the article, and only the article, is kept.
    assert "article_found" in result.meta
    assert result.text == body(article)
    assert result.title == title


# -- text that is already just the article ---------------------------------------------------


ALREADY_CLEAN = EN_TITLE + "\n\n" + body(EN) + "\n"


def test_auto_leaves_a_bare_article_alone():
    result = clean(ALREADY_CLEAN, AUTO)
    assert result.region is None
    assert "article_found" not in result.meta
    assert result.title == EN_TITLE and result.text == body(EN)


def test_auto_leaves_an_article_with_a_list_alone():
    dates = [f"{d} June: concert at the harbour stage, doors open at {h} pm" for d, h in
             zip(range(1, 30, 2), [6, 7, 8] * 5)]
    text = body(EN[:3]) + "\n\nThe festival dates:\n" + "\n".join(dates) + "\n"
    result = clean(text, AUTO)
    assert result.region is None
    assert all(d in result.paragraphs for d in dates)


READERS_BOOKS = (
    ("Marta Quill", "The Salt Orchard"), ("Tobias Wren", "Northbound"), ("Ines Calder", "A House of Small Weather"),
    ("Peter Osei", "The Lantern Year"), ("Hanna Brook", "Ferry Songs"), ("Leo Marsh", "Copper and Rain"),
    ("Ada Finch", "What the River Kept"), ("Sam Ortega", "The Quiet Engine"), ("Nora Vale", "Glass Harbour"),
    ("Emil Strand", "Winter Accounts"), ("Rosa Imre", "The Cartographer's Daughter"), ("Jon Amari", "Low Tide"),
    ("Clara Pinto", "Twelve Bridges"), ("Otto Lind", "The Paper Garden"), ("Mina Kaur", "Field Notes on Leaving"),
    ("Felix Dunn", "Halfway Lights"), ("Greta Sol", "An Atlas of Rooms"), ("Yusuf Tan", "The Long Corridor"),
)


def test_auto_leaves_an_article_that_is_mostly_a_grouped_list_alone():
    # A few paragraphs, then the list they introduce, in groups under short
    # headings: many short lines, but all of them after the prose, none before it.
    intro = (
        "Every December our readers send in the books that stayed with them through the year, and every December we count them.",
        "This year 212 readers wrote in, naming 640 different books between them; the ones below were named by five readers or more.",
        "They are grouped by how many readers chose them, most first, and within each group in the order the letters arrived.",
    )
    lines = list(intro)
    for k in range(0, len(READERS_BOOKS), 2):
        lines.append(f"{19 - k} readers:")
        lines += [f"{author}, {title}" for author, title in READERS_BOOKS[k:k + 2]]
    result = clean("\n".join(lines) + "\n", AUTO)
    assert result.region is None
    assert list(result.paragraphs) == lines


def test_page_mode_on_a_bare_article_keeps_all_of_it():
    result = clean(ALREADY_CLEAN, PAGE)
    assert result.text == body(EN)


# -- modes ----------------------------------------------------------------------------


def test_article_mode_skips_region_finding():
    page = inscriptis(news_page())
    result = clean(page, ARTICLE)
    assert result.region is None and "article_found" not in result.meta
    assert NAME not in {r.filter for r in result.removed}
    assert TEASERS[0][1] in result.text


def test_page_mode_forces_region_finding_where_auto_declines():
    # A thin page: too little furniture for auto to call it a page.
    text = "Home\nNews\nSport\n\n" + body(EN) + "\n\nAbout us\nContact\n"
    assert clean(text, AUTO).region is None
    forced = clean(text, PAGE)
    assert forced.text == body(EN)
    assert [r.text for r in forced.removed if r.filter == NAME] == ["Home", "News", "Sport", "About us", "Contact"]


def test_without_keep_title_the_headline_goes_with_the_page():
    result = clean(inscriptis(news_page()), Config(mode="page", keep_title=False))
    assert result.title is None
    assert result.text == body(EN)
    assert EN_TITLE in {r.text for r in result.removed if r.filter == NAME}


def test_disabling_region_is_article_mode():
    page = flat(news_page())
    assert clean(page, Config(mode="page", disabled=frozenset({NAME}))).text == clean(page, ARTICLE).text


def test_empty_text_has_no_region():
    assert locate([], force=True) is None
    assert clean("", PAGE).paragraphs == ()


# -- what the result reports --------------------------------------------------------------


def test_kept_and_removed_lines_add_up_to_the_input():
    page = inscriptis(news_page(comments=True))
    result = clean(page, AUTO)
    lines = split_lines(page)
    accounted = len(result.removed) + len(result.paragraphs) + (1 if result.title else 0)
    assert accounted == len(lines)


def test_region_spans_the_article_lines():
    page = flat(news_page())
    result = clean(page, AUTO)
    numbered = page.splitlines()
    first, last = result.region
    assert numbered[first - 1] == EN[0]
    assert numbered[last - 1] == EN[-1]


def test_json_reports_the_region_and_the_lines_outside_it(tmp_path):
    path = tmp_path / "page.txt"
    page = inscriptis(news_page())
    path.write_text(page, encoding="utf-8")
    run = CliRunner().invoke(main, [str(path), "--format", "json", "--mode", "page"])
    assert run.exit_code == 0, run.output
    data = json.loads(run.stdout)
    numbered = page.splitlines()
    assert numbered[data["region"]["first_line"] - 1].strip() == EN[0]
    assert numbered[data["region"]["last_line"] - 1].strip() == EN[-1]
    assert data["article_found"] is True
    outside = [r for r in data["removed"] if r["filter"] == NAME]
    assert {r["text"] for r in outside} >= {"* Home", "* About us", TEASERS[0][0]}
    assert all(r["line"] < data["region"]["first_line"] or r["line"] > data["region"]["last_line"] for r in outside)


def test_json_says_when_no_article_was_found(tmp_path):
    path = tmp_path / "listing.txt"
    path.write_text(flat([("menu", MENU), ("teasers", TEASERS * 2), ("menu", FOOTER)]), encoding="utf-8")
    run = CliRunner().invoke(main, [str(path), "--format", "json", "--mode", "page"])
    assert run.exit_code == 0, run.output
    data = json.loads(run.stdout)
    assert data["article_found"] is False and data["text"] == "" and "region" not in data

