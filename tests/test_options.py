"""Options: one list of steps for --list-filters and --disable, sizes with units,
--jobs 0, the progress bar and the summary."""

from __future__ import annotations

import io as _io
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


# ---------------------------------------------------------------- --max-size


@pytest.mark.parametrize("size, limit", [
    ("1500", 1500), ("2k", 2048), ("2K", 2048), ("2KiB", 2048), ("2kB", 2000), ("1M", 1 << 20),
    ("64MiB", 64 << 20), ("64MB", 64_000_000), ("1.5k", 1536), ("3000b", 3000), ("1G", 1 << 30),
])
def test_max_size_reads_bytes_and_units(size, limit):
    from newsclean.cli import Size

    assert Size().convert(size, None, None) == limit


@pytest.mark.parametrize("size, limit", [("1500", 1500), ("2k", 2048), ("2kB", 2000)])
def test_max_size_with_a_unit_bounds_the_input(invoke, tmp_path, size, limit):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE + "x" * (limit - len(ARTICLE.encode())))
    fits = invoke(str(src), "--max-size", size)
    assert fits.exit_code == 0, fits.stderr
    src.write_text(ARTICLE + "x" * (limit + 1 - len(ARTICLE.encode())))
    over = invoke(str(src), "--max-size", size)
    assert over.exit_code == 1 and f"{limit + 1:,} > {limit:,} bytes" in over.stderr


@pytest.mark.parametrize("junk", ["12 parsecs", "M", "-5", "0", "1.5.2k", "10KK"])
def test_max_size_refuses_junk_with_one_line(invoke, junk):
    result = invoke("--max-size", junk, input=ARTICLE)
    assert result.exit_code == 2 and result.stdout == ""
    assert "--max-size" in result.stderr and "Traceback" not in result.stderr


# ---------------------------------------------------------------- --jobs


def test_jobs_0_means_all_cores(invoke, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for n in range(3):
        (src / f"{n}.txt").write_text(ARTICLE)
    zero = invoke(str(src), "--format", "jsonl", "--jobs", "0", "-q")
    one = invoke(str(src), "--format", "jsonl", "--jobs", "1", "-q")
    assert (zero.exit_code, zero.stderr) == (0, "")
    assert zero.stdout == one.stdout


# ---------------------------------------------------------------- progress and summary


def test_progress_shows_done_of_total_and_the_rate():
    from rich.console import Console

    from newsclean.command import Report

    out = _io.StringIO()
    with Report("documents", ("ok",), total=2004, progress=True,
                console=Console(file=out, force_terminal=True, width=100)) as report:
        for _ in range(2004):
            report.add("ok")
    shown = out.getvalue()
    assert "2,004/2,004" in shown and "docs/s" in shown


def test_progress_counts_records_when_the_total_is_unknown():
    from rich.console import Console

    from newsclean.command import Report

    out = _io.StringIO()
    with Report("records", ("ok",), progress=True, console=Console(file=out, force_terminal=True, width=100)) as r:
        for _ in range(1500):
            r.add("ok")
    assert "1,500 records" in out.getvalue() and "records/s" in out.getvalue()


def test_no_progress_bar_off_a_terminal(invoke, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for n in range(3):
        (src / f"{n}.txt").write_text(ARTICLE)
    result = invoke(str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert "docs/s" not in result.stderr and "\x1b" not in result.stderr


def test_summary_uses_one_number_style_and_stays_within_80_columns():
    from newsclean.command import Report

    report = Report("documents", ("ok", "empty", "skipped", "failed"))
    for n in range(2004):
        report.add("ok" if n % 50 else "failed", [(name, 1001) for name in (
            "residue", "counters", "ads", "subscribe", "share", "related", "comments", "legal", "media",
            "byline", "navigation", "teasers", "repeated", "region", "score")])
    lines = report.summary_lines()
    assert lines[0] == "newsclean: 2,004 documents: 1,963 ok, 0 empty, 0 skipped, 41 failed"
    assert all(len(line) <= 80 for line in lines), lines
    text = " ".join(lines)
    assert "2,006,004" in text and "30,090,060 lines removed" in text
    digits = [w.strip(",;:") for w in text.split() if w.strip(",;:").replace(",", "").isdigit()]
    assert all(int(d.replace(",", "")) < 1000 or "," in d for d in digits), digits


def test_folder_summary_on_stderr_stays_within_80_columns(invoke, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(
        "Share this:\n\n1.4K views\n\nAdvertisement\n\nSubscribe to our newsletter\n\n"
        "Growers in the valley began picking apples ten days sooner than last year.\n\n"
        "Related stories\n* A pear festival returns\n* Cider makers expect a good year\n\n"
        "© 2025 Valley Courier\n\nLeave a reply\n\nTags: apples, harvest\n")
    result = invoke(str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert all(len(line) <= 80 for line in result.stderr.splitlines())
    assert result.stderr.startswith("newsclean: 1 document: 1 ok")
