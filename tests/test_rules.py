"""Rule ids: every removed line names the rule that took it, `filter.rule`.

A user traces a removed line to the code that took it (`--explain`, JSON `rule`)
and counts a rule's hits across a corpus, so every id must be listed, and every
removal, whichever path it came by (text, HTML, JSON Lines, site templates), must
carry one of the listed ids.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsclean import Config, clean, clean_bytes, html, region, templates
from newsclean.cli import main
from newsclean.cluster import LocalRunner
from newsclean.filters import FILTERS, NAMES, RULES as FILTER_RULES
from newsclean.jsonl import Job, clean_batch, clean_records
from newsclean.lines import split_lines
from newsclean.pipeline import SCORE, SCORE_RULE, STEP_NAMES, Marks, _result
from newsclean.rules import RULES

ROOT = Path(__file__).resolve().parent.parent

CASES = [(f, ex) for f in FILTERS for ex in f.examples]


def _unmarked(example: str) -> str:
    """An example's text without its context marks ("= " lines stay in the text)."""
    return "\n".join(line[2:] if line.startswith("= ") else line for line in example.split("\n"))


def _furniture(example: str) -> list[str]:
    return [line for line in example.split("\n") if line.strip() and not line.startswith("= ")]


def _alone(f) -> Config:
    """Only filter f runs, on the text taken as the article, with no title taken and
    no scorer to weigh its marks."""
    return Config(disabled=frozenset(n for n in NAMES if n != f.name) | {"score"}, mode="article",
                  keep_title=False)


def _step(rule_id: str) -> str:
    return rule_id.rsplit(".", 1)[0]


def _assert_well_named(removed) -> None:
    for r in removed:
        assert r.rule in RULES, f"{r.rule!r} (line {r.line}: {r.text!r}) is not in newsclean.rules.RULES"
        assert _step(r.rule) == r.filter, f"{r.rule!r} recorded under filter {r.filter!r}"


# ---------------------------------------------------------------- the list of ids


