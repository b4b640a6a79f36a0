"""The command's corpus-scale runs: JSON Lines streams, `--repeated-across`, `--scheduler`.

The work itself is the library's (jsonl, templates, cluster); this module reads the
inputs, hands batches to a runner, writes what comes back in input order and reports
on stderr the way command.py does for files (its Report): one line per failure, the
explain view, a progress display on a terminal and the summary. What stops a run is
raised as command.CommandError, which the CLI turns into a message and an exit code.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import replace
from typing import Iterator

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
                settings = settings._replace(templates=counts.templates(repeated_across))
            for done in run.map(_process_sources, _chunks(items), settings, on_error=_lost_sources):
                yield from done

    return outcomes


@contextmanager
def _runner(scheduler, jobs):
    try:
        with runner(scheduler, jobs, command.worker_init) as run:
            yield run
    except ClusterError as e:
        raise command.CommandError(str(e)) from None


def _chunks(items: list) -> Iterator[list]:
    for i in range(0, len(items), SOURCE_BATCH):
        yield items[i : i + SOURCE_BATCH]


def _process_sources(batch, settings) -> list[command.Outcome]:
    return [command.process(source, settings, data) for source, data in batch]


def _lost_sources(batch, error: BaseException) -> list[command.Outcome]:
    return [command.Outcome(command.label(s.path), "failed", f"task failed on the cluster: {error}") for s, _ in batch]


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
    report = command.Report("records", ("ok", "uncertain", "empty", "failed"), progress=not quiet)
    spool = None
    try:
        if "-" in paths and repeated_across:
            spool = tempfile.TemporaryFile()  # stdin is read twice: once to count, once to clean
            shutil.copyfileobj(sys.stdin.buffer, spool)
        with _runner(scheduler, jobs) as run:
            if repeated_across:
                counts = TemplateCounts()
                for path in paths:
                    for part in _over_records(path, spool, max_size, report, lambda b, p: run.map(count_batch, b, p),
                                              replace(job, site=site_of_path(path)), say=False):
                        counts.merge(part)
                job = replace(job, templates=counts.templates(repeated_across))
            if output and output != "-":
                try:
                    with open_output(output) as sink, report:
                        _clean_all(paths, sink, job, run, spool, max_size, report, explain)
                        if report.failed and not report.states:
                            raise _NothingCleaned  # no output file for a run that cleaned nothing
                except _NothingCleaned:
                    pass
                except OSError as e:  # a full disk, a folder that cannot be written
                    raise command.CommandError(f"cannot write {output}: {e.strerror or e}") from None
            else:
                try:
                    with report:
                        _clean_all(paths, sys.stdout.buffer, job, run, spool, max_size, report, explain)
                except BrokenPipeError:
                    command.stdout_gone()
    finally:
        if spool is not None:
            spool.close()
    if not quiet:
        report.summary()
    return command.EXIT_FAILED if report.failed else command.EXIT_OK


class _NothingCleaned(Exception):
    """Every input failed before a record was cleaned: the output is not written."""


def _jsonl_paths(inputs: list[str], output: str | None) -> list[str]:
    if inputs.count("-") > 1:
        raise command.UsageProblem("stdin (-) can be read only once")
    if output and command.names_folder(output):
        raise command.UsageProblem(f"--jsonl-field writes one stream: -o must be a file, not the folder {output}")
    paths: list[str] = []
    errors = io.WalkErrors()
    for p in inputs:
        if p != "-" and os.path.isdir(p):
            paths.extend(io.walk(p, output, errors))
        else:
            paths.append(p)
        if output and p != "-" and os.path.exists(output) and io.same_file(p, output):
            raise command.UsageProblem(f"output {output} is the input itself; choose another -o")
    if errors.errors:
        path, reason = errors.errors[0]
        raise command.CommandError(f"cannot read folder {path}: {reason}")
    return paths


def _clean_all(paths, sink, job, run, spool, max_size, report, explain) -> None:
    for path in paths:
        site_job = replace(job, site=site_of_path(path))
        mapper = lambda b, p: run.map(clean_batch, b, p, on_error=_lost_records(p))  # noqa: E731
        label = command.label(path)
        records = _over_records(path, spool, max_size, report, mapper, site_job, say=True)
        for done in stop_without_field(records, job.field, lambda reason: _input_failed(label, reason, report)):
            for c in done:
                if c.output:
                    sink.write(c.output)
                report.add(c.status, c.by_filter)
                if c.reason:
                    fate = "passed through unchanged" if c.output else "skipped"
                    command.say(f"newsclean: {label}:{c.line}: failed: {c.reason}; {fate}")
                if explain and c.removed:
                    command.explain_outcome(command.Outcome(f"{label}:{c.line}", c.status, removed=list(c.removed)))
        sink.flush()


def _input_failed(label: str, reason: str, report) -> None:
    command.say(f"newsclean: {label}: failed: {reason}")
    report.input_failed()


def _over_records(path, spool, max_size, report, mapper, job, say):
    """Run `mapper` over the batches of one input; an unreadable input is reported
    (in the cleaning pass, `say`) and counted as failed, and the run goes on."""
    label = command.label(path)
    try:
        if path == "-" and spool is not None:
            spool.seek(0)
            stream = open_input("-", spool)
        else:
            stream = open_input(path)
    except OSError as e:
        if say:
            command.say(f"newsclean: {label}: failed: {_read_error(e)}")
            report.input_failed()
        return
    try:
        yield from mapper(batches(read_records(stream, max_size)), job)
    except (OSError, EOFError) as e:  # a truncated or corrupt .gz
        if say:
            command.say(f"newsclean: {label}: failed: cannot read past this point: {_read_error(e)}")
            report.input_failed()
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
