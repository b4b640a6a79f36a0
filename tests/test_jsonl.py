"""JSON Lines streams: records in, records out, bad records reported by line number."""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsclean import Config, clean
from newsclean.cli import main
from newsclean.jsonl import BadRecord, Job, clean_line, clean_lines, clean_records, parse, read_records

STORY = (
    "Harbour bridge reopens after repairs\n\n"
    "The harbour bridge reopened to traffic on Tuesday after six weeks of repairs to its deck.\n\n"
    "Advertisement\n\n"
    "Engineers said the work had finished two days ahead of the schedule set in spring.\n"
)


def record(text=STORY, **fields) -> str:
    return json.dumps({"url": "https://news.example.org/bridge", "text": text, **fields}, ensure_ascii=False)


def run(args, stdin=None):
    result = CliRunner().invoke(main, args, input=stdin)
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path, name, lines) -> str:
    path = tmp_path / name
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return str(path)


# ---------------------------------------------------------------- good records


def test_record_keeps_its_fields_in_order_and_gains_a_newsclean_object():
    line = json.dumps({"id": 7, "text": STORY, "date": "2026-03-01", "tags": ["city", "roads"]})
    code, out, err = run(["--jsonl-field", "text", "-q"], line + "\n")
    assert code == 0 and err == ""
    rec = json.loads(out)
    assert list(rec) == ["id", "text", "date", "tags", "newsclean"]
    assert (rec["id"], rec["date"], rec["tags"]) == (7, "2026-03-01", ["city", "roads"])
    expected = clean(STORY)
    assert rec["text"] == expected.text
    assert "Advertisement" not in rec["text"]
    meta = rec["newsclean"]
    assert meta["status"] == "ok"
    assert meta["title"] == "Harbour bridge reopens after repairs"
    assert {"line": 5, "text": "Advertisement", "filter": "ads", "rule": "ads.label"} in meta["removed"]


def test_existing_newsclean_field_is_replaced_where_it_stood():
    line = json.dumps({"newsclean": "old", "text": STORY, "z": 1})
    rec = json.loads(run(["--jsonl-field", "text", "-q"], line + "\n")[1])
    assert list(rec) == ["newsclean", "text", "z"]
    assert rec["newsclean"]["status"] == "ok"


def test_field_name_is_chosen_by_option():
    line = json.dumps({"body": STORY, "text": "left alone"})
    rec = json.loads(run(["--jsonl-field", "body", "-q"], line + "\n")[1])
    assert rec["text"] == "left alone"
    assert "Advertisement" not in rec["body"]


def test_html_in_the_field_goes_through_article_extraction():
    page = ("<html><body><article><h1>Bridge</h1><p>" + "The harbour bridge reopened on Tuesday. " * 6
            + "</p><p>" + "Engineers finished early this spring. " * 6 + "</p></article></body></html>")
    rec = json.loads(run(["--jsonl-field", "text", "-q"], record(page) + "\n")[1])
    assert rec["newsclean"]["input_type"] == "html"
    assert "<p>" not in rec["text"] and "Engineers finished early" in rec["text"]


def test_an_emptied_record_says_empty():
    rec = json.loads(run(["--jsonl-field", "text", "-q"], record("Advertisement\n") + "\n")[1])
    assert rec["text"] == "" and rec["newsclean"]["status"] == "empty"


def test_blank_lines_are_not_records():
    code, out, err = run(["--jsonl-field", "text"], "\n" + record() + "\n   \n\n" + record() + "\n")
    assert code == 0
    assert len(out.splitlines()) == 2
    assert "2 records: 2 ok" in err


def test_byte_order_mark_on_the_first_line_is_ignored(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + record().encode() + b"\n")
    code, out, _ = run([str(path), "--jsonl-field", "text", "-q"])
    assert code == 0 and json.loads(out)["newsclean"]["status"] == "ok"


def test_several_inputs_make_one_stream_in_order(tmp_path):
    a = write(tmp_path, "a.jsonl", [record(STORY, id=1), record(STORY, id=2)])
    b = write(tmp_path, "b.jsonl", [record(STORY, id=3)])
    out = run([b, a, "--jsonl-field", "text", "-q"])[1]
    assert [json.loads(l)["id"] for l in out.splitlines()] == [3, 1, 2]


