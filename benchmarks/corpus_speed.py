#!/usr/bin/env python3
"""Corpus-scale speed benchmark: JSON Lines against a folder, flat memory, a Dask cluster.

Everything runs the installed `newsclean` command in a subprocess, on synthetic news
documents generated here (article paragraphs from a made-up vocabulary, with the
furniture scrapers leave: ad labels, share rows, related links, a site menu and
footer), so nothing of a real site is needed.

1. throughput: the same N documents as a folder of files (-o folder) and as one
   JSON Lines file (--jsonl-field text -o file), with the same --jobs.
   Target: JSONL docs/s >= 90% of the folder's.
2. memory: peak RSS of the whole process tree on a 1 MB JSONL input and on a large
   one (1 GB by default). Target: within 2x.
3. cluster: a local dask.distributed cluster of one worker process, then of two, on
   the same JSONL job (--scheduler; 16,000 documents by default, so that the run
   is not mostly the command's start-up). Target: two workers >= 1.6x one.

usage: python benchmarks/corpus_speed.py [--docs N] [--cluster-docs N] [--jobs J] [--big-mb MB]
           [--workdir DIR] [--only throughput,memory,cluster] [--gate]
Exit 1 with --gate when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
NEWSCLEAN = [sys.executable, "-m", "newsclean"]

# ---------------------------------------------------------------- synthetic documents

_SYLLABLES = "ba be bi bo bu da de di do ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to va ve vi".split()
_SMALL = "the a of to and in on for with that was is by at from as it said".split()
_FURNITURE = (
    "Advertisement",
    "Share this article",
    "Facebook Twitter Email",
    "Sign up for our morning newsletter",
    "Read more:",
    "Related stories",
    "Photo: Staff photographer",
    "Comments (12)",
)


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 3)))


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_SMALL) if rng.random() < 0.35 else _word(rng) for _ in range(rng.randint(8, 24))]
    return " ".join(words).capitalize() + "."


def document(i: int, site: int) -> str:
    """One article of about 4 KB, with its site's menu and footer and some furniture."""
    rng = random.Random(i)
    parts = [f"Home | News {site} | Sport | Business | Weather", " ".join(_word(rng) for _ in range(8)).title()]
    for p in range(rng.randint(6, 12)):
        parts.append(" ".join(_sentence(rng) for _ in range(rng.randint(2, 5))))
        if rng.random() < 0.3:
            parts.append(rng.choice(_FURNITURE))
    parts.append(f"Related stories\n- {_word(rng).title()} {_word(rng)} {_word(rng)}\n- {_word(rng).title()} {_word(rng)}")
    parts.append(f"© {site} Media Group. All rights reserved.")
    return "\n\n".join(parts) + "\n"


def record(i: int, sites: int = 50) -> bytes:
    site = i % sites
    return json.dumps({"id": i, "url": f"https://site{site}.example/story/{i}", "text": document(i, site)},
                      ensure_ascii=False).encode() + b"\n"


def write_jsonl(path: Path, target_bytes: int | None = None, docs: int | None = None) -> int:
    """Write records until `target_bytes` or `docs`; the number of records."""
    size = n = 0
    with open(path, "wb") as f:
        while (docs is None or n < docs) and (target_bytes is None or size < target_bytes):
            line = record(n)
            f.write(line)
            size += len(line)
            n += 1
    return n


def write_folder(root: Path, docs: int, sites: int = 50) -> None:
    for i in range(docs):
        folder = root / f"site{i % sites}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{i:07}.txt").write_text(document(i, i % sites), encoding="utf-8")


# ---------------------------------------------------------------- measuring


def _tree(pid: int, column: int | tuple[int, ...]) -> int:
    """The sum of one /proc/PID/stat column (counted after the command name) over a
    process and all its descendants."""
    children: dict[int, list[int]] = {}
    value: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        value[int(entry)] = sum(int(fields[c]) for c in column) if isinstance(column, tuple) else int(fields[column])
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += value.get(p, 0)
        todo.extend(children.get(p, []))
    return total


