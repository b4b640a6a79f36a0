"""newsclean on the wide and snippet corpora, per source, on the part of the sites
the scorer was not fitted on (training/corpora.py: fold 0 of five, split by site).

    python benchmarks/wide.py container.txt page.txt page.html
    python benchmarks/wide.py page.txt --part fitted          # the sites it was fitted on
    python benchmarks/wide.py container.txt --nothing         # the text as it is, for scale
    python benchmarks/wide.py page.txt --again                # outputs a second pass changes
    python benchmarks/wide.py page.txt --snippets             # the snippet-judged corpus
    python benchmarks/wide.py container.txt --gate 0.95,0.94,1.0   # exit 1 below F1, meanF1, or over lost %

Runs the installed `newsclean` once per form over a folder of the chosen pages
(`--format json`) and scores its JSON with ../shared/bench's scorers: F1, P, R
(the public benchmark's rule, empty outputs out of P), meanF1 (per page, empty
counted as 0) and lost (pages keeping under half their article); for snippets,
F over must-have and must-not-have sentences and zero (no article sentence found).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from training import corpora  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench"


def _scorers():
    sys.path.insert(0, str(BENCH))
    import score  # noqa: PLC0415
    import snippets  # noqa: PLC0415
    return score, snippets


def _choose(pages, part):
    if part == "held":
        return [p for p in pages if p.fold == corpora.HELD_OUT]
    if part == "fitted":
        return [p for p in pages if p.fold != corpora.HELD_OUT]
    return list(pages)


def run(cmd, pages, form, nothing):
    """Each page's output text (title first where the label starts with it)."""
    tmp = Path(tempfile.mkdtemp(prefix="newsclean-wide-"))
    try:
        (tmp / "in").mkdir()
        names = {}
        for k, page in enumerate(pages):
            src = page.path / form
            if src.exists():
                name = f"p{k:05d}"
                names[page.ident] = name
                os.symlink(src, tmp / "in" / (name + Path(form).suffix))
        t0 = time.perf_counter()
        if not nothing:
            subprocess.run(cmd + [str(tmp / "in"), "-o", str(tmp / "out"), "--format", "json", "--quiet"],
                           stdout=subprocess.DEVNULL, check=False)
        seconds = time.perf_counter() - t0
        out = {}
        for page in pages:
            name = names.get(page.ident)
            if name is None:
                continue
            if nothing:
                out[page.ident] = (page.path / form).read_text(encoding="utf-8", errors="replace")
                continue
            try:
                j = json.loads((tmp / "out" / f"{name}.json").read_text())
            except (OSError, ValueError):
                out[page.ident] = ""
                continue
            body = j.get("text") or ""
            if page.corpus == "wide" and j.get("title") and _starts_with_title(page):
                body = f"{j['title']}\n\n{body}"
            out[page.ident] = body
        return out, seconds
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def again(cmd, pages, form):
    """Clean each page's form, then clean the output again (both as text): how many
    outputs the second pass changes, of how many."""
    tmp = Path(tempfile.mkdtemp(prefix="newsclean-again-"))
    try:
        (tmp / "in").mkdir()
        for k, page in enumerate(pages):
            if (page.path / form).exists():
                os.symlink(page.path / form, tmp / "in" / f"p{k:05d}{Path(form).suffix}")
        for src, dst in (("in", "once"), ("once", "twice")):
            subprocess.run(cmd + [str(tmp / src), "-o", str(tmp / dst), "--quiet"], stdout=subprocess.DEVNULL, check=False)
        once = sorted((tmp / "once").iterdir())
        changed = [p.name for p in once if not (tmp / "twice" / p.name).exists()
                   or (tmp / "twice" / p.name).read_bytes() != p.read_bytes()]
        return len(changed), len(once)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _starts_with_title(page) -> bool:
    return json.loads((page.path / "meta.json").read_text()).get("expected_starts_with_title", False)


