"""A province's open data around its status entries kept compressed by chunk (h24ac), as the
entries are kept by status file (:mod:`.kept_open_data`, h24z).

The file's JSON is: the *head* (format, plans, units, groups, tasks), every obligation with its
bucket and counts, the status entries, the linked rows, and every occurrence's state as of the
build. Before h24ac a build made the JSON of every obligation (and its roll-up) and read back
every occurrence's state (kept by holder, h24q, and checked), then compressed the part before
the entries and the part after them whole. Now:

* the head is one piece, a function of the keys' base alone (duban's code, every data file but
  the status files, the settings with ``as_of``): kept by it;
* the obligations are cut into chunks of :data:`OBLIGATIONS_A_CHUNK` in the file's order, and
  the occurrences' states into the same chunks (the evaluation lists an obligation's
  occurrences together, in the obligations' order): a chunk's obligations' JSON is a function
  of the base and of its occurrences' states, its states' JSON of those alone, so both pieces
  are kept by a digest of what the JSON shows of each occurrence (:func:`_shown`: not the
  status entry's text or line, which a report in the same file moves). Each piece is
  compressed with the previous chunk's JSON as its dictionary (as one stream would look back
  at it), so it is kept by its chunk's digest and the previous chunk's: ten monthly reports
  make some twenty chunks of each again;
* the joints between the parts (``],"status":[``, the linked rows and the evaluation's date,
  the file's end) are made and compressed every build (a few hundred bytes).

Every piece is made the same way with or without a memo (a full build makes all of them), so
the incremental and full builds are the same bytes; a build without a memo keeps none. The
pieces are kept in one memo entry by the base (one file read, not one a chunk), each with its
key: a piece under another key, not Base64 or not ended as the writer ends its pieces is made
again. What a piece decompresses to is not checked, as for :mod:`.kept_open_data`'s pieces:
the folder is trusted as the page cache is.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Callable, Sequence
from functools import cache
from itertools import islice, pairwise
from operator import attrgetter, le
from typing import Any, cast

from duban.evaluation.evaluate import Evaluation, ItemState
from duban.load.cache import parts_digest
from duban.model.model import Model
from duban.outputs.gzip_pieces import LEVEL, Deflated, deflated, gzip_joined
from duban.outputs.open_data import (
    compact_json,
    obligation_data,
    occurrences_by_obligation,
    rollup_of,
)
from duban.site import page_keys
from duban.site.context import Settings
from duban.site.downloads import occurrence_state, open_data
from duban.site.fact_bytes import fact_bytes
from duban.site.kept_open_data import piece_text, read_piece

FORMAT = "open data: chunks 1"
OBLIGATIONS_A_CHUNK = 16  # 457 chunks at 500 units; 32 would make twice as many again
_HEAD_LISTS = ("plans", "units", "groups", "tasks")
# where the parts go: JSON text holds no control character (json.dumps writes \u0001)
_OBLIGATIONS, _STATUS, _STATES = "\x01", "\x02", "\x03"


def open_data_gz(
    model: Model,
    evaluation: Evaluation,
    status: Sequence[Deflated],
    settings: Settings | None = None,
    keys: page_keys.Keys | None = None,
    memo: page_keys.Memo | None = None,
) -> bytes:
    """:func:`.downloads.open_data` gzip-compressed, the same bytes from build to build (no time
    or name in the header). A province publishes this (h24i): its open data holds every report
    of every unit and compresses about twentyfold. ``status`` (h24z): the status entries as
    compressed pieces (:func:`.kept_open_data.status_deflated`); the head, the obligations and
    the states as compressed pieces too, kept in ``memo`` by ``keys`` (a CI build's) when given
    (the module's docstring)."""
    joints = _joints(model, evaluation, settings)
    between, after_status, end = (deflated(text.encode()) for text in joints)
    chunks = _chunks(model, evaluation)
    kept = _Kept(memo, keys)
    pieces = [kept.piece("head", (), lambda: (_head(model, evaluation, settings), b""))]
    if chunks is None:  # occurrences not in the obligations' order: one piece of each
        obligations = _texts(lambda _: _obligations_json(model, evaluation, None, 0))
        states = _texts(lambda _: _states_json(evaluation.items, None, 0))
        chunks = [0, len(evaluation.items)]
        shown: list[tuple[str, ...] | None] = [None]  # what they show is not keyed
    else:
        obligations = _texts(lambda j: _obligations_json(model, evaluation, chunks, j))
        states = _texts(lambda j: _states_json(evaluation.items, chunks, j))
        shown = kept.shown(evaluation.items, chunks)
    for j in range(len(chunks) - 1):
        pieces.append(kept.piece(f"o{j}", shown[j], partial_text(obligations, j, j > 0)))
    pieces += [between, *status, after_status]
    for j in range(len(chunks) - 1):
        comma = chunks[j] > 0  # any state before this chunk's
        name = f"s{j}{',' if comma else ''}"
        pieces.append(kept.piece(name, shown[j], partial_text(states, j, comma)))
    pieces.append(end)
    kept.done()
    return gzip_joined(pieces)


def partial_text(
    texts: Callable[[int], bytes], j: int, comma: bool
) -> Callable[[], tuple[bytes, bytes]]:
    """Chunk ``j``'s text (after a comma when something is before it) and the previous chunk's
    (its dictionary: the bytes just before it, or none for the first)."""

    def made() -> tuple[bytes, bytes]:
        own = texts(j)
        text = b"," + own if comma and own else own
        return text, texts(j - 1) if j else b""

    return made


def _texts(make: Callable[[int], str]) -> Callable[[int], bytes]:
    """Each chunk's JSON as bytes, made once when asked for (a chunk's text is its own piece's
    and the next one's dictionary)."""
    return cache(lambda j: make(j).encode())


def _joints(
    model: Model, evaluation: Evaluation, settings: Settings | None
) -> tuple[str, str, str]:
    """The text between the obligations and the status entries, between the entries and the
    states, and after the states (made with the head's lists left empty)."""
    placed = dict.fromkeys(_HEAD_LISTS, "") | {"obligations": _OBLIGATIONS, "status": _STATUS}
    text = open_data(model, evaluation, settings, states_json=_STATES, placed=placed)
    between, _, rest = text.partition(_OBLIGATIONS)[2].partition(_STATUS)
    after_status, _, end = rest.partition(_STATES)
    return between, after_status, end


def _head(model: Model, evaluation: Evaluation, settings: Settings | None) -> bytes:
    """The text before the first obligation: the head's lists made."""
    placed = {"obligations": _OBLIGATIONS, "status": ""}
    text = open_data(model, evaluation, settings, states_json="", placed=placed)
    return text.partition(_OBLIGATIONS)[0].encode()


def _chunks(model: Model, evaluation: Evaluation) -> list[int] | None:
    """Where each chunk's occurrences begin in the evaluation's (and, last, their number), or
    None when an occurrence is of no obligation or they are not in the obligations' order."""
    index = {(o.task_id, o.holder_id): n for n, o in enumerate(model.obligations)}
    items = evaluation.items
    pairs = zip(map(attrgetter("task_id"), items), map(attrgetter("holder_id"), items), strict=True)
    found = list(map(index.get, pairs))
    if None in found:
        return None
    owners = cast(list[int], found)
    if not all(map(le, owners, islice(owners, 1, None))):
        return None
    size = OBLIGATIONS_A_CHUNK
    count = -(-len(model.obligations) // size)
    return [bisect_left(owners, j * size) for j in range(count)] + [len(items)]


def _obligations_json(
    model: Model, evaluation: Evaluation, chunks: list[int] | None, j: int
) -> str:
    """Chunk ``j``'s obligations, each with its roll-up, comma-joined (no chunks: all)."""
    size = OBLIGATIONS_A_CHUNK if chunks is not None else len(model.obligations)
    items = evaluation.items[chunks[j] : chunks[j + 1]] if chunks is not None else evaluation.items
    by_obligation = occurrences_by_obligation(items)
    return ",".join(
        compact_json(obligation_data(o, rollup_of(by_obligation.get((o.task_id, o.holder_id), []))))
        for o in model.obligations[j * size : (j + 1) * size]
    )


def _states_json(items: Sequence[ItemState], chunks: list[int] | None, j: int) -> str:
    """Chunk ``j``'s occurrences' states, comma-joined (no chunks: all)."""
    chunk = items[chunks[j] : chunks[j + 1]] if chunks is not None else items
    return ",".join(compact_json(occurrence_state(item)) for item in chunk)


_FIELDS = attrgetter(
    "task_id", "holder_id", "due_id", "key", "due", "days_late", "days_left", "holder_ids", "count"
)
_STATE = attrgetter("state._value_")


def _shown(items: Sequence[ItemState]) -> list[Any]:
    """What the open data shows of each occurrence (its state's JSON, its obligation's roll-up):
    every field but the status entry (only whether there is one) and the reason."""
    entries = [item.entry is None for item in items]
    return list(zip(map(_FIELDS, items), map(_STATE, items), entries, strict=True))


class _Kept:
    """The pieces kept in the memo by the keys' base, and this build's to keep."""

    def __init__(self, memo: page_keys.Memo | None, keys: page_keys.Keys | None) -> None:
        self.memo, self.keys = memo, keys
        self.entry = parts_digest(keys.base, FORMAT, str(LEVEL)) if keys is not None else ""
        found = memo.get(self.entry, counted=False) if memo is not None and keys else None
        self.found: dict[str, str] = found or {}
        self.now: dict[str, str] = {}

    def shown(self, items: Sequence[ItemState], chunks: list[int]) -> list[tuple[str, ...] | None]:
        """Each chunk's key parts: its occurrences' digest and the previous chunk's (no memo:
        none, nothing is kept)."""
        if self.memo is None:
            return [None] * (len(chunks) - 1)
        shown = _shown(items)
        digests = [
            hashlib.blake2b(fact_bytes(shown[a:b]), digest_size=16).hexdigest()
            for a, b in pairwise(chunks)
        ]
        return [(own, digests[j - 1] if j else "first") for j, own in enumerate(digests)]

    def piece(
        self, name: str, parts: tuple[str, ...] | None, make: Callable[[], tuple[bytes, bytes]]
    ) -> Deflated:
        """The piece ``name`` kept for ``parts`` (None: not kept), else made (``make``: its
        text and the bytes before it) and kept."""
        if self.memo is None or parts is None:
            return deflated(*make())
        key = parts_digest(self.entry, name, *parts)
        piece = _read(self.found.get(name, ""), key)
        if piece is None:
            piece = deflated(*make())
        self.now[name] = f"{key} {piece_text(piece)}"
        return piece

    def done(self) -> None:
        if self.memo is not None:
            self.memo.put(self.entry, self.now, counted=False)


def _read(kept: str, key: str) -> Deflated | None:
    """A piece as kept (``key``, then as :func:`.kept_open_data.piece_text` writes it), or None
    when not kept for ``key`` or not a piece the writer makes."""
    found, _, piece = kept.partition(" ")
    return read_piece(piece) if found == key else None