def test_rule_names_are_short_snake_case_and_unique_within_a_filter():
    for f in FILTERS:
        assert f.rules, f"{f.name} names no rule"
        assert len(set(f.rules)) == len(f.rules), f.name
        for rule in f.rules:
            assert re.fullmatch(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*", rule), f"{f.name}.{rule}"


def test_rules_lists_every_rule_in_the_order_the_steps_run():
    assert FILTER_RULES == tuple(f"{f.name}.{rule}" for f in FILTERS for rule in f.rules)
    assert RULES == html.RULES + (templates.RULE, region.RULE) + FILTER_RULES + (SCORE_RULE,)
    assert len(set(RULES)) == len(RULES)
    # Each step that removes lines has its rules in the list, and so has the extraction.
    assert {_step(r) for r in RULES} == set(STEP_NAMES[1:]) | {SCORE, templates.NAME, html.EXTRACT}


@pytest.mark.parametrize("f", FILTERS, ids=[f.name for f in FILTERS])
def test_every_rule_of_a_filter_takes_one_of_its_examples(f):
    # A listed rule no example shows is either dead or undocumented.
    shown = set()
    for example in f.examples:
        shown.update(r.rule for r in clean(_unmarked(example), _alone(f)).removed)
    assert shown == set(f.rule_ids)


def test_readme_lists_each_steps_rules():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = {line.split("`")[1]: line for line in readme.splitlines() if line.startswith("| `")}
    by_step: dict[str, list[str]] = {}
    for rule_id in RULES:
        by_step.setdefault(_step(rule_id), []).append(rule_id.rsplit(".", 1)[1])
    for step, names in by_step.items():
        assert rows[step].endswith(" | " + ", ".join(f"`{n}`" for n in names) + " |"), f"README row for {step}"


# ---------------------------------------------------------------- the library


@pytest.mark.parametrize("f, example", CASES, ids=[f"{f.name}:{ex[:40]}" for f, ex in CASES])
def test_each_example_goes_under_a_rule_of_its_filter(f, example):
    result = clean(_unmarked(example), _alone(f))
    assert sorted(r.text for r in result.removed) == sorted(line.strip() for line in _furniture(example))
    for r in result.removed:
        assert r.filter == f.name
        assert r.rule.startswith(f.name + ".") and r.rule in f.rule_ids


def test_a_line_goes_under_the_rule_that_took_it():
    text = (
        "Subscribe to our newsletter\n\n"
        "The ferry will run a winter timetable from next Monday, the operator said on Friday.\n\n"
        "Sign up now to get our weekly ferry news delivered to your inbox.\n\n"
        "© 2024 The Harbour Post\n\n"
        "Related stories\n* Harbour fees go up in spring\n* New pier opens in May\n"
    )
    got = [(r.text, r.filter, r.rule) for r in clean(text, Config(mode="article", keep_title=False)).removed]
    assert got == [
        ("Subscribe to our newsletter", "subscribe", "subscribe.label"),
        ("Sign up now to get our weekly ferry news delivered to your inbox.", "subscribe", "subscribe.pitch"),
        ("© 2024 The Harbour Post", "legal", "legal.copyright"),
        ("Related stories", "related", "related.header"),
        ("* Harbour fees go up in spring", "related", "related.teaser_list"),
        ("* New pier opens in May", "related", "related.teaser_list"),
    ]


def test_a_line_later_filters_would_also_take_keeps_the_first_filters_rule():
    # "Advertisement" is an ad label; a second copy of it would also be a repeat.
    text = "The ferry will run a winter timetable from next Monday.\n\nAdvertisement\n\nAdvertisement\n"
    assert [r.rule for r in clean(text, Config(mode="article")).removed] == ["ads.label", "ads.label"]
    # The scorer off: a repeat is an untrusted mark, which the scorer may keep.
    without_ads = Config(mode="article", disabled=frozenset({"ads", "score"}))
    assert [r.rule for r in clean(text, without_ads).removed] == ["repeated.copy"]


def _page() -> str:
    """A whole page written out as text: a menu, the story, more links, a footer."""

    def link(text: str) -> str:
        return f"  * [{text}](https://example.org/{text.lower().replace(' ', '-')}/)"

    menu = ["Home", "Local", "Weather", "Sport", "Opinion", "Obituaries", "Classifieds", "Contact us"]
    story = [
        "The county will rebuild the footbridge over Miller Creek this summer, its engineers told the council on Tuesday evening.",
        "Floods in February cracked two of the bridge's concrete piers, and the crossing has been shut to walkers and cyclists since.",
        "The new span will be made of steel and sit a metre higher than the old one, so that spring floods pass beneath it.",
        "Work is due to start in June and to finish before the school year begins, weather allowing, the engineers said.",
        "Residents who use the bridge to reach the station have been walking a two-kilometre detour along the main road.",
        "The council approved the spending without a vote against, and asked for monthly reports on the work as it goes on.",
    ]
    more = ["Library opens on Sundays from May", "Farmers market moves to the square", "Schools plan new bus routes",
            "Road works on the ring road next week", "Swimming pool reopens after repairs"]
    footer = ["About us", "Advertise with us", "Privacy", "Terms", "Careers"]
    out = [link(m) for m in menu] + ["", "# County to rebuild Miller Creek footbridge", ""]
    for paragraph in story:
        out += [paragraph, ""]
    out += ["## More local news", ""] + [link(t) for t in more] + [""] + [link(f) for f in footer]
    return "\n".join(out) + "\n"


def test_a_whole_page_names_the_region_step_and_the_scorer():
    result = clean(_page())
    assert result.region is not None
    _assert_well_named(result.removed)
    outside = [r for r in result.removed if r.filter == region.NAME]
    assert outside and all(r.rule == region.RULE for r in outside)
    assert "* [Home](https://example.org/home/)" in {r.text for r in outside}
    assert all(r.rule == SCORE_RULE for r in result.removed if r.filter == SCORE)


def test_lines_no_rule_marked_go_under_the_scorer_and_the_region_under_its_own():
    lines = split_lines("Menu\nAdvertisement\nA line the scorer weighed.\nThe article itself, kept.\n")
    ads = STEP_NAMES.index("ads")
    marks = Marks(taken=[len(STEP_NAMES) - 1, ads, 0, 0], page=1, headline=None, span=(2, 4),
                  rules=["", "ads.label", "", ""])
    result = _result(lines, marks, Config(keep_title=False), [False, False, False, True])
    assert [(r.filter, r.rule) for r in result.removed] == [
        (region.NAME, region.RULE), ("ads", "ads.label"), (SCORE, SCORE_RULE)]


@pytest.mark.parametrize("sample", sorted((ROOT / "samples").glob("*.txt")), ids=lambda p: p.name)
@pytest.mark.parametrize("mode", ["auto", "article", "page"])
def test_every_removal_in_the_samples_carries_a_listed_rule_of_its_filter(sample, mode):
    result = clean(sample.read_text(encoding="utf-8"), Config(mode=mode))
    assert result.removed
    _assert_well_named(result.removed)


def test_site_template_lines_go_under_the_template_rule():
    menu = "Home | Local | Sport | Weather"
    docs = [f"{menu}\n\nThe council met on day {i} to discuss the harbour wall and its repair.\n" for i in range(3)]
    counts = templates.TemplateCounts()
    for doc in docs:
        counts.add("harbourpost", doc)
    result = counts.templates(3).clean(docs[0], "harbourpost")
    assert [(r.line, r.text, r.filter, r.rule) for r in result.removed] == [(1, menu, templates.NAME, templates.RULE)]


def test_html_removals_carry_their_rule():
    story = "".join(
        f"<p>{p}</p>"
        for p in [
            "The county council voted on Tuesday to rebuild the footbridge over Miller Creek before the autumn.",
            "Advertisement",
            "Engineers said the floods in February had cracked two of the bridge's concrete piers beyond repair.",
            "Residents have walked a two-kilometre detour along the main road since the crossing was shut.",
        ]
    )
    page = (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Footbridge</title></head><body>"
            f"<article><h1>County to rebuild the Miller Creek footbridge</h1>{story}</article></body></html>")
    result = clean_bytes(page.encode("utf-8"), name="page.html")
    assert ("Advertisement", "ads", "ads.label") in [(r.text, r.filter, r.rule) for r in result.removed]
    _assert_well_named(result.removed)


# ---------------------------------------------------------------- what users see

ARTICLE = (
    "Footbridge to be rebuilt this summer\n\n"
    "The county will rebuild the footbridge over Miller Creek, its engineers told the council.\n\n"
    "Advertisement\n\n"
    "Work is due to start in June, weather allowing, and to end before the school year begins.\n\n"
    "Follow us on Facebook and Instagram\n"
)
# (The last line is taken by a trusted rule: an untrusted one's mark is weighed by
# the scorer, and these tests are about how a removal is shown, not the scorer.)


def test_json_removed_entries_carry_the_rule_beside_the_filter():
    run = CliRunner().invoke(main, ["--format", "json"], input=ARTICLE)
    assert run.exit_code == 0, run.output
    assert json.loads(run.stdout)["removed"] == [
        {"line": 5, "text": "Advertisement", "filter": "ads", "rule": "ads.label"},
        {"line": 9, "text": "Follow us on Facebook and Instagram", "filter": "share", "rule": "share.label"},
    ]


def test_explain_shows_each_removed_line_under_its_rule_id(tmp_path):
    src = tmp_path / "story.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    run = CliRunner().invoke(main, [str(src), "--explain"])
    assert run.exit_code == 0
    assert "Advertisement" not in run.stdout
    assert run.stderr == (
        f"{src}:5: [ads.label] Advertisement\n"
        f"{src}:9: [share.label] Follow us on Facebook and Instagram\n"
    )


def test_json_lines_records_and_their_explain_carry_the_rule(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 1, "text": ARTICLE}) + "\n", encoding="utf-8")
    run = CliRunner().invoke(main, [str(src), "--jsonl-field", "text", "--explain", "-q"])
    assert run.exit_code == 0
    removed = json.loads(run.stdout)["newsclean"]["removed"]
    assert {"line": 5, "text": "Advertisement", "filter": "ads", "rule": "ads.label"} in removed
    assert f"{src}:1:5: [ads.label] Advertisement" in run.stderr.splitlines()


def test_the_cluster_paths_carry_the_rule():
    # What the cluster runs: clean_batch on each batch of input lines (the command's
    # runners), clean_records on each partition of a bag (cluster.clean_bag).
    raw = json.dumps({"text": ARTICLE}).encode("utf-8")
    with LocalRunner(1) as runner:
        [done] = list(runner.map(clean_batch, [[(1, raw)]], Job(explain=True)))
    assert (5, "Advertisement", "ads", "ads.label") in done[0].removed
    [record] = clean_records([{"text": ARTICLE}], "text")
    assert {"line": 5, "text": "Advertisement", "filter": "ads", "rule": "ads.label"} in record["newsclean"]["removed"]