def wide_table(score, pages, outputs):
    groups = defaultdict(list)
    for page in pages:
        if page.ident in outputs:
            pair = ((page.path / "expected.txt").read_text(encoding="utf-8", errors="replace"), outputs[page.ident])
            groups[page.source].append(pair)
            groups["ALL"].append(pair)
    rows = {}
    for name in sorted(groups, key=lambda k: (k == "ALL", k)):
        pairs = groups[name]
        f, p, r, _ = score.score(pairs)
        mean = sum(score.per_page_f1(e, q) for e, q in pairs) / len(pairs)
        lost = sum(score.page_recall(e, q) < 0.5 for e, q in pairs)
        rows[name] = (len(pairs), f, p, r, mean, lost)
    return rows


def snippet_table(snip, pages, outputs):
    tp = fp = fn = tn = zero = 0
    for page in pages:
        if page.ident not in outputs:
            continue
        j = json.loads((page.path / "judge.json").read_text())
        a, b, c, d = snip.judge(j, outputs[page.ident])
        tp, fp, fn, tn = tp + a, fp + b, fn + c, tn + d
        zero += a == 0 and len(j["with"]) > 0
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    n = sum(1 for page in pages if page.ident in outputs)
    return n, f, p, r, zero


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("forms", nargs="+", help="container.txt, page.txt, page2.txt, page.html")
    ap.add_argument("--part", choices=("held", "fitted", "all"), default="held")
    ap.add_argument("--snippets", action="store_true", help="the snippet-judged corpus instead of the wide one")
    ap.add_argument("--nothing", action="store_true", help="score the input as it is")
    ap.add_argument("--again", action="store_true",
                    help="instead of scoring, count the outputs that cleaning them again changes")
    ap.add_argument("--newsclean", default=str(Path(sys.executable).parent / "newsclean"), help="the command to run")
    ap.add_argument("--gate", action="append", default=[], metavar="FORM=F1,MEANF1,LOST%",
                    help="fail when a form's F1 or meanF1 is below, or its lost share (%%) above, these")
    a = ap.parse_args()
    score, snip = _scorers()
    root, unpack = (corpora.SNIPPETS, "snippets") if a.snippets else (corpora.WIDE, "wide")
    corpora.require(root, unpack)
    pages = _choose(corpora.snippet_pages() if a.snippets else corpora.wide_pages(), a.part)
    gates = {}
    for g in a.gate:
        form, _, limits = g.partition("=")
        gates[form] = tuple(map(float, limits.split(",")))
    failed = False
    cmd = a.newsclean.split()
    for form in a.forms:
        if a.again:
            changed, n = again(cmd, pages, form)
            print(f"== {form}, {a.part} sites: {changed} of {n} outputs changed by a second pass "
                  f"({100 * changed / max(n, 1):.1f}%)")
            continue
        outputs, seconds = run(cmd, pages, form, a.nothing)
        who = "nothing removed" if a.nothing else "newsclean"
        print(f"== {form}, {who}, {a.part} sites ({len(outputs)} pages, {seconds:.1f} s)")
        if a.snippets:
            n, f, p, r, zero = snippet_table(snip, pages, outputs)
            print(f"snippets         n={n:5d} F={f:.3f} P={p:.3f} R={r:.3f} zero={zero}")
            continue
        rows = wide_table(score, pages, outputs)
        for name, (n, f, p, r, mean, lost) in rows.items():
            print(f"{name:16s} n={n:5d} F1={f:.3f} P={p:.3f} R={r:.3f} meanF1={mean:.3f} lost={lost}")
        if form in gates:
            n, f, _, _, mean, lost = rows["ALL"]
            low_f, low_mean, most_lost = gates[form]
            if f < low_f or mean < low_mean or 100 * lost / n > most_lost:
                print(f"gate failed for {form}: F1 {f:.3f} (>= {low_f}), meanF1 {mean:.3f} (>= {low_mean}), "
                      f"lost {100 * lost / n:.1f}% (<= {most_lost}%)")
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
