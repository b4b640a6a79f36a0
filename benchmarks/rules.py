"""What each rule takes on the wide corpus: on how many sites it fires, and how often
the line it takes is article text by the page's expected text.

    python benchmarks/rules.py                       # container.txt and page.txt, every site
    python benchmarks/rules.py --forms page2.txt --part held
    python benchmarks/rules.py --forms container.txt --by-length subscribe.pitch
    python benchmarks/rules.py --forms page.txt --mode article   # what each rule matches, region or not

A line counts as article text when at least half of its 4-word shingles stand in
the expected text (training/corpora.py, wide_labels). Rules are listed with their
lines, sites, pages and the share of their lines that were article text ("wrong");
a rule that fires on fewer than --min-sites sites, or is wrong more often than
--max-wrong, is flagged. --by-length RULE breaks one rule's lines down by their length in words,
with the words of article text it took and of furniture. --mode article cleans every
text as the article alone, so that a rule whose lines the region step takes first on
whole pages is counted on every site where it fires.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from newsclean import Config, clean  # noqa: E402
from newsclean.filters.base import words  # noqa: E402
from newsclean.lines import split_lines  # noqa: E402
from newsclean.rules import RULES  # noqa: E402
from training import corpora  # noqa: E402


def _page(task):
    """(rule, site, page, wrong, words) for every line the page's form lost."""
    page, form, mode = task
    path = page.path / form
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8", errors="replace")
    lines = split_lines(text)
    article = corpora.wide_labels(lines, (page.path / "expected.txt").read_text(encoding="utf-8", errors="replace"))
    held = {line.number: label for line, label in zip(lines, article)}
    return [(r.rule, page.site, page.ident, held.get(r.line, 0.0) == 1.0, len(words(r.text))) for r in clean(text, Config(mode=mode)).removed]


LENGTHS = (0, 5, 10, 15, 20, 25, 30, 40)


def by_length(hits: list[tuple], rule: str) -> None:
    print(f"== {rule}: lines by length in words")
    print(f"{'words':>8s} {'lines':>6s} {'sites':>6s} {'wrong':>6s} {'article words':>14s} {'furniture words':>16s}")
    for lo, hi in zip(LENGTHS, LENGTHS[1:] + (None,)):
        sel = [h for h in hits if h[0] == rule and h[4] >= lo and (hi is None or h[4] < hi)]
        if not sel:
            continue
        wrong = sum(h[3] for h in sel)
        label = f"{lo}-{hi - 1}" if hi else f"{lo}+"
        print(f"{label:>8s} {len(sel):6d} {len({h[1] for h in sel}):6d} {wrong / len(sel):6.1%} "
              f"{sum(h[4] for h in sel if h[3]):14d} {sum(h[4] for h in sel if not h[3]):16d}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--forms", default="container.txt,page.txt")
    ap.add_argument("--part", choices=("held", "fitted", "all"), default="all")
    ap.add_argument("--min-sites", type=int, default=2)
    ap.add_argument("--max-wrong", type=float, default=0.5)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--mode", choices=("auto", "article"), default="auto",
                    help="clean as newsclean's --mode (article: no region step)")
    ap.add_argument("--by-length", metavar="RULE", action="append", default=[],
                    help="break this rule's lines down by length (repeatable)")
    a = ap.parse_args()
    corpora.require(corpora.WIDE, "wide")
    pages = [p for p in corpora.wide_pages()
             if a.part == "all" or (p.fold == corpora.HELD_OUT) == (a.part == "held")]
    for form in a.forms.split(","):
        lines: dict[str, int] = defaultdict(int)
        wrong: dict[str, int] = defaultdict(int)
        sites: dict[str, set] = defaultdict(set)
        docs: dict[str, set] = defaultdict(set)
        every = []
        with Pool(a.jobs) as pool:
            for hits in pool.imap_unordered(_page, [(p, form, a.mode) for p in pages], chunksize=16):
                every.extend(hits)
                for rule, site, ident, is_article, _ in hits:
                    lines[rule] += 1
                    wrong[rule] += is_article
                    sites[rule].add(site)
                    docs[rule].add(ident)
        print(f"== {form}, {a.part} sites ({len(pages)} pages), --mode {a.mode}: lines each rule took")
        print(f"{'rule':28s} {'lines':>7s} {'sites':>6s} {'pages':>6s} {'wrong':>6s}")
        for rule in RULES:
            if not lines[rule]:
                print(f"{rule:28s} {0:7d} {0:6d} {0:6d} {'':>6s}")
                continue
            share = wrong[rule] / lines[rule]
            flag = "  <- few sites" if len(sites[rule]) < a.min_sites else ""
            flag += "  <- often wrong" if share > a.max_wrong else ""
            print(f"{rule:28s} {lines[rule]:7d} {len(sites[rule]):6d} {len(docs[rule]):6d} {share:6.1%}{flag}")
        for rule in a.by_length:
            by_length(every, rule)
    return 0


if __name__ == "__main__":
    sys.exit(main())
