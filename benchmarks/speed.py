#!/usr/bin/env python3
"""Speed benchmark: start-up, text-path throughput, folder runs by --jobs.

usage: python benchmarks/speed.py [--quick] [--corpus DIR] [--only startup,text,corpus,floor,folder]

- start-up: `newsclean < samples/en_harbour.txt` against `python -c "import click"` in the
  same environment, both with their bytecode cached as an install has it (median
  wall and CPU time of repeated runs);
- text path: MB/s of newsclean.clean() on one core, over documents built from
  samples/ at 1, 10 and 100 MB (time should grow linearly with size);
- corpus: MB/s of newsclean.clean() on one core per text form of a corpus laid out
  like ../shared/bench/dev (container.txt, page.txt, page2.txt), read at run time.
  Each document is cleaned once per round with the line caches cleared first, so
  a line seen before never comes cheap; the median of the rounds is reported.
- floor: MB/s, on the corpus's container.txt, of the least that any pipeline of
  per-line judgements does in CPython before it judges anything: split the lines,
  take every line's case-folded words once, count their function words (what the
  region step tells prose by), and ask one set question per filter of each line a
  filter looks at. Each stage adds to the one before; no line is judged. A last
  line does without the region step, as --mode article does.
- folder runs: docs/s of `newsclean DIR -o OUT` over 1,000 short documents with
  --jobs 1 and --jobs 2, and over the corpus's container.txt files.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
SAMPLE = ROOT / "samples" / "en_harbour.txt"


def median_run(cmd: list[str], stdin_path: Path | None = None, runs: int = 21,
               env: dict[str, str] | None = None) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of `cmd`. CPU time
    moves less when other jobs share the machine."""
    walls, cpus = [], []
    for _ in range(runs):
        with open(stdin_path or os.devnull, "rb") as stdin:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(cmd, stdin=stdin, stdout=subprocess.DEVNULL, check=True, env=env)
            walls.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def startup(runs: int) -> None:
    """Both commands as an installed package runs them: with their bytecode cached
    (pip compiles it at install). Where PYTHONDONTWRITEBYTECODE is set, an editable
    install would otherwise compile newsclean's sources on every run while click
    loads its bytecode; one run first writes the caches (to the ignored __pycache__)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    click_cmd, ours_cmd = [sys.executable, "-c", "import click"], [str(BIN / "newsclean")]
    median_run(ours_cmd, SAMPLE, runs=1, env=env)
    base_wall, base_cpu = median_run(click_cmd, runs=runs, env=env)
    wall, cpu = median_run(ours_cmd, SAMPLE, runs=runs, env=env)
    print(f"start-up: newsclean < sample {wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU; "
          f"python -c 'import click' {base_wall * 1000:.0f} ms wall, {base_cpu * 1000:.0f} ms CPU; "
          f"ratio {wall / base_wall:.2f}x wall, {cpu / base_cpu:.2f}x CPU (target <= 1.5x)")


def text_path(sizes_mb: list[int]) -> None:
    from newsclean import clean

    unit = "\n\n".join(p.read_text() for p in SAMPLES)
    for mb in sizes_mb:
        text = unit * max(1, (mb << 20) // len(unit.encode()))
        size = len(text.encode()) / (1 << 20)
        start = time.perf_counter()
        clean(text)
        seconds = time.perf_counter() - start
        print(f"text path: {size:6.1f} MB in {seconds:6.2f} s = {size / seconds:5.1f} MB/s (one core; target >= 20)")


FORMS = ("container.txt", "page.txt", "page2.txt")


def corpus(root: Path, rounds: int) -> None:
    from newsclean import clean
    from newsclean.filters import base

    for form in FORMS:
        texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob(f"*/{form}"))]
        if not texts:
            print(f"corpus: no {form} under {root}")
            continue
        size = sum(len(t.encode()) for t in texts) / (1 << 20)
        walls, cpus = [], []
        for _ in range(rounds):
            wall = cpu = 0.0
            for text in texts:
                base.clear_caches()
                start, start_cpu = time.perf_counter(), time.process_time()
                clean(text)
                wall += time.perf_counter() - start
                cpu += time.process_time() - start_cpu
            walls.append(wall)
            cpus.append(cpu)
        wall, cpu = statistics.median(walls), statistics.median(cpus)
        print(f"corpus: {form:<13} {len(texts)} docs, {size:5.2f} MB: {size / wall:5.1f} MB/s wall, "
              f"{size / cpu:5.1f} MB/s CPU (one core, median of {rounds}; target >= 20)")


def floor(root: Path, rounds: int) -> None:
    from newsclean import region
    from newsclean.filters import FILTERS, subscribe
    from newsclean.filters.base import SHORT
    from newsclean.lines import split_lines

    texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("*/container.txt"))]
    if not texts:
        print(f"floor: no container.txt under {root}")
        return
    size = sum(len(t.encode()) for t in texts) / (1 << 20)
    find_words = re.compile(r"\w+").findall
    function_words = frozenset(region._LANGUAGES_OF)
    # One set per filter: the words of its own examples, a vocabulary of its size.
    vocabularies = [frozenset(find_words(" ".join(f.examples).casefold())) for f in FILTERS]

    def split(text: str) -> None:
        split_lines(text)

    def tokens(text: str) -> None:
        for line in split_lines(text):
            find_words(line.text.casefold())

    def density(text: str) -> None:
        for line in split_lines(text):
            sum(map(function_words.__contains__, find_words(line.text.casefold())))

    def screens(text: str) -> None:
        lines = split_lines(text)
        toks = [find_words(line.text.casefold()) for line in lines]
        [sum(map(function_words.__contains__, t)) for t in toks]
        for vocabulary in vocabularies:
            [i for i, line in enumerate(lines) if len(line.text) <= SHORT and not vocabulary.isdisjoint(toks[i])]

    def article_screens(text: str) -> None:
        lines = [line for line in split_lines(text) if len(line.text) <= SHORT]
        toks = [find_words(line.text.casefold()) for line in lines]
        for vocabulary in vocabularies:
            [i for i, t in enumerate(toks) if not vocabulary.isdisjoint(t)]

    offer = re.compile(subscribe._OFFER._source)
    short_lines = [line.text.casefold() for t in texts for line in split_lines(t) if len(line.text) <= SHORT]

    stages = (
        ("split_lines", split),
        ("+ every line's case-folded words, once", tokens),
        ("+ their function words counted", density),
        (f"+ one set question per filter ({len(FILTERS)}) per short line", screens),
        ("article mode (no region step): short lines' words, set questions", article_screens),
    )
    budget = size / 20 * 1000
    print(f"floor: container.txt, {len(texts)} docs, {size:.2f} MB; 20 MB/s leaves {budget:.0f} ms for all of it")
    for label, stage in stages:
        best = _fastest(rounds, lambda run=stage: [run(t) for t in texts])
        print(f"floor: {label:<66} {best * 1000:6.1f} ms = {size / best:6.1f} MB/s")
    # For scale: what one search costs, with the pattern the subscribe filter looks
    # for an offer with (a case-folded word list), on every short line.
    best = _fastest(rounds, lambda: [offer.search(line) for line in short_lines])
    print(f"floor: for scale, one search of subscribe's offer pattern per short line: "
          f"{best / len(short_lines) * 1e6:.1f} µs a line ({len(short_lines)} lines)")


def _fastest(rounds: int, work) -> float:
    """The shortest of `rounds` timed runs of work(), in seconds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def folder(n_docs: int, jobs: list[int], corpus_root: Path) -> None:
    """docs/s of folder runs: 1,000 short documents made from samples/ (the same five
    texts over and over, so the line caches help), then the corpus's container.txt
    files, each a different page."""
    texts = [p.read_text() for p in SAMPLES]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        for i in range(n_docs):
            (src / f"doc{i:05d}.txt").write_text(texts[i % len(texts)])
        pages = Path(tmp) / "pages"
        pages.mkdir()
        for p in sorted(corpus_root.glob("*/container.txt")):
            shutil.copyfile(p, pages / f"{p.parent.name}.txt")
        runs = [(src, n_docs, f"{n_docs} short docs")]
        n_pages = len(list(pages.iterdir()))
        if n_pages:
            runs.append((pages, n_pages, f"{n_pages} corpus container.txt docs"))
        for folder_in, n, label in runs:
            for j in jobs:
                out = Path(tmp) / f"out{j}"
                cmd = [str(BIN / "newsclean"), str(folder_in), "-o", str(out), "--quiet", "--jobs", str(j)]
                start = time.perf_counter()
                subprocess.run(cmd, check=True)
                seconds = time.perf_counter() - start
                print(f"folder: {label}, --jobs {j}: {seconds:.2f} s = {n / seconds:.0f} docs/s"
                      + (" (target >= 500 with --jobs 2)" if folder_in == src else ""))
                shutil.rmtree(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer runs and no 100 MB document")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "bench" / "dev",
                    help="corpus folder of <id>/container.txt, page.txt, page2.txt [default: %(default)s]")
    ap.add_argument("--only", default="startup,text,corpus,floor,folder", help="comma-separated parts to run")
    args = ap.parse_args()
    parts = set(args.only.split(","))
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    if "startup" in parts:
        startup(runs=7 if args.quick else 21)
    if "text" in parts:
        text_path([1, 10] if args.quick else [1, 10, 100])
    if "corpus" in parts:
        corpus(args.corpus, rounds=3 if args.quick else 5)
    if "floor" in parts:
        floor(args.corpus, rounds=3 if args.quick else 7)
    if "folder" in parts:
        folder(1000, [1, 2], args.corpus)


if __name__ == "__main__":
    main()
