"""JSON Lines corpora: one article per line, cleaned in one field, every other field kept.

A record comes out with its fields in the same order and the same values; the named
field holds the cleaned body (without the title, as `text` in the JSON output), and
a `newsclean` object is added (or replaced, where the record had one) with what the
JSON output says besides the text:

    {"url": "...", "text": "<clean body>", "date": "...",
     "newsclean": {"status": "ok", "title": "...", "removed": [...], "stats": {...}}}

A bad record (not UTF-8, not JSON, not an object, the field missing or not a
string) is reported with its line number and, by the `bad` policy, passed through
as it was (its line unchanged, so it has no `newsclean` object) or skipped. Blank
lines are not records: they are dropped. A record longer than the size limit is
always skipped: it is never held in memory.

An input whose first FIELD_PROBE records (or all of them, when it has fewer) lack
the field is not cleaned: the field is likely misnamed, and one message naming the
fields those records have says so instead of a failure per record. Nothing of
that input is written.

Everything streams: records are read one line at a time and written as they are
cleaned, so memory stays flat however long the corpus. Gzip is recognised by its
first bytes on input, and by a `.gz` suffix on output (written with no name and no
time in its header, so the same input gives the same bytes).

`clean_lines` and `clean_records` are the entry points for code that holds the
records already: a Dask bag, a Spark RDD's partitions, a generator.
"""

from __future__ import annotations

import gzip
import io as _io
import json
import sys
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import BinaryIO, Callable, Iterable, Iterator

from . import templates as _templates
from .detect import jsonl_advice, looks_like_html
from .io import DEFAULT_MAX_SIZE, GZIP_MAGIC, atomic_file
from .model import Config, Result
from .pipeline import DEFAULT, clean
from .render import as_dict

META = "newsclean"
BAD_RECORDS = ("pass", "skip")
FIELD_PROBE = 20  # records


class BadRecord(ValueError):
    """A line that cannot be cleaned as a record; the message says why."""


class MissingField(BadRecord):
    """A record without the field; `fields` are those that hold strings, with the
    length of each."""

    def __init__(self, message: str, fields: dict[str, int]):
        super().__init__(message)
        self.fields = fields


@dataclass(frozen=True)
class Job:
    """How to clean the records of one input. Small and picklable: it travels to
    worker processes and cluster workers with each batch."""

    field: str = "text"
    url_field: str = "url"
    bad: str = "pass"
    config: Config = DEFAULT
    input_type: str = "auto"
    site: str = ""  # the site of records without a URL (the input's folder)
    templates: _templates.Templates | None = None
    explain: bool = False  # send back every removed line, not only the counts by filter


@dataclass(frozen=True)
class Cleaned:
    """What became of one record: its status, why it failed, and its output line
    (b"" for a skipped record)."""

    line: int
    status: str  # ok | uncertain | empty | failed
    reason: str | None
    output: bytes
    by_filter: tuple[tuple[str, int], ...] = ()  # lines removed, by filter
    removed: tuple[tuple[int, str, str, str], ...] = ()  # every removed line (line, text, filter, rule id), when the job explains
    missing: tuple[tuple[str, int], ...] | None = None  # lacked the field: its string fields, with lengths


class TooLong(bytes):
    """Stands for a line longer than the size limit, which was read past, not kept."""


# ---------------------------------------------------------------- one record


def parse(raw: bytes | str, field: str) -> dict:
    """The record on a line, with a string in `field`. Raises BadRecord."""
    if isinstance(raw, TooLong):
        raise BadRecord("longer than the size limit (raise it with --max-size)")
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            raise BadRecord(f"not UTF-8 (byte 0x{raw[e.start]:02x} at column {e.start + 1})") from None
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as e:
        raise BadRecord(f"not JSON ({e.msg} at column {e.colno})") from None
    except RecursionError:
        raise BadRecord("JSON nested too deeply") from None
    if not isinstance(record, dict):
        raise BadRecord(f"not a JSON object (a JSON {_json_type(record)})")
    if field not in record:
        names = ", ".join(map(repr, list(record)[:8])) + (", …" if len(record) > 8 else "")
        strings = {name: len(value) for name, value in record.items() if isinstance(value, str)}
        raise MissingField(f"no field {field!r} (fields: {names or 'none'})", strings)
    if not isinstance(record[field], str):
        raise BadRecord(f"field {field!r} is a JSON {_json_type(record[field])}, not a string")
    return record


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return {dict: "object", list: "array", str: "string"}.get(type(value), type(value).__name__)


