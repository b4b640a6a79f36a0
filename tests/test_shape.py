"""Text shape: hard-wrapped paragraphs rejoined (unwrap.py) and the headline found
whether a blank line or the first paragraph follows it (pipeline._is_title).

Every text here is written for these tests.
"""

from __future__ import annotations

import json
import textwrap

import pytest
from click.testing import CliRunner

from newsclean import Config, clean
from newsclean.cli import main

ARTICLE = Config(mode="article")

EN_TITLE = "Lighthouse keepers return to Skarvik island after forty years"
EN = (
    "For the first time since the lamp was automated, two keepers will live on Skarvik island "
    "through the winter, the coastal authority announced on Thursday after a long review of its "
    "northern stations.",
    "The pair, a retired ferry engineer and his daughter, will look after the tower, record the "
    "weather every three hours and help the rescue service when boats get into trouble near the reef.",
    "Islanders on the mainland side of the sound welcomed the news, saying that an empty lighthouse "
    "had felt like a closed shop at the end of the village street, and that they hoped visitors "
    "would follow.",
    "The authority said the cottage beside the tower needs a new roof before anyone can move in, "
    "so the keepers are expected to arrive some time in late October, weather permitting.",
)

DE_TITLE = "Bergdorf bekommt nach zwölf Jahren wieder eine eigene Bäckerei"
DE = (
    "In dem kleinen Bergdorf oberhalb des Sees öffnet am Samstag wieder eine Bäckerei, nachdem "
    "die letzte vor zwölf Jahren geschlossen hatte und die Bewohner seitdem ins Tal fahren mussten.",
    "Die neue Bäckerin hat ihr Handwerk in der Stadt gelernt und ist mit ihrer Familie in das "
    "Haus ihrer Großeltern gezogen, wo früher schon einmal Brot für das ganze Dorf gebacken wurde.",
    "Der Bürgermeister sagte bei der Eröffnung, dass mit dem Laden auch ein Treffpunkt zurückkehre, "
    "den viele ältere Menschen im Ort in den vergangenen Jahren sehr vermisst hätten.",
)

ZH = (
    "山区小镇的图书馆周六重新开放，这座建于上世纪的老房子经过两年的修缮，增加了儿童阅览室和一间可以上网的自习室，"
    "每天开放到晚上九点。",
    "馆长说，修缮的费用一半来自县里的拨款，另一半是镇上居民和在外地工作的老乡捐的，很多人还送来了家里的旧书。",
    "开馆当天来了不少学生，他们说以前放学后没有地方写作业，现在终于有一个安静又暖和的地方了。",
)
ZH_TITLE = "山区小镇老图书馆修缮后重新开放"


def wrapped(paragraphs, width: int) -> str:
    return "\n\n".join(textwrap.fill(p, width) for p in paragraphs) + "\n"


def wrapped_cjk(paragraphs, chars: int) -> str:
    return "\n\n".join("\n".join(p[i:i + chars] for i in range(0, len(p), chars)) for p in paragraphs) + "\n"


# -- hard-wrapped text -----------------------------------------------------------------


@pytest.mark.parametrize("width", [66, 72, 80])
def test_english_wrapped_at_a_fixed_width_comes_out_as_paragraphs(width):
    result = clean(EN_TITLE + "\n\n" + wrapped(EN, width))
    assert result.title == EN_TITLE
    assert result.paragraphs == EN


@pytest.mark.parametrize("width", [68, 72, 76])
def test_german_wrapped_at_a_fixed_width_comes_out_as_paragraphs(width):
    result = clean(DE_TITLE + "\n\n" + wrapped(DE, width))
    assert result.title == DE_TITLE
    assert result.paragraphs == DE


def test_chinese_wrapped_at_a_fixed_width_is_joined_without_spaces():
    # 36 characters take 72 columns.
    assert clean(wrapped_cjk(ZH, 36), ARTICLE).paragraphs == ZH


def test_words_broken_at_their_hyphen_are_joined_whole():
    paragraphs = (
        "The storm-battered pier at the end of the promenade has reopened after "
        "a three-month repair, and the council says the long-awaited lift for wheelchair-users "
        "will follow next spring.",
    ) + EN[1:]
    text = wrapped(paragraphs, 78)
    assert "wheelchair-\nusers" in text
    assert clean(text, ARTICLE).paragraphs == paragraphs


def test_lines_of_an_email_as_a_mail_client_wraps_them():
    # Indented by a quoting tool, ending in a signature, a line broken on purpose.
    body = "\n".join("   " + line for line in textwrap.fill(EN[0], 70).splitlines())
    text = (body + "\n\n" + wrapped(EN[1:3], 70)
            + "\nSee you at the harbour on Friday.\nThanks,\nMarta Lindqvist\n")
    result = clean(text, ARTICLE)
    assert result.paragraphs[:3] == (EN[0],) + EN[1:3]
    assert result.paragraphs[3:] == ("See you at the harbour on Friday.", "Thanks,", "Marta Lindqvist")


