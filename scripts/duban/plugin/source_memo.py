"""The rendered sources of generated pages, kept by what they read (h24g; the keys are
:mod:`duban.site.page_keys`): a page whose inputs did not change is not rendered again.

Kept beside the page cache: in memory while serving, and with ``page_cache: FOLDER`` in files of
their own there (``src/<2 hex>/<key>.duban-src.json``), written atomically, checked when read
(a file that is not a good entry for its key is as none: the page is rendered). After a good
build, what that build did not use is let go.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from duban.load.cache import code_digest, file_digest
from duban.load.keyed_files import KEY, keep_file, keyed_path, let_go
from duban.load.layout import FOLDERS
from duban.site.serve_index import KeptIndexes

SUFFIX = ".duban-src.json"
FORMAT = 1


def data_keys(digests: Mapping[str, str]) -> tuple[str, str]:
    """(duban's code and every data file but the status files; the same and the status files)
    from the data folder's files (relative path -> digest)."""
    status = FOLDERS["status"] + "/"
    others = sorted((n, d) for n, d in digests.items() if not n.startswith(status))
    statuses = sorted((n, d) for n, d in digests.items() if n.startswith(status))
    files_key = file_digest(json.dumps([FORMAT, code_digest(), others]).encode())
    return files_key, file_digest(json.dumps([files_key, statuses]).encode())


class SourceMemo:
    """Rendered page sources by key (:class:`duban.site.page_keys.Memo`)."""

    def __init__(self, folder: Path | None, keep: bool) -> None:
        self.folder = folder / "src" if folder is not None else None
        self.keep = keep or folder is None  # in memory too (serve)
        self.memory: dict[str, dict[str, str]] = {}
        self.used: set[str] = set()
        self.files_key = ""
        self.all_key = ""
        self.file_digests: Mapping[str, str] = {}
        self.hits = 0
        self.made = 0
        self.occurrences: dict[int, tuple[Any, object, str]] = {}  # h24m: page_keys.Memo
        self.calendar_keys: dict[str, tuple[Any, ...]] = {}  # h24p: page_keys.Memo
        self.holder_facts: dict[str, tuple[Any, ...]] = {}  # h24p: page_keys.Memo
        self.indexes = KeptIndexes()  # h24s: page_keys.Memo
        self.status_facts: dict[str, tuple[Any, ...]] = {}  # h24y: page_keys.Memo

    def start(self, digests: Mapping[str, str]) -> None:
        self.files_key, self.all_key = data_keys(digests)
        self.file_digests = dict(digests)
        self.used, self.hits, self.made = set(), 0, 0

    def has(self, key: str) -> bool:
        if key in self.memory:
            return True
        return (
            self.folder is not None and KEY.fullmatch(key) is not None and self._path(key).is_file()
        )

    def get(self, key: str, counted: bool = True) -> dict[str, str] | None:
        pages = self.memory.get(key)
        if pages is None and self.folder is not None:
            pages = self._read(key)
        if pages is not None:
            if self.keep:
                self.memory[key] = pages
            self.used.add(key)
            self.hits += counted
        return pages

    @property
    def on_disk(self) -> bool:
        return self.folder is not None

    def hold(self, key: str) -> None:
        self.used.add(key)

    def put(self, key: str, pages: dict[str, str], counted: bool = True) -> None:
        self.made += counted
        self.used.add(key)
        if self.keep:
            self.memory[key] = pages
        if self.folder is not None:
            self._write(key, pages)

    def finish(self) -> None:
        """After a good build: keep only what it used."""
        self.memory = {k: v for k, v in self.memory.items() if k in self.used}
        let_go(self.folder, self.used, SUFFIX)

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return keyed_path(self.folder, key, SUFFIX)

    def _read(self, key: str) -> dict[str, str] | None:
        try:
            stored = json.loads(self._path(key).read_text("utf-8"))
        except (OSError, ValueError):
            return None
        pages = stored.get("pages") if isinstance(stored, dict) else None
        if not (
            stored.get("format") == FORMAT
            and stored.get("key") == key
            and isinstance(pages, dict)
            and all(isinstance(u, str) and isinstance(p, str) for u, p in pages.items())
        ):
            return None
        return pages

    def _write(self, key: str, pages: dict[str, str]) -> None:
        path = self._path(key)
        text = json.dumps({"format": FORMAT, "key": key, "pages": pages}, ensure_ascii=False)
        try:
            content = text.encode("utf-8")
        except UnicodeEncodeError:
            return  # the memo only saves time (text no file can hold: lone surrogates)
        keep_file(path, content)
