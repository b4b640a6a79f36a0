"""JSON Lines given the wrong way: without --jsonl-field, or with a field the
records do not have. One clear message per input, naming the fields found."""

from __future__ import annotations

import gzip
import json

import pytest
from click.testing import CliRunner

from newsclean import clean_bytes
from newsclean.cli import main
from newsclean.detect import JSONLinesInput
from newsclean.jsonl import FIELD_PROBE

BODY = ("The reservoir above the town reached its highest level in a decade after a wet autumn, "
        "the water board said on Monday.")
NOTE = (
    "Reservoir full after wet autumn\n\n"
    "Water engineers opened the spillway for the first time since the dam was rebuilt.\n"
)


def record(n: int = 1, **fields) -> str:
    base = {"url": f"https://valley.example/{n}", "title": "Reservoir full", "body": BODY}
    return json.dumps({**base, **fields})


def write(path, lines: list[str]) -> str:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return str(path)


def invoke(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


# ---------------------------------------------------------------- JSON Lines without --jsonl-field


def test_json_lines_without_the_option_fail_with_the_option_to_use(tmp_path):
    crawl = write(tmp_path / "crawl.jsonl", [record(1), record(2)])
    result = invoke(crawl)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (f"newsclean: {crawl}: failed: looks like JSON Lines "
                             "(fields: url, title, body); use --jsonl-field body\n")


def test_json_lines_on_stdin_get_the_same_hint():
    result = invoke(input=record() + "\n")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "newsclean: <stdin>: failed: looks like JSON Lines (fields: url, title, body); use --jsonl-field body\n"


def test_the_hint_names_the_longest_text_and_quotes_odd_names(tmp_path):
    crawl = write(tmp_path / "c.jsonl", [json.dumps({"id": 7, "headline": "Reservoir full", "article text": BODY})])
    result = invoke(crawl)
    assert "(fields: headline, article text); use --jsonl-field 'article text'" in result.stderr


def test_gzipped_json_lines_get_the_hint_too(tmp_path):
    path = tmp_path / "crawl.jsonl.gz"
    path.write_bytes(gzip.compress((record() + "\n").encode(), mtime=0))
    result = invoke(str(path))
    assert result.exit_code == 1
    assert "looks like JSON Lines (fields: url, title, body); use --jsonl-field body" in result.stderr


def test_the_run_goes_on_for_the_other_inputs(tmp_path):
    crawl = write(tmp_path / "crawl.jsonl", [record()])
    (tmp_path / "note.txt").write_text(NOTE, encoding="utf-8")
    result = invoke(crawl, str(tmp_path / "note.txt"), "--format", "jsonl", "-q")
    assert result.exit_code == 1
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(d["status"], d["reason"] if d["status"] == "failed" else d["title"]) for d in docs] == [
        ("failed", "looks like JSON Lines (fields: url, title, body); use --jsonl-field body"),
        ("ok", "Reservoir full after wet autumn"),
    ]


def test_json_lines_as_text_when_asked(tmp_path):
    crawl = write(tmp_path / "crawl.jsonl", [record()])
    result = invoke(crawl, "--input", "text")
    assert (result.exit_code, result.stderr) == (0, "")
    assert BODY in result.stdout


@pytest.mark.parametrize("text", [
    "{Updated} " + NOTE,
    "{\n" + NOTE,
    '{"draft": true}\n\n' + NOTE,
    "[1, 2, 3]\n" + NOTE,
])
def test_text_that_only_starts_like_json_is_cleaned(text):
    result = invoke(input=text)
    assert (result.exit_code, result.stderr) == (0, "")
    assert "Water engineers opened the spillway" in result.stdout


def test_json_objects_without_text_are_not_taken_for_records():
    result = invoke(input='{"draft": true}\n{"pages": 2}\n')
    assert (result.exit_code, result.stdout, result.stderr) == (0, '{"draft": true}\n\n{"pages": 2}\n', "")


def test_the_library_says_what_json_lines_are():
    with pytest.raises(JSONLinesInput, match=r"use --jsonl-field body"):
        clean_bytes((record() + "\n").encode())


# ---------------------------------------------------------------- a field the records do not have


def test_a_missing_field_stops_the_input_after_the_first_records(tmp_path):
    crawl = write(tmp_path / "crawl.jsonl", [record(n) for n in range(1, 101)])
    result = invoke(crawl, "--jsonl-field", "text", "-q")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (f"newsclean: {crawl}: failed: no field 'text' in the first {FIELD_PROBE} records "
                             "(fields: url, title, body); use --jsonl-field body\n")


def test_the_summary_counts_an_input_that_failed_and_no_output_is_written(tmp_path):
    crawl = write(tmp_path / "crawl.jsonl", [record(n) for n in range(1, 31)])
    out = tmp_path / "clean.jsonl"
    result = invoke(crawl, "--jsonl-field", "text", "-o", str(out))
    assert result.exit_code == 1
    assert "newsclean: 0 records: 0 ok, 0 empty, 0 failed; 1 input failed\n" in result.stderr
    assert not out.exists()


def test_a_short_input_without_the_field_gets_one_message(tmp_path):
    crawl = write(tmp_path / "crawl.jsonl", [record(1), record(2), record(3, summary="A wet autumn.")])
    result = invoke(crawl, "--jsonl-field", "text", "--bad-records", "pass", "-q")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (f"newsclean: {crawl}: failed: no field 'text' in any of its 3 records "
                             "(fields: url, title, body, summary); use --jsonl-field body\n")


def test_the_other_inputs_still_run(tmp_path):
    wrong = write(tmp_path / "a.jsonl", [record(n) for n in range(30)])
    right = write(tmp_path / "b.jsonl", [json.dumps({"text": NOTE})])
    result = invoke(wrong, right, "--jsonl-field", "text", "--jobs", "2", "-q")
    assert result.exit_code == 1
    assert [json.loads(line)["newsclean"]["title"] for line in result.stdout.splitlines()] == [
        "Reservoir full after wet autumn"]
    assert result.stderr.count(": failed: ") == 1


def test_records_that_lack_the_field_here_and_there_are_reported_one_by_one(tmp_path):
    lines = [record(1)] * (FIELD_PROBE - 1) + [json.dumps({"text": NOTE})] + [record(2)] * 5
    crawl = write(tmp_path / "crawl.jsonl", lines)
    result = invoke(crawl, "--jsonl-field", "text", "--bad-records", "skip", "-q")
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    failures = result.stderr.splitlines()
    assert len(failures) == FIELD_PROBE - 1 + 5
    assert failures[0] == f"newsclean: {crawl}:1: failed: no field 'text' (fields: 'url', 'title', 'body'); skipped"


def test_records_bad_in_other_ways_are_still_reported_one_by_one(tmp_path):
    crawl = write(tmp_path / "crawl.jsonl", ["not json"] * 25)
    result = invoke(crawl, "--jsonl-field", "text", "-q")
    assert result.exit_code == 1
    assert result.stderr.count(": failed: not JSON") == 25