def site_of(record: dict, job: Job) -> str:
    return _templates.site_of_url(record.get(job.url_field)) or job.site


def is_html(text: str, input_type: str) -> bool:
    return input_type == "html" or (input_type == "auto" and looks_like_html(text[:65536]))


def clean_text(text: str, job: Job, site: str = "") -> Result:
    """Clean one field's text: HTML through article extraction, plain text through
    the site's template (when there is one) and the pipeline."""
    if is_html(text, job.input_type):
        from . import html  # lxml and readability load only for HTML fields

        return html.clean_html(text, job.config)
    if job.templates is not None:
        result = job.templates.clean(text, site, job.config)
    else:
        result = clean(text, job.config)
    return replace(result, meta={"input_type": "text", **result.meta})


def clean_record(record: dict, job: Job) -> tuple[dict, Result, str]:
    """The cleaned record (a new dict, same field order), its Result and status.
    The record must hold a string in job.field (see `parse`)."""
    result = clean_text(record[job.field], job, site_of(record, job))
    status = result.status
    meta = as_dict(result, None, status)
    for name in ("source", "text", "paragraphs"):
        meta.pop(name, None)
    out = dict(record)
    out[job.field] = result.text
    out[META] = meta
    return out, result, status


def dumps(record: dict) -> bytes:
    """One JSON line. Text stays readable (UTF-8); a lone surrogate, which UTF-8
    cannot carry, makes that record fall back to \\u escapes."""
    text = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    try:
        return text.encode("utf-8") + b"\n"
    except UnicodeEncodeError:
        return json.dumps(record, separators=(",", ":")).encode("ascii") + b"\n"


def clean_line(number: int, raw: bytes, job: Job) -> Cleaned:
    """Clean the record on one input line; a bad record is passed or skipped by job.bad."""
    try:
        record = parse(raw, job.field)
        out, result, status = clean_record(record, job)
    except MissingField as e:
        return replace(_bad(number, raw, str(e), job), missing=tuple(e.fields.items()))
    except BadRecord as e:
        return _bad(number, raw, str(e), job)
    except RecursionError:
        return _bad(number, raw, "field nested too deeply to parse", job)
    except MemoryError:
        return _bad(number, raw, "out of memory while cleaning", job)
    except ValueError as e:  # an HTML page beyond the extractor's limits
        return _bad(number, raw, str(e), job)
    except Exception as e:  # a bug in a filter or a parser: fail this record, not the run
        return _bad(number, raw, f"internal error: {type(e).__name__}: {e}", job)
    removed = tuple((r.line, r.text, r.filter, r.rule) for r in result.removed) if job.explain else ()
    return Cleaned(number, status, None, dumps(out), tuple(result.removed_by_filter().items()), removed)


def _bad(number: int, raw: bytes, reason: str, job: Job) -> Cleaned:
    passed = job.bad == "pass" and not isinstance(raw, TooLong)
    return Cleaned(number, "failed", reason, raw + b"\n" if passed else b"")


def clean_batch(batch: list[tuple[int, bytes]], job: Job) -> list[Cleaned]:
    """The unit of work for worker processes and cluster workers."""
    return [clean_line(number, raw, job) for number, raw in batch]


def stop_without_field(done: Iterable[list[Cleaned]], field: str, stopped: Callable[[str], None],
                       probe: int = FIELD_PROBE) -> Iterator[list[Cleaned]]:
    """The cleaned batches of one input as they come, except that its first `probe`
    records are held back until one of them has `field`. When none has it (or the
    input ends first, none of its records having it), nothing is yielded and
    `stopped` is told why, naming the fields those records have and the likeliest."""
    held: list[list[Cleaned]] = []
    seen = 0
    done = iter(done)
    for batch in done:
        held.append(batch)
        if any(c.missing is None for c in batch[:probe - seen]):
            yield from held
            yield from done
            return
        seen += len(batch)
        if seen >= probe:
            break
    if seen:
        records = [c for batch in held for c in batch][:probe]
        fields: dict[str, int] = {}
        for c in records:
            for name, size in c.missing or ():
                fields[name] = max(fields.get(name, 0), size)
        which = f"the first {probe} records" if seen >= probe else f"any of its {seen} records"
        stopped(f"no field {field!r} in {which} {jsonl_advice(fields)}")


def count_batch(batch: list[tuple[int, bytes]], job: Job) -> _templates.TemplateCounts:
    """Pass one of `repeated_across` over a batch of input lines."""

    def records():
        for _, raw in batch:
            try:
                yield parse(raw, job.field)
            except BadRecord:
                continue

    return count_records(records(), job)