def test_a_list_in_a_wrapped_text_stays_a_list():
    items = [
        "- Bring warm clothes",
        "- Check the ferry times",
        "1. Book the cottage early",
        "2. Pay the deposit by card",
    ]
    text = wrapped(EN[:2], 72) + "\nWhat to do before the trip:\n" + "\n".join(items) + "\n\n" + wrapped(EN[2:], 72)
    result = clean(text, ARTICLE)
    assert result.paragraphs == EN[:2] + ("What to do before the trip:",) + tuple(items) + EN[2:]


def test_a_wrapped_list_item_is_one_item():
    item = ("* The keepers will record the weather every three hours and send it to the met office on the "
            "mainland by radio")
    lines = textwrap.wrap(item, 72, subsequent_indent="  ")
    assert len(lines) == 2
    text = wrapped(EN[:2], 72) + "\n" + "\n".join(lines) + "\n* They will also help the rescue service\n\n"
    text += wrapped(EN[2:], 72)
    result = clean(text, ARTICLE)
    assert result.paragraphs == EN[:2] + (item, "* They will also help the rescue service") + EN[2:]


@pytest.mark.parametrize("layout", ["one per line", "blank lines", "markdown list", "short lines"])
def test_layouts_that_are_not_wrapped_are_left_as_they_are(layout):
    # The same paragraphs, wrapped, come out alike; laid out otherwise they keep
    # every line as it stands.
    lines = {
        "one per line": (EN_TITLE,) + EN,
        "blank lines": (EN_TITLE,) + EN,
        "markdown list": ("* [Harbour](https://example.org/harbour/) and the old pier walk",
                          "* [Island ferries](https://example.org/ferries/) winter timetable",
                          "* [Weather](https://example.org/weather/) for the northern coast",
                          "* [Lighthouses](https://example.org/lights/) along the sound today"),
        "short lines": ("The keepers arrive in October", "if the weather allows them to cross",
                        "and the roof of the cottage is done", "before the first of the storms",
                        "that close the sound for weeks", "every winter on the island"),
    }[layout]
    sep = "\n\n" if layout == "blank lines" else "\n"
    result = clean(sep.join(lines) + "\n", ARTICLE)
    assert ((result.title,) if result.title else ()) + result.paragraphs == lines
    assert clean(EN_TITLE + "\n\n" + wrapped(EN, 72), ARTICLE).paragraphs == EN


def test_a_wrapped_paragraph_that_goes_is_recorded_line_by_line():
    notice = ("\u00a9 2026 The Island Gazette Ltd. Every part of this page is ours, and none of it may be "
              "copied to another site or print edition without our written consent.")
    text = EN_TITLE + "\n\n" + wrapped(EN[:2] + (notice,) + EN[2:], 72)
    result = clean(text, ARTICLE)
    assert result.paragraphs == EN
    notice_lines = textwrap.wrap(notice, 72)
    removed = [(r.text, r.filter) for r in result.removed]
    assert removed == [(line, "legal") for line in notice_lines]
    numbered = dict(enumerate(text.splitlines(), 1))
    assert all(numbered[r.line] == r.text for r in result.removed)


def test_disable_unwrap_keeps_the_lines_as_they_are():
    text = wrapped(EN, 72)
    runner = CliRunner()
    on = runner.invoke(main, ["--format", "json", "--mode", "article"], input=text)
    off = runner.invoke(main, ["--format", "json", "--mode", "article", "--disable", "unwrap"], input=text)
    assert on.exit_code == off.exit_code == 0
    assert json.loads(on.stdout)["paragraphs"] == list(EN)
    assert json.loads(off.stdout)["paragraphs"] == [line for line in text.splitlines() if line]


def test_list_filters_shows_the_unwrap_step_before_the_region_step():
    listed = [line.split()[0] for line in CliRunner().invoke(main, ["--list-filters"]).stdout.splitlines()]
    assert listed.index("unwrap") < listed.index("region")


# -- the headline ------------------------------------------------------------------------


@pytest.mark.parametrize("title, body", [(EN_TITLE, EN), (DE_TITLE, DE), (ZH_TITLE, ZH)], ids=["en", "de", "zh"])
def test_the_headline_is_the_title_in_both_layouts(title, body):
    for sep in ("\n\n", "\n"):
        result = clean(sep.join((title,) + body) + "\n")
        assert result.title == title, repr(sep)
        assert result.paragraphs == body


def test_the_text_output_is_the_same_with_the_headline_as_title():
    text = "\n".join((EN_TITLE,) + EN) + "\n"
    runner = CliRunner()
    as_json = json.loads(runner.invoke(main, ["--format", "json"], input=text).stdout)
    assert as_json["title"] == EN_TITLE
    assert as_json["paragraphs"] == list(EN)
    assert runner.invoke(main, [], input=text).stdout == "\n\n".join((EN_TITLE,) + EN) + "\n"


def test_no_title_when_the_first_line_is_a_sentence_or_runs_on():
    sentence = "The keepers were chosen from more than two hundred people who applied."
    runs_on = "Two keepers chosen from the many who wrote to the"
    for first in (sentence, runs_on):
        result = clean("\n".join((first,) + EN) + "\n")
        assert result.title is None, first
        assert result.paragraphs[0] == first
    assert clean("\n".join((EN_TITLE,) + EN) + "\n").title == EN_TITLE
