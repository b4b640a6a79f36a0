"""The command's corpus-scale runs: JSON Lines streams, `--repeated-across`, `--scheduler`.

The work itself is the library's (jsonl, templates, cluster); this module reads the
inputs, hands batches to a runner, writes what comes back in input order and reports
on stderr the way command.py does for files: one line per failure, the explain view, a
progress display on a terminal and the summary.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import replace
from typing import Iterator

import click

from . import command, io
from .cluster import ClusterError, runner
from .jsonl import (Cleaned, Job, batches, clean_batch, count_batch, open_input, open_output, read_records,
                    stop_without_field)
from .templates import TemplateCounts, site_of_path

SOURCE_BATCH = 16  # files per task in folder runs


# ---------------------------------------------------------------- folders and files


def folder_outcomes(scheduler: str | None, repeated_across: int | None):
    """The executor for command.run_sources: command.process over the sources on a runner, after
    pass one of repeated_across when asked."""

    def outcomes(sources, settings, jobs, stdin_data) -> Iterator[command.Outcome]:
        items = [(s, stdin_data if s.path == "-" else None) for s in sources]
        with _runner(scheduler, jobs) as run:
            if repeated_across:
                counts = TemplateCounts()
                for part in run.map(_count_sources, _chunks(items), settings):
                    counts.merge(part)
                settings = replace(settings, templates=counts.templates(repeated_across))
            for done in run.map(_process_sources, _chunks(items), settings, on_error=_lost_sources):
                yield from done

    return outcomes


@contextmanager
def _runner(scheduler, jobs):
    try:
        with runner(scheduler, jobs, command.worker_init) as run:
            yield run
    except ClusterError as e:
        raise click.ClickException(str(e)) from None


def _chunks(items: list) -> Iterator[list]:
    for i in range(0, len(items), SOURCE_BATCH):
        yield items[i : i + SOURCE_BATCH]


def _process_sources(batch, settings) -> list[command.Outcome]:
    return [command.process(source, settings, data) for source, data in batch]


def _lost_sources(batch, error: BaseException) -> list[command.Outcome]:
    return [command.Outcome("<stdin>" if s.path == "-" else s.path, "failed", f"task failed on the cluster: {error}")
            for s, _ in batch]


def _count_sources(batch, settings) -> TemplateCounts:
    counts = TemplateCounts()
    for source, data in batch:
        if data is None:
            try:
                data = io.gunzip(io.read_bytes(source.path, settings.max_size), settings.max_size)
            except (io.InputError, io.CorruptGzip):
                continue  # reported when the file is cleaned
        name = None if source.path == "-" else source.path
        counts.add_bytes(site_of_path(name), data, name, settings.input_type, settings.encoding)
    return counts


# ---------------------------------------------------------------- JSON Lines


def run_jsonl(inputs: list[str], output: str | None, settings, field: str, url_field: str, bad: str, *,
              jobs: int, scheduler: str | None, repeated_across: int | None, quiet: bool) -> int:
    """Clean every record of every input into one JSON Lines stream; the exit code."""
    job = Job(field, url_field, bad, settings.config, settings.input_type, explain=settings.explain)
    max_size, explain = settings.max_size, settings.explain
    paths = _jsonl_paths(inputs, output)
    tally = command.Tally("records", ("ok", "empty", "failed"))
    spool = None
    try:
        if "-" in paths and repeated_across:
            spool = tempfile.TemporaryFile()  # stdin is read twice: once to count, once to clean
            shutil.copyfileobj(sys.stdin.buffer, spool)
        with _runner(scheduler, jobs) as run:
            if repeated_across:
                counts = TemplateCounts()
                for path in paths:
                    for part in _over_records(path, spool, max_size, tally, lambda b, p: run.map(count_batch, b, p),
                                              replace(job, site=site_of_path(path)), report=False):
                        counts.merge(part)
                job = replace(job, templates=counts.templates(repeated_across))
            if output and output != "-":
                try:
                    with open_output(output) as sink:
                        _clean_all(paths, sink, job, run, spool, max_size, tally, quiet, explain)
                except OSError as e:  # a full disk, a folder that cannot be written
                    raise click.ClickException(f"cannot write {output}: {e.strerror or e}") from None
            else:
                try:
                    _clean_all(paths, sys.stdout.buffer, job, run, spool, max_size, tally, quiet, explain)
                except BrokenPipeError:
                    command.stdout_gone()
    finally:
        if spool is not None:
            spool.close()
    if not quiet:
        tally.summary()
    return command.EXIT_FAILED if tally.failed else command.EXIT_OK


def _jsonl_paths(inputs: list[str], output: str | None) -> list[str]:
    if inputs.count("-") > 1:
        raise click.UsageError("stdin (-) can be read only once")
    paths: list[str] = []
    errors = io.WalkErrors()
    for p in inputs:
        if p != "-" and os.path.isdir(p):
            paths.extend(io.walk(p, output, errors))
        else:
            paths.append(p)
        if output and p != "-" and os.path.exists(output) and io.same_file(p, output):
            raise click.UsageError(f"output {output} is the input itself; choose another -o")
    if errors.errors:
        path, reason = errors.errors[0]
        raise click.ClickException(f"cannot read folder {path}: {reason}")
    return paths


def _clean_all(paths, sink, job, run, spool, max_size, tally, quiet, explain) -> None:
    progress = _Progress(enabled=not quiet and sys.stderr.isatty())
    try:
        for path in paths:
            site_job = replace(job, site=site_of_path(path))
            mapper = lambda b, p: run.map(clean_batch, b, p, on_error=_lost_records(p))  # noqa: E731
            label = "<stdin>" if path == "-" else path
            records = _over_records(path, spool, max_size, tally, mapper, site_job, report=True)
            for done in stop_without_field(records, job.field, lambda reason: _input_failed(label, reason, tally)):
                for c in done:
                    if c.output:
                        sink.write(c.output)
                    tally.add(c.status, c.by_filter)
                    if c.reason:
                        fate = "passed through unchanged" if c.output else "skipped"
                        click.echo(f"newsclean: {label}:{c.line}: failed: {c.reason}; {fate}", err=True)
                    if explain and c.removed:
                        command.explain_outcome(command.Outcome(f"{label}:{c.line}", c.status, removed=list(c.removed)))
                progress.advance(len(done))
            sink.flush()
    finally:
        progress.stop()


def _input_failed(label: str, reason: str, tally) -> None:
    click.echo(f"newsclean: {label}: failed: {reason}", err=True)
    tally.failed += 1


def _over_records(path, spool, max_size, tally, mapper, job, report):
    """Run `mapper` over the batches of one input; an unreadable input is reported
    (in the cleaning pass) and counted as failed, and the run goes on."""
    label = "<stdin>" if path == "-" else path
    try:
        if path == "-" and spool is not None:
            spool.seek(0)
            stream = open_input("-", spool)
        else:
            stream = open_input(path)
    except OSError as e:
        if report:
            click.echo(f"newsclean: {label}: failed: {_read_error(e)}", err=True)
            tally.failed += 1
        return
    try:
        yield from mapper(batches(read_records(stream, max_size)), job)
    except (OSError, EOFError) as e:  # a truncated or corrupt .gz
        if report:
            click.echo(f"newsclean: {label}: failed: cannot read past this point: {_read_error(e)}", err=True)
            tally.failed += 1
    finally:
        if stream is not sys.stdin.buffer and stream is not spool:
            stream.close()


def _read_error(e: BaseException) -> str:
    if isinstance(e, FileNotFoundError):
        return "no such file"
    if isinstance(e, IsADirectoryError):
        return "is a directory"
    if isinstance(e, PermissionError):
        return "permission denied"
    return getattr(e, "strerror", None) or str(e) or type(e).__name__


def _lost_records(job: Job):
    def lost(batch, error: BaseException) -> list[Cleaned]:
        reason = f"task failed on the cluster: {error}"
        return [Cleaned(n, "failed", reason, raw + b"\n" if job.bad == "pass" else b"") for n, raw in batch]

    return lost


class _Progress:
    """A count of records cleaned, on stderr when it is a terminal."""

    def __init__(self, enabled: bool):
        self._bar = None
        if enabled:
            from rich.progress import Progress, SpinnerColumn, TextColumn

            self._bar = Progress(SpinnerColumn(), TextColumn("cleaning {task.completed:,} records"), transient=True)
            self._bar.start()
            self._task = self._bar.add_task("cleaning", total=None)

    def advance(self, n: int) -> None:
        if self._bar is not None:
            self._bar.advance(self._task, n)

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
