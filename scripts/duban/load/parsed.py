"""Status files parsed before, kept by their bytes (h24k): a site build with a page cache
neither parses nor checks again the status files that did not change.

``duban validate --cache`` skips a clean, unchanged status file altogether (:mod:`.cache`): it
needs no model of it. A site does: every unit's entries are on some page. So a site build with
a page cache (the plugin's ``page_cache`` folder, or memory while serving) keeps, beside the
validation cache, each status file's document as it was parsed and checked (its data, the
positions recorded, its compressed text), by the digest of its bytes and of duban's code. A file
the validation cache vouches for (the same bytes, clean, in the same context: every other data
file, the schemas, the code) is then taken from here: not parsed, not checked against its
schema, not searched for personal data, and the model is built from the very data a parse
would give. Any other file is loaded as without a cache (and kept here for the next build).

The documents are kept as pickles of built-in values only (dicts, lists, tuples, strings,
numbers, bytes) and read back by an unpickler that refuses every class or function
(:class:`_Values`), so a forged file in the folder can at worst give wrong data, as a forged
validation cache could; the folder is trusted as that cache is (outside the repository,
:func:`.cache.refusal`). A file that cannot be read is as none: the status file is parsed.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

from duban.load import shared_strings
from duban.load.cache import ValidationCache, code_digest, file_digest
from duban.load.keyed_files import keep_file, keyed_path, let_go
from duban.load.strict_yaml import Document

SUFFIX = ".duban-yaml.pickle"
FORMAT = 2  # h24t: the shared strings apart (shared_strings.py)


class _Values(pickle.Unpickler):
    """Built-in values only: no class, no function, nothing that runs code."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name} is not a value")


class _InMemory(ValidationCache):
    """A validation cache that lives as long as the server (``mkdocs serve`` without a
    folder): saved into itself."""

    def save(self, clean: dict[str, tuple[str, int]]) -> None:
        self.known = dict(clean)


class ParsedFiles:
    """Parsed status files by their digest, in ``folder`` (``load/`` under it) or memory."""

    def __init__(self, folder: Path | None) -> None:
        self.root = folder  # the page cache's folder: not part of the data's context
        self.folder = folder / "load" if folder is not None else None
        self.memory: dict[str, bytes] = {}
        self.used: set[str] = set()
        self.code = ""
        self.remembered: ValidationCache | None = None  # memory only
        self.reused = 0
        self.parsed = 0

    def validation(self, context: str) -> ValidationCache:
        """The validation cache of this context (its file in the folder, else in memory)."""
        self.code, self.used, self.reused, self.parsed = code_digest(), set(), 0, 0
        if self.folder is not None:
            return ValidationCache.open(self.folder, context)
        if self.remembered is None or self.remembered.context != context:
            self.remembered = _InMemory(Path(), context)
        return self.remembered

    def _key(self, digest: str) -> str:
        return file_digest(f"{FORMAT}\0{self.code}\0{digest}".encode())

    def document(self, digest: str, path: Path, display: str, file: str) -> Document | None:
        """The document of the status file whose bytes have ``digest``, as loaded before."""
        key = self._key(digest)
        raw = self.memory.get(key)
        if raw is None and self.folder is not None:
            try:
                raw = self._path(key).read_bytes()
            except OSError:
                return None
        if raw is None:
            return None
        try:
            stored = shared_strings.loads(raw, _Values)  # h24t: interned as read
            found, data, positions, key_positions, packed, depth = stored
        except Exception:  # anything unreadable, of whatever kind: parse the file
            return None
        if not (
            found == key
            and isinstance(positions, dict)
            and isinstance(key_positions, dict)
            and isinstance(packed, (bytes, type(None)))
            and isinstance(depth, (int, type(None)))
        ):
            return None
        self.used.add(key)
        self.reused += 1
        if self.folder is None:
            self.memory[key] = raw
        return Document(
            path,
            display,
            data,
            file=file,
            positions=positions,
            key_positions=key_positions,
            packed=packed,
            recorded_depth=depth,
        )

    def put(self, digest: str, document: Document) -> None:
        """Keep a document just loaded and checked (before the model reads it)."""
        key = self._key(digest)
        self.used.add(key)
        self.parsed += 1
        strings: dict[str, None] = {}
        stored = (
            key,
            shared_strings.interned(document.data, strings),
            document.positions,
            document.key_positions,
            document.packed,
            document.recorded_depth,
        )
        try:
            raw = shared_strings.dumps(stored, strings)
        except (pickle.PicklingError, TypeError, RecursionError):
            return  # a value pickle cannot keep: the file is parsed next time
        if self.folder is None:
            self.memory[key] = raw
            return
        keep_file(self._path(key), raw)

    def finish(self) -> None:
        """After a load that gave a model: keep only the files it read."""
        self.memory = {k: v for k, v in self.memory.items() if k in self.used}
        let_go(self.folder, self.used, SUFFIX)

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return keyed_path(self.folder, key, SUFFIX)
