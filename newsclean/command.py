"""Running the command: inputs -> library -> outputs, messages and exit code.

No option parsing here (cli.py does that), so `newsclean < file`, the plain pipe,
runs without loading it: `run` cleans stdin to stdout straight away when the
command is given no argument at all.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from dataclasses import dataclass, field
from typing import Iterable

from . import io
from .detect import BinaryInput, HTMLError, JSONLinesInput
from .document import clean_bytes
from .model import Config
from .render import as_json, failure_dict, render

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True)
class Settings:
    config: Config
    fmt: str
    input_type: str
    max_size: int
    explain: bool
    templates: object = None  # repeated_across: a templates.Templates, set by corpus.folder_outcomes
    encoding: str | None = None  # --encoding: read every input in it instead of detecting


@dataclass
class Outcome:
    """What became of one input: ok, empty, skipped or failed, and why."""

    source: str
    status: str
    reason: str | None = None
    rendered: str | None = None  # for stdout; None when written to a file
    removed: list[tuple[int, str, str, str]] = field(default_factory=list)  # (line, text, filter, rule id)


# The settings of `newsclean` with no option: the plain pipe runs with them, and
# cli.py takes its options' defaults from them.
PIPE = Settings(Config(), "text", "auto", io.DEFAULT_MAX_SIZE, False)


def process(source: io.Source, settings: Settings, stdin_data: bytes | None = None) -> Outcome:
    """Read, clean and render one input; write it when it has an output path.

    Whatever happens to one input becomes its Outcome, so the others still run."""
    label = "<stdin>" if source.path == "-" else source.path
    try:
        if stdin_data is not None:
            data = stdin_data
        else:
            data = io.read_bytes(source.path, settings.max_size, streams=not source.walked)
        data = io.gunzip(data, settings.max_size)
        result = (settings.templates.clean_bytes if settings.templates else clean_bytes)(data, name=None if source.path == "-" else source.path,
                             config=settings.config, input_type=settings.input_type, encoding=settings.encoding)
    except (BinaryInput, io.NotRegular, io.Vanished) as e:
        return _not_cleaned(source, label, _skipped_if_walked(source), str(e), settings)
    except (io.InputError, HTMLError, JSONLinesInput) as e:
        return _not_cleaned(source, label, "failed", str(e), settings)
    except RecursionError:
        return _not_cleaned(source, label, "failed", "input nested too deeply to parse", settings)
    except MemoryError:
        return _not_cleaned(source, label, "failed", "out of memory while cleaning", settings)
    except Exception as e:  # a bug in a filter or a parser: fail this input, not the run
        return _not_cleaned(source, label, "failed", f"internal error: {type(e).__name__}: {e}", settings)
    status, reason = "ok", None
    if not (result.paragraphs or result.title):
        status = "empty"
        reason = EMPTY_INPUT if not data.strip() else _emptied(settings.config)
    removed = [(r.line, r.text, r.filter, r.rule) for r in result.removed]
    return _deliver(Outcome(label, status, reason, removed=removed), source,
                    render(result, settings.fmt, label, status, reason))


EMPTY_INPUT = "empty input"


def _emptied(config: Config) -> str:
    """Why a text came out empty, and what to do when that is wrong."""
    if config.mode == "article":
        return "every line was removed"
    return "every line was removed as furniture; if the text is an article, try --mode article"


def _not_cleaned(source: io.Source, label: str, status: str, reason: str, settings: Settings) -> Outcome:
    if settings.fmt == "text":
        return Outcome(label, status, reason)
    # JSON carries every input's status and reason, so a script sees why one has no text.
    rendered = as_json(failure_dict(label, status, reason), indent=2 if settings.fmt == "json" else None)
    return _deliver(Outcome(label, status, reason), source, rendered)


def _deliver(outcome: Outcome, source: io.Source, rendered: str) -> Outcome:
    """Write `rendered` to the source's output, or hand it back for stdout."""
    if not source.output:
        outcome.rendered = rendered
        return outcome
    try:
        io.write_atomic(source.output, rendered.encode("utf-8"))
    except OSError as e:
        failure = f"cannot write {source.output}: {e.strerror or e}"
        return Outcome(outcome.source, "failed", f"{outcome.reason}; {failure}" if outcome.reason else failure,
                       removed=outcome.removed)
    return outcome


