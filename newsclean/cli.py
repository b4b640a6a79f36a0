"""The newsclean command's options: arguments -> one Config and Settings -> the runner.

The only module that imports click: the runner (command.py, corpus.py) and the
library raise their own errors, which `main` turns into click's messages and exit
codes.
"""

from __future__ import annotations

import os
import re

import click

from . import __version__
from .command import EXIT_FAILED, EXIT_USAGE, PIPE, CommandError, Settings, UsageProblem, interrupted, plan, run_sources
from .detect import UnknownEncoding, check_encoding
from .document import INPUT_TYPES
from .model import MODES, Config, ConfigError
from .render import FORMATS
from .steps import STEPS, step_names
from .templates import NAME as TEMPLATES

EPILOG = """\b
Examples:
  newsclean < page.txt                      clean stdin to stdout
  newsclean article.txt -o clean.txt        one file to a file
  newsclean article.txt -o clean/           one file into a folder (made if missing)
  newsclean page.html --format json         a saved page, as JSON
  newsclean scraped/ -o clean/              a folder, mirrored into clean/
  newsclean scraped/ --format jsonl | jq -r .title
  newsclean --explain article.txt           show each removed line and its rule (stderr)
  newsclean --disable byline,media article.txt

\b
Output names: in an output folder each input is named after itself with the
format's suffix (story.html -> story.txt). Where two inputs would get the same
name, each keeps its full name and gains the suffix (story.txt -> story.txt.txt,
story.html -> story.html.txt), and stderr says so; a file given twice is cleaned
once. No output ever replaces an input or another output of the same run.

\b
A saved page whose text may not be its article is written all the same, with
status "uncertain" in JSON and a line on stderr; --explain on a saved page also
shows what the extraction dropped (extract.nav, extract.ad, extract.score ...).

\b
Exit codes: 0 every input cleaned (or skipped), 1 some inputs failed (each named
on stderr), 2 usage error, 130/143 interrupted, 141 stdout closed early.
"""

_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:([kmgt])(ib|b)?|b)?", re.IGNORECASE)


class Size(click.ParamType):
    """A size in bytes: 500000, 500k, 1M, 64MiB (powers of 1024), 64MB (of 1000)."""

    name = "SIZE"

    def convert(self, value, param, ctx) -> int:
        if isinstance(value, int):
            return value
        m = _SIZE.fullmatch(str(value).strip())
        if m is None:
            self.fail(f"{value!r} is not a size: give bytes or a number with k, M, G (1M, 64MiB, 500k)", param, ctx)
        number, unit, tail = m.groups()
        base = 1000 if (tail or "").lower() == "b" else 1024  # MB: 1000**2; M and MiB: 1024**2
        size = int(float(number) * base ** " kmgt".index(unit.lower())) if unit else int(float(number))
        if size < 1:
            self.fail(f"{value!r} is less than one byte", param, ctx)
        return size


def _disabled(ctx, param, values) -> frozenset[str]:
    try:
        return step_names(values)
    except ConfigError as e:
        raise click.UsageError(str(e), ctx) from None


def _mode(ctx, param, value: str) -> str:
    # Checked by Config, so the command and the library say the same thing.
    try:
        return Config(mode=value.lower()).mode
    except ConfigError as e:
        raise click.UsageError(str(e), ctx) from None


def _encoding(name: str | None) -> str | None:
    try:
        return check_encoding(name) if name else None
    except UnknownEncoding as e:
        raise click.BadParameter(str(e)) from None


@click.command(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True))
@click.option("-o", "--output", type=click.Path(),
              help="Output file (one input) or folder (a folder, several inputs, or a path ending in /).")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=PIPE.fmt, show_default=True, help="Output format.")
@click.option("--input", "input_type", type=click.Choice(INPUT_TYPES), default=PIPE.input_type, show_default=True,
              help="Treat inputs as text or HTML; auto detects by name and content.")
@click.option("--encoding", metavar="NAME", callback=lambda ctx, param, name: _encoding(name),
              help="Read inputs in this encoding (cp1251, gb18030, shift_jis ...), an HTML page's declared "
                   "charset included [default: detected].")
@click.option("--mode", metavar="[" + "|".join(MODES) + "]", callback=_mode, default=PIPE.config.mode, show_default=True,
              help="article: text is just the article; page: a whole-page dump to cut down first; auto: decide per input.")
