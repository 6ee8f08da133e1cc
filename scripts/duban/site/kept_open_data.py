"""The open data's largest part kept by status file (h24l): the JSON of every status entry.

The open data (:func:`.downloads.open_data`) holds every status entry with every update a holder
wrote: most of its bytes, and most of the time it takes (each entry made JSON-able field by
field). A status file's entries are a function of that file's bytes and of the data that is not
status (the plan, tasks, org: ``load/resolve/status.py`` builds them one file at a time, no rule
spans two files) and of duban's code, so their JSON text is kept in the memo
(:class:`.page_keys.Memo`) by the digest of exactly that: the memo's ``files_key`` (duban's code
and every data file but the status files) and the file's own digest (of the bytes the loader
read, h24l). Ten changed status files make ten pieces again; the file is the pieces joined,
the same bytes as one made whole (:func:`duban.outputs.open_data.export_json`).

A piece is checked when read (its text's digest is kept beside it): one that is half-written,
cut short or of another key is made again.
"""

from __future__ import annotations

from collections.abc import Iterable

from duban.load.cache import parts_digest
from duban.model.model import Model
from duban.model.status import StatusEntry
from duban.outputs.open_data import compact_json, jsonable
from duban.site import page_keys
from duban.site.kept_text import keep_text, kept_text

PIECE = "status"
CHECK = "digest"


def _runs(entries: Iterable[StatusEntry]) -> list[tuple[str, list[StatusEntry]]]:
    """The entries in the model's order, in runs of one source file each."""
    runs: list[tuple[str, list[StatusEntry]]] = []
    for entry in entries:
        file = entry.source.file
        if runs and runs[-1][0] == file:
            runs[-1][1].append(entry)
        else:
            runs.append((file, [entry]))
    return runs


def made_piece(entries: Iterable[StatusEntry]) -> str:
    """The entries' JSON, comma-joined, as ``export_json`` writes them in its ``status`` list."""
    return ",".join(compact_json(jsonable(entry)) for entry in entries)


def status_json(model: Model, memo: page_keys.Memo) -> str:
    """Every status entry's JSON in the model's order, comma-joined: each status file's piece
    from ``memo`` when its key is kept, else made (and kept)."""
    runs = _runs(model.status.values())
    seen: dict[str, int] = {}
    for file, _ in runs:
        seen[file] = seen.get(file, 0) + 1
    texts = []
    for file, entries in runs:
        digest = memo.file_digests.get(file) if file else None
        # a file whose entries are not in one run (never, as the model is built) is made whole
        key = None
        if digest is not None and seen[file] == 1:
            key = parts_digest(memo.files_key, "open data: status", file, digest, str(len(entries)))
        text = kept_text(memo, key, PIECE, CHECK) if key is not None else None
        if text is None:
            text = made_piece(entries)
            if key is not None:
                keep_text(memo, key, PIECE, CHECK, text)
        if text:
            texts.append(text)
    return ",".join(texts)
