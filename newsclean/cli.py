"""The newsclean command: options -> Config -> library -> output and exit code."""

from __future__ import annotations

import os
import signal
import sys
from dataclasses import dataclass, field

import click

from . import __version__, io
from .detect import BinaryInput, HTMLError
from .document import INPUT_TYPES, clean_bytes
from .filters import FILTERS, NAMES
from .model import Config
from .region import DESCRIPTION as REGION_DESCRIPTION, NAME as REGION
from .render import FORMATS, SUFFIX, as_json, failure_dict, render

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
DEFAULT_MAX_SIZE = 256 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    config: Config
    fmt: str
    input_type: str
    max_size: int
    explain: bool
    templates: object = None  # repeated_across: a templates.Templates, set by corpus.folder_outcomes


@dataclass
class Outcome:
    """What became of one input: ok, empty, skipped or failed, and why."""

    source: str
    status: str
    reason: str | None = None
    rendered: str | None = None  # for stdout; None when written to a file
    removed: list[tuple[int, str, str]] = field(default_factory=list)


def process(source: io.Source, settings: Settings, stdin_data: bytes | None = None) -> Outcome:
    """Read, clean and render one input; write it when it has an output path.

    Whatever happens to one input becomes its Outcome, so the others still run."""
    label = "<stdin>" if source.path == "-" else source.path
    try:
        if stdin_data is not None:
            data = stdin_data
        else:
            data = io.read_bytes(source.path, settings.max_size, streams=not source.walked)
        result = (settings.templates.clean_bytes if settings.templates else clean_bytes)(data, name=None if source.path == "-" else source.path,
                             config=settings.config, input_type=settings.input_type)
    except (BinaryInput, io.NotRegular, io.Vanished) as e:
        return _not_cleaned(source, label, _skipped_if_walked(source), str(e), settings)
    except (io.InputError, HTMLError) as e:
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
        reason = "empty input" if not data.strip() else "every line was removed"
    removed = [(r.line, r.text, r.filter) for r in result.removed]
    return _deliver(Outcome(label, status, reason, removed=removed), source,
                    render(result, settings.fmt, label, status, reason))


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


def _worker_init() -> None:
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


EPILOG = """\b
Examples:
  newsclean < page.txt                      clean stdin to stdout
  newsclean article.txt -o clean.txt        one file to a file
  newsclean page.html --format json         a saved page, as JSON
  newsclean scraped/ -o clean/              a folder, mirrored into clean/
  newsclean scraped/ --format jsonl | jq -r .title
  newsclean --explain article.txt           show what each filter removed (stderr)
  newsclean --disable byline --disable media article.txt

\b
Exit codes: 0 every input cleaned (or skipped), 1 some inputs failed (each named
on stderr), 2 usage error, 130/143 interrupted, 141 stdout closed early.
"""


def _steps() -> list[tuple[str, str]]:
    """Every step that removes lines, by name and description: the filters in the
    order they run, then the two steps that run before them on a document, the
    region step (whole-page dumps) and the site-template step (--repeated-across)."""
    from .templates import DESCRIPTION as TEMPLATES_DESCRIPTION, NAME as TEMPLATES

    return [(f.name, f.description) for f in FILTERS] + [(REGION, REGION_DESCRIPTION), (TEMPLATES, TEMPLATES_DESCRIPTION)]


def _filter_names() -> tuple[str, ...]:
    return NAMES + (REGION,)


@click.command(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True))
@click.option("-o", "--output", type=click.Path(), help="Output file (one input) or folder (a folder or several inputs).")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option("--input", "input_type", type=click.Choice(INPUT_TYPES), default="auto", show_default=True,
              help="Treat inputs as text or HTML; auto detects by name and content.")
@click.option("--mode", type=click.Choice(["auto", "article", "page"]), default="auto", show_default=True,
              help="article: text is just the article; page: a whole-page dump to cut down first; auto: decide per input.")