def test_output_file_is_written_whole(tmp_path):
    src = write(tmp_path, "in.jsonl", [record()] * 3)
    dest = tmp_path / "out" / "clean.jsonl"
    code, out, _ = run([src, "--jsonl-field", "text", "-q", "-o", str(dest)])
    assert code == 0 and out == ""
    assert len(dest.read_text().splitlines()) == 3
    assert [p.name for p in dest.parent.iterdir()] == ["clean.jsonl"]  # no temporary file left


def test_output_may_not_be_the_input(tmp_path):
    src = write(tmp_path, "in.jsonl", [record()])
    code, _, err = run([src, "--jsonl-field", "text", "-o", src])
    assert code == 2 and "is the input itself" in err


def test_unicode_text_is_written_as_utf8():
    rec = run(["--jsonl-field", "text", "-q"], record("Zürich – café\n\nLa société a été fondée à Genève en 1998.\n") + "\n")[1]
    assert "société" in rec and "\\u" not in rec


def test_lone_surrogate_in_another_field_falls_back_to_escapes():
    line = '{"text": "One plain sentence of the story.", "note": "\\ud800 broken"}'
    code, out, _ = run(["--jsonl-field", "text", "-q"], line + "\n")
    assert code == 0
    rec = json.loads(out)
    assert rec["note"] == "\ud800 broken" and rec["newsclean"]["status"] == "ok"
    out.encode("utf-8")  # the output line is valid UTF-8


# ---------------------------------------------------------------- gzip


def test_gzip_in_and_out(tmp_path):
    src = tmp_path / "in.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as f:
        f.write(record() + "\n" + record() + "\n")
    dest = tmp_path / "out.jsonl.gz"
    code, _, _ = run([str(src), "--jsonl-field", "text", "-q", "-o", str(dest)])
    assert code == 0
    lines = gzip.decompress(dest.read_bytes()).decode().splitlines()
    assert len(lines) == 2 and json.loads(lines[0])["newsclean"]["status"] == "ok"


def test_gzip_output_is_the_same_bytes_every_run(tmp_path):
    src = write(tmp_path, "in.jsonl", [record()] * 4)
    run([src, "--jsonl-field", "text", "-q", "-o", str(tmp_path / "a.jsonl.gz")])
    run([src, "--jsonl-field", "text", "-q", "-o", str(tmp_path / "b.jsonl.gz")])
    assert (tmp_path / "a.jsonl.gz").read_bytes() == (tmp_path / "b.jsonl.gz").read_bytes()


def test_gzip_on_stdin_is_recognised_by_its_first_bytes():
    data = gzip.compress((record() + "\n").encode())
    result = CliRunner().invoke(main, ["--jsonl-field", "text", "-q"], input=data)
    assert result.exit_code == 0 and json.loads(result.stdout)["newsclean"]["status"] == "ok"


def test_truncated_gzip_is_reported_and_what_was_read_is_kept(tmp_path):
    whole = gzip.compress(("".join(record(STORY, id=i) + "\n" for i in range(50))).encode())
    src = tmp_path / "cut.jsonl.gz"
    src.write_bytes(whole[: len(whole) - 20])
    code, out, err = run([str(src), "--jsonl-field", "text"])
    assert code == 1
    assert f"{src}: failed: cannot read past this point" in err
    assert all(json.loads(l)["newsclean"]["status"] == "ok" for l in out.splitlines())


def test_missing_input_fails_and_the_others_still_run(tmp_path):
    good = write(tmp_path, "good.jsonl", [record()])
    code, out, err = run([str(tmp_path / "nope.jsonl"), good, "--jsonl-field", "text"])
    assert code == 1
    assert "nope.jsonl: failed: no such file" in err
    assert len(out.splitlines()) == 1


# ---------------------------------------------------------------- bad records, one case each

