"""One text kept in the page cache's memo beside its digest: the open data's pieces (h24l),
the 台账's rows and the occurrences' states (h24q) are kept so. The digest is of the key and the
text, so an entry cut short, half-written or put under another key is not found (and is made
again); what the text holds is checked by its reader."""

from __future__ import annotations

from duban.load.cache import parts_digest
from duban.site import page_keys


def keep_text(memo: page_keys.Memo, key: str, field: str, check: str, text: str) -> None:
    """Keep ``text`` by ``key`` as ``field``, its digest as ``check`` (not a page job's)."""
    memo.put(key, {field: text, check: parts_digest(key, text)}, counted=False)


def kept_text(memo: page_keys.Memo, key: str, field: str, check: str) -> str | None:
    """The text :func:`keep_text` kept by ``key``, or None when not kept, unreadable or not
    what its digest says."""
    if not memo.has(key):
        return None
    stored = memo.get(key, counted=False)
    if stored is None or set(stored) != {field, check}:
        return None
    text = stored[field]
    return text if parts_digest(key, text) == stored[check] else None