@click.option("--explain", is_flag=True, help="Show each removed line with its filter on stderr.")
@click.option("--list-filters", is_flag=True, help="List the filters in the order they run, and exit.")
@click.option("--disable", "disabled", multiple=True, metavar="NAME", help="Turn a filter off (repeatable); see --list-filters.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Parallel workers for several inputs [default: all cores].")
@click.option("--max-size", type=click.IntRange(min=1), default=DEFAULT_MAX_SIZE, show_default=True,
              help="Largest input in bytes; larger ones fail with a message.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary; errors are still shown.")
@click.option("--jsonl-field", metavar="NAME", help="Inputs are JSON Lines: clean this field of every record, keep the others.")
@click.option("--url-field", metavar="NAME", default="url", show_default=True, help="With --jsonl-field: the field that names a record's site.")
@click.option("--bad-records", type=click.Choice(["pass", "skip"]), default="pass", show_default=True,
              help="With --jsonl-field: pass a bad record through unchanged, or skip it (either way it is reported).")
@click.option("--repeated-across", type=click.IntRange(min=2), metavar="N",
              help="Also remove lines that stand in N or more documents of the same site (its template).")
@click.option("--scheduler", metavar="ADDRESS", help="Run on this Dask cluster (tcp://host:8786); needs newsclean[dask].")
@click.version_option(__version__, "--version", prog_name="newsclean", message="%(prog)s %(version)s")
def main(inputs, output, fmt, input_type, mode, explain, list_filters, disabled, jobs, max_size, quiet,
         jsonl_field, url_field, bad_records, repeated_across, scheduler):
    """Strip page furniture from scraped news and print clean article text.

    INPUTS are files, folders (walked recursively, hidden files skipped) or - for
    stdin (the default). Text and saved HTML pages are both accepted.
    """
    if list_filters:
        _list_filters()
        return
    unknown = [n for n in disabled if n not in _filter_names()]
    if unknown:
        raise click.UsageError(f"unknown filter {unknown[0]!r}; known: {', '.join(_filter_names())}")
    settings = Settings(Config(disabled=frozenset(disabled), mode=mode), fmt, input_type, max_size, explain)
    _WALK_ERRORS.errors.clear()
    executor = None
    if jsonl_field is not None or repeated_across or scheduler:
        from . import corpus

        if jsonl_field is not None:
            sys.exit(corpus.run_jsonl(list(inputs) or ["-"], output, settings, jsonl_field, url_field, bad_records,
                                      jobs=jobs or os.cpu_count() or 1, scheduler=scheduler,
                                      repeated_across=repeated_across, quiet=quiet))
        executor = corpus.folder_outcomes(scheduler, repeated_across)
    sources = _plan(list(inputs) or ["-"], output, fmt)
    sys.exit(_run(sources, settings, jobs or os.cpu_count() or 1, quiet,
                  several=len(sources) > 1 or any(s.walked for s in sources), executor=executor))


def _list_filters() -> None:
    rows = _steps()
    width = max(len(n) for n, _ in rows)
    for name, desc in rows:
        click.echo(f"{name:<{width}}  {desc}")