def _skipped_if_walked(source: io.Source) -> str:
    # What a folder holds besides text (images, FIFOs, links) is skipped; an input
    # named on the command line that cannot be cleaned is a failure.
    return "skipped" if source.walked else "failed"


def worker_init() -> None:
    # The parent handles Ctrl-C; a worker told to stop (SIGTERM) unwinds, so its
    # temporary file is removed by write_atomic.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _raise_exit)


def _raise_exit(signum, frame):
    raise SystemExit(128 + signum)


class Interrupted(BaseException):
    """SIGINT or SIGTERM reached the command. A BaseException, so that no handler
    of one input's errors swallows it; write_atomic removes its temporary file on
    the way out."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _interrupt(signum, frame):
    raise Interrupted(signum)


def _process_job(job: tuple[io.Source, Settings]) -> Outcome:
    return process(*job)


WALK_ERRORS = io.WalkErrors()


def run_sources(sources: list[io.Source], settings: Settings, jobs: int, quiet: bool, several: bool,
                executor=None) -> int:
    """Clean every source, stream outputs in input order, report, and return the exit code."""
    sink = None
    if sources and sources[-1].path == "" and sources[-1].output:  # jsonl into one file
        sink = sources.pop().output
    tally = Tally("documents", ("ok", "empty", "skipped", "failed"))
    stdin_data = None
    if any(s.path == "-" for s in sources):
        try:
            stdin_data = io.read_stream(sys.stdin.buffer, settings.max_size)
        except io.InputError as e:
            _say(f"newsclean: <stdin>: {e}")
            return EXIT_FAILED
    out = sys.stdout.buffer  # data is UTF-8 whatever the locale says
    progress = _Progress(len(sources), enabled=several and not quiet and sys.stderr.isatty())
    try:
        # One JSON Lines file for every input is written as the outputs come, and
        # appears whole at the end (atomic_file).
        with io.atomic_file(sink) if sink else contextlib.nullcontext() as stream:
            for outcome in (executor or _outcomes)(sources, settings, jobs, stdin_data):
                tally.add(outcome.status, ((name, 1) for _, _, name, _ in outcome.removed))
                if outcome.status in ("skipped", "failed") or (outcome.status == "empty" and outcome.reason != EMPTY_INPUT
                                                               and not quiet):
                    _say(f"newsclean: {outcome.source}: {outcome.status}: {outcome.reason}")
                if settings.explain:
                    explain_outcome(outcome)
                if outcome.rendered is not None:
                    data = outcome.rendered.encode("utf-8")
                    if stream is None:
                        _write_stdout(out, data)
                    else:
                        stream.write(data)
                progress.advance()
    except OSError as e:
        if not sink:
            raise
        _say(f"newsclean: cannot write {sink}: {e.strerror or e}")
        return EXIT_FAILED
    finally:
        progress.stop()
    for path, reason in WALK_ERRORS.errors:
        _say(f"newsclean: {path}: failed: cannot read folder: {reason}")
        tally.add("failed")
    if several and not quiet:
        tally.summary()
    return EXIT_FAILED if tally.failed else EXIT_OK


def _outcomes(sources, settings, jobs, stdin_data):
    if jobs <= 1 or len(sources) <= 1:
        for s in sources:
            yield process(s, settings, stdin_data if s.path == "-" else None)
        return
    import multiprocessing

    ctx = multiprocessing.get_context("fork") if hasattr(os, "fork") else multiprocessing.get_context()
    pool = ctx.Pool(min(jobs, len(sources)), initializer=worker_init)
    try:
        yield from pool.imap(_process_job, ((s, settings) for s in sources), chunksize=8)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


def explain_outcome(outcome: Outcome) -> None:
    """Each removed line on stderr, under the id of the rule that took it:
    "story.txt:12: [ads.label] - Advertisement -"."""
    if not outcome.removed:
        return
    if sys.stderr.isatty() and not os.environ.get("NO_COLOR"):
        from rich.console import Console
        from rich.text import Text

        console = Console(stderr=True, highlight=False, soft_wrap=True)
        for line, text, _, rule in outcome.removed:
            console.print(Text.assemble((f"{outcome.source}:{line}: ", "dim"), (f"[{rule}]", "bold yellow"), " ", (text, "red")))
    else:
        for line, text, _, rule in outcome.removed:
            sys.stderr.write(f"{outcome.source}:{line}: [{rule}] {text}\n")


class Tally:
    """What a run's summary says, kept as counts: a run over millions of files or
    records holds no more than this, whatever they removed."""

    def __init__(self, unit: str, shown: tuple[str, ...]):
        self.unit = unit  # "documents", "records"
        self.shown = shown  # the states the summary names, in order
        self.states: dict[str, int] = {}
        self.by_filter: dict[str, int] = {}
        self.failed = 0  # failed inputs and records: the exit code

    def add(self, status: str, by_filter: Iterable[tuple[str, int]] = ()) -> None:
        self.states[status] = self.states.get(status, 0) + 1
        self.failed += status == "failed"
        for name, n in by_filter:
            self.by_filter[name] = self.by_filter.get(name, 0) + n

    def summary(self) -> None:
        total = sum(self.by_filter.values())
        states = ", ".join(f"{self.states.get(s, 0)} {s}" for s in self.shown)
        detail = ", ".join(f"{n} {c:,}" for n, c in sorted(self.by_filter.items(), key=lambda kv: (-kv[1], kv[0])))
        _say(f"newsclean: {sum(self.states.values()):,} {self.unit}: {states}; {total:,} lines removed"
             + (f" ({detail})" if detail else ""))


class _Progress:
    """A rich progress bar on stderr for folder runs on a terminal; otherwise nothing."""

    def __init__(self, total: int, enabled: bool):
        self._bar = None
        if enabled and total > 1:
            from rich.progress import Progress

            from rich.console import Console

            # stdout carries only data: the bar is drawn on stderr.
            self._bar = Progress(transient=True, console=Console(stderr=True))
            self._bar.start()
            self._task = self._bar.add_task("cleaning", total=total)

    def advance(self) -> None:
        if self._bar is not None:
            self._bar.advance(self._task)

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def run() -> None:
    """Entry point: no traceback ever reaches a user."""
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        if len(sys.argv) <= 1:
            # What `newsclean -` does with every option at its default.
            sys.exit(run_sources([io.Source("-")], PIPE, jobs=1, quiet=False, several=False))
        from .cli import main

        main(standalone_mode=False, prog_name="newsclean")
    except Interrupted as e:
        ignore_signals()  # one message, even if the signal comes again
        name = "interrupted" if e.signum == signal.SIGINT else "terminated"
        sys.stderr.write(f"newsclean: {name}\n")
        sys.exit(128 + e.signum)
    except KeyboardInterrupt:
        sys.exit(interrupted())
    except BrokenPipeError:
        stdout_gone()
    except SystemExit:
        raise
    except Exception as e:
        cli = sys.modules.get("newsclean.cli")
        code = cli.exit_code(e) if cli is not None else None
        if code is None:  # a bug: say so in one line, never a traceback
            sys.stderr.write(f"newsclean: internal error: {type(e).__name__}: {e}\n")
            code = EXIT_FAILED
        sys.exit(code)


def _say(message: str) -> None:
    """A message for the user, on stderr."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def interrupted() -> int:
    """Say the run was interrupted (once, whatever signals follow); the exit code."""
    ignore_signals()
    sys.stderr.write("newsclean: interrupted\n")
    return 130


def ignore_signals() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


def _write_stdout(out, data: bytes) -> None:
    try:
        out.write(data)
        out.flush()
    except BrokenPipeError:
        stdout_gone()


def stdout_gone() -> None:
    """The reader went away (`| head`): stop quietly with 141, as a tool killed by
    SIGPIPE would, and keep Python from complaining when it flushes at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    raise SystemExit(141)
