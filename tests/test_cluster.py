"""--scheduler and the Dask entry points, on a real local cluster: a scheduler and two
worker processes on loopback. A cluster run must give the bytes a local run gives."""

from __future__ import annotations

import json
import operator

import pytest
from click.testing import CliRunner

pytest.importorskip("distributed", reason="the cluster tests need dask: pip install -e '.[dask,test]'")

from newsclean.cli import main  # noqa: E402
from newsclean.cluster import DaskRunner, clean_bag, learn_templates  # noqa: E402
from newsclean.jsonl import Job, clean_records, count_records  # noqa: E402

MENU = "Home | Politics | Business | Sport"


def story(i: int) -> str:
    return "\n\n".join([
        MENU,
        f"Ferry timetable changes in week {i}",
        f"The ferry company said on day {i} that the winter timetable would start a week early this year.",
        "Advertisement",
        f"Passengers were told that {i + 2} crossings a day would run until the end of March.",
        "© Island Courier",
    ]) + "\n"


@pytest.fixture(scope="module")
def scheduler():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    for site in ("courier", "herald"):
        for i in range(25):
            (root / "in" / site).mkdir(parents=True, exist_ok=True)
            (root / "in" / site / f"{i:03}.txt").write_text(story(i) if site == "courier" else story(i).replace("Courier", "Herald"))
    (root / "in" / "courier" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    lines = [json.dumps({"id": i, "url": f"https://courier.example/{i}", "text": story(i)}) for i in range(300)]
    lines[17] = "{not json"
    lines[40] = json.dumps({"id": 40, "text": None})
    (root / "corpus.jsonl").write_text("\n".join(lines) + "\n")
    return root


def run(args):
    result = CliRunner().invoke(main, args)
    return result.exit_code, result.stdout, result.stderr


def test_folder_job_gives_the_same_files_messages_and_summary(scheduler, corpus, tmp_path):
    def job(dest, *extra):
        code, out, err = run([str(corpus / "in"), str(corpus / "missing.txt"), "-o", str(tmp_path / dest),
                              "--repeated-across", "5", *extra])
        files = {p.relative_to(tmp_path / dest).as_posix(): p.read_bytes() for p in (tmp_path / dest).rglob("*") if p.is_file()}
        return code, out, err.replace(dest, "OUT"), files

    local = job("local", "-j", "2")
    remote = job("remote", "--scheduler", scheduler)
    assert remote == local
    code, _, err, files = remote
    assert code == 1
    assert "missing.txt: failed: no such file" in err
    assert "logo.png: skipped" in err
    assert "50 ok" in err and "repeated_across 150" in err
    assert len(files) == 50 and all(MENU.encode() not in v for v in files.values())


def test_folder_job_streamed_as_jsonl_is_the_same(scheduler, corpus):
    local = run([str(corpus / "in"), "--format", "jsonl", "-j", "1"])
    remote = run([str(corpus / "in"), "--format", "jsonl", "--scheduler", scheduler])
    assert remote == local
    assert len(remote[1].splitlines()) == 51


def test_jsonl_job_gives_the_same_bytes(scheduler, corpus, tmp_path):
    def job(name, *extra):
        dest = tmp_path / name
        code, out, err = run([str(corpus / "corpus.jsonl"), "--jsonl-field", "text", "--repeated-across", "3",
                              "-o", str(dest), *extra])
        return code, out, err, dest.read_bytes()

    local = job("local.jsonl.gz", "-j", "1")
    remote = job("remote.jsonl.gz", "--scheduler", scheduler)
    assert remote == local
    code, _, err, _ = remote
    assert code == 1
    assert f"{corpus / 'corpus.jsonl'}:18: failed: not JSON" in err
    assert f"{corpus / 'corpus.jsonl'}:41: failed: field 'text' is a JSON null" in err
    assert "300 records: 298 ok, 0 empty, 2 failed" in err


def test_unreachable_scheduler_is_one_clear_error(corpus):
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        code, out, err = run([str(corpus / "in"), "--format", "jsonl", "--scheduler", "tcp://127.0.0.1:9"])
    assert code == 1 and out == ""
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in err


def test_a_failed_task_fails_its_batch_and_the_run_goes_on(scheduler):
    with DaskRunner(scheduler) as runner:
        got = list(runner.map(operator.truediv, [1, 2, 3], 0, on_error=lambda item, e: ("lost", item, type(e).__name__)))
        assert got == [("lost", 1, "ZeroDivisionError"), ("lost", 2, "ZeroDivisionError"), ("lost", 3, "ZeroDivisionError")]
        assert list(runner.map(operator.mul, range(10), 3)) == [i * 3 for i in range(10)]


def test_bag_entry_points_match_the_local_library(scheduler):
    import dask.bag as db
    from distributed import Client

    records = [{"id": i, "url": f"https://courier.example/{i}", "text": story(i)} for i in range(40)]
    records.append({"id": 40, "text": 5})
    with Client(scheduler, set_as_default=False) as client:
        bag = db.from_sequence(records, npartitions=4)
        templates = learn_templates(bag, 3, scheduler=client)
        # a future with a timeout: a partition that cannot travel fails the test, never hangs it
        cleaned = client.compute(clean_bag(bag, "text", templates=templates)).result(timeout=60)
    local_templates = count_records(records, Job()).templates(3)
    assert templates == local_templates
    assert cleaned == list(clean_records(records, "text", templates=local_templates))
    assert MENU not in cleaned[0]["text"] and cleaned[40] == {"id": 40, "text": 5}


def test_the_cluster_gets_a_bounded_number_of_batches_ahead(scheduler):
    from test_jsonl import ahead_of_results

    results, ahead = ahead_of_results(DaskRunner(scheduler), 40, 2)
    assert results == [i * 2 for i in range(40)]
    assert ahead <= 8  # four times the workers' threads
