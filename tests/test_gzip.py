"""Gzip inputs are read as what they hold, whatever their name, within the size
limit on what they decompress to."""

from __future__ import annotations

import gzip
import json

from click.testing import CliRunner

from newsclean.cli import main

STORY = (
    "Ferry timetable changes for the winter\n\n"
    "The island ferry will sail four times a day from November, the operator said on Friday.\n\n"
    "Advertisement\n\n"
    "Islanders asked for an earlier first crossing so that pupils reach the mainland school on time.\n"
)
CLEANED = STORY.replace("Advertisement\n\n", "")
PAGE = ("<html><head><title>Ferry</title></head><body><article><h1>Ferry timetable changes for the winter</h1>"
        "<p>The island ferry will sail four times a day from November, the operator said on Friday.</p>"
        "<p>Islanders asked for an earlier first crossing so that pupils reach the mainland school on time.</p>"
        "</article></body></html>")


def invoke(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def packed(text: str) -> bytes:
    return gzip.compress(text.encode("utf-8"), mtime=0)


def test_a_named_gzip_file_is_read_as_the_text_it_holds(tmp_path):
    path = tmp_path / "story.txt.gz"
    path.write_bytes(packed(STORY))
    result = invoke(str(path))
    assert (result.exit_code, result.stdout, result.stderr) == (0, CLEANED, "")
    assert path.read_bytes() == packed(STORY)


def test_gzip_on_stdin_is_known_by_its_first_bytes():
    result = invoke(input=packed(STORY))
    assert (result.exit_code, result.stdout, result.stderr) == (0, CLEANED, "")


def test_gzip_with_any_name_is_read(tmp_path):
    path = tmp_path / "download"
    path.write_bytes(packed(STORY))
    assert invoke(str(path)).stdout == CLEANED


def test_a_gzipped_page_is_html_by_its_name(tmp_path):
    path = tmp_path / "ferry.html.gz"
    path.write_bytes(packed(PAGE))
    result = invoke(str(path), "--format", "json")
    doc = json.loads(result.stdout)
    assert (result.exit_code, doc["input_type"], doc["title"]) == (0, "html", "Ferry timetable changes for the winter")


def test_concatenated_gzip_members_are_read_whole(tmp_path):
    head, tail = STORY.split("Advertisement\n\n")
    path = tmp_path / "story.txt.gz"
    path.write_bytes(packed(head) + packed("Advertisement\n\n") + packed(tail))
    assert invoke(str(path)).stdout == CLEANED


def test_outputs_of_gzip_inputs_lose_the_gz_suffix(tmp_path):
    src = tmp_path / "in"
    (src / "harbour").mkdir(parents=True)
    (src / "story.txt.gz").write_bytes(packed(STORY))
    (src / "harbour" / "ferry.html.gz").write_bytes(packed(PAGE))
    (src / "notes.gz").write_bytes(packed(STORY))
    result = invoke(str(src), "-o", str(tmp_path / "out"), "-q")
    assert (result.exit_code, result.stderr) == (0, "")
    out = tmp_path / "out"
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == [
        "harbour/ferry.txt", "notes.txt", "story.txt"]
    assert (out / "story.txt").read_text(encoding="utf-8") == CLEANED


def test_one_gzip_input_into_a_folder_is_named_after_what_it_holds(tmp_path):
    (tmp_path / "story.txt.gz").write_bytes(packed(STORY))
    (tmp_path / "out").mkdir()
    result = invoke(str(tmp_path / "story.txt.gz"), "-o", str(tmp_path / "out"), "--format", "json")
    assert result.exit_code == 0
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["story.json"]


def test_what_a_gzip_file_holds_is_held_to_the_size_limit(tmp_path):
    # 4 MB of text in a few kilobytes: it fails as soon as the limit is passed.
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"All quiet on the quay today. " * 150_000, mtime=0))
    assert bomb.stat().st_size < 100_000
    result = invoke(str(bomb), "--max-size", "100000")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (f"newsclean: {bomb}: failed: larger than the size limit once decompressed "
                             "(more than 100,000 bytes; raise it with --max-size)\n")


def test_a_gzip_bomb_in_a_folder_fails_alone(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "bomb.txt.gz").write_bytes(gzip.compress(b"x" * 2_000_000, mtime=0))
    (src / "story.txt.gz").write_bytes(packed(STORY))
    result = invoke(str(src), "-o", str(tmp_path / "out"), "--max-size", "100000", "-q")
    assert result.exit_code == 1
    assert "bomb.txt.gz: failed: larger than the size limit once decompressed" in result.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["story.txt"]


def test_a_named_corrupt_gzip_fails_with_its_reason(tmp_path):
    path = tmp_path / "story.txt.gz"
    path.write_bytes(packed(STORY)[:40])
    result = invoke(str(path))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith(f"newsclean: {path}: failed: gzip file that does not decompress (")
    assert "Traceback" not in result.stderr


def test_a_corrupt_gzip_in_a_folder_is_skipped_like_other_binary_files(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "broken.gz").write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(200)))
    (src / "story.txt").write_text(STORY, encoding="utf-8")
    result = invoke(str(src), "--format", "jsonl", "-q")
    assert result.exit_code == 0
    docs = {json.loads(line)["source"].rsplit("/", 1)[1]: json.loads(line) for line in result.stdout.splitlines()}
    assert docs["broken.gz"]["status"] == "skipped"
    assert docs["broken.gz"]["reason"].startswith("gzip file that does not decompress")
    assert docs["story.txt"]["status"] == "ok"


def test_help_says_how_gzip_inputs_are_read_and_named():
    assert "story.txt.gz is read as the text it holds (story.txt in an output folder)" in " ".join(
        invoke("--help").stdout.split())
