#!/usr/bin/env python3
"""Speed benchmark: folder runs over saved HTML pages, newsclean beside trafilatura.

Copies every `<id>/page.html` of a corpus laid out like shared/bench/dev into one
temporary folder (as `<id>.html`), then times, in the same run and on the same
pages, each tool's own folder command:

    newsclean DIR -o OUT --format json --quiet
    trafilatura --input-dir DIR --output-dir OUT      (skipped when not installed)

and prints pages per second (the best of --repeat runs, whole command including
start-up). Exit 1 when --min-ratio is given and newsclean's pages/s falls below
that multiple of trafilatura's.

usage: python benchmarks/html_speed.py [--corpus DIR] [--repeat N] [--min-ratio R]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent


def collect(corpus: Path, into: Path) -> int:
    n = 0
    for doc in sorted(p for p in corpus.iterdir() if p.is_dir()):
        page = doc / "page.html"
        if page.exists():
            shutil.copyfile(page, into / f"{doc.name}.html")
            n += 1
    return n


def command(name: str) -> list[str] | None:
    exe = BIN / name
    if exe.exists():
        return [str(exe)]
    found = shutil.which(name)
    return [found] if found else None


def timed(cmd: list[str], out: Path, repeat: int) -> float:
    """The best wall time of `repeat` runs of cmd, each into a fresh output folder."""
    best = float("inf")
    for _ in range(repeat):
        shutil.rmtree(out, ignore_errors=True)
        start = time.perf_counter()
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            sys.exit(f"html_speed: {' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode(errors='replace')[-500:]}")
        best = min(best, elapsed)
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "bench" / "dev")
    ap.add_argument("--repeat", type=int, default=3, help="runs per tool; the best counts")
    ap.add_argument("--min-ratio", type=float, default=None, metavar="R",
                    help="fail unless newsclean pages/s >= R x trafilatura pages/s")
    args = ap.parse_args(argv)

    newsclean = command("newsclean")
    if newsclean is None:
        sys.exit("html_speed: the newsclean command is not installed")
    trafilatura = command("trafilatura")
    with tempfile.TemporaryDirectory(prefix="html-speed-") as tmp:
        pages = Path(tmp) / "pages"
        pages.mkdir()
        n = collect(args.corpus, pages)
        if not n:
            sys.exit(f"html_speed: no page.html under {args.corpus}")
        out = Path(tmp) / "out"
        runs = [("newsclean", newsclean + [str(pages), "-o", str(out), "--format", "json", "--quiet"])]
        if trafilatura:
            runs.append(("trafilatura", trafilatura + ["--input-dir", str(pages), "--output-dir", str(out)]))
        print(f"{n} pages, best of {args.repeat} runs")
        print(f"{'tool':<12} {'seconds':>8} {'pages/s':>8}")
        rates = {}
        for name, cmd in runs:
            seconds = timed(cmd, out, args.repeat)
            rates[name] = n / seconds
            print(f"{name:<12} {seconds:8.2f} {rates[name]:8.1f}", flush=True)
        if not trafilatura:
            print("trafilatura: not installed (pip install trafilatura to compare)")
    if args.min_ratio is not None and "trafilatura" in rates:
        ratio = rates["newsclean"] / rates["trafilatura"]
        print(f"ratio newsclean/trafilatura: {ratio:.2f}")
        if ratio < args.min_ratio:
            print(f"SPEED GATE FAILED: {ratio:.2f} < {args.min_ratio}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
