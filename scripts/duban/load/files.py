"""Writing a file so that no reader ever sees it half-written.

The one rule for every file duban writes in place (a status file edited by ``duban record`` or
``duban import``, an output named with ``-o``, the validation cache): write a temporary file in
the same folder, give it its final mode, then rename it over the target (atomic on POSIX). On
any error, the temporary file is removed and the target is as it was.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(target: Path, content: bytes, prefix: str = ".duban-") -> None:
    """Replace ``target`` with ``content`` in one step. An existing file keeps its mode; a new
    one gets the mode any new file gets (0644 under umask 022), not the temporary file's 0600."""
    mode = _mode_for(target)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=prefix, suffix=".tmp")
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
