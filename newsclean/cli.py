"""The newsclean command's options: arguments -> Settings and sources for command.py."""

from __future__ import annotations

import os
import sys

import click

from . import __version__, io
from .command import EXIT_FAILED, EXIT_USAGE, PIPE, WALK_ERRORS, Settings, interrupted, run_sources
from .document import INPUT_TYPES
from .filters import FILTERS, NAMES
from .model import Config
from .pipeline import SCORE, SCORE_DESCRIPTION
from .region import DESCRIPTION as REGION_DESCRIPTION, NAME as REGION
from .render import FORMATS, SUFFIX
from .unwrap import DESCRIPTION as UNWRAP_DESCRIPTION, NAME as UNWRAP

EPILOG = """\b
Examples:
  newsclean < page.txt                      clean stdin to stdout
  newsclean article.txt -o clean.txt        one file to a file
  newsclean page.html --format json         a saved page, as JSON
  newsclean scraped/ -o clean/              a folder, mirrored into clean/
  newsclean scraped/ --format jsonl | jq -r .title
  newsclean --explain article.txt           show each removed line and its rule (stderr)
  newsclean --disable byline --disable media article.txt

\b
Exit codes: 0 every input cleaned (or skipped), 1 some inputs failed (each named
on stderr), 2 usage error, 130/143 interrupted, 141 stdout closed early.
"""


def _steps() -> list[tuple[str, str]]:
    """Every step, by name and description: the filters in the order they run, then
    the steps that run before them on a document, the unwrap step (which removes
    nothing but rejoins wrapped paragraphs), the region step (whole-page dumps),
    the scorer and the site-template step (--repeated-across)."""
    from .templates import DESCRIPTION as TEMPLATES_DESCRIPTION, NAME as TEMPLATES

    return [(f.name, f.description) for f in FILTERS] + [
        (UNWRAP, UNWRAP_DESCRIPTION), (REGION, REGION_DESCRIPTION), (SCORE, SCORE_DESCRIPTION), (TEMPLATES, TEMPLATES_DESCRIPTION)]


def _filter_names() -> tuple[str, ...]:
    return NAMES + (UNWRAP, REGION, SCORE)


@click.command(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True))
@click.option("-o", "--output", type=click.Path(), help="Output file (one input) or folder (a folder or several inputs).")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=PIPE.fmt, show_default=True, help="Output format.")
@click.option("--input", "input_type", type=click.Choice(INPUT_TYPES), default=PIPE.input_type, show_default=True,
              help="Treat inputs as text or HTML; auto detects by name and content.")
@click.option("--mode", type=click.Choice(["auto", "article", "page"]), default=PIPE.config.mode, show_default=True,
              help="article: text is just the article; page: a whole-page dump to cut down first; auto: decide per input.")
@click.option("--explain", is_flag=True, help="Show each removed line with the id of the rule that took it (filter.rule) on stderr.")
@click.option("--list-filters", is_flag=True, help="List the filters in the order they run, and exit.")
@click.option("--disable", "disabled", multiple=True, metavar="NAME", help="Turn a filter off (repeatable); see --list-filters.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Parallel workers for several inputs [default: all cores].")
@click.option("--max-size", type=click.IntRange(min=1), default=PIPE.max_size, show_default=True,
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
    WALK_ERRORS.errors.clear()
    executor = None
    if jsonl_field is not None or repeated_across or scheduler:
        from . import corpus

        if jsonl_field is not None:
            sys.exit(corpus.run_jsonl(list(inputs) or ["-"], output, settings, jsonl_field, url_field, bad_records,
                                      jobs=jobs or os.cpu_count() or 1, scheduler=scheduler,
                                      repeated_across=repeated_across, quiet=quiet))
        executor = corpus.folder_outcomes(scheduler, repeated_across)
    sources = _plan(list(inputs) or ["-"], output, fmt)
    sys.exit(run_sources(sources, settings, jobs or os.cpu_count() or 1, quiet,
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
                sources.extend(io.Source(f, walked=True) for f in io.walk(p, None, WALK_ERRORS))
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
            files = [(f, os.path.relpath(f, p)) for f in io.walk(p, output, WALK_ERRORS)]
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


def exit_code(e: Exception) -> int | None:
    """The exit code for an error click raised, having said what it is; None for
    any other error."""
    if isinstance(e, click.exceptions.Exit):
        return e.exit_code
    if isinstance(e, click.UsageError):
        e.show()
        return EXIT_USAGE
    if isinstance(e, click.ClickException):
        e.show()
        return EXIT_FAILED
    if isinstance(e, click.Abort):
        return interrupted()
    return None