def count_records(records: Iterable[dict], job: Job) -> _templates.TemplateCounts:
    """Pass one over records: those without a string field, and HTML, are not counted."""
    counts = _templates.TemplateCounts()
    for record in records:
        if isinstance(record, dict) and isinstance(record.get(job.field), str):
            text = record[job.field]
            if not is_html(text, job.input_type):
                counts.add(site_of(record, job), text)
    return counts


# ---------------------------------------------------------------- for code that holds the records


def clean_records(records: Iterable[dict], field: str = "text", *, config: Config = DEFAULT,
                  url_field: str = "url", bad: str = "pass", input_type: str = "auto",
                  templates: _templates.Templates | None = None) -> Iterator[dict]:
    """Clean the `field` of each record (a dict); the output records are as the
    command writes them. For a Dask bag, `bag.map_partitions(clean_records)`.
    A record without a string in `field` is yielded unchanged (bad="pass") or dropped."""
    job = Job(field, url_field, _check_bad(bad), config, input_type, templates=templates)
    for record in records:
        if not isinstance(record, dict) or not isinstance(record.get(field), str):
            if bad == "pass":
                yield record
            continue
        yield clean_record(record, job)[0]


def clean_lines(lines: Iterable[str | bytes], field: str = "text", *, config: Config = DEFAULT,
                url_field: str = "url", bad: str = "pass", input_type: str = "auto",
                templates: _templates.Templates | None = None) -> Iterator[str]:
    """Clean JSON lines (str or bytes, with or without the newline); yields output
    lines without the newline. For Spark: `rdd.mapPartitions(clean_lines)`."""
    job = Job(field, url_field, _check_bad(bad), config, input_type, templates=templates)
    for number, line in enumerate(lines, 1):
        # surrogatepass: a str line with a lone surrogate becomes a bad record
        # (not UTF-8) and, passed through, comes back as it was.
        raw = line.encode("utf-8", "surrogatepass") if isinstance(line, str) else line
        raw = raw.rstrip(b"\r\n")
        if not raw.strip():
            continue
        out = clean_line(number, raw, job).output
        if out:
            yield out[:-1].decode("utf-8", "surrogatepass")


def _check_bad(bad: str) -> str:
    if bad not in BAD_RECORDS:
        raise ValueError(f"bad must be one of {', '.join(BAD_RECORDS)}, not {bad!r}")
    return bad


# ---------------------------------------------------------------- streams


def open_input(path: str, stdin: BinaryIO | None = None) -> BinaryIO:
    """A binary stream of the records in `path` ("-" for stdin), gzip or not."""
    if path == "-":
        raw = stdin if stdin is not None else sys.stdin.buffer
        stream = raw if hasattr(raw, "peek") else _io.BufferedReader(raw)  # type: ignore[arg-type]
    else:
        stream = open(path, "rb")
    if stream.peek(2)[:2] == GZIP_MAGIC:
        return gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[return-value]
    return stream


def read_records(stream: BinaryIO, max_size: int = DEFAULT_MAX_SIZE) -> Iterator[tuple[int, bytes]]:
    """(line number, line) for every non-blank line, without its line break. A line
    over `max_size` bytes is read past in pieces and stands as a TooLong."""
    for number, line in enumerate(iter(lambda: stream.readline(max_size + 1), b""), 1):
        if len(line) > max_size and not line.endswith(b"\n"):
            size = len(line)
            while line and not line.endswith(b"\n"):
                line = stream.readline(1 << 20)
                size += len(line)
            yield number, TooLong()
            continue
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        line = line.rstrip(b"\r\n")
        if line.strip():
            yield number, line


def batches(records: Iterable[tuple[int, bytes]], max_records: int = 256,
            max_bytes: int = 4 << 20) -> Iterator[list[tuple[int, bytes]]]:
    """Records grouped for workers: few enough to keep memory bounded, enough to
    make each task worth sending."""
    batch: list[tuple[int, bytes]] = []
    size = 0
    for item in records:
        batch.append(item)
        size += len(item[1])
        if len(batch) >= max_records or size >= max_bytes:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


@contextmanager
def open_output(path: str):
    """A binary stream that becomes `path` only when the block ends without an
    error (io.atomic_file, which writes into a FIFO or a device as it is). Gzip for
    a `.gz` path."""
    with atomic_file(path) as f:
        if path.endswith(".gz"):
            with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0) as gz:
                yield gz
        else:
            yield f