BAD = [
    ("not JSON", "{this is not json", "not JSON"),
    ("not an object", "[1, 2, 3]", "not a JSON object (a JSON array)"),
    ("field missing", '{"url": "https://a.example/x", "body": "hello"}', "no field 'text'"),
    ("field is null", '{"text": null}', "field 'text' is a JSON null, not a string"),
    ("field is a number", '{"text": 42}', "field 'text' is a JSON number, not a string"),
    ("field is an object", '{"text": {"p": "x"}}', "field 'text' is a JSON object, not a string"),
    ("truncated record", '{"text": "The story was cut o', "not JSON"),
]


@pytest.mark.parametrize("case, line, message", BAD, ids=[b[0] for b in BAD])
@pytest.mark.parametrize("policy", ["pass", "skip"])
def test_bad_record_is_reported_with_its_line_and_the_run_goes_on(tmp_path, case, line, message, policy):
    src = write(tmp_path, "in.jsonl", [record(STORY, id=1), line, record(STORY, id=3)])
    code, out, err = run([src, "--jsonl-field", "text", "--bad-records", policy])
    assert code == 1
    fate = "passed through unchanged" if policy == "pass" else "skipped"
    assert f"newsclean: {src}:2: failed: {message}" in err
    assert err.splitlines()[0].endswith(fate)
    assert "3 records: 2 ok, 0 empty, 1 failed" in err
    lines = out.splitlines()
    if policy == "pass":
        assert lines[1] == line  # as it was, byte for byte
        assert [json.loads(lines[0])["id"], json.loads(lines[2])["id"]] == [1, 3]
    else:
        assert [json.loads(l)["id"] for l in lines] == [1, 3]


