"""Writing a file so that no reader ever sees it half-written, and reading one safely.

The one rule for every file duban writes in place (a status file edited by ``duban record`` or
``duban import``, an output named with ``-o``, the validation cache): write a temporary file in
the same folder, give it its final mode, then rename it over the target (atomic on POSIX). On
any error, the temporary file is removed and the target is as it was.

A process killed between the write and the rename (``SIGKILL``, a power cut) leaves its
temporary file behind: ``.duban-<pid>-<random>.tmp`` (``TEMPORARY``). Validation never reads
nor reports one (``load/layout.py`` leaves them out of every listing), git ignores them
(``.gitignore``), and the next write into the same folder removes the stale ones: those whose
writer (the process id in the name, on this machine) is gone, and any older than
``STALE_AFTER`` seconds (one hour; a leftover of an older version has no process id).
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import time
from pathlib import Path

TEMPORARY = re.compile(r"\.duban-[^/\\]*\.tmp", re.S)
"""The name of a temporary file duban writes (fullmatch): never data."""
_WRITER = re.compile(r"-([0-9]+)-[a-z0-9_]+\.tmp\Z")
STALE_AFTER = 3600  # seconds: no write takes an hour


def is_temporary(name: str) -> bool:
    return TEMPORARY.fullmatch(name) is not None


def remove_stale_temporaries(folder: Path, now: float | None = None) -> list[str]:
    """Remove the temporary files killed writers left in ``folder``; the names removed. A file
    some live process may still be writing is left alone. Never raises for the file system."""
    now = time.time() if now is None else now
    removed = []
    try:
        with os.scandir(folder) as entries:
            found = [entry for entry in entries if is_temporary(entry.name)]
    except OSError:
        return []
    for entry in found:
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
            if age > STALE_AFTER or process_gone_for(entry.name):
                os.unlink(entry.path)
                removed.append(entry.name)
        except OSError:
            continue  # gone meanwhile, or not ours to remove
    return removed


def process_gone_for(name: str) -> bool:
    match = _WRITER.search(name)
    return match is not None and process_gone(int(match.group(1)))


def process_gone(pid: int) -> bool:
    """Whether no process ``pid`` runs on this machine (False when it cannot be told)."""
    if os.name != "posix" or pid == os.getpid():  # on Windows os.kill would end the process
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError, OSError):
        return False  # alive under another user, or not a process id we can ask about
    return False


def write_atomically(target: Path, content: bytes, prefix: str = ".duban-") -> None:
    """Replace ``target`` with ``content`` in one step. An existing file keeps its mode; a new
    one gets the mode any new file gets (0644 under umask 022), not the temporary file's 0600.
    Stale temporary files of killed writers in the same folder are removed first."""
    mode = _mode_for(target)
    remove_stale_temporaries(target.parent)
    fd, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f"{prefix}{os.getpid()}-", suffix=".tmp"
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


class NotRegularFile(OSError):
    """A path that names something other than a regular file (a named pipe, a socket, a
    device, a directory, a link): reading it could block forever or read without end."""

    def __init__(self, path: Path | str, what: str):
        super().__init__(f"is not a regular file: {what}")
        self.strerror = f"is not a regular file: {what}"
        self.filename = str(path)
        self.what = what

    def __str__(self) -> str:
        return str(self.strerror)


def _not_regular(mode: int) -> str | None:
    """What the file is, in a few words, when it is not a regular file; None when it is."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return "not a file"


_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # opening a named pipe never waits for a writer
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)


def read_regular(path: Path, limit: int | None = None, *, follow: bool = False) -> bytes:
    """The bytes of the regular file at ``path`` (at most ``limit`` of them when given).

    The one way duban reads a file of a data folder, the schemas folder or the validation
    cache. Anything but a regular file raises ``NotRegularFile`` without being read: a named
    pipe would block the reader forever, a device could be read without end. The path is looked
    at before it is opened (so a device is never opened), opened without blocking and without
    following a link (unless ``follow``), and the open file is looked at again (``fstat``), so a
    file swapped for a pipe between the look and the open is refused all the same."""
    before = os.stat(path) if follow else os.lstat(path)
    what = _not_regular(before.st_mode)
    if what is not None:
        raise NotRegularFile(path, what)
    flags = _READ_FLAGS if follow else _READ_FLAGS | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    try:
        what = _not_regular(os.fstat(fd).st_mode)
        if what is not None:
            raise NotRegularFile(path, what)
        chunks = []
        left = -1 if limit is None else limit
        while left:
            chunk = os.read(fd, 1 << 20 if left < 0 else min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            if left > 0:
                left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