def _tree_rss(pid: int) -> int:
    """Resident memory (bytes) of a process and all its descendants."""
    return _tree(pid, 21) * os.sysconf("SC_PAGE_SIZE")


def _tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by the live processes of a tree."""
    return _tree(pid, (11, 12)) / os.sysconf("SC_CLK_TCK")


def timed(cmd: list[str], sample_memory: bool = False) -> tuple[float, int]:
    """Run a command; its wall time and the peak RSS of its process tree (sampled)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    stop = threading.Event()

    def sample():
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True) if sample_memory else None
    if sampler:
        sampler.start()
    _, err = proc.communicate()
    elapsed = time.perf_counter() - start
    stop.set()
    if sampler:
        sampler.join()
    if proc.returncode != 0:
        sys.exit(f"corpus_speed: {' '.join(cmd)} failed ({proc.returncode}): {err.decode()[-500:]}")
    return elapsed, peak


def best_of(runs: int, cmd: list[str]) -> float:
    return min(timed(cmd)[0] for _ in range(runs))


# ---------------------------------------------------------------- the three measures


def throughput(work: Path, docs: int, jobs: int, runs: int) -> dict:
    folder, jsonl = work / "folder", work / "corpus.jsonl"
    write_folder(folder, docs)
    write_jsonl(jsonl, docs=docs)
    out = work / "out"
    folder_s = best_of(runs, NEWSCLEAN + [str(folder), "-o", str(out / "folder"), "-j", str(jobs), "-q"])
    jsonl_s = best_of(runs, NEWSCLEAN + [str(jsonl), "--jsonl-field", "text", "-o", str(out / "c.jsonl"),
                                          "-j", str(jobs), "-q"])
    shutil.rmtree(folder)
    shutil.rmtree(out)
    return {"docs": docs, "jobs": jobs, "folder_docs_s": docs / folder_s, "jsonl_docs_s": docs / jsonl_s,
            "ratio": folder_s / jsonl_s, "target": 0.9, "ok": folder_s / jsonl_s >= 0.9}


def memory(work: Path, big_mb: int, jobs: int) -> dict:
    rows = {}
    for label, size in (("1MB", 1 << 20), (f"{big_mb}MB", big_mb << 20)):
        src = work / f"mem-{label}.jsonl"
        n = write_jsonl(src, target_bytes=size)
        dest = work / f"mem-{label}.out.jsonl"
        elapsed, peak = timed(NEWSCLEAN + [str(src), "--jsonl-field", "text", "-o", str(dest), "-j", str(jobs), "-q"],
                              sample_memory=True)
        rows[label] = {"records": n, "bytes": src.stat().st_size, "seconds": elapsed, "peak_rss_mb": peak / 2**20,
                       "docs_s": n / elapsed}
        src.unlink()
        dest.unlink()
    small, big = rows["1MB"]["peak_rss_mb"], rows[f"{big_mb}MB"]["peak_rss_mb"]
    return {"jobs": jobs, "runs": rows, "ratio": big / small, "target": 2.0, "ok": big / small <= 2.0}