def test_not_utf8_is_a_bad_record(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(record().encode() + b"\n" + b'{"text": "caf\xe9"}\n')
    code, out, err = run([str(src), "--jsonl-field", "text"])
    assert code == 1
    assert f"{src}:2: failed: not UTF-8 (byte 0xe9 at column 14)" in err
    assert out.encode("latin-1", "replace").count(b"\n") == 2


def test_record_over_the_size_limit_is_skipped_even_when_passing(tmp_path):
    long_line = record("word " * 400)
    src = write(tmp_path, "in.jsonl", [record(STORY, id=1), long_line, record(STORY, id=3)])
    code, out, err = run([src, "--jsonl-field", "text", "--max-size", "1000"])
    assert code == 1
    assert f"{src}:2: failed: longer than the size limit" in err and err.splitlines()[0].endswith("skipped")
    assert [json.loads(l)["id"] for l in out.splitlines()] == [1, 3]


def test_quiet_keeps_the_bad_record_messages():
    code, _, err = run(["--jsonl-field", "text", "-q"], "nonsense\n")
    assert code == 1 and "<stdin>:1: failed: not JSON" in err and "records:" not in err


def test_parse_names_each_problem():
    for _, line, message in BAD:
        with pytest.raises(BadRecord, match=message.replace("(", r"\(").replace(")", r"\)")):
            parse(line.encode(), "text")
    assert parse(b'{"text": "x"}', "text") == {"text": "x"}


def test_deeply_nested_json_is_a_bad_record():
    c = clean_line(1, b"[" * 100000 + b"]" * 100000, Job())
    assert c.status == "failed" and "nested too deeply" in c.reason


# ---------------------------------------------------------------- parallel and streaming


def test_jobs_do_not_change_a_byte(tmp_path):
    lines = [record(STORY.replace("six", str(i)), id=i) if i % 37 else "broken {" for i in range(700)]
    src = write(tmp_path, "in.jsonl", lines)
    one = run([src, "--jsonl-field", "text", "-j", "1"])
    two = run([src, "--jsonl-field", "text", "-j", "2"])
    assert one == two
    assert len(one[1].splitlines()) == 700


def test_read_records_reads_past_an_overlong_line_without_keeping_it():
    import io

    stream = io.BytesIO(b"a\n" + b"x" * 5000 + b"\n\nb\r\n")
    got = list(read_records(stream, max_size=100))
    assert [(n, bytes(r)) for n, r in got] == [(1, b"a"), (2, b""), (4, b"b")]
    assert type(got[1][1]).__name__ == "TooLong"


# ---------------------------------------------------------------- library entry points


def test_clean_lines_for_spark_partitions():
    lines = [record(STORY, id=1), "not json", "", record(STORY, id=2) + "\n"]
    out = list(clean_lines(lines, "text"))
    assert out[1] == "not json"
    assert [json.loads(out[0])["id"], json.loads(out[2])["id"]] == [1, 2]
    assert list(clean_lines(lines, "text", bad="skip"))[1:] == out[2:]
    with pytest.raises(ValueError, match="bad must be one of"):
        list(clean_lines(lines, bad="drop"))


def test_clean_records_gives_what_the_command_writes():
    recs = [json.loads(record(STORY, id=i)) for i in range(3)] + [{"text": None}]
    out = list(clean_records(recs, "text", config=Config(disabled=frozenset({"ads"}))))
    assert "Advertisement" in out[0]["text"]
    assert out[3] == {"text": None}
    cli_out = run(["--jsonl-field", "text", "-q", "--disable", "ads"], record(STORY, id=0) + "\n")[1]
    assert json.loads(cli_out) == out[0]


def test_explain_names_the_record_and_the_line(tmp_path):
    src = write(tmp_path, "in.jsonl", ["", record()])
    code, _, err = run([src, "--jsonl-field", "text", "--explain", "-q"])
    assert code == 0
    assert f"{src}:2:5: [ads.label] Advertisement" in err.splitlines()


def test_a_record_that_cannot_be_cleaned_fails_alone():
    page = "<html><body>" + "<b>x</b>" * 300_000 + "</body></html>"
    lines = [record(STORY, id=1), record(page, id=2), record(STORY, id=3)]
    code, out, err = run(["--jsonl-field", "text"], "\n".join(lines) + "\n")
    assert code == 1
    assert "<stdin>:2: failed: HTML page has too many tags" in err
    assert [json.loads(l)["id"] for l in out.splitlines()] == [1, 2, 3]
    assert "newsclean" not in json.loads(out.splitlines()[1])


def test_scheduler_without_dask_says_how_to_install_it(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)  # as if dask were not installed
    code, out, err = run(["--jsonl-field", "text", "--scheduler", "tcp://127.0.0.1:8786"], record() + "\n")
    assert code == 1 and out == ""
    assert "pip install 'newsclean[dask]'" in err


def ahead_of_results(runner, n: int, factor: int) -> tuple[list, int]:
    """Run operator.mul over range(n) on a runner: the results, and the most items
    it had pulled from the input beyond the results handed back."""
    import operator

    pulled = 0

    def items():
        nonlocal pulled
        for i in range(n):
            pulled += 1
            yield i

    results, ahead = [], 0
    with runner as run:
        for r in run.map(operator.mul, items(), factor):
            results.append(r)
            ahead = max(ahead, pulled - len(results))
    return results, ahead


def test_worker_processes_get_a_bounded_number_of_batches_ahead():
    from newsclean.cluster import LocalRunner

    results, ahead = ahead_of_results(LocalRunner(2), 60, 3)
    assert results == [i * 3 for i in range(60)]  # in input order
    assert ahead <= 4  # twice the workers: memory does not grow with the input


def _note_and_wait(item, folder):
    (Path(folder) / f"{item}.started").touch()
    if item:
        time.sleep(0.5)
    (Path(folder) / f"{item}.done").touch()
    return item


def test_a_run_that_stops_early_finishes_the_batches_running_and_starts_no_more(tmp_path):
    from newsclean.cluster import LocalRunner

    with pytest.raises(RuntimeError):
        with LocalRunner(2) as run:
            for _ in run.map(_note_and_wait, range(100), str(tmp_path)):
                raise RuntimeError("the reader went away")
    # 0 ran first; 1 and 2 may have started before the stop, each as a worker
    # took it (on a busy machine a worker may take its batch only after the stop,
    # and then skips it); 3 was queued (two batches per worker) until a worker
    # came free, after the stop.
    started = sorted(int(p.stem) for p in tmp_path.glob("*.started"))
    assert started[0] == 0 and set(started) <= {0, 1, 2}
    assert sorted(int(p.stem) for p in tmp_path.glob("*.done")) == started  # no worker was killed