@click.option("--explain", is_flag=True, help="Show each removed line with the id of the rule that took it (filter.rule) on stderr.")
@click.option("--list-filters", is_flag=True, help="List every step that removes lines, in the order they run, and exit.")
@click.option("--disable", "disabled", multiple=True, metavar="NAME[,NAME]", callback=_disabled,
              help="Turn steps off: names from --list-filters, in any case, comma-separated or repeated.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=None, metavar="N",
              help="Parallel workers for several inputs; 0 means all cores [default: all cores].")
@click.option("--max-size", type=Size(), default="256MiB", show_default=True,
              help="Largest input: bytes, or with k, M, G (1024-based: 500k, 1M, 64MiB) or kB, MB, GB (1000-based).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary; errors are still shown.")
@click.option("--jsonl-field", metavar="NAME", help="Inputs are JSON Lines: clean this field of every record, keep the others.")
@click.option("--url-field", metavar="NAME", default="url", show_default=True, help="With --jsonl-field: the field that names a record's site.")
@click.option("--bad-records", type=click.Choice(["pass", "skip"]), default="pass", show_default=True,
              help="With --jsonl-field: pass a bad record through unchanged, or skip it (either way it is reported).")
@click.option("--repeated-across", type=click.IntRange(min=2), metavar="N",
              help="Also remove lines that stand in N or more documents of the same site (its template).")
@click.option("--scheduler", metavar="ADDRESS", help="Run on this Dask cluster (tcp://host:8786); needs newsclean[dask].")
@click.version_option(__version__, "--version", prog_name="newsclean", message="%(prog)s %(version)s")
def main(inputs, output, fmt, input_type, encoding, mode, explain, list_filters, disabled, jobs, max_size, quiet,
         jsonl_field, url_field, bad_records, repeated_across, scheduler):
    """Strip page furniture from scraped news and print clean article text.

    INPUTS are files, folders (walked recursively, hidden files skipped) or - for
    stdin (the default). Text and saved HTML pages are both accepted, gzipped or
    not: story.txt.gz is read as the text it holds (story.txt in an output folder).
    """
    if list_filters:
        _list_filters()
        return
    try:
        raise SystemExit(_run(list(inputs) or ["-"], output, fmt, input_type, encoding, mode, explain, disabled, jobs,
                              max_size, quiet, jsonl_field, url_field, bad_records, repeated_across, scheduler))
    except (UsageProblem, ConfigError) as e:
        raise click.UsageError(str(e)) from None
    except CommandError as e:
        raise click.ClickException(str(e)) from None


def _run(inputs, output, fmt, input_type, encoding, mode, explain, disabled, jobs, max_size, quiet,
         jsonl_field, url_field, bad_records, repeated_across, scheduler) -> int:
    if encoding and jsonl_field is not None:
        raise UsageProblem("--encoding applies to text and HTML inputs; JSON Lines are read as UTF-8")
    settings = Settings(Config(disabled=disabled, mode=mode), fmt, input_type, max_size, explain,
                        encoding=encoding)
    jobs = jobs or os.cpu_count() or 1
    if TEMPLATES in disabled:
        repeated_across = None  # --disable repeated_across wins over --repeated-across N
    if jsonl_field is not None:
        from . import corpus

        return corpus.run_jsonl(inputs, output, settings, jsonl_field, url_field, bad_records, jobs=jobs,
                                scheduler=scheduler, repeated_across=repeated_across, quiet=quiet)
    executor = None
    if repeated_across or scheduler:
        from . import corpus

        executor = corpus.folder_outcomes(scheduler, repeated_across)
    run = plan(inputs, output, fmt)
    for note in run.notes:
        click.echo(f"newsclean: {note}", err=True)
    return run_sources(run.sources, settings, jobs, quiet, run.several, executor=executor, sink=run.sink,
                       walk_errors=run.walk_errors)


def _list_filters() -> None:
    width = max(len(s.name) for s in STEPS)
    for step in STEPS:
        click.echo(f"{step.name:<{width}}  {step.description}")


def entry() -> int:
    """The command line, run through click; its errors as messages and exit codes."""
    try:
        main(standalone_mode=False, prog_name="newsclean")
    except click.exceptions.Exit as e:
        return e.exit_code
    except click.UsageError as e:
        e.show()
        return EXIT_USAGE
    except click.ClickException as e:
        e.show()
        return EXIT_FAILED
    except click.Abort:
        return interrupted()
    return 0