def _plan(inputs: list[str], output: str | None, fmt: str) -> list[io.Source]:
    """Turn arguments into sources with their output paths; refuse what would
    overwrite an input or cannot be told apart on stdout."""
    dirs = [p for p in inputs if p != "-" and os.path.isdir(p)]
    if inputs.count("-") > 1:
        raise click.UsageError("stdin (-) can be read only once")
    several = len(inputs) > 1 or bool(dirs)
    if output is None:
        if several and fmt != "jsonl":
            raise click.UsageError(
                "several inputs (or a folder) need -o OUTDIR, or --format jsonl to stream them to stdout"
            )
        sources: list[io.Source] = []
        for p in inputs:
            if p in dirs:
                sources.extend(io.Source(f, walked=True) for f in io.walk(p, None, _WALK_ERRORS))
            else:
                sources.append(io.Source(p))
        return sources
    if not several:
        p = inputs[0]
        if os.path.isdir(output):
            name = "stdin" if p == "-" else os.path.basename(p)
            output = os.path.join(output, io.output_name(name, SUFFIX[fmt]))
        if p != "-" and os.path.exists(output) and io.same_file(p, output):
            raise click.UsageError(f"output {output} is the input itself; choose another -o")
        return [io.Source(p, output)]
    if fmt == "jsonl":
        if os.path.isdir(output):
            raise click.UsageError(f"--format jsonl writes one stream: -o must be a file, not the folder {output}")
    elif os.path.exists(output) and not os.path.isdir(output):
        raise click.UsageError(f"-o {output} is a file; several inputs need an output folder")
    for p in inputs:
        if p == "-":
            raise click.UsageError("stdin (-) cannot be mixed with other inputs when writing to a folder")
        if p in dirs and fmt != "jsonl" and io.same_file(p, output):
            raise click.UsageError(f"output folder {output} is the input folder {p}; choose another -o")
    sources = []
    taken: dict[str, str] = {}
    for p in inputs:
        if p in dirs:
            files = [(f, os.path.relpath(f, p)) for f in io.walk(p, output, _WALK_ERRORS)]
        else:
            files = [(p, os.path.basename(p))]
        for f, rel in files:
            out = os.path.join(output, io.output_name(rel, SUFFIX[fmt])) if fmt != "jsonl" else None
            if out is not None and out in taken:
                # a.html and a.txt would both become a.txt: keep the full names.
                out = os.path.join(output, rel + SUFFIX[fmt])
            if out is not None:
                taken[out] = f
            sources.append(io.Source(f, out, walked=p in dirs))
    _refuse_overwrites(sources, [output] if fmt == "jsonl" else [s.output for s in sources])
    if fmt == "jsonl":
        return [io.Source(s.path, None, s.walked) for s in sources] + [io.Source("", output)]
    return sources


def _refuse_overwrites(sources: list[io.Source], outputs: list[str | None]) -> None:
    """Refuse, before anything is written, an output that would replace an input."""
    inputs = {os.path.realpath(s.path): s.path for s in sources}
    for out in outputs:
        clash = out and inputs.get(os.path.realpath(out))
        if clash:
            raise click.UsageError(f"output {out} would overwrite the input {clash}; choose another -o")


_WALK_ERRORS = io.WalkErrors()


def _run(sources: list[io.Source], settings: Settings, jobs: int, quiet: bool, several: bool, executor=None) -> int:
    """Clean every source, stream outputs in input order, report, and return the exit code."""
    sink = None
    if sources and sources[-1].path == "" and sources[-1].output:  # jsonl into one file
        sink = sources.pop().output
    outcomes: list[Outcome] = []
    stdin_data = None
    if any(s.path == "-" for s in sources):
        try:
            stdin_data = io.read_stream(sys.stdin.buffer, settings.max_size)
        except io.InputError as e:
            click.echo(f"newsclean: <stdin>: {e}", err=True)
            return EXIT_FAILED
    chunks: list[bytes] = []
    out = sys.stdout.buffer  # data is UTF-8 whatever the locale says
    progress = _Progress(len(sources), enabled=several and not quiet and sys.stderr.isatty())
    try:
        for outcome in (executor or _outcomes)(sources, settings, jobs, stdin_data):
            outcomes.append(outcome)
            if outcome.status in ("skipped", "failed"):
                click.echo(f"newsclean: {outcome.source}: {outcome.status}: {outcome.reason}", err=True)
            if settings.explain:
                _explain(outcome)
            if outcome.rendered is not None:
                if sink:
                    chunks.append(outcome.rendered.encode("utf-8"))
                else:
                    _write_stdout(out, outcome.rendered.encode("utf-8"))
            progress.advance()
        if sink:
            try:
                io.write_atomic(sink, b"".join(chunks))
            except OSError as e:
                click.echo(f"newsclean: cannot write {sink}: {e.strerror or e}", err=True)
                return EXIT_FAILED
    finally:
        progress.stop()
    for path, reason in _WALK_ERRORS.errors:
        click.echo(f"newsclean: {path}: failed: cannot read folder: {reason}", err=True)
        outcomes.append(Outcome(path, "failed", reason))
    if several and not quiet:
        _summary(outcomes)
    return EXIT_FAILED if any(o.status == "failed" for o in outcomes) else EXIT_OK


