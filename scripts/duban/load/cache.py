"""Remember which status files were valid, so a pull request that changes one file of a
province's thousand re-checks that file, not all of them (``duban validate --cache DIR``).

What a status file's check depends on: its own bytes, and the *context*: every other kind of
file (org, plans, tasks, rules, the supervisors' records), the schemas and duban's own code.
No rule reads two status files together (each holds one unit's entries, and an occurrence's
key names that unit), so a status file whose bytes and context are unchanged since a run in
which it had no problem and no warning has none now. The cache keeps exactly that: for the
context's digest, each clean status file's digest and how many entries it holds (for the
summary line). Everything else (the context, changed files, files with problems or warnings)
is checked as without a cache, against a model built from the whole context, so every message
and position is the same.

The cache is written only after a run with no problem, in one atomic step; a cache that cannot
be read, or was written for another context or format, is ignored. It holds digests and counts,
never data.

Whom the cache trusts. Its entries say "this file was clean": whoever can write the cache file
can make invalid data pass. A pull request can commit any file of the repository, so a cache
folder inside the repository that holds the data (the work tree of the nearest folder above the
data folder that has a ``.git``) is refused (``refusal``): the run checks every file, as without
a cache, writes nothing there, and says so once. A digest or a key kept beside the cache would
not help, since a pull request can commit that file as well. Outside the repository, the cache
is as trustworthy as whoever writes its folder: CI keeps it in the runner's temporary folder and
restores it from GitHub's cache, which a pull request cannot write for the base branch. A data
folder with no ``.git`` above it (a copy, a tarball) is taken as not under review, and any
folder is accepted.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from duban.load.files import read_regular, write_atomically

CACHE_FILE = "duban-validate.json"
CACHE_FORMAT = 1
MAX_CACHE_BYTES = 256 * 1024 * 1024  # a digest and a count per status file
_CODE_ROOT = Path(__file__).resolve().parents[1]  # the whole duban package


def repository_of(data_dir: Path) -> Path | None:
    """The work tree that holds ``data_dir``: the nearest folder at or above it with a ``.git``
    (a folder in a clone, a file in a worktree or submodule); None outside any."""
    here = Path(data_dir).resolve()
    for folder in (here, *here.parents):
        if os.path.lexists(folder / ".git"):
            return folder
    return None


def refusal(folder: Path, data_dir: Path) -> str | None:
    """Why a cache in ``folder`` may not vouch for ``data_dir``, or None when it may: a folder
    inside the data's repository could have been committed by a pull request."""
    repository = repository_of(data_dir)
    if repository is None:
        return None
    where = Path(folder).resolve()  # a committed link to a folder inside is inside
    if where == repository or repository in where.parents:
        return (
            "it lies inside the repository, where a pull request could commit a forged one; "
            "every file was checked (keep the cache outside, e.g. in $RUNNER_TEMP)"
        )
    return None


def file_digest(content: bytes) -> str:
    return hashlib.blake2b(content, digest_size=16).hexdigest()


def parts_digest(*parts: bytes | str) -> str:
    """One digest of several parts, each ended by a NUL (the keys of what a build keeps)."""
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()


def code_digest() -> str:
    """A digest of duban's own code and packaged files: a new version never trusts old results.

    h24aa: kept for the process while every file's name, size and modification time are the
    same (a serve rebuild asked twice, reading and hashing some 330 files each time)."""
    files = _code_files()
    stamp = tuple((name, st.st_size, st.st_mtime_ns) for name, st in files)
    if _kept_code and _kept_code[0] == stamp:
        return _kept_code[1]
    digest = hashlib.blake2b(digest_size=16)
    for name, _ in files:
        digest.update(name.encode() + b"\0")
        digest.update((_CODE_ROOT / name).read_bytes() + b"\0")
    _kept_code[:] = [stamp, digest.hexdigest()]
    return _kept_code[1]


_kept_code: list = []


def _code_files() -> list[tuple[str, os.stat_result]]:
    """Every file of the package but compiled ones (relative names, in the order of their
    paths sorted, as ``sorted(Path.rglob)`` gives them), with its ``stat``."""
    found = []
    for folder, dirs, names in os.walk(_CODE_ROOT):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        base = Path(folder).relative_to(_CODE_ROOT).as_posix()
        for name in names:
            st = os.stat(os.path.join(folder, name))
            if stat.S_ISREG(st.st_mode):  # what Path.is_file says, from the one stat
                found.append((name if base == "." else f"{base}/{name}", st))
    found.sort(key=lambda f: f[0].split("/"))
    return found


def context_digest(files: list[tuple[str, bytes]]) -> str:
    """One digest of duban's code and the named contents (every file but the status files)."""
    digest = hashlib.blake2b(code_digest().encode(), digest_size=16)
    for name, content in sorted(files):
        digest.update(name.encode() + b"\0" + file_digest(content).encode() + b"\0")
    return digest.hexdigest()


@dataclass
class ValidationCache:
    """The clean status files of the last valid run in the same context."""

    folder: Path
    context: str
    known: dict[str, tuple[str, int]] = field(default_factory=dict)
    """file (relative to the data folder) -> (its digest, its number of entries)."""

    @classmethod
    def open(cls, folder: Path, context: str) -> ValidationCache:
        cache = cls(Path(folder), context)
        try:
            raw = read_regular(cache.folder / CACHE_FILE, MAX_CACHE_BYTES)
            stored = json.loads(raw.decode("utf-8"))
        except (OSError, ValueError):
            return cache  # none yet, unreadable or broken: check everything
        if (
            isinstance(stored, dict)
            and stored.get("format") == CACHE_FORMAT
            and stored.get("context") == context
        ):
            cache.known = {
                name: (entry[0], entry[1])
                for name, entry in (stored.get("files") or {}).items()
                if _well_formed(name, entry)
            }
        return cache

    def entries_if_clean(self, file: str, digest: str) -> int | None:
        """The file's number of entries if it was clean with these very bytes, else None."""
        known = self.known.get(file)
        return known[1] if known is not None and known[0] == digest else None

    def save(self, clean: dict[str, tuple[str, int]]) -> None:
        """Replace the cache with this run's clean files, atomically (never half-written)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(
            {"format": CACHE_FORMAT, "context": self.context, "files": clean},
            ensure_ascii=False,
            sort_keys=True,
        )
        write_atomically(self.folder / CACHE_FILE, text.encode("utf-8"), ".duban-validate-")


def _well_formed(name: object, entry: object) -> bool:
    return (
        isinstance(name, str)
        and isinstance(entry, list)
        and len(entry) == 2
        and isinstance(entry[0], str)
        and type(entry[1]) is int
    )
