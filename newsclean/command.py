"""Running the command: inputs -> library -> outputs, messages and exit code.

No option parsing here (cli.py does that, and is the only module that knows
click), so `newsclean < file`, the plain pipe, runs without loading it. What stops
a run before it starts is raised as CommandError (UsageProblem for a usage error);
cli.py turns it into click's message and exit code.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections import Counter, namedtuple
from collections.abc import Callable, Iterable

from . import io
from .detect import BinaryInput, HTMLError, JSONLinesInput
from .document import clean_bytes
from .model import Config
from .render import as_json, failure_dict, render

TYPE_CHECKING = False  # typing itself is not loaded: the plain pipe does without it
if TYPE_CHECKING:
    from typing import NoReturn

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
STDIN = "<stdin>"  # how stdin is named in messages and in JSON "source"


class CommandError(Exception):
    """A run that cannot go ahead (exit 1); the message says why and what to do."""


class UsageProblem(CommandError):
    """Arguments that cannot work together (exit 2): an output that would replace an
    input, several inputs with nowhere to go."""


def label(path: str) -> str:
    return STDIN if path == "-" else path


# The runner's records are a named tuple and plain classes, not dataclasses: each
# dataclass costs the plain pipe's start-up a fraction of a millisecond to build.
# config: the Config; fmt: "text", "json" or "jsonl"; input_type: "auto", "text"
# or "html"; max_size: bytes; explain: --explain; templates: for repeated_across, a
# templates.Templates, set by corpus.folder_outcomes; encoding: --encoding, to read
# every input in it instead of detecting.
Settings = namedtuple("Settings", "config fmt input_type max_size explain templates encoding", defaults=(None, None))


class Outcome:
    """What became of one input: ok, uncertain, empty, skipped or failed, and why."""

    __slots__ = ("source", "status", "reason", "rendered", "removed")

    def __init__(self, source: str, status: str, reason: str | None = None, rendered: str | None = None,
                 removed: list[tuple[int, str, str, str]] | None = None):
        self.source = source
        self.status = status
        self.reason = reason
        self.rendered = rendered  # for stdout; None when written to a file
        self.removed = [] if removed is None else removed  # (line, text, filter, rule id)


# The settings of `newsclean` with no option: the plain pipe runs with them, and
# cli.py takes its options' defaults from them.
PIPE = Settings(Config(), "text", "auto", io.DEFAULT_MAX_SIZE, False)


def process(source: io.Source, settings: Settings, stdin_data: bytes | None = None) -> Outcome:
    """Read, clean and render one input; write it when it has an output path.

    Whatever happens to one input becomes its Outcome, so the others still run."""
    name = label(source.path)
    try:
        if stdin_data is not None:
            data = stdin_data
        else:
            data = io.read_bytes(source.path, settings.max_size, streams=not source.walked)
        data = io.gunzip(data, settings.max_size)
        result = (settings.templates.clean_bytes if settings.templates else clean_bytes)(data, name=None if source.path == "-" else source.path,
                             config=settings.config, input_type=settings.input_type, encoding=settings.encoding)
    except (BinaryInput, io.NotRegular, io.Vanished) as e:
        return _not_cleaned(source, name, _skipped_if_walked(source), str(e), settings)
    except (io.InputError, HTMLError, JSONLinesInput) as e:
        return _not_cleaned(source, name, "failed", str(e), settings)
    except RecursionError:
        return _not_cleaned(source, name, "failed", "input nested too deeply to parse", settings)
    except MemoryError:
        return _not_cleaned(source, name, "failed", "out of memory while cleaning", settings)
    except Exception as e:  # a bug in a filter or a parser: fail this input, not the run
        return _not_cleaned(source, name, "failed", f"internal error: {type(e).__name__}: {e}", settings)
    reason = None
    if result.status == "empty":
        reason = EMPTY_INPUT if not data.strip() else _emptied(settings.config)
    elif result.status == "uncertain":
        reason = uncertain(result)
    removed = [(r.line, r.text, r.filter, r.rule) for r in result.removed]
    return _deliver(Outcome(name, result.status, reason, removed=removed), source,
                    render(result, settings.fmt, name, reason=reason))


EMPTY_INPUT = "empty input"


def uncertain(result) -> str:
    """Why a saved page's text may not be its article, and what to do."""
    if not result.paragraphs:
        return "only the headline was found; --explain shows what was dropped"
    return (f"the text taken ({result.candidate}) may not be the article (confidence {result.confidence:.2f}); "
            "check it, and --explain for what was dropped")