def cluster(work: Path, docs: int, runs: int) -> dict:
    try:
        from distributed import LocalCluster
    except ImportError:
        return {"skipped": "dask is not installed: pip install 'newsclean[dask]'"}
    src = work / "cluster.jsonl"
    write_jsonl(src, docs=docs)
    rates, cores = {}, {}
    for workers in (1, 2):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=":0") as c:
            cmd = NEWSCLEAN + [str(src), "--jsonl-field", "text", "-o", str(work / "cluster.out.jsonl"),
                               "--scheduler", c.scheduler_address, "-q"]
            best = None
            for _ in range(runs):
                # The cluster's processes are this one's children: their CPU time over
                # the run's wall time is how many cores the job actually got.
                cpu = _tree_cpu(os.getpid())
                elapsed = timed(cmd)[0]
                used = (_tree_cpu(os.getpid()) - cpu) / elapsed
                if best is None or elapsed < best[0]:
                    best = (elapsed, used)
            rates[workers], cores[workers] = docs / best[0], best[1]
    src.unlink()
    (work / "cluster.out.jsonl").unlink()
    ratio = rates[2] / rates[1]
    return {"docs": docs, "one_worker_docs_s": rates[1], "two_workers_docs_s": rates[2], "ratio": ratio,
            "cores_used": cores, "target": 1.6, "ok": ratio >= 1.6}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=4000, help="documents for the throughput run")
    ap.add_argument("--cluster-docs", type=int, default=16000,
                    help="documents for the cluster runs: enough that the command's own start-up (about half a "
                         "second to load dask and reach the scheduler) does not stand for the cluster's throughput")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--big-mb", type=int, default=1024, help="size of the large input of the memory run")
    ap.add_argument("--runs", type=int, default=2, help="best of this many runs")
    ap.add_argument("--workdir", default=tempfile.gettempdir())
    ap.add_argument("--only", default="throughput,memory,cluster")
    ap.add_argument("--gate", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args()

    only = set(args.only.split(","))
    work = Path(tempfile.mkdtemp(prefix="newsclean-corpus-speed-", dir=args.workdir))
    free = shutil.disk_usage(work).free
    if "memory" in only and free < 3 * (args.big_mb << 20):
        sys.exit(f"corpus_speed: {free / 2**30:.1f} GiB free in {work}; the memory run needs 3x --big-mb")
    report: dict = {"cpus": os.cpu_count(), "load_average_before": os.getloadavg()}
    try:
        if "throughput" in only:
            report["throughput"] = throughput(work, args.docs, args.jobs, args.runs)
            t = report["throughput"]
            print(f"throughput  {t['docs']} docs, -j {t['jobs']}: folder {t['folder_docs_s']:.0f} docs/s, "
                  f"JSONL {t['jsonl_docs_s']:.0f} docs/s = {t['ratio']:.0%} of the folder (target >= 90%)")
        if "memory" in only:
            report["memory"] = m = memory(work, args.big_mb, args.jobs)
            for label, r in m["runs"].items():
                print(f"memory      {label}: {r['records']:,} records, {r['seconds']:.1f} s, "
                      f"{r['docs_s']:.0f} docs/s, peak RSS {r['peak_rss_mb']:.0f} MB (process tree, -j {m['jobs']})")
            print(f"memory      large / 1 MB peak RSS = {m['ratio']:.2f}x (target <= 2x)")
        if "cluster" in only:
            report["cluster"] = c = cluster(work, args.cluster_docs, args.runs)
            if "skipped" in c:
                print(f"cluster     skipped: {c['skipped']}")
            else:
                print(f"cluster     {c['docs']} docs: 1 worker {c['one_worker_docs_s']:.0f} docs/s, "
                      f"2 workers {c['two_workers_docs_s']:.0f} docs/s = {c['ratio']:.2f}x (target >= 1.6x); "
                      f"cores the cluster got: {c['cores_used'][1]:.2f} and {c['cores_used'][2]:.2f}")
                per_core = {w: r / c["cores_used"][w] for w, r in ((1, c["one_worker_docs_s"]), (2, c["two_workers_docs_s"]))}
                print(f"cluster     docs per core-second the cluster got: {per_core[1]:.0f} (1 worker), "
                      f"{per_core[2]:.0f} (2 workers)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(report, indent=2), file=sys.stderr)
    missed = [k for k, v in report.items() if isinstance(v, dict) and v.get("ok") is False]
    if missed:
        print(f"targets missed: {', '.join(missed)}")
    return 1 if (args.gate and missed) else 0


if __name__ == "__main__":
    sys.exit(main())
