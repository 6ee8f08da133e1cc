"""The occurrences' digests kept by the status files they were evaluated from (h24o): a CI
build with a page cache pickles only the occurrences of the holders whose inputs changed.

Every page key holds its occurrences' digests (:mod:`.page_keys`), and making them pickled every
occurrence of the plan on every build (5 to 9% of an incremental build). ``mkdocs serve`` keeps
them by the occurrence object (h24m); a CI build is a fresh process, so here they are kept in
the memo's folder, by what the occurrences are evaluated from.

**What an occurrence is made from.** An obligation's occurrences read the model's plans, tasks,
org, rules and records, ``as_of`` and ``due_soon_days`` (all in the keys' *base*), and of the
status entries only those of the obligation's own holders (the entry of each occurrence, every
holder's for a shared duty, every holder's report of the step an ``after`` deadline counts
from: :mod:`duban.evaluation.update`, which ``mkdocs serve`` relies on the same way). So the
occurrences of a holder ``H`` are a function of the base and of the status files holding the
entries of every holder that shares an obligation with ``H`` (``H`` among them). A holder's
*input key* is the digest of the base, the holder and, for each of those holders, the files
holding its entries (their path in the data folder and the digest of their bytes as loaded; not
the path messages use, which no key digests: :mod:`.fact_bytes`). A file added, removed or
edited for any of them gives another key.

The kept digests are those of an occurrence without an escalation (``(occurrence, None)``
pickled): an occurrence with one (set from the records and the evaluation as a whole) is
pickled with it on every build. They are kept as one memo entry
keyed by the base: ``{input key: the holder's occurrences' digests, in the index's order}``,
put again every build with this build's holders. A holder whose key is not kept, or whose
count of occurrences differs, is pickled as before. A forged entry could give wrong digests,
as a forged page could give a wrong page: the folder is trusted as the page cache is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import cast

from duban.evaluation.evaluate import ItemState
from duban.load.cache import parts_digest
from duban.model.model import Model
from duban.model.refs import OccurrenceRef

FORMAT = "occurrence digests 2"


def input_keys(
    base: str, model: Model, holders: Sequence[str], digests: Mapping[str, str]
) -> dict[str, str]:
    """Each of ``holders``' input key (module docstring); a holder one of whose files has no
    digest (an entry made in code, a file the build did not digest) has none."""
    files: dict[str, set[str]] = {}
    for entry in model.status.values():
        files.setdefault(entry.holder_id, set()).add(entry.source.file)
    sharing: dict[str, set[str]] = {}
    for obligation in model.obligations:
        together = obligation.holders
        for holder_id in together:
            sharing.setdefault(holder_id, set()).update(together)
    keys: dict[str, str] = {}
    for holder_id in holders:
        parts: list[str] = [base, FORMAT, holder_id]
        for other in sorted(sharing.get(holder_id, set()) | {holder_id}):
            parts.append(other)
            for file in sorted(files.get(other, ())):
                found = digests.get(file) if file else None
                if found is None:
                    break
                parts += [file, found]
            else:
                parts.append("")
                continue
            break
        else:
            keys[holder_id] = parts_digest(*parts)
    return keys


def known_digests(
    kept: Mapping[str, str] | None,
    keys: Mapping[str, str],
    by_holder: Mapping[str, Sequence[ItemState]],
) -> dict[int, str]:
    """The occurrences' digests found in ``kept`` (the memo's entry), by the occurrence's id."""
    found: dict[int, str] = {}
    for holder_id, key in keys.items() if kept else ():
        assert kept is not None
        text = kept.get(key)
        items = by_holder.get(holder_id, ())
        if not text or not _DIGESTS.fullmatch(text):  # h24ag: checked in C, not digest by digest
            continue
        digests = text.split(" ")
        if len(digests) == len(items):
            found.update(zip(map(id, items), digests, strict=True))
    return found


_DIGESTS = re.compile(r"[0-9a-f]{32}(?: [0-9a-f]{32})*")
"""A holder's kept digests: 32 hex digits each, a space between."""


def to_keep(
    keys: Mapping[str, str],
    by_holder: Mapping[str, Sequence[ItemState]],
    digest_of: Mapping[int, str],
) -> dict[str, str]:
    """The memo's entry for the next build: every keyed holder's occurrences' digests."""
    kept: dict[str, str] = {"kind": FORMAT}
    for holder_id, key in keys.items():
        items = by_holder.get(holder_id, ())
        digests = list(map(digest_of.get, map(id, items)))  # h24ag: looked up in C
        if items and None not in digests:
            kept[key] = " ".join(cast(list[str], digests))
    return kept


def escalated(
    escalations: Mapping[OccurrenceRef, object], by_holder: Mapping[str, Sequence[ItemState]]
) -> set[int]:
    """h24ag: the ids of the occurrences with an escalation (their digest is not the kept one,
    which is made without), found through the holders the escalations name, not by a walk over
    every occurrence."""
    found: set[int] = set()
    holders = {ref.holder_id for ref in escalations}
    for holder_id in holders:
        for item in by_holder.get(holder_id, ()):
            if item.holder_id == holder_id and item.ref in escalations:
                found.add(id(item))
    if len(found) < len(escalations):  # an escalation not found so: every occurrence looked at
        found |= {id(i) for items in by_holder.values() for i in items if i.ref in escalations}
    return found
