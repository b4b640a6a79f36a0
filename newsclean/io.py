"""Reading inputs, walking folders, writing outputs atomically."""

from __future__ import annotations

import errno
import os
import stat
from collections import namedtuple
from collections.abc import Iterator
from contextlib import contextmanager

from .detect import BinaryInput

TYPE_CHECKING = False  # typing itself is not loaded: the plain pipe does without it
if TYPE_CHECKING:
    from typing import BinaryIO

TMP_PREFIX = ".newsclean-"
GZIP_MAGIC = b"\x1f\x8b"
# The largest input read unless the caller says otherwise (--max-size).
DEFAULT_MAX_SIZE = 256 * 1024 * 1024


class InputError(Exception):
    """An input that cannot be read; the message says why."""


class NotRegular(InputError):
    """Not a regular file: a FIFO, socket or device, or a broken symbolic link."""


class Vanished(InputError):
    """The file was listed but had gone by the time it was read."""


# One input: a path (or "-" for stdin), where its output goes if anywhere, and
# whether it was found by walking a folder (not named on the command line). A named
# tuple, not a dataclass: building a dataclass costs the plain pipe's start-up.
Source = namedtuple("Source", "path output walked", defaults=(None, False))


class WalkErrors:
    """Folders the walk could not read, gathered so a run can count them."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []

    def __call__(self, err: OSError) -> None:
        self.errors.append((err.filename or "?", err.strerror or str(err)))


def _too_large(limit: int, size: int | None = None) -> InputError:
    seen = f"{size:,} > {limit:,} bytes" if size is not None else f"more than {limit:,} bytes"
    return InputError(f"larger than the size limit ({seen}; raise it with --max-size)")


def read_bytes(path: str, limit: int, streams: bool = False) -> bytes:
    """The bytes of a file, at most `limit` of them.

    Only regular files are read unless `streams` is set: a FIFO or a device found
    in a folder could block forever or never end. A pipe named on the command line
    (`newsclean <(curl ...)`, /dev/stdin, a FIFO) is read with `streams`, waiting
    for its writer as `cat` would, still bounded by `limit`.
    """
    flags = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0)
    if not (streams and _is_fifo(path)):
        # Opening a FIFO blocks until a writer comes; anything else opens at once.
        flags |= getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        if os.path.lexists(path):
            raise NotRegular("broken symbolic link") from None
        raise Vanished("no such file") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise NotRegular("symbolic link loop") from None
        if e.errno == errno.ENXIO:
            raise NotRegular("not a regular file (socket)") from None
        raise InputError(e.strerror or str(e)) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise NotRegular("a link to a folder (not followed)" if os.path.islink(path) else "is a directory")
        if stat.S_ISREG(st.st_mode):
            if st.st_size > limit:
                raise _too_large(limit, st.st_size)
        elif streams and (stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode)):
            os.set_blocking(fd, True)
        else:
            raise NotRegular("not a regular file (FIFO, socket or device)")
        chunks = []
        size = 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            size += len(chunk)
            if size > limit:
                raise _too_large(limit)
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as e:
        raise InputError(e.strerror or str(e)) from None
    finally:
        os.close(fd)


def _is_fifo(path: str) -> bool:
    try:
        return stat.S_ISFIFO(os.stat(path).st_mode)
    except OSError:
        return False


def read_stream(stream, limit: int) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise _too_large(limit)
    return data


class CorruptGzip(BinaryInput):
    """Bytes that start as gzip does but do not decompress: skipped in a folder,
    as other binary files are, failed when named."""


def gunzip(data: bytes, limit: int) -> bytes:
    """`data` itself, or for gzip (known by its first bytes, whatever the name) what
    it decompresses to. No more than `limit` bytes are ever decompressed: a small
    file that would unpack to gigabytes fails as soon as it passes the limit."""
    if not data.startswith(GZIP_MAGIC):
        return data
    import gzip  # only gzip inputs need it
    import zlib
    from io import BytesIO

    try:
        with gzip.GzipFile(fileobj=BytesIO(data)) as f:
            out = f.read(limit + 1)
    except (OSError, EOFError, zlib.error) as e:
        raise CorruptGzip(f"gzip file that does not decompress ({e})") from None
    if len(out) > limit:
        raise InputError(f"larger than the size limit once decompressed (more than {limit:,} bytes; "
                         "raise it with --max-size)")
    return out


def walk(root: str, skip: str | None, errors: WalkErrors) -> Iterator[str]:
    """Every non-hidden file below `root`, in sorted order. Hidden files and folders
    are skipped, and so is `skip` (an output folder inside the input). Links to
    folders are listed but not followed (that is how loops are avoided): reading
    one reports it as skipped rather than dropping it unseen."""
    skip_real = os.path.realpath(skip) if skip else None
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors):
        links = [d for d in dirnames if not d.startswith(".") and os.path.islink(os.path.join(dirpath, d))]
        dirnames[:] = sorted(
            d for d in dirnames
            if not d.startswith(".") and d not in links
            and os.path.realpath(os.path.join(dirpath, d)) != skip_real
        )
        for name in sorted(links + [f for f in filenames if not f.startswith(".")]):
            yield os.path.join(dirpath, name)


def output_name(rel: str, suffix: str) -> str:
    """a/b.html -> a/b.txt (with suffix ".txt"). A gzip input is read as what it
    holds, so its name loses ".gz" first: a/b.txt.gz -> a/b.txt."""
    from pathlib import Path  # folder runs only: stdin to stdout does without it

    p = Path(rel[:-3] if rel.lower().endswith(".gz") and len(rel) > 3 else rel)
    return str(p.with_suffix(suffix)) if p.suffix else str(p) + suffix


def write_atomic(path: str, data: bytes) -> None:
    """Write `data` to `path` atomically (see atomic_file)."""
    with atomic_file(path) as f:
        f.write(data)


@contextmanager
def atomic_file(path: str) -> Iterator[BinaryIO]:
    """A binary file that becomes `path` only when the block ends without an error:
    it is written beside `path` under a temporary name, then renamed, so a reader
    (or an interrupted run) never sees a half-written file. On any failure, a full
    disk or a signal, the temporary file is removed."""
    import tempfile  # only a run that writes a file needs it

    # A link is written through (the link stays, its target is replaced), and a
    # device or FIFO (-o /dev/null, -o /dev/stdout) is written into as it is: a
    # rename would put a regular file in its place.
    path = os.path.realpath(path)
    try:
        special = not stat.S_ISREG(os.stat(path).st_mode) and not os.path.isdir(path)
    except OSError:
        special = False
    if special:
        with open(path, "wb") as f:
            yield f
        return

    folder = os.path.dirname(path) or "."
    os.makedirs(folder, exist_ok=True)
    # Ctrl-C or SIGTERM between creating the temporary file and entering the block
    # that removes it would leave it behind: the signals wait until it is guarded.
    # They are let go only inside the guarded block, where a signal they bring
    # takes the cleanup path.
    previous = _hold_signals()
    try:
        fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, suffix=".tmp", dir=folder)
    except BaseException:
        _let_go(previous)
        raise
    try:
        _let_go(previous)
        # mkstemp makes the file private (0600); an output gets the usual mode.
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as f:
            yield f
        os.replace(tmp, path)
    except BaseException:
        with _signals_held():
            try:
                os.unlink(tmp)
            except OSError:
                pass
        raise


def _hold_signals():
    """Hold SIGINT and SIGTERM back (they are not lost); returns what to restore."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})


def _let_go(previous) -> None:
    """Deliver the signals held back by _hold_signals."""
    if previous is not None:
        import signal

        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextmanager
def _signals_held() -> Iterator[None]:
    previous = _hold_signals()
    try:
        yield
    finally:
        _let_go(previous)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)
