#!/usr/bin/env python3
"""Speed benchmark: cleaning a whole-page dump costs time linear in its size.

Builds synthetic page dumps in code (menus, an article, teaser lists, a comment
section, a footer, repeated until the dump reaches the size asked for), then times
`clean` in page mode on N dumps of SIZE and on one dump of N x SIZE. Linear code
takes about the same time for both; a quadratic pass shows as a ratio near N.
Times are CPU times of this process, so other work on the machine does not skew
the ratio.

usage: python benchmarks/region_linearity.py [--size-mb 1] [--times 10] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsclean import Config, clean  # noqa: E402

PAGE = Config(mode="page")

_SYLLABLES = ("ka", "lo", "mi", "ra", "ten", "vo", "sel", "dun", "pri", "ga", "ber", "nus", "tor", "el", "an")
_FUNCTION = ("the", "of", "and", "to", "in", "that", "was", "for", "with", "on", "by", "as", "from")


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 3)))


def _sentence(rng: random.Random) -> str:
    ws = [rng.choice(_FUNCTION) if rng.random() < 0.35 else _word(rng) for _ in range(rng.randint(8, 24))]
    return ws[0].capitalize() + " " + " ".join(ws[1:]) + "."


def _menu(rng: random.Random, n: int) -> list[str]:
    return ["  * " + " ".join(_word(rng).capitalize() for _ in range(rng.randint(1, 3))) for _ in range(n)]


def _page(rng: random.Random) -> str:
    """One page: header menu, headline, byline, article, teasers, comments, footer."""
    parts = _menu(rng, 30) + [""]
    parts += [" ".join(_word(rng).capitalize() for _ in range(7)), "", f"By {_word(rng).capitalize()}", ""]
    for _ in range(rng.randint(8, 16)):
        parts += [" ".join(_sentence(rng) for _ in range(rng.randint(2, 5))), ""]
    parts += ["Related stories", ""]
    for _ in range(6):
        parts += [" ".join(_word(rng).capitalize() for _ in range(6)), f"{rng.randint(1, 28)} November 2026",
                  _sentence(rng), ""]
    parts += ["12 Comments", ""]
    for _ in range(5):
        parts += [_word(rng).capitalize(), f"{rng.randint(1, 9)} hours ago", _sentence(rng), "Reply", ""]
    parts += _menu(rng, 25) + ["© 2026 " + _word(rng).capitalize(), ""]
    return "\n".join(parts)


def dump(size: int, seed: int) -> str:
    """A text of about `size` characters made of whole synthetic pages."""
    rng = random.Random(seed)
    pages: list[str] = []
    total = 0
    while total < size:
        pages.append(_page(rng))
        total += len(pages[-1]) + 1
    return "\n".join(pages)


def best_time(texts: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for text in texts:
            clean(text, PAGE)
        best = min(best, time.process_time() - start)
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size-mb", type=float, default=1.0, help="size of each small dump in MB")
    ap.add_argument("--times", type=int, default=10, help="how many small dumps; the large one is this many times larger")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs; the best is kept")
    args = ap.parse_args(argv)

    size = int(args.size_mb * 1_000_000)
    small = [dump(size, seed) for seed in range(args.times)]
    large = dump(size * args.times, seed=args.times)
    t_small = best_time(small, args.repeat)
    t_large = best_time([large], args.repeat)
    mb_small = sum(len(t) for t in small) / 1e6
    mb_large = len(large) / 1e6
    print(f"{args.times} dumps of {mb_small / args.times:.1f} MB  {t_small:7.2f} s  {mb_small / t_small:6.2f} MB/s")
    print(f"1 dump of {mb_large:.1f} MB      {t_large:7.2f} s  {mb_large / t_large:6.2f} MB/s")
    print(f"ratio (large / small, per MB): {(t_large / mb_large) / (t_small / mb_small):.2f}  (1.00 is linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
