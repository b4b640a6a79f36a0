"""Reading inputs, walking folders, writing outputs atomically."""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

TMP_PREFIX = ".newsclean-"


class InputError(Exception):
    """An input that cannot be read; the message says why."""


@dataclass(frozen=True)
class Source:
    """One input: a path (or "-" for stdin) and where its output goes, if anywhere."""

    path: str
    output: str | None = None
    walked: bool = False  # found by walking a folder (not named on the command line)


@dataclass
class WalkErrors:
    errors: list[tuple[str, str]] = field(default_factory=list)

    def __call__(self, err: OSError) -> None:
        self.errors.append((err.filename or "?", err.strerror or str(err)))


def read_bytes(path: str, limit: int) -> bytes:
    """The bytes of a regular file (never a FIFO or a device, which could block
    forever), at most `limit` of them."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError("no such file") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as e:
        raise InputError(e.strerror or str(e)) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputError("is a directory")
        if not stat.S_ISREG(st.st_mode):
            raise InputError("not a regular file (FIFO, socket or device)")
        if st.st_size > limit:
            raise InputError(f"larger than the size limit ({st.st_size:,} > {limit:,} bytes; raise it with --max-size)")
        chunks = []
        size = 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            size += len(chunk)
            if size > limit:
                raise InputError(f"larger than the size limit ({limit:,} bytes; raise it with --max-size)")
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as e:
        raise InputError(e.strerror or str(e)) from None
    finally:
        os.close(fd)


def read_stream(stream, limit: int) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"larger than the size limit ({limit:,} bytes; raise it with --max-size)")
    return data


def walk(root: str, skip: str | None, errors: WalkErrors) -> Iterator[str]:
    """Every non-hidden regular file below `root`, in sorted order. Hidden files and
    folders are skipped, and so is `skip` (an output folder inside the input)."""
    skip_real = os.path.realpath(skip) if skip else None
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors):
        dirnames[:] = sorted(
            d for d in dirnames
            if not d.startswith(".") and os.path.realpath(os.path.join(dirpath, d)) != skip_real
        )
        for name in sorted(filenames):
            if not name.startswith("."):
                yield os.path.join(dirpath, name)


def output_name(rel: str, suffix: str) -> str:
    """a/b.html -> a/b.txt (with suffix ".txt")."""
    p = Path(rel)
    return str(p.with_suffix(suffix)) if p.suffix else str(p) + suffix


def write_atomic(path: str, data: bytes) -> None:
    """Write `data` to `path` by way of a temporary file in the same folder and a
    rename, so a reader (or an interrupted run) never sees a half-written file."""
    folder = os.path.dirname(path) or "."
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def is_within(child: str, parent: str) -> bool:
    c, p = os.path.realpath(child), os.path.realpath(parent)
    return c == p or c.startswith(p.rstrip(os.sep) + os.sep)
