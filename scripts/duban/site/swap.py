"""Putting a built site in place of the previous one, and clearing what killed builds left.

**The swap has no moment without ``site/``.** The new site is built in ``.site.building-<pid>-*``
beside ``site/``. Where the system can exchange two folders in one step (Linux ``renameat2``
with ``RENAME_EXCHANGE``, macOS ``renamex_np`` with ``RENAME_SWAP``), the built folder and
``site/`` trade places atomically: a web server serving ``site/`` sees the whole old site, then
the whole new one, never none, and a process killed at any point leaves ``site/`` whole (the
other one, old or new, stays at the building name and is cleared by the next build). Elsewhere
(or on a file system that cannot exchange) the old site is renamed aside to ``.site.old-<pid>``
and the new one into place: two renames, a moment without ``site/``, and if the process is
killed between them, the next build renames the old site back before anything else.

A symbolic link switched with ``os.replace`` would also be atomic, but ``site/`` would then be a
link: git's ``/site/`` pattern does not ignore a link, a container that mounts ``site/`` keeps
the folder it first resolved (and then serves a deleted site), and ``gh-deploy`` and the
existing servers expect a folder. So ``site/`` stays a plain folder.

**Leftovers of killed builds** (``SIGKILL``, a power cut): ``.site.building-*`` and
``.site.old-*`` beside ``site/``, and ``duban-downloads-*`` in the system's temporary folder,
are removed when the next build starts, once the process named in them is gone (a name without
a process id, from an older version: once older than an hour). Only folders of the user who
builds, never links, are removed.

**A site that cannot be removed** (a read-only ``site/``): the old site's folders are made
writable by their owner and removed; what still cannot be removed is named in one warning, never
silently left.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import re
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from duban.i18n.messages import say
from duban.load.files import STALE_AFTER, process_gone

DOWNLOADS_PREFIX = "duban-downloads-"
_PID = re.compile(r"-([0-9]+)(?:-|\Z)")


def building_folder(site_dir: Path) -> Path:
    """A new, empty folder beside ``site_dir`` for a build (``.site.building-<pid>-*``)."""
    prefix = f".{site_dir.name}.building-{os.getpid()}-"
    return Path(tempfile.mkdtemp(prefix=prefix, dir=site_dir.parent))


def downloads_folder() -> Path:
    """A new folder in the system's temporary folder for one build's downloads."""
    return Path(tempfile.mkdtemp(prefix=f"{DOWNLOADS_PREFIX}{os.getpid()}-"))


def swap_in(built: Path, site_dir: Path) -> str | None:
    """Put ``built`` in place of ``site_dir`` and remove the previous site; a warning when the
    previous site could not be removed in full (it is then named), else None."""
    if not os.path.lexists(site_dir):
        os.rename(built, site_dir)
        return None
    if _exchange(built, site_dir):
        previous = built  # the old site now has the building folder's name
    else:
        previous = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
        os.rename(site_dir, previous)
        os.rename(built, site_dir)
    return remove_tree(previous)


def remove_tree(folder: Path) -> str | None:
    """Remove ``folder`` and everything in it, read-only folders too; None when it is gone,
    else one line that names what is left and why."""
    try:
        shutil.rmtree(folder)
        return None
    except FileNotFoundError:
        return None
    except OSError:
        pass
    try:
        _make_removable(folder)
        shutil.rmtree(folder)
        return None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return say(
            f"the previous site could not be removed: {folder} ({reason}); remove it by hand",
            f"无法删除以前生成的网站：{folder}（{reason}），请手工删除",
        )


def clean_leftovers(site_dir: Path) -> list[str]:
    """Clear what killed builds left beside ``site_dir``; a ``site/`` that a build killed
    between its two renames left missing is restored first. Returns one line per folder that
    could not be removed."""
    parent, name = site_dir.parent, site_dir.name
    try:
        entries = sorted(parent.iterdir())
    except OSError:
        return []
    left = []
    old = [e for e in entries if e.name.startswith(f".{name}.old-") and _stale(e)]
    building = [e for e in entries if e.name.startswith(f".{name}.building-") and _stale(e)]
    if old and not os.path.lexists(site_dir):
        os.rename(old.pop(), site_dir)  # the previous site, back in place
    for folder in [*old, *building]:
        problem = remove_tree(folder)
        if problem:
            left.append(problem)
    return left


def clean_downloads() -> None:
    """Remove the download folders of killed builds from the system's temporary folder."""
    try:
        entries = list(Path(tempfile.gettempdir()).iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(DOWNLOADS_PREFIX) and _stale(entry):
            remove_tree(entry)


def _stale(path: Path) -> bool:
    """A folder of this user, not a link, whose process is gone (or, with no process id in its
    name, older than ``STALE_AFTER``)."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    match = _PID.search(path.name.split(".building", 1)[-1].split(".old", 1)[-1])
    if match is not None:
        return process_gone(int(match.group(1)))
    return time.time() - info.st_mtime > STALE_AFTER


def _make_removable(folder: Path) -> None:
    """Give the owner write and search permission on every folder below ``folder`` (not on
    what links point at), so that their entries can be removed."""
    if os.path.islink(folder):
        return
    os.chmod(folder, stat.S_IRWXU)
    for root, names, _files in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            if not os.path.islink(path):
                os.chmod(path, stat.S_IRWXU)


_EXCHANGE_UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV}


def _exchange(first: Path, second: Path) -> bool:
    """Exchange two folders' names in one step; False where the system cannot (nothing moved)."""
    call = _exchange_call()
    if call is None:
        return False
    if call(os.fsencode(first), os.fsencode(second)) == 0:
        return True
    code = ctypes.get_errno()
    if code in _EXCHANGE_UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), os.fspath(second))


def _exchange_call() -> Callable[[bytes, bytes], int] | None:
    """``(a, b) -> int`` exchanging paths a and b, or None on a system without one."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    except OSError:
        return None
    if sys.platform.startswith("linux") and hasattr(libc, "renameat2"):
        renameat2 = libc.renameat2
        renameat2.argtypes = [
            ctypes.c_int,
            ctypes.c_char_p,
            ctypes.c_int,
            ctypes.c_char_p,
            ctypes.c_uint,
        ]
        at_fdcwd, rename_exchange = -100, 2
        return lambda a, b: int(renameat2(at_fdcwd, a, at_fdcwd, b, rename_exchange))
    if sys.platform == "darwin" and hasattr(libc, "renamex_np"):
        renamex_np = libc.renamex_np
        renamex_np.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_uint]
        rename_swap = 2
        return lambda a, b: int(renamex_np(a, b, rename_swap))
    return None