def _emptied(config: Config) -> str:
    """Why a text came out empty, and what to do when that is wrong."""
    if config.mode == "article":
        return "every line was removed"
    return "every line was removed as furniture; if the text is an article, try --mode article"


def _not_cleaned(source: io.Source, name: str, status: str, reason: str, settings: Settings) -> Outcome:
    if settings.fmt == "text":
        return Outcome(name, status, reason)
    # JSON carries every input's status and reason, so a script sees why one has no text.
    rendered = as_json(failure_dict(name, status, reason), indent=2 if settings.fmt == "json" else None)
    return _deliver(Outcome(name, status, reason), source, rendered)


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
    # The parent handles Ctrl-C and SIGTERM and stops its workers (cluster.LocalRunner):
    # a worker always finishes the output it is writing.
    ignore_signals()


class Interrupted(BaseException):
    """SIGINT or SIGTERM reached the command. A BaseException, so that no handler
    of one input's errors swallows it; write_atomic removes its temporary file on
    the way out."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _interrupt(signum, frame):
    raise Interrupted(signum)


# ---------------------------------------------------------------- planning


class Plan:
    """The inputs of a run with their outputs, decided before anything is read."""

    def __init__(self, sources: list[io.Source], several: bool, sink: str | None = None,
                 notes: list[str] | None = None):
        self.sources = sources
        self.several = several  # a folder or several inputs: progress and a summary
        self.sink = sink  # --format jsonl -o FILE: one file for every input
        self.notes = [] if notes is None else notes  # said on stderr before the run: repeats, renames
        self.walk_errors = io.WalkErrors()


def names_folder(path: str) -> bool:
    """-o PATH means a folder when it is one or ends with a slash ("clean/")."""
    return path.endswith(("/", os.sep)) or os.path.isdir(path)


def plan(inputs: list[str], output: str | None, fmt: str) -> Plan:
    """Turn arguments into sources with their output paths. Refuses (UsageProblem)
    what would overwrite an input, write two inputs to one output, or could not be
    told apart on stdout."""
    from .render import SUFFIX

    if inputs.count("-") > 1:
        raise UsageProblem("stdin (-) can be read only once")
    notes: list[str] = []
    inputs = _once(inputs, notes)
    dirs = {p for p in inputs if p != "-" and os.path.isdir(p)}
    several = len(inputs) > 1 or bool(dirs)
    if output is not None and output.endswith(("/", os.sep)) and os.path.exists(output.rstrip("/" + os.sep)) \
            and not os.path.isdir(output.rstrip("/" + os.sep)):
        raise UsageProblem(f"-o {output} names a folder, but {output.rstrip('/' + os.sep)} is a file")
    if output is not None and fmt == "jsonl" and several and names_folder(output):
        raise UsageProblem(f"--format jsonl writes one stream: -o must be a file, not the folder {output}")
    if not several:
        return Plan([_single(inputs[0], output, SUFFIX[fmt])], False, notes=notes)
    if output is None and fmt != "jsonl":
        raise UsageProblem("several inputs (or a folder) need -o OUTDIR, or --format jsonl to stream them to stdout")
    if output is not None and fmt != "jsonl" and os.path.exists(output) and not os.path.isdir(output):
        raise UsageProblem(f"-o {output} is a file; several inputs need an output folder")
    result = Plan([], True, notes=notes)
    for p in inputs:
        if p == "-" and output is not None:
            raise UsageProblem("stdin (-) cannot be mixed with other inputs when writing to a folder")
        if p in dirs and output is not None and fmt != "jsonl" and io.same_file(p, output):
            raise UsageProblem(f"output folder {output} is the input folder {p}; choose another -o")
    files: list[tuple[str, str, bool]] = []  # path, name in the output folder, found by walking
    for p in inputs:
        if p in dirs:
            skip = output if fmt != "jsonl" else None
            files.extend((f, os.path.relpath(f, p), True) for f in io.walk(p, skip, result.walk_errors))
        else:
            files.append((p, os.path.basename(p), False))
    files = _once_found(files, notes)
    if fmt == "jsonl":
        result.sources = [io.Source(f, None, walked) for f, _, walked in files]
        result.sink = output
        _refuse_overwrites(result.sources, [output])
        return result
    names = output_names([rel for _, rel, _ in files], SUFFIX[fmt], notes)
    result.sources = [io.Source(f, os.path.join(output, name), walked) for (f, _, walked), name in zip(files, names)]
    _refuse_overwrites(result.sources, [s.output for s in result.sources])
    return result


def _single(path: str, output: str | None, suffix: str) -> io.Source:
    if output is not None and names_folder(output):
        # -o clean/ (made when missing): the output is named after the input.
        output = os.path.join(output, io.output_name("stdin" if path == "-" else os.path.basename(path), suffix))
    if output is not None and path != "-" and os.path.exists(output) and io.same_file(path, output):
        raise UsageProblem(f"output {output} is the input itself; choose another -o")
    return io.Source(path, output)


def _identity(path: str) -> tuple:
    try:
        st = os.stat(path)
    except OSError:
        return ("path", os.path.normpath(os.path.abspath(path)))
    return ("file", st.st_dev, st.st_ino)


def _once(inputs: list[str], notes: list[str]) -> list[str]:
    """The inputs with a file named twice (by the same or another path) kept once."""
    seen: dict[tuple, str] = {}
    kept = []
    for p in inputs:
        key = ("stdin",) if p == "-" else _identity(p)
        if key in seen:
            first = seen[key]
            notes.append(f"{p}: given twice; cleaned once" if first == p else f"{p}: the same file as {first}; cleaned once")
            continue
        seen[key] = p
        kept.append(p)
    return kept


def _once_found(files: list[tuple[str, str, bool]], notes: list[str]) -> list[tuple[str, str, bool]]:
    """A file reached twice (named and inside a named folder, or in two nested
    folders given) is cleaned once, where it was first reached."""
    seen: dict[tuple, str] = {}
    kept = []
    for f, rel, walked in files:
        key = _identity(f)
        if key in seen:
            notes.append(f"{f}: the same file as {seen[key]}; cleaned once")
            continue
        seen[key] = f
        kept.append((f, rel, walked))
    return kept


def output_names(rels: list[str], suffix: str, notes: list[str]) -> list[str]:
    """The output name of each input in an output folder: its name with the
    format's suffix for its own ("a/story.html" -> "a/story.txt"). Where two or
    more inputs would get the same name, each of them keeps its full name and
    gains the suffix ("story" -> "story.txt", "story.txt" -> "story.txt.txt",
    "story.html" -> "story.html.txt"), and a note says so; a name still shared
    after that (two inputs of the same name from different folders) is refused."""
    full = [rel + suffix for rel in rels]
    names = [io.output_name(rel, suffix) for rel in rels]
    renamed: set[int] = set()
    while True:
        counts = Counter(names)
        clashing = [i for i, name in enumerate(names) if counts[name] > 1 and i not in renamed]
        if not clashing:
            break
        groups: dict[str, list[int]] = {}
        for i in clashing:
            groups.setdefault(names[i], []).append(i)
        for name, group in groups.items():
            notes.append(f"{', '.join(rels[i] for i in group)} would share the output name {name}; "
                         f"each keeps its full name: {', '.join(f'{rels[i]} -> {full[i]}' for i in group)}")
            for i in group:
                renamed.add(i)
                names[i] = full[i]
    counts = Counter(names)
    for name, n in counts.items():
        if n > 1:
            both = [rel for rel, other in zip(rels, names) if other == name]
            raise UsageProblem(f"{both[0]} and {both[1]} would both be written to {name}; rename one or clean them apart")
    return names


def _refuse_overwrites(sources: list[io.Source], outputs: list[str | None]) -> None:
    """Refuse, before anything is written, an output that would replace an input."""
    inputs = {os.path.realpath(s.path): s.path for s in sources}
    for out in outputs:
        clash = out and inputs.get(os.path.realpath(out))
        if clash:
            raise UsageProblem(f"output {out} would overwrite the input {clash}; choose another -o")


# ---------------------------------------------------------------- running


def run_sources(sources: list[io.Source], settings: Settings, jobs: int, quiet: bool, several: bool,
                executor=None, sink: str | None = None, walk_errors: io.WalkErrors | None = None) -> int:
    """Clean every source, stream outputs in input order, report, and return the exit code."""
    stdin_data = None
    if any(s.path == "-" for s in sources):
        try:
            stdin_data = io.read_stream(sys.stdin.buffer, settings.max_size)
        except io.InputError as e:
            say(f"newsclean: {STDIN}: {e}")
            return EXIT_FAILED
    out = sys.stdout.buffer  # data is UTF-8 whatever the locale says
    report = Report("documents", ("ok", "uncertain", "empty", "skipped", "failed"), total=len(sources),
                    progress=several and not quiet and len(sources) > 1)
    try:
        # One JSON Lines file for every input is written as the outputs come, and
        # appears whole at the end (atomic_file).
        # The outcomes are closed here, not when collected: a run that stops early
        # stops its workers at once.
        outcomes = (executor or _outcomes)(sources, settings, jobs, stdin_data)
        with io.atomic_file(sink) if sink else contextlib.nullcontext() as stream, report, contextlib.closing(outcomes):
            for outcome in outcomes:
                report.add(outcome.status, ((name, 1) for _, _, name, _ in outcome.removed))
                if outcome.status in ("skipped", "failed") or (outcome.status in ("empty", "uncertain")
                                                               and outcome.reason != EMPTY_INPUT and not quiet):
                    say(f"newsclean: {outcome.source}: {outcome.status}: {outcome.reason}")
                if settings.explain:
                    explain_outcome(outcome)
                if outcome.rendered is not None:
                    data = outcome.rendered.encode("utf-8")
                    if stream is None:
                        _write_stdout(out, data)
                    else:
                        stream.write(data)
    except OSError as e:
        if not sink:
            raise
        say(f"newsclean: cannot write {sink}: {e.strerror or e}")
        return EXIT_FAILED
    for path, reason in (walk_errors.errors if walk_errors else ()):
        say(f"newsclean: {path}: failed: cannot read folder: {reason}")
        report.add("failed")
    if several and not quiet:
        report.summary()
    return EXIT_FAILED if report.failed else EXIT_OK


def _outcomes(sources, settings, jobs, stdin_data):
    if jobs <= 1 or len(sources) <= 1:
        for s in sources:
            yield process(s, settings, stdin_data if s.path == "-" else None)
        return
    from .corpus import folder_outcomes

    yield from folder_outcomes(None, None)(sources, settings, min(jobs, len(sources)), stdin_data)


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


SUMMARY_WIDTH = 80
RATE_UNIT = {"documents": "docs"}


class Report:
    """How a run over files or records goes, on stderr: a progress bar on a terminal
    (done/total, or a count when the total is unknown, and the rate), and a summary
    at the end. Kept as counts: a run over millions of files or records holds no
    more than this, whatever they removed. Use it as a context manager, so the bar
    is taken down however the run ends."""

    def __init__(self, unit: str, shown: tuple[str, ...], total: int | None = None, progress: bool = False,
                 console=None):
        self.unit = unit  # "documents", "records"
        self.shown = shown  # the states the summary names, in order
        self.total = total
        self.states: dict[str, int] = {}
        self.by_filter: dict[str, int] = {}
        self.failed = 0  # failed inputs and records: the exit code
        self.unreadable = 0  # inputs that failed as a whole, counted apart from the states
        # A bar only where someone watches: stderr a terminal (or a console given).
        self._want_bar = progress and (console is not None or sys.stderr.isatty())
        self._console = console
        self._bar = None

    def __enter__(self) -> "Report":
        if self._want_bar:
            self._bar = _progress_bar(self._console, self.unit, self.total)
            self._bar.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def add(self, status: str, by_filter: Iterable[tuple[str, int]] = ()) -> None:
        """One document or record done, in `status`, with the lines it lost by filter."""
        self.states[status] = self.states.get(status, 0) + 1
        self.failed += status == "failed"
        for name, n in by_filter:
            self.by_filter[name] = self.by_filter.get(name, 0) + n
        if self._bar is not None:
            self._bar.advance(self._bar.task_ids[0])

    def input_failed(self) -> None:
        """An input that could not be read at all (counted apart from the states)."""
        self.failed += 1
        self.unreadable += 1

    def summary_lines(self, width: int = SUMMARY_WIDTH) -> list[str]:
        """The summary, wrapped to `width` columns: the count of each state, then
        the lines removed by each filter, most first. Every number as 2,004."""
        import textwrap

        # "uncertain" comes only of saved pages: named when some input was.
        states = ", ".join(f"{self.states.get(s, 0):,} {s}" for s in self.shown
                           if s != "uncertain" or self.states.get(s))
        done = sum(self.states.values())
        unit = self.unit.removesuffix("s") if done == 1 else self.unit
        lines = [f"newsclean: {done:,} {unit}: {states}"]
        if self.unreadable:
            lines[0] += f"; {self.unreadable:,} {'input' if self.unreadable == 1 else 'inputs'} failed"
        total = sum(self.by_filter.values())
        removed = f"newsclean: {total:,} {'line' if total == 1 else 'lines'} removed"
        if self.by_filter:
            ranked = sorted(self.by_filter.items(), key=lambda kv: (-kv[1], kv[0]))
            removed += ": " + "; ".join(f"{name} {n:,}" for name, n in ranked)
        lines.append(removed)
        return [part for line in lines for part in textwrap.wrap(
            line, width, subsequent_indent="  ", break_long_words=False, break_on_hyphens=False)]

    def summary(self) -> None:
        for line in self.summary_lines():
            say(line)


def _progress_bar(console, unit: str, total: int | None):
    """A transient rich progress bar on stderr (stdout carries only data)."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, ProgressColumn, TimeRemainingColumn
    from rich.text import Text

    rate_unit = RATE_UNIT.get(unit, unit)

    class Count(ProgressColumn):
        def render(self, task) -> Text:
            done = f"{int(task.completed):,}"
            return Text(f"{done}/{int(task.total):,}" if task.total is not None else f"{done} {unit}")

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:,.0f} {rate_unit}/s" if speed else f"- {rate_unit}/s")

    columns = [BarColumn(), Count(), Rate(), TimeRemainingColumn()] if total is not None else [Count(), Rate()]
    bar = Progress(*columns, transient=True, console=console or Console(stderr=True))
    bar.add_task("cleaning", total=total)
    return bar


