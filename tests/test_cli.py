"""The command-line contract: what scripts rely on.

Most tests drive the command in-process with click's CliRunner and check the exit
code, stdout and stderr separately. Signals, pipes and the real exit status are
checked by running the installed command.
"""

from __future__ import annotations

import codecs
import errno
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from newsclean import __version__, io
from newsclean.cli import main
from newsclean.filters import NAMES

ROOT = Path(__file__).resolve().parent.parent
SEED = Path(os.environ.get("NEWSCLEAN_SEED", ROOT.parent / "shared" / "seed"))
SEED_MISSING = ("development corpus not found (its founding example): set NEWSCLEAN_SEED to that "
                "folder, or place the shared bench beside the checkout")
SAMPLE = ROOT / "samples" / "en_harbour.txt"
SAMPLE_EXPECTED = ROOT / "tests" / "data" / "en_harbour.expected.txt"

ARTICLE = (
    "Bridge repairs finish two weeks early\n\n"
    "Crews reopened the Elm Street bridge on Monday after replacing its worn deck.\n\n"
    "Advertisement\n\n"
    "The city said the work cost less than budgeted because the weather held.\n"
)
CLEANED = (
    "Bridge repairs finish two weeks early\n\n"
    "Crews reopened the Elm Street bridge on Monday after replacing its worn deck.\n\n"
    "The city said the work cost less than budgeted because the weather held.\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


def invoke(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def command() -> list[str]:
    script = Path(sys.executable).parent / "newsclean"
    return [str(script)] if script.exists() else [sys.executable, "-m", "newsclean"]


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def temp_files(root: Path) -> list[Path]:
    return [p for p in root.rglob(io.TMP_PREFIX + "*")]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An input folder: two articles (one in a subfolder), a hidden file, an empty file."""
    src = tmp_path / "in"
    (src / "world").mkdir(parents=True)
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "world" / "b.txt").write_text(ARTICLE.replace("Elm", "Oak"), encoding="utf-8")
    (src / ".draft.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    return src


# --- the founding example -------------------------------------------------------

def _seed_input() -> Path:
    files = sorted(p for p in SEED.glob("*.txt") if p.name != "expected.txt") if SEED.is_dir() else []
    if not files or not (SEED / "expected.txt").exists():
        pytest.skip(SEED_MISSING)
    return files[0]


def test_seed_by_file_gives_expected_byte_for_byte():
    seed = _seed_input()
    result = invoke(str(seed))
    assert result.exit_code == 0
    assert result.stdout_bytes == (SEED / "expected.txt").read_bytes()


def test_seed_by_stdin_gives_expected_byte_for_byte():
    seed = _seed_input()
    result = invoke(input=seed.read_bytes())
    assert result.exit_code == 0
    assert result.stdout_bytes == (SEED / "expected.txt").read_bytes()


def test_seed_as_json_gives_title_paragraphs_and_named_removals():
    seed = _seed_input()
    if not (SEED / "expected.json").exists():
        pytest.skip(SEED_MISSING)
    expected = json.loads((SEED / "expected.json").read_text(encoding="utf-8"))
    got = json.loads(invoke(str(seed), "--format", "json").stdout)
    assert got["title"] == expected["title"]
    assert got["paragraphs"] == expected["paragraphs"]
    assert [r["text"] for r in got["removed"]] == expected["removed"]
    assert all(r["filter"] in NAMES for r in got["removed"])


@pytest.mark.parametrize("how", ["file", "stdin", "dash"])
def test_hand_written_seed_sample_gives_its_expected_text(how):
    expected = SAMPLE_EXPECTED.read_bytes()
    if how == "file":
        result = invoke(str(SAMPLE))
    else:
        result = invoke(*(["-"] if how == "dash" else []), input=SAMPLE.read_bytes())
    assert result.exit_code == 0
    assert result.stdout_bytes == expected


def test_hand_written_sample_removals_each_name_their_filter():
    got = json.loads(invoke(str(SAMPLE), "--format", "json").stdout)
    assert {(r["text"], r["filter"]) for r in got["removed"]} == {
        ("0 1,482", "counters"),
        ("- Advertisement -", "ads"),
        ("Sign up for our newsletter", "subscribe"),
        ("Get the day's top stories delivered to your inbox every morning.", "subscribe"),
        ("Get breaking news alerts on your phone, subscribe now.", "subscribe"),
    }
    assert got["status"] == "ok" and got["source"] == str(SAMPLE)


# --- where input comes from and output goes --------------------------------------

def test_stdin_to_stdout_keeps_stderr_empty():
    result = invoke(input=ARTICLE)
    assert (result.exit_code, result.stdout, result.stderr) == (0, CLEANED, "")


def test_output_file(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE)
    result = invoke(str(src), "-o", str(tmp_path / "clean.txt"))
    assert (result.exit_code, result.stdout) == (0, "")
    assert (tmp_path / "clean.txt").read_text() == CLEANED


def test_single_input_into_an_existing_folder_is_named_after_it(tmp_path):
    src = tmp_path / "story.html.txt"
    src.write_text(ARTICLE)
    (tmp_path / "out").mkdir()
    assert invoke(str(src), "-o", str(tmp_path / "out")).exit_code == 0
    assert (tmp_path / "out" / "story.html.txt").read_text() == CLEANED


@pytest.mark.parametrize("fmt, suffix", [("text", ".txt"), ("json", ".json")])
def test_folder_is_mirrored_with_the_format_suffix(folder, tmp_path, fmt, suffix):
    out = tmp_path / "out"
    result = invoke(str(folder), "-o", str(out), "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert sorted(tree(out)) == sorted([f"a{suffix}", f"empty{suffix}", f"world/b{suffix}"])
    if fmt == "text":
        assert (out / "a.txt").read_text() == CLEANED
        assert (out / "empty.txt").read_bytes() == b""
    else:
        assert json.loads((out / "a.json").read_text())["source"] == str(folder / "a.txt")


def test_several_files_go_into_the_output_folder(tmp_path):
    for name in ("one.txt", "two.md"):
        (tmp_path / name).write_text(ARTICLE)
    out = tmp_path / "out"
    result = invoke(str(tmp_path / "one.txt"), str(tmp_path / "two.md"), "-o", str(out))
    assert result.exit_code == 0
    assert tree(out) == {"one.txt": CLEANED.encode(), "two.txt": CLEANED.encode()}


def test_outputs_whose_names_would_collide_keep_their_full_names(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.md").write_text(ARTICLE)
    (src / "a.txt").write_text(ARTICLE)
    (src / "b.md").write_text(ARTICLE)
    result = invoke(str(src), "-o", str(tmp_path / "out"))
    assert (result.exit_code, result.stdout) == (0, "")
    assert sorted(tree(tmp_path / "out")) == ["a.md.txt", "a.txt.txt", "b.txt"]
    assert "a.md -> a.md.txt" in result.stderr and "a.txt -> a.txt.txt" in result.stderr


def test_jsonl_streams_one_document_per_line_in_sorted_order(folder):
    result = invoke(str(folder), "--format", "jsonl")
    assert result.exit_code == 0
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["source"] for d in docs] == [str(folder / p) for p in ("a.txt", "empty.txt", "world/b.txt")]
    assert [d["status"] for d in docs] == ["ok", "empty", "ok"]
    assert docs[2]["paragraphs"][0].startswith("Crews reopened the Oak Street")


def test_jsonl_into_one_file(folder, tmp_path):
    out = tmp_path / "all.jsonl"
    result = invoke(str(folder), "--format", "jsonl", "-o", str(out))
    assert (result.exit_code, result.stdout) == (0, "")
    assert len(out.read_text().splitlines()) == 3


@pytest.mark.parametrize("args", [["{a}", "{b}"], ["{folder}"], ["{folder}", "--format", "json"]])
def test_several_inputs_as_text_on_stdout_are_refused(folder, args):
    paths = {"a": str(folder / "a.txt"), "b": str(folder / "world" / "b.txt"), "folder": str(folder)}
    result = invoke(*[a.format(**paths) for a in args])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "-o OUTDIR" in result.stderr and "jsonl" in result.stderr


def test_stdin_cannot_be_read_twice():
    result = invoke("-", "-", input=ARTICLE)
    assert result.exit_code == 2 and "only once" in result.stderr


# --- options -------------------------------------------------------------------

def test_explain_goes_to_stderr_and_leaves_stdout_as_data(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE)
    result = invoke(str(src), "--explain")
    assert result.exit_code == 0
    assert result.stdout == CLEANED
    assert result.stderr == f"{src}:5: [ads.label] Advertisement\n"


def test_list_filters_names_every_step_in_the_order_they_run():
    result = invoke("--list-filters")
    assert (result.exit_code, result.stderr) == (0, "")
    listed = [line.split()[0] for line in result.stdout.splitlines()]
    assert listed == ["repeated_across", "unwrap", "region", *NAMES, "score"]
    assert all(len(line.split(None, 1)) == 2 for line in result.stdout.splitlines())


def test_disable_keeps_what_that_filter_would_remove():
    result = invoke("--disable", "ads", input=ARTICLE)
    assert result.exit_code == 0
    assert "\n\nAdvertisement\n\n" in result.stdout


def test_disable_is_repeatable():
    text = "Headline for a short story\n\n1.2K views\n\nAdvertisement\n\nThe story itself is one sentence.\n"
    one = invoke("--disable", "ads", "--format", "json", input=text)
    both = invoke("--disable", "ads", "--disable", "counters", "--format", "json", input=text)
    assert [r["filter"] for r in json.loads(one.stdout)["removed"]] == ["counters"]
    assert json.loads(both.stdout)["removed"] == []
    assert json.loads(both.stdout)["paragraphs"][:2] == ["1.2K views", "Advertisement"]


def test_disable_of_an_unknown_filter_is_a_usage_error():
    result = invoke("--disable", "adverts", input=ARTICLE)
    assert result.exit_code == 2
    assert "unknown filter 'adverts'" in result.stderr and "ads" in result.stderr
    assert result.stdout == ""


def test_quiet_drops_the_summary_but_not_the_errors(folder, tmp_path):
    (folder / "photo.png").write_bytes(PNG)
    loud = invoke(str(folder), "-o", str(tmp_path / "o1"))
    quiet = invoke(str(folder), "-o", str(tmp_path / "o2"), "--quiet")
    assert "documents" in loud.stderr
    assert "documents" not in quiet.stderr
    assert "photo.png: skipped: binary file" in quiet.stderr


def test_version():
    result = invoke("--version")
    assert (result.exit_code, result.stdout) == (0, f"newsclean {__version__}\n")


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_has_examples_and_exit_codes(flag):
    result = invoke(flag)
    assert result.exit_code == 0
    assert "Examples:" in result.stdout and "Exit codes:" in result.stdout
    assert "newsclean scraped/ -o clean/" in result.stdout


def test_every_option_is_in_the_help_and_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    help_text = invoke("--help").stdout
    missing_readme, missing_help = [], []
    for param in main.params:
        if isinstance(param, click.Option):
            long = max(param.opts, key=len)
            if long not in readme:
                missing_readme.append(long)
            if long not in help_text:
                missing_help.append(long)
    assert missing_readme == [], f"options missing from README.md: {missing_readme}"
    assert missing_help == []


def test_max_size_refuses_a_larger_input_and_can_be_raised(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE)
    small = invoke(str(src), "--max-size", "50")
    assert small.exit_code == 1
    assert f"{src}: failed: larger than the size limit" in small.stderr and "--max-size" in small.stderr
    assert invoke(str(src), "--max-size", str(len(ARTICLE))).stdout == CLEANED


def test_max_size_applies_to_stdin():
    result = invoke("--max-size", "10", input=ARTICLE)
    assert result.exit_code == 1 and "<stdin>" in result.stderr and result.stdout == ""


# --- exit codes and failures ---------------------------------------------------

def test_exit_1_names_the_failing_input_and_still_writes_the_rest(folder, tmp_path):
    missing = tmp_path / "gone.txt"
    out = tmp_path / "out"
    result = invoke(str(folder / "a.txt"), str(missing), str(folder / "world" / "b.txt"), "-o", str(out))
    assert result.exit_code == 1
    assert f"newsclean: {missing}: failed: no such file" in result.stderr
    assert sorted(tree(out)) == ["a.txt", "b.txt"]
    assert "3 documents: 2 ok, 0 empty, 0 skipped, 1 failed" in result.stderr


def test_exit_1_for_a_missing_single_input(tmp_path):
    result = invoke(str(tmp_path / "nope.txt"))
    assert (result.exit_code, result.stdout) == (1, "")
    assert "nope.txt: failed: no such file" in result.stderr


def test_exit_2_for_a_bad_option_value():
    assert invoke("--format", "xml", input="x").exit_code == 2
    assert invoke("--jobs", "-1", input="x").exit_code == 2


def test_a_failing_filter_fails_only_its_input(folder, tmp_path, monkeypatch):
    import newsclean.command as command

    real = command.clean_bytes

    def broken(data, **kw):
        if kw.get("name", "").endswith("a.txt"):
            raise ValueError("a filter broke")
        return real(data, **kw)

    monkeypatch.setattr(command, "clean_bytes", broken)
    result = invoke(str(folder), "-o", str(tmp_path / "out"), "--jobs", "1")
    assert result.exit_code == 1
    assert "a.txt: failed: internal error: ValueError: a filter broke" in result.stderr
    assert sorted(tree(tmp_path / "out")) == ["empty.txt", "world/b.txt"]


# --- bad input -----------------------------------------------------------------

def test_binary_in_a_folder_is_skipped_with_a_message(folder, tmp_path):
    (folder / "photo.png").write_bytes(PNG)
    result = invoke(str(folder), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert f"newsclean: {folder / 'photo.png'}: skipped: binary file (not text)" in result.stderr
    assert "1 skipped" in result.stderr
    assert not (tmp_path / "out" / "photo.txt").exists()


def test_binary_named_on_the_command_line_fails(tmp_path):
    (tmp_path / "photo.png").write_bytes(PNG)
    result = invoke(str(tmp_path / "photo.png"))
    assert (result.exit_code, result.stdout) == (1, "")
    assert "photo.png: failed: binary file (not text)" in result.stderr


def test_skipped_and_failed_inputs_appear_in_jsonl_with_a_reason(folder, tmp_path):
    (folder / "photo.png").write_bytes(PNG)
    result = invoke(str(folder), str(tmp_path / "gone.txt"), "--format", "jsonl")
    docs = {Path(d["source"]).name: d for d in map(json.loads, result.stdout.splitlines())}
    assert (docs["photo.png"]["status"], docs["photo.png"]["reason"]) == ("skipped", "binary file (not text)")
    assert (docs["gone.txt"]["status"], docs["gone.txt"]["reason"]) == ("failed", "no such file")
    assert (docs["empty.txt"]["status"], docs["empty.txt"]["reason"]) == ("empty", "empty input")
    assert docs["a.txt"]["status"] == "ok" and "reason" not in docs["a.txt"]
    assert result.exit_code == 1


def test_json_outputs_carry_the_status_of_inputs_that_were_not_cleaned(folder, tmp_path):
    (folder / "photo.png").write_bytes(PNG)
    out = tmp_path / "out"
    assert invoke(str(folder), "-o", str(out), "--format", "json").exit_code == 0
    photo = json.loads((out / "photo.json").read_text())
    assert (photo["status"], photo["reason"], photo["paragraphs"]) == ("skipped", "binary file (not text)", [])
    single = invoke(str(tmp_path / "gone.txt"), "--format", "json")
    assert single.exit_code == 1
    assert json.loads(single.stdout)["status"] == "failed"


EMPTIED = "every line was removed as furniture; if the text is an article, try --mode article"


def test_input_of_only_furniture_is_empty_with_its_reason():
    got = json.loads(invoke("--format", "json", input="Advertisement\n\n0 comments\n").stdout)
    assert (got["status"], got["reason"], got["paragraphs"]) == ("empty", EMPTIED, [])


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl"])
def test_an_emptied_text_is_reported_on_stderr_with_the_fix(fmt):
    result = invoke("--format", fmt, input="Advertisement\n\n0 comments\n")
    assert result.exit_code == 0
    assert result.stderr == f"newsclean: <stdin>: empty: {EMPTIED}\n"
    assert invoke("--format", fmt, "--quiet", input="Advertisement\n\n0 comments\n").stderr == ""


def test_in_article_mode_an_emptied_text_is_reported_without_the_fix():
    result = invoke("--mode", "article", input="Advertisement\n\n0 comments\n")
    assert result.stderr == "newsclean: <stdin>: empty: every line was removed\n"


def test_empty_file_gives_empty_output(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    result = invoke(str(tmp_path / "e.txt"))
    assert (result.exit_code, result.stdout_bytes, result.stderr) == (0, b"", "")


ENCODINGS = {
    "utf-8": "Café owners in Zürich said the ñandú exhibit drew crowds.".encode("utf-8"),
    "utf-8-bom": codecs.BOM_UTF8 + "Café owners in Zürich said the ñandú exhibit drew crowds.".encode("utf-8"),
    "utf-16-le-bom": codecs.BOM_UTF16_LE + "Café owners in Zürich said the ñandú exhibit drew crowds.".encode("utf-16-le"),
    "utf-16-be-bom": codecs.BOM_UTF16_BE + "Café owners in Zürich said the ñandú exhibit drew crowds.".encode("utf-16-be"),
    "cp1252": "Café owners in Zürich said the ñandú exhibit drew crowds – “quite a sight”.".encode("cp1252"),
}


@pytest.mark.parametrize("name", sorted(ENCODINGS))
def test_encodings_are_decoded(name, tmp_path):
    (tmp_path / "a.txt").write_bytes(ENCODINGS[name])
    result = invoke(str(tmp_path / "a.txt"))
    assert result.exit_code == 0
    assert result.stdout.startswith("Café owners in Zürich said the ñandú exhibit drew crowds")
    assert "\ufeff" not in result.stdout


def test_output_is_utf8_whatever_the_input_encoding(tmp_path):
    (tmp_path / "a.txt").write_bytes(ENCODINGS["cp1252"])
    result = invoke(str(tmp_path / "a.txt"))
    assert result.stdout_bytes.decode("utf-8").endswith("– “quite a sight”.\n")


def test_inputs_are_never_modified(folder, tmp_path):
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}
    invoke(str(folder), "-o", str(tmp_path / "out"))
    invoke(str(folder), "--format", "jsonl")
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}
    assert after == before


def test_output_that_is_the_input_is_refused(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE)
    result = invoke(str(src), "-o", str(src))
    assert result.exit_code == 2 and "is the input itself" in result.stderr
    assert src.read_text() == ARTICLE


def test_output_that_would_overwrite_another_input_is_refused_before_any_write(tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text("An input that must survive.\n")
    result = invoke(str(tmp_path / "a.md"), str(tmp_path / "b.txt"), "-o", str(tmp_path))
    assert result.exit_code == 2 and "would overwrite the input" in result.stderr
    assert (tmp_path / "b.txt").read_text() == "An input that must survive.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "b.txt"]


def test_jsonl_file_that_is_an_input_is_refused(folder):
    result = invoke(str(folder), "--format", "jsonl", "-o", str(folder / "a.txt"))
    assert result.exit_code == 2
    assert (folder / "a.txt").read_text() == ARTICLE


def test_output_folder_equal_to_the_input_is_refused(folder):
    before = tree(folder)
    result = invoke(str(folder), "-o", str(folder))
    assert result.exit_code == 2 and "is the input folder" in result.stderr
    assert tree(folder) == before


def test_output_folder_that_links_to_the_input_is_refused(folder, tmp_path):
    link = tmp_path / "link"
    link.symlink_to(folder)
    before = tree(folder)
    result = invoke(str(folder), "-o", str(link))
    assert result.exit_code == 2
    assert tree(folder) == before


def test_output_folder_inside_the_input_is_not_walked(folder):
    out = folder / "clean"
    first = invoke(str(folder), "-o", str(out))
    second = invoke(str(folder), "-o", str(out))
    assert first.exit_code == second.exit_code == 0
    assert sorted(tree(out)) == ["a.txt", "empty.txt", "world/b.txt"]
    assert "3 documents" in second.stderr


def test_no_temporary_files_are_left(folder, tmp_path):
    invoke(str(folder), "-o", str(tmp_path / "out"), "--jobs", "2")
    assert temp_files(tmp_path) == []


def test_a_failing_write_leaves_no_partial_output_and_no_temporary_file(folder, tmp_path, monkeypatch):
    """A full disk: the write fails half way through one output."""
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, f):
            self.f = f

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

        def write(self, data):
            self.f.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    opened = []

    def failing_for_b(fd, *args, **kw):
        # outputs are written in input order: a.txt, empty.txt, world/b.txt
        opened.append(fd)
        f = real_fdopen(fd, *args, **kw)
        return FullDisk(f) if len(opened) == 3 else f

    monkeypatch.setattr(io.os, "fdopen", failing_for_b)
    out = tmp_path / "out"
    result = invoke(str(folder), "-o", str(out), "--jobs", "1")
    assert result.exit_code == 1
    assert f"cannot write {out / 'world' / 'b.txt'}: No space left on device" in result.stderr
    assert sorted(tree(out)) == ["a.txt", "empty.txt"]
    assert temp_files(tmp_path) == []


def test_outputs_get_the_usual_file_mode(folder, tmp_path):
    """Temporary files are private; the outputs they become must not be."""
    old = os.umask(0o022)
    try:
        invoke(str(folder), "-o", str(tmp_path / "out"))
    finally:
        os.umask(old)
    assert {p.stat().st_mode & 0o777 for p in (tmp_path / "out").rglob("*.txt")} == {0o644}


def test_a_file_that_grows_past_the_limit_while_read_fails(tmp_path, monkeypatch):
    """The size checked before reading is not trusted: the limit holds for what is read."""
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE)
    real_fstat = os.fstat

    def fstat_when_it_was_small(fd):
        st = real_fstat(fd)
        return os.stat_result((st.st_mode, st.st_ino, st.st_dev, st.st_nlink, st.st_uid, st.st_gid, 10,
                               st.st_atime, st.st_mtime, st.st_ctime))

    monkeypatch.setattr(io.os, "fstat", fstat_when_it_was_small)
    result = invoke(str(src), "--max-size", "50")
    assert result.exit_code == 1
    assert "failed: larger than the size limit (more than 50 bytes" in result.stderr


def test_jobs_1_and_2_give_identical_bytes(tmp_path):
    src = tmp_path / "in"
    for i in range(40):
        (src / f"d{i % 4}").mkdir(parents=True, exist_ok=True)
        (src / f"d{i % 4}" / f"{i:03}.txt").write_text(ARTICLE.replace("Elm", f"Elm {i}"))
    (src / "photo.png").write_bytes(PNG)
    for fmt in ("text", "json"):
        one = invoke(str(src), "-o", str(tmp_path / f"{fmt}1"), "--format", fmt, "--jobs", "1")
        two = invoke(str(src), "-o", str(tmp_path / f"{fmt}2"), "--format", fmt, "--jobs", "2")
        assert one.exit_code == two.exit_code == 0
        assert tree(tmp_path / f"{fmt}1") == tree(tmp_path / f"{fmt}2")
        assert len(tree(tmp_path / f"{fmt}1")) == (40 if fmt == "text" else 41)  # JSON for the photo too
    stream1 = invoke(str(src), "--format", "jsonl", "--jobs", "1").stdout_bytes
    stream2 = invoke(str(src), "--format", "jsonl", "--jobs", "2").stdout_bytes
    assert stream1 == stream2 and len(stream1.splitlines()) == 41


# --- folder runs under faults --------------------------------------------------

def test_symlink_loops_and_links_to_folders_are_skipped(folder, tmp_path):
    (folder / "loop1").symlink_to(folder / "loop2")
    (folder / "loop2").symlink_to(folder / "loop1")
    (folder / "up").symlink_to(folder)
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere")
    result = invoke(str(folder), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert f"{folder / 'loop1'}: skipped: symbolic link loop" in result.stderr
    assert f"{folder / 'up'}: skipped: a link to a folder (not followed)" in result.stderr
    assert f"{folder / 'dangling.txt'}: skipped: broken symbolic link" in result.stderr
    assert "7 documents: 2 ok, 1 empty, 4 skipped, 0 failed" in result.stderr


def test_fifo_and_socket_in_a_folder_are_skipped_without_blocking(folder, tmp_path):
    os.mkfifo(folder / "pipe")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "sock"))
    try:
        # A real process: if a FIFO were read it would block, and the timeout says so.
        run = subprocess.run(command() + [str(folder), "-o", str(tmp_path / "out")],
                             capture_output=True, text=True, timeout=120)
    finally:
        sock.close()
    assert run.returncode == 0
    assert f"{folder / 'pipe'}: skipped: not a regular file" in run.stderr
    assert f"{folder / 'sock'}: skipped: not a regular file" in run.stderr


def test_a_device_linked_into_a_folder_is_skipped(folder, tmp_path):
    (folder / "zero.txt").symlink_to("/dev/zero")
    result = invoke(str(folder), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert "zero.txt: skipped: not a regular file" in result.stderr


def test_a_pipe_named_on_the_command_line_is_read(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    proc = subprocess.Popen(command() + [str(fifo)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    while True:  # open the writing end once newsclean holds the reading end
        try:
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            break
        except OSError as e:
            assert e.errno == errno.ENXIO and proc.poll() is None, proc.stderr.read()
            time.sleep(0.01)
    os.set_blocking(fd, True)
    with os.fdopen(fd, "w") as w:
        w.write(ARTICLE)
    out, err = proc.communicate(timeout=120)
    assert (proc.returncode, out.decode(), err) == (0, CLEANED, b"")


def test_unreadable_folder_is_counted_as_failed(folder, tmp_path, monkeypatch):
    """Simulated (tests may run as root, who can read anything): listing
    in/world fails with permission denied."""
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(folder / "world"):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = invoke(str(folder), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"{folder / 'world'}: failed: cannot read folder: Permission denied" in result.stderr
    assert "3 documents: 1 ok, 1 empty, 0 skipped, 1 failed" in result.stderr
    assert sorted(tree(tmp_path / "out")) == ["a.txt", "empty.txt"]


def test_unreadable_file_is_counted_as_failed(folder, tmp_path, monkeypatch):
    """Simulated as for the folder: opening a.txt is denied."""
    real_open = os.open

    def opener(path, flags, *args, **kw):
        if os.fspath(path) == str(folder / "a.txt"):
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_open(path, flags, *args, **kw)

    monkeypatch.setattr(io.os, "open", opener)
    result = invoke(str(folder), "-o", str(tmp_path / "out"), "--jobs", "1")
    assert result.exit_code == 1
    assert f"{folder / 'a.txt'}: failed: permission denied" in result.stderr
    assert "1 failed" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_for_real(folder, tmp_path):
    (folder / "a.txt").chmod(0)
    result = invoke(str(folder), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1 and "a.txt: failed: permission denied" in result.stderr


def test_a_file_that_vanishes_mid_run_is_skipped(folder, tmp_path, monkeypatch):
    real_walk = io.walk

    def walk_then_delete(root, skip, errors):
        files = list(real_walk(root, skip, errors))
        os.unlink(folder / "a.txt")  # gone between listing and reading
        yield from files

    monkeypatch.setattr(io, "walk", walk_then_delete)
    result = invoke(str(folder), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert f"{folder / 'a.txt'}: skipped: no such file" in result.stderr
    assert sorted(tree(tmp_path / "out")) == ["empty.txt", "world/b.txt"]


# --- real processes: pipes and signals ----------------------------------------

def _many(tmp_path: Path, n: int) -> Path:
    src = tmp_path / "many"
    src.mkdir()
    body = "\n\n".join(f"Paragraph {i} of a long report on the harbour works." for i in range(200))
    for i in range(n):
        (src / f"{i:05}.txt").write_text(f"Report number {i} on the works\n\n{body}\n")
    return src


def test_jsonl_into_head_ends_quietly(tmp_path):
    src = _many(tmp_path, 300)
    run = subprocess.run(" ".join(command()) + f" {src} --format jsonl | head -1",
                         shell=True, capture_output=True, timeout=300)
    assert run.stderr == b""
    assert json.loads(run.stdout)["source"] == str(src / "00000.txt")


def test_closed_stdout_exits_141_without_a_traceback(tmp_path):
    src = _many(tmp_path, 200)
    proc = subprocess.Popen(command() + [str(src), "--format", "jsonl", "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()
    try:  # a hang fails the test rather than stalling the suite
        code = proc.wait(timeout=300)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    err = proc.stderr.read()
    assert code == 141
    assert err == b""


@pytest.mark.parametrize("sig, code, message", [
    (signal.SIGINT, 130, b"newsclean: interrupted\n"),
    (signal.SIGTERM, 143, b"newsclean: terminated\n"),
])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_signals_stop_the_run_cleanly(tmp_path, sig, code, message, jobs):
    src = _many(tmp_path, 3000)
    out = tmp_path / "out"
    proc = subprocess.Popen(command() + [str(src), "-o", str(out), "--jobs", jobs, "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    while not list(out.glob("*.txt")):  # wait until outputs are being written
        assert proc.poll() is None, proc.stderr.read()
        time.sleep(0.01)
    proc.send_signal(sig)
    stdout, stderr = proc.communicate(timeout=120)
    assert (proc.returncode, stdout, stderr) == (code, b"", message)
    assert temp_files(out) == []
    written = sorted(out.iterdir())
    assert 0 < len(written) < 3000
    for p in written:  # every output that exists is whole
        assert p.read_text().endswith("harbour works.\n")


def test_output_to_a_device_writes_into_it_and_leaves_it_a_device(tmp_path):
    import stat as stat_module

    src = tmp_path / "a.txt"
    src.write_text("Headline here\n\nA sentence of the article that stays in the output.\n")
    result = CliRunner().invoke(main, [str(src), "-o", os.devnull])
    assert result.exit_code == 0, result.output
    assert stat_module.S_ISCHR(os.stat(os.devnull).st_mode)


def test_output_through_a_link_replaces_the_target_and_keeps_the_link(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Headline here\n\nA sentence of the article that stays in the output.\n")
    target = tmp_path / "real.txt"
    target.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    result = CliRunner().invoke(main, [str(src), "-o", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert "A sentence of the article" in target.read_text()


# ---------------------------------------------------------------- the plain pipe

PIPE_INPUTS = {
    "sample": SAMPLE.read_bytes(),
    "empty": b"",
    "blank": b"\n\n  \n",
    "binary": b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4,
    "cp1252": "Caf\u00e9 au lait, na\u00efve r\u00e9sum\u00e9.\n".encode("cp1252"),
    "html": b"<html><head><title>T</title></head><body><article><h1>Headline here</h1>"
            + b"<p>" + b"A paragraph of the story that reads like prose. " * 8 + b"</p></article></body></html>",
    "only furniture": b"Advertisement\n\nShare this:\n",
}


@pytest.mark.parametrize("name", sorted(PIPE_INPUTS))
def test_no_argument_runs_as_dash_does(name):
    """`newsclean < file` takes the short way (no option parser); it must answer
    exactly as `newsclean -`, which goes through every option's default."""
    data = PIPE_INPUTS[name]
    plain = subprocess.run(command(), input=data, capture_output=True)
    dash = subprocess.run(command() + ["-"], input=data, capture_output=True)
    assert (plain.returncode, plain.stdout, plain.stderr) == (dash.returncode, dash.stdout, dash.stderr)


def test_no_argument_loads_no_option_parser():
    code = ("import sys; sys.argv = ['newsclean']\n"
            "from newsclean.__main__ import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "sys.stderr.write('click loaded' if 'click' in sys.modules else 'no click')\n")
    done = subprocess.run([sys.executable, "-c", code], input=SAMPLE.read_bytes(), capture_output=True)
    assert done.stdout == SAMPLE_EXPECTED.read_bytes()
    assert done.stderr == b"no click"


def test_no_argument_interrupted_exits_130():
    proc = subprocess.Popen(command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(1.0)  # reading stdin, which stays open
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert (proc.returncode, err) == (130, b"newsclean: interrupted\n")
