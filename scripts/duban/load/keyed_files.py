"""Files kept by key in a folder of a build cache's own (parsed status files, rendered page
sources, finished pages): ``<folder>/<2 hex>/<key><suffix>``, written in one step, and after a
good build every file of a key the build did not use let go. One place for the three caches'
layout: they differ only in what a file holds and how it is checked when read."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

KEY = re.compile(r"[0-9a-f]{32}")
"""A cache key: 128 bits in hex (a key of any other shape never names a file)."""


def keyed_path(folder: Path, key: str, suffix: str) -> Path:
    if not KEY.fullmatch(key):
        raise ValueError(f"not a cache key: {key!r}")
    return folder / key[:2] / f"{key}{suffix}"


def keep_file(path: Path, content: bytes) -> bool:
    """``content`` at ``path`` in one step (a reader sees the old file or the new one, never
    half of one); False when it could not be written, which a cache lives with: it only saves
    time. Not :func:`duban.load.files.write_atomically`, which lists the folder for stale
    temporaries on every write: too slow for thousands of small files a build."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        temporary.write_bytes(content)
        os.replace(temporary, path)
    except OSError:
        return False
    return True


def let_go(folder: Path | None, used: Iterable[str], *suffixes: str) -> None:
    """After a good build: the files under ``folder`` of keys it did not use are removed."""
    if folder is None or not folder.is_dir():
        return
    kept = set(used)
    for suffix in suffixes:
        for path in folder.glob(f"*/*{suffix}"):
            if path.name[: -len(suffix)] not in kept:
                path.unlink(missing_ok=True)
