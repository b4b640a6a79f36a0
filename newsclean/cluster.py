"""Running a job's batches on worker processes or on a Dask cluster, in input order.

Both runners take a function, a stream of batches and one shared argument, and yield
each batch's result in the order the batches came, with a bounded number of batches
in flight: memory stays flat however long the stream, and the output does not depend
on which worker finished first. The functions they run are the library's own
(`jsonl.clean_batch`, `jsonl.count_batch`), so a cluster run gives the same bytes as
a local one.

For code that already holds a Dask bag:

    import dask.bag as db
    from newsclean.cluster import clean_bag, learn_templates

    bag = db.read_text("crawl/*.jsonl.gz").map(json.loads)
    templates = learn_templates(bag, min_docs=5)          # optional: repeated_across
    clean_bag(bag, "text", templates=templates).map(json.dumps).to_textfiles("clean/*.jsonl")

A Dask dataframe goes through its bag: `clean_bag(ddf.to_bag(format="dict")).to_dataframe()`.
"""

from __future__ import annotations

from collections import deque
from functools import partial
from typing import Any, Callable, Iterable, Iterator

from . import jsonl
from .model import Config
from .pipeline import DEFAULT
from .templates import TemplateCounts, Templates

INSTALL_HINT = "running on a Dask cluster needs dask: pip install 'newsclean[dask]'"


class ClusterError(RuntimeError):
    """The cluster cannot be used (dask missing, scheduler unreachable)."""


OnError = Callable[[Any, BaseException], Any]

_stop = None  # in a LocalRunner's worker process: the event that asks it to stop


def _worker_start(stop, initializer: Callable[[], None] | None) -> None:
    global _stop
    _stop = stop
    if initializer is not None:
        initializer()


def _unless_stopping(func: Callable, item: Any, arg: Any) -> Any:
    # A batch still queued when the run stops is not started.
    return None if _stop.is_set() else func(item, arg)


class LocalRunner:
    """Batches on `jobs` worker processes (forked where the system can), or inline
    for one job.

    A run that ends early (the reader went away, an interrupt, an error) stops
    its workers without signals: batches not yet started are skipped, the ones
    running finish, and the pool shuts down as after a whole run. Killing a worker
    while it hands back a result can leave the pool's queues locked for ever, so
    workers leave SIGINT and SIGTERM to the parent (the initializer sets that)."""

    def __init__(self, jobs: int, initializer: Callable[[], None] | None = None):
        self.jobs = max(1, jobs)
        self._initializer = initializer
        self._pool = None
        self._stop = None

    @property
    def workers(self) -> int:
        return self.jobs

    def __enter__(self) -> "LocalRunner":
        if self.jobs > 1:
            import multiprocessing
            import os

            ctx = multiprocessing.get_context("fork") if hasattr(os, "fork") else multiprocessing.get_context()
            self._stop = ctx.Event()
            self._pool = ctx.Pool(self.jobs, initializer=_worker_start, initargs=(self._stop, self._initializer))
        return self

    def __exit__(self, kind, value, tb) -> None:
        if self._pool is not None:
            if kind is not None:
                self._stop.set()
            self._pool.close()
            while True:
                try:
                    self._pool.join()
                    break
                except Exception:
                    raise
                except BaseException:  # a second Ctrl-C: the workers are stopping already
                    continue
            self._pool = None

    def map(self, func: Callable, items: Iterable, arg: Any, on_error: OnError | None = None) -> Iterator:
        if self._pool is None:
            for item in items:
                yield func(item, arg)
            return
        pending: deque = deque()
        for item in items:
            pending.append((item, self._pool.apply_async(_unless_stopping, (func, item, arg))))
            if len(pending) >= 2 * self.jobs:
                yield _get(*pending.popleft(), lambda r: r.get(), on_error)
        while pending:
            yield _get(*pending.popleft(), lambda r: r.get(), on_error)


