#!/usr/bin/env python3
"""Quality benchmark: newsclean (and peers) on a corpus laid out like shared/bench/dev.

For each input form (container.txt, page.txt, page2.txt, page.html) it runs the
newsclean library over every document, scores the JSON `text` field (the body
without the title) against expected.txt with the corpus's reference scorer, and
prints F1 / precision / recall beside the peers measured in the same run.

usage: python benchmarks/quality.py [--corpus DIR] [--forms container.txt,page.txt]
                                    [--peers] [--gate FORM=MIN ...] [--worst N]
Exit 1 when a --gate is not met (the CI quality gate).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from newsclean import clean_bytes  # noqa: E402

FORMS = ("container.txt", "page.txt", "page2.txt", "page.html")


def load_scorer(corpus: Path):
    """The reference metric: score.py beside the corpus folder."""
    path = corpus.parent / "score.py"
    spec = importlib.util.spec_from_file_location("reference_score", path)
    if spec is None or not path.exists():
        sys.exit(f"quality: no reference scorer at {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def documents(corpus: Path):
    return sorted(p for p in corpus.iterdir() if p.is_dir() and (p / "expected.txt").exists())


def run_newsclean(docs, form):
    out = {}
    start = time.perf_counter()
    for d in docs:
        src = d / form
        if src.exists():
            out[d.name] = clean_bytes(src.read_bytes(), name=src.name).text
    return out, time.perf_counter() - start


def run_as_is(docs, form):
    return {d.name: (d / form).read_text(errors="replace") for d in docs if (d / form).exists()}, None


def run_trafilatura(docs, form):
    try:
        import trafilatura
    except ImportError:
        return None, None
    out = {}
    start = time.perf_counter()
    for d in docs:
        src = d / form
        if not src.exists():
            continue
        if form.endswith(".html"):
            data = src.read_bytes()  # trafilatura detects the page's encoding itself
        else:
            # trafilatura on text lines: each line as a paragraph of a minimal page.
            from html import escape

            lines = src.read_text(errors="replace").splitlines()
            data = "<html><body><article>" + "".join(f"<p>{escape(l)}</p>" for l in lines if l.strip()) + "</article></body></html>"
        out[d.name] = trafilatura.extract(data, include_comments=False, include_tables=True) or ""
    return out, time.perf_counter() - start


READABILITY_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote", "pre", "br")


def run_readability(docs, form):
    if not form.endswith(".html"):
        return None, None
    try:
        from lxml import html as lxml_html
        from readability import Document
    except ImportError:
        return None, None
    out = {}
    start = time.perf_counter()
    for d in docs:
        src = d / form
        if not src.exists():
            continue
        try:
            # Bytes, so readability detects the encoding; a plain rendering: the
            # text of the summary with a line break after each block.
            article = lxml_html.fromstring(Document(src.read_bytes()).summary(html_partial=True))
            for block in article.iter(*READABILITY_BLOCKS):
                block.tail = "\n" + (block.tail or "")
            out[d.name] = article.text_content()
        except Exception:
            out[d.name] = ""
    return out, time.perf_counter() - start


PEERS = {"as is": run_as_is, "trafilatura": run_trafilatura, "readability-lxml": run_readability}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "bench" / "dev")
    ap.add_argument("--forms", default=",".join(FORMS))
    ap.add_argument("--peers", action="store_true", help="also run the peers (as is, trafilatura, readability)")
    ap.add_argument("--gate", action="append", default=[], metavar="FORM=MIN", help="fail if newsclean's F1 on FORM < MIN")
    ap.add_argument("--worst", type=int, default=0, metavar="N", help="list the N worst documents per form")
    args = ap.parse_args(argv)

    scorer = load_scorer(args.corpus)
    docs = documents(args.corpus)
    gates = dict(g.split("=", 1) for g in args.gate)
    failed = False
    print(f"{'input':<14} {'tool':<18} {'F1':>6} {'P':>6} {'R':>6} {'docs/s':>7}")
    for form in args.forms.split(","):
        tools = [("newsclean", run_newsclean)] + (list(PEERS.items()) if args.peers else [])
        for name, run in tools:
            preds, seconds = run(docs, form)
            if preds is None:
                continue
            pairs = [((d / "expected.txt").read_text(), preds.get(d.name, "")) for d in docs]
            f1, p, r, _ = scorer.score(pairs)
            rate = f"{len(preds) / seconds:7.0f}" if seconds else " " * 7
            print(f"{form:<14} {name:<18} {f1:6.3f} {p:6.3f} {r:6.3f} {rate}", flush=True)
            if name == "newsclean" and args.worst:
                rows = []
                for d, (e, q) in zip(docs, pairs):
                    tp, fp, fn = scorer.tp_fp_fn(e, q)
                    rows.append((min(scorer.precision(tp, fp, fn), scorer.recall(tp, fp, fn)),
                                 scorer.precision(tp, fp, fn), scorer.recall(tp, fp, fn), d.name))
                for worst, p_, r_, doc in sorted(rows)[: args.worst]:
                    print(f"    {doc}  P={p_:.3f} R={r_:.3f}")
            if name == "newsclean" and form in gates and f1 < float(gates[form]):
                print(f"GATE FAILED: {form} F1 {f1:.3f} < {gates[form]}")
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
