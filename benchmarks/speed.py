#!/usr/bin/env python3
"""Speed benchmark: start-up, text-path throughput, folder runs by --jobs.

usage: python benchmarks/speed.py [--quick] [--corpus DIR] [--only startup,text,corpus,folder]

- start-up: `newsclean < samples/<seed>` against `python -c "import click"` in the
  same environment (median of repeated runs);
- text path: MB/s of newsclean.clean() on one core, over documents built from
  samples/ at 1, 10 and 100 MB (time should grow linearly with size);
- corpus: MB/s of newsclean.clean() on one core per text form of a corpus laid out
  like ../shared/bench/dev (container.txt, page.txt, page2.txt), read at run time.
  Each document is cleaned once per round with the line caches cleared first, so
  a line seen before never comes cheap; the median of the rounds is reported.
- folder runs: docs/s of `newsclean DIR -o OUT` over 1,000 short documents with
  --jobs 1 and --jobs 2.
"""

from __future__ import annotations

import argparse
import os
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
SEED = ROOT / "samples" / "000_de6bcb39d1aac536.txt"


def median_run(cmd: list[str], stdin_path: Path | None = None, runs: int = 21) -> float:
    times = []
    for _ in range(runs):
        with open(stdin_path or os.devnull, "rb") as stdin:
            start = time.perf_counter()
            subprocess.run(cmd, stdin=stdin, stdout=subprocess.DEVNULL, check=True)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def startup(runs: int) -> None:
    newsclean = str(BIN / "newsclean")
    base = median_run([sys.executable, "-c", "import click"], runs=runs)
    ours = median_run([newsclean], SEED, runs=runs)
    print(f"start-up: newsclean < seed {ours * 1000:.0f} ms; python -c 'import click' {base * 1000:.0f} ms; "
          f"ratio {ours / base:.2f}x (target <= 1.5x)")


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
        times = []
        for _ in range(rounds):
            seconds = 0.0
            for text in texts:
                base.clear_caches()
                start = time.perf_counter()
                clean(text)
                seconds += time.perf_counter() - start
            times.append(seconds)
        seconds = statistics.median(times)
        print(f"corpus: {form:<13} {len(texts)} docs, {size:5.2f} MB in {seconds:5.2f} s = {size / seconds:5.1f} MB/s "
              f"(one core, median of {rounds}; target >= 20)")


def folder(n_docs: int, jobs: list[int]) -> None:
    texts = [p.read_text() for p in SAMPLES]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        for i in range(n_docs):
            (src / f"doc{i:05d}.txt").write_text(texts[i % len(texts)])
        for j in jobs:
            out = Path(tmp) / f"out{j}"
            start = time.perf_counter()
            subprocess.run([str(BIN / "newsclean"), str(src), "-o", str(out), "--quiet", "--jobs", str(j)], check=True)
            seconds = time.perf_counter() - start
            print(f"folder: {n_docs} short docs, --jobs {j}: {seconds:.2f} s = {n_docs / seconds:.0f} docs/s (target >= 500 with --jobs 2)")
            shutil.rmtree(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer runs and no 100 MB document")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "bench" / "dev",
                    help="corpus folder of <id>/container.txt, page.txt, page2.txt [default: %(default)s]")
    ap.add_argument("--only", default="startup,text,corpus,folder", help="comma-separated parts to run")
    args = ap.parse_args()
    parts = set(args.only.split(","))
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    if "startup" in parts:
        startup(runs=7 if args.quick else 21)
    if "text" in parts:
        text_path([1, 10] if args.quick else [1, 10, 100])
    if "corpus" in parts:
        corpus(args.corpus, rounds=3 if args.quick else 5)
    if "folder" in parts:
        folder(1000, [1, 2])


if __name__ == "__main__":
    main()