class DaskRunner:
    """Batches on an existing dask.distributed cluster, by its scheduler's address
    (or an open Client). Workers need newsclean installed, and, for folder jobs,
    the same view of the input and output paths (a shared filesystem)."""

    def __init__(self, scheduler: Any, timeout: float | None = None):
        # No timeout: dask's own (distributed.comm.timeouts.connect, 30 s by default).
        self._scheduler = scheduler
        self._timeout = timeout
        self._client = None
        self._own = False

    def __enter__(self) -> "DaskRunner":
        try:
            from distributed import Client
        except ImportError:
            raise ClusterError(INSTALL_HINT) from None
        if isinstance(self._scheduler, Client):
            self._client = self._scheduler
            return self
        try:
            extra = {} if self._timeout is None else {"timeout": self._timeout}
            self._client = Client(self._scheduler, set_as_default=False, direct_to_workers=True, **extra)
        except (OSError, TimeoutError, ValueError) as e:
            raise ClusterError(f"cannot reach the Dask scheduler at {self._scheduler}: {e}") from None
        self._own = True
        return self

    def __exit__(self, kind, value, tb) -> None:
        if self._own and self._client is not None:
            self._client.close()
        self._client = None

    @property
    def workers(self) -> int:
        return max(1, sum(self._client.nthreads().values()))

    def map(self, func: Callable, items: Iterable, arg: Any, on_error: OnError | None = None) -> Iterator:
        client = self._client
        shared = client.scatter(arg, broadcast=True, hash=False)
        # Results are taken in input order: while the oldest batch is awaited, the
        # others keep every worker busy (with two per worker a worker idled behind
        # a slow batch).
        window = 4 * self.workers
        pending: deque = deque()
        try:
            for item in items:
                # Straight to a worker (round robin), not by way of the scheduler,
                # which would otherwise pass every batch on and back.
                [data] = client.scatter([item], direct=True, hash=False)
                pending.append((item, client.submit(func, data, shared, pure=False)))
                if len(pending) >= window:
                    yield _get(*pending.popleft(), lambda f: f.result(), on_error)
            while pending:
                yield _get(*pending.popleft(), lambda f: f.result(), on_error)
        finally:
            for _, future in pending:
                future.cancel()
            client.cancel([shared])


def _get(item, handle, result: Callable, on_error: OnError | None):
    try:
        return result(handle)
    except Exception as e:  # a worker lost or a task that raised: the batch fails, the run goes on
        if on_error is None:
            raise
        return on_error(item, e)


def runner(scheduler: str | None, jobs: int, initializer: Callable[[], None] | None = None):
    """A DaskRunner for a scheduler address, else a LocalRunner."""
    return DaskRunner(scheduler) if scheduler else LocalRunner(jobs, initializer)


# ---------------------------------------------------------------- Dask bags


def clean_bag(bag, field: str = "text", *, config: Config = DEFAULT, url_field: str = "url",
              bad: str = "pass", input_type: str = "auto", templates: Templates | None = None):
    """A bag of records (dicts) -> a bag of cleaned records, as the command writes them."""
    return bag.map_partitions(
        partial(_clean_partition, field=field, config=config, url_field=url_field, bad=bad,
                input_type=input_type, templates=templates)
    )


def _clean_partition(records: Iterable[dict], **options) -> list[dict]:
    # A list, not a generator: a partition may travel between workers.
    return list(jsonl.clean_records(records, **options))


def learn_templates(bag, min_docs: int, field: str = "text", url_field: str = "url",
                    input_type: str = "auto", scheduler: Any = None) -> Templates:
    """Pass one of `repeated_across` over a bag of records: each site's template lines.
    Computed at once (on `scheduler`, a Client, when given), as pass two needs them."""
    job = jsonl.Job(field, url_field, input_type=input_type)
    counts = bag.reduction(partial(jsonl.count_records, job=job), _merge).compute(scheduler=scheduler)
    return counts.templates(min_docs)


def _merge(parts: Iterable[TemplateCounts]) -> TemplateCounts:
    total = TemplateCounts()
    for part in parts:
        total.merge(part)
    return total
