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

**Kept compressed (h24z).** A province publishes its open data gzip-compressed (h24i), and
every build compressed the whole file again. Its status part is now joined from pieces
compressed apart (:mod:`duban.outputs.gzip_pieces`), one a status file, kept compressed
(:func:`status_deflated`): a changed file's piece is made again, the others are copied. Each
piece is compressed with the previous file's JSON as its dictionary (as one stream would look
back at it; compressed with no dictionary, the pieces made the 500-unit file 43% larger, with
it 2%), so a piece is kept by its file and the file before it: ten changed files make some
twenty pieces. A kept piece is checked as a text piece is (a cut, half-written or misplaced
entry is made again) and must end as the writer's pieces end (a full flush); what it
decompresses to is not checked: a forged piece could change or break the file, as a forged
text piece or page could; the folder is trusted as the page cache is.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable, Mapping

from duban.load.cache import parts_digest
from duban.model.model import Model
from duban.model.status import StatusEntry
from duban.outputs.gzip_pieces import LEVEL, Deflated, deflated, well_formed
from duban.outputs.open_data import compact_json, jsonable
from duban.site import page_keys
from duban.site.kept_text import keep_text, kept_text

PIECE = "status"
CHECK = "digest"
DEFLATED = "status deflated"  # h24z: a file's piece compressed (:func:`status_deflated`)
DEFLATED_FORMAT = "open data: status deflated 1"


def is_piece(kept: Mapping[str, str]) -> bool:
    """Whether a memo entry is one of this module's pieces (not a page job's)."""
    return set(kept) in ({PIECE, CHECK}, {DEFLATED, CHECK})


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


def _made_of(
    runs: list[tuple[str, list[StatusEntry]]], memo: page_keys.Memo | None
) -> list[tuple[str, ...] | None]:
    """What each run's JSON is made from (its file, the digest of the bytes loaded, its number
    of entries), or None for a run not kept by file: without a memo, a file without a digest,
    or a file whose entries are not in one run (never, as the model is built)."""
    seen: dict[str, int] = {}
    for file, _ in runs:
        seen[file] = seen.get(file, 0) + 1
    made_of: list[tuple[str, ...] | None] = []
    for file, entries in runs:
        digest = memo.file_digests.get(file) if memo is not None and file else None
        kept = digest is not None and seen[file] == 1
        made_of.append((file, digest, str(len(entries))) if kept and digest is not None else None)
    return made_of


def status_json(model: Model, memo: page_keys.Memo) -> str:
    """Every status entry's JSON in the model's order, comma-joined: each status file's piece
    from ``memo`` when its key is kept, else made (and kept)."""
    runs = _runs(model.status.values())
    texts = []
    for (_, entries), made_of in zip(runs, _made_of(runs, memo), strict=True):
        key = parts_digest(memo.files_key, "open data: status", *made_of) if made_of else None
        text = kept_text(memo, key, PIECE, CHECK) if key is not None else None
        if text is None:
            text = made_piece(entries)
            if key is not None:
                keep_text(memo, key, PIECE, CHECK, text)
        if text:
            texts.append(text)
    return ",".join(texts)


def status_deflated(model: Model, memo: page_keys.Memo | None) -> list[Deflated]:
    """Every status entry's JSON in the model's order, comma-joined, as compressed pieces of the
    open data's gzip file (h24z, the module's docstring): the first file's JSON alone, every
    other's after a comma, compressed with the JSON of the file before it as the dictionary;
    each from ``memo`` when its key is kept, else made (and kept)."""
    runs = _runs(model.status.values())
    made_of = _made_of(runs, memo)
    texts: dict[int, bytes] = {}

    def text(i: int) -> bytes:
        if i not in texts:
            texts[i] = made_piece(runs[i][1]).encode()
        return texts[i]

    pieces = []
    for i, own in enumerate(made_of):
        before = made_of[i - 1] if i else ("first",)  # a piece is its file's and the one before's
        key = None
        if memo is not None and own is not None and before is not None:
            key = parts_digest(memo.files_key, DEFLATED_FORMAT, str(LEVEL), *own, *before)
        piece = _kept_deflated(memo, key) if memo is not None and key is not None else None
        if piece is None:
            piece = deflated(b"," + text(i), text(i - 1)) if i else deflated(text(i))
            if memo is not None and key is not None:
                keep_text(memo, key, DEFLATED, CHECK, piece_text(piece))
        pieces.append(piece)
    return pieces


def _kept_deflated(memo: page_keys.Memo, key: str) -> Deflated | None:
    """A piece as kept, or None when not kept, not what its digest says or not a piece the
    writer makes."""
    kept = kept_text(memo, key, DEFLATED, CHECK)
    return read_piece(kept) if kept is not None else None


def piece_text(piece: Deflated) -> str:
    """A piece as kept: ``crc size data``, the data in Base64."""
    return f"{piece.crc} {piece.size} {base64.b64encode(piece.data).decode()}"


def read_piece(kept: str) -> Deflated | None:
    """The piece :func:`piece_text` wrote, or None when it is not one the writer makes."""
    parts = kept.split(" ")
    if len(parts) != 3 or not (parts[0].isdigit() and parts[1].isdigit()):
        return None
    try:
        data = base64.b64decode(parts[2], validate=True)
    except (ValueError, binascii.Error):
        return None
    crc, size = int(parts[0]), int(parts[1])
    return Deflated(data, crc, size) if crc < 1 << 32 and well_formed(data) else None