# ---------------------------------------------------------------- the entry point


def clean_stdin() -> int:
    """`newsclean` with no argument: what `newsclean -` does with every option at
    its default, without loading the option parser."""
    return run_sources([io.Source("-")], PIPE, jobs=1, quiet=False, several=False)


def run(entry: Callable[[], int] = clean_stdin) -> NoReturn:
    """Run `entry` (the plain pipe, or the command line) and exit with its code:
    signals, a closed stdout and bugs end in one line on stderr, never a traceback."""
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        code = entry()
    except Interrupted as e:
        ignore_signals()  # one message, even if the signal comes again
        name = "interrupted" if e.signum == signal.SIGINT else "terminated"
        sys.stderr.write(f"newsclean: {name}\n")
        code = 128 + e.signum
    except KeyboardInterrupt:
        code = interrupted()
    except BrokenPipeError:
        stdout_gone()
    except SystemExit:
        raise
    except Exception as e:  # a bug: say so in one line, never a traceback
        sys.stderr.write(f"newsclean: internal error: {type(e).__name__}: {e}\n")
        code = EXIT_FAILED
    sys.exit(code)


def say(message: str) -> None:
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


def stdout_gone() -> NoReturn:
    """The reader went away (`| head`): stop quietly with 141, as a tool killed by
    SIGPIPE would, and keep Python from complaining when it flushes at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    raise SystemExit(141)