def _outcomes(sources, settings, jobs, stdin_data):
    if jobs <= 1 or len(sources) <= 1:
        for s in sources:
            yield process(s, settings, stdin_data if s.path == "-" else None)
        return
    import multiprocessing

    ctx = multiprocessing.get_context("fork") if hasattr(os, "fork") else multiprocessing.get_context()
    pool = ctx.Pool(min(jobs, len(sources)), initializer=_worker_init)
    try:
        yield from pool.imap(_process_job, ((s, settings) for s in sources), chunksize=8)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


def _explain(outcome: Outcome) -> None:
    if not outcome.removed:
        return
    if sys.stderr.isatty() and not os.environ.get("NO_COLOR"):
        from rich.console import Console
        from rich.text import Text

        console = Console(stderr=True, highlight=False, soft_wrap=True)
        for line, text, name in outcome.removed:
            console.print(Text.assemble((f"{outcome.source}:{line}: ", "dim"), (f"[{name}]", "bold yellow"), " ", (text, "red")))
    else:
        for line, text, name in outcome.removed:
            sys.stderr.write(f"{outcome.source}:{line}: [{name}] {text}\n")


def _summary(outcomes: list[Outcome]) -> None:
    counts: dict[str, int] = {}
    by_filter: dict[str, int] = {}
    for o in outcomes:
        counts[o.status] = counts.get(o.status, 0) + 1
        for _, _, name in o.removed:
            by_filter[name] = by_filter.get(name, 0) + 1
    total = sum(by_filter.values())
    states = ", ".join(f"{counts.get(s, 0)} {s}" for s in ("ok", "empty", "skipped", "failed"))
    detail = ", ".join(f"{n} {c:,}" for n, c in sorted(by_filter.items(), key=lambda kv: (-kv[1], kv[0])))
    click.echo(f"newsclean: {len(outcomes)} documents: {states}; {total:,} lines removed"
               + (f" ({detail})" if detail else ""), err=True)


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
        main(standalone_mode=False, prog_name="newsclean")
    except Interrupted as e:
        _ignore_signals()  # one message, even if the signal comes again
        name = "interrupted" if e.signum == signal.SIGINT else "terminated"
        sys.stderr.write(f"newsclean: {name}\n")
        sys.exit(128 + e.signum)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except click.UsageError as e:
        e.show()
        sys.exit(EXIT_USAGE)
    except click.ClickException as e:
        e.show()
        sys.exit(EXIT_FAILED)
    except (click.Abort, KeyboardInterrupt):
        _ignore_signals()
        sys.stderr.write("newsclean: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        _stdout_gone()
    except SystemExit:
        raise
    except Exception as e:  # a bug: say so in one line, never a traceback
        sys.stderr.write(f"newsclean: internal error: {type(e).__name__}: {e}\n")
        sys.exit(EXIT_FAILED)


def _ignore_signals() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


def _write_stdout(out, data: bytes) -> None:
    try:
        out.write(data)
        out.flush()
    except BrokenPipeError:
        _stdout_gone()


def _stdout_gone() -> None:
    """The reader went away (`| head`): stop quietly with 141, as a tool killed by
    SIGPIPE would, and keep Python from complaining when it flushes at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    raise SystemExit(141)
