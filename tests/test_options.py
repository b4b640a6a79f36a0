"""Options: one list of steps for --list-filters and --disable."""

from __future__ import annotations

import json

import pytest


ARTICLE = (
    "Orchard harvest comes in early\n\n"
    "1.4K views\n\n"
    "Growers in the valley began picking apples ten days sooner than last year.\n\n"
    "Advertisement\n\n"
    "Warm nights in August sped the ripening, the growers' association said.\n"
)


def removed_filters(result) -> list[str]:
    assert result.exit_code == 0, result.stderr
    return [r["filter"] for r in json.loads(result.stdout)["removed"]]


def listed_steps(invoke) -> list[str]:
    return [line.split()[0] for line in invoke("--list-filters").stdout.splitlines()]


# ---------------------------------------------------------------- --disable


def test_disable_accepts_every_step_list_filters_lists(invoke):
    for name in listed_steps(invoke):
        result = invoke("--disable", name, input=ARTICLE)
        assert (result.exit_code, result.stderr) == (0, ""), name


def test_disable_repeated_across_turns_the_site_template_step_off(invoke, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    for n in range(3):
        (site / f"{n}.txt").write_text(
            f"Story number {n} about the harbour\n\n"
            f"Boats number {n} came in with a fine catch of herring this week, fishermen said.\n\n"
            "Harbour Gazette weekend edition\n")
    with_step = invoke(str(site), "--format", "jsonl", "--repeated-across", "3", "-q")
    without = invoke(str(site), "--format", "jsonl", "--repeated-across", "3", "-q", "--disable", "repeated_across")
    assert with_step.exit_code == without.exit_code == 0
    assert not any("Harbour Gazette weekend edition" in json.loads(line)["paragraphs"]
                   for line in with_step.stdout.splitlines())
    assert all("Harbour Gazette weekend edition" in json.loads(line)["paragraphs"]
               for line in without.stdout.splitlines())


def test_disable_takes_comma_lists_in_any_case(invoke):
    both = invoke("--disable", "Ads,COUNTERS", "--format", "json", "--mode", "article", input=ARTICLE)
    repeated = invoke("--disable", "ads", "--disable", "counters", "--format", "json", "--mode", "article", input=ARTICLE)
    assert removed_filters(both) == removed_filters(repeated) == []
    assert both.stdout == repeated.stdout


def test_disable_names_the_unknown_step_in_a_list(invoke):
    result = invoke("--disable", "ads,nosuch", input=ARTICLE)
    assert result.exit_code == 2 and result.stdout == ""
    assert "unknown filter 'nosuch'" in result.stderr and "repeated_across" in result.stderr


def test_mode_is_checked_with_the_library_message(invoke):
    result = invoke("--mode", "bogus", input=ARTICLE)
    assert result.exit_code == 2
    assert "unknown mode 'bogus'; valid: auto, article, page" in result.stderr
