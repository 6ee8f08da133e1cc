"""The last good copy of each source's export: ``.duban/sources/<id>.json`` beside the data folder,
with ``<id>.meta.json`` (when it was fetched, its ETag and Last-Modified for the next conditional
request, the digest of the copy, and the last refresh's failure if there was one).

Both files are replaced atomically (load/files.py), the copy before its meta: a killed refresh
leaves the previous copy or the new one, never half of one, and a meta whose digest does not
match its copy is not trusted for a conditional request. docs/sources.md says whether to commit
the folder (yes: builds then read the copies the office reviewed, offline and reproducibly).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from duban.load.files import read_regular, write_atomically

CACHE_DIR = (".duban", "sources")


@dataclass(frozen=True)
class CopyMeta:
    fetched: str | None = None
    """When the copy was fetched (or read), ``YYYY-MM-DDTHH:MM:SSZ``."""
    url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None
    checked: str | None = None
    """When a refresh last tried (successful or not)."""
    error: str | None = None
    """Why the last refresh failed (kept with the older copy), in the language it ran in."""
    error_kind: str | None = None
    """``unreachable`` or ``invalid``."""


def cache_dir(data_dir: Path) -> Path:
    """``.duban/sources/`` in the folder that holds the data folder (the repository's root)."""
    return data_dir.resolve().parent.joinpath(*CACHE_DIR)


def copy_path(folder: Path, source_id: str) -> Path:
    return folder / f"{source_id}.json"


def meta_path(folder: Path, source_id: str) -> Path:
    return folder / f"{source_id}.meta.json"


def read_meta(folder: Path, source_id: str) -> CopyMeta:
    try:
        data = json.loads(read_regular(meta_path(folder, source_id), 100_000).decode("utf-8"))
    except (OSError, ValueError):
        return CopyMeta()
    if not isinstance(data, dict):
        return CopyMeta()
    fields = CopyMeta.__dataclass_fields__
    return CopyMeta(**{k: v for k, v in data.items() if k in fields and isinstance(v, str)})


def read_copy(folder: Path, source_id: str, limit: int) -> bytes | None:
    """The copy's bytes (None when there is none, or it is not a regular file within ``limit``)."""
    try:
        raw = read_regular(copy_path(folder, source_id), limit + 1)
    except OSError:
        return None
    return raw if len(raw) <= limit else None


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def write_copy(folder: Path, source_id: str, raw: bytes, meta: CopyMeta) -> None:
    """Keep ``raw`` as the source's copy, then its meta (with the copy's digest)."""
    folder.mkdir(parents=True, exist_ok=True)
    write_atomically(copy_path(folder, source_id), raw, ".duban-source-")
    write_meta(folder, source_id, replace(meta, sha256=digest(raw)))


def write_meta(folder: Path, source_id: str, meta: CopyMeta) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(asdict(meta), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    write_atomically(meta_path(folder, source_id), text.encode("utf-8"), ".duban-source-")
