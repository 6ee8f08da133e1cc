"""The open data's states of every occurrence kept by holder (h24q), as its status entries are
kept by status file (:mod:`.kept_open_data`).

The open data ends with every occurrence's state as of the build (``evaluation.items``: plan,
task, holder, deadline, period, date, state, days late or left), in the evaluation's order (by
task: runs of one holder are short), made whole on every build. A state is a function of its
occurrence alone, so each holder's states are kept as one memo entry keyed by the keys' base,
the holder and its occurrences' digests (those of the page keys, kept by status file since
h24o): their compact JSON, one a line (compact JSON holds no line break), in the order of the
holder's occurrences. The build puts each occurrence's text in the evaluation's order; a
holder whose key is not kept is made again. A CI build's only (a memo on disk that lives one
build), as :mod:`.kept_ledger`. A province's states (its gzip-compressed open data) are kept
compressed by chunk instead (h24ac, :mod:`.kept_open_data_chunks`).

**Trust.** An entry is read as JSON text, never as objects of a class; the digest beside it
catches a cut or half-written entry, and its lines must parse as one JSON array of objects,
each naming the occurrence it is put for (plan, task, holder, deadline and period), so a
misplaced or malformed piece cannot change the file's structure or another occurrence's
state (else the holder's states are made again). The folder is otherwise trusted as the page
cache is.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from duban.evaluation.evaluate import Evaluation, ItemState
from duban.load.cache import parts_digest
from duban.outputs.open_data import compact_json
from duban.site import page_keys
from duban.site.downloads import occurrence_state
from duban.site.kept_text import keep_text, kept_text

FORMAT = "occurrence states 1"
STATES, CHECK = "states", "states digest"


def states_json(evaluation: Evaluation, keys: page_keys.Keys, memo: page_keys.Memo) -> str:
    """Every occurrence's state, compact JSON, comma-joined in the evaluation's order: each
    holder's from ``memo`` when its key is kept, else made (and kept)."""
    by_holder: dict[str, list[ItemState]] = {}
    for item in evaluation.items:
        by_holder.setdefault(item.holder_id, []).append(item)
    text_of: dict[int, str] = {}
    for holder_id, items in by_holder.items():
        key = parts_digest(keys.base, FORMAT, holder_id, *keys.occurrences(items))
        texts = _kept(memo, key, items)
        if texts is None:
            texts = [compact_json(occurrence_state(item)) for item in items]
            lines = "\n".join(texts)
            keep_text(memo, key, STATES, CHECK, lines)
        text_of.update((id(item), text) for item, text in zip(items, texts, strict=True))
    return ",".join(text_of[id(item)] for item in evaluation.items)


def _kept(memo: page_keys.Memo, key: str, items: Sequence[ItemState]) -> list[str] | None:
    lines = kept_text(memo, key, STATES, CHECK)
    if lines is None:
        return None
    texts = lines.split("\n")
    try:
        parsed = json.loads(f"[{','.join(texts)}]")
    except ValueError:
        return None
    if len(texts) != len(items) or len(parsed) != len(items):
        return None
    for found, item in zip(parsed, items, strict=True):
        if not (
            isinstance(found, dict)
            and found.get("plan") == item.plan_id
            and found.get("task") == item.task_id
            and found.get("holder") == item.holder_id
            and found.get("due") == item.due_id
            and found.get("period") == item.key
        ):
            return None
    return texts
