"""Downloads kept between builds by what they read (duban/site/kept_downloads.py, h24k): the
units' calendars are made only when their key changed, and every download equals a render
without the memo, byte for byte."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from duban.evaluation.evaluate import evaluate
from duban.outputs import urls
from duban.plugin.loaded_digests import data_digests
from duban.plugin.source_memo import SourceMemo
from duban.site import Settings, calendars, render_site
from helpers import loaded_model
from sitekit import DEMO_AS_OF, demo_data

AS_OF = __import__("datetime").date.fromisoformat(DEMO_AS_OF)


class Made(Counter[str]):
    """Which units' calendars were made."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        super().__init__()
        make = calendars.unit_calendar

        def counted(model: Any, evaluation: Any, holder_id: str, *args: Any) -> str | None:
            self[holder_id] += 1
            return make(model, evaluation, holder_id, *args)

        monkeypatch.setattr(calendars, "unit_calendar", counted)


def _files(
    data: Path, memo: SourceMemo | None, processes: int = 1, as_of=AS_OF
) -> dict[str, bytes]:
    if memo is not None:
        memo.start(data_digests(data))
    model = loaded_model(data)
    settings = Settings(as_of=as_of)
    evaluation = evaluate(model, as_of, settings.due_soon_days)
    site = render_site(model, settings, evaluation, processes=processes, memo=memo)
    if memo is not None:
        memo.finish()
    return {u: c.encode() if isinstance(c, str) else c for u, c in site.files.items()}


def _edit(data: Path, unit: str) -> None:
    status = data / "status" / f"{unit}.yaml"
    text = status.read_text("utf-8")
    changed = re.sub(r"(\n\s+text: )", r"\g<1>改动后的进展：", text, count=1)
    assert changed != text
    status.write_text(changed, "utf-8")


def test_unchanged_calendars_are_reused_and_a_changed_units_is_made_again(tmp_path, monkeypatch):
    data = demo_data(tmp_path)
    made = Made(monkeypatch)
    cache = tmp_path / "cache"
    first = _files(data, SourceMemo(cache, keep=False))  # on disk, as in CI
    everyone = set(made)
    assert len(everyone) > 5 and "baqiao" in everyone
    assert all(urls.unit_ics(u) in first for u in everyone)
    # the same data, a new memo reading the folder: no calendar made, the same bytes
    made.clear()
    assert _files(data, SourceMemo(cache, keep=False)) == first
    assert not made
    # one unit's file changed: its calendar (and those of units sharing a duty with it) made
    # again, not the others'; every download equals a render without the memo
    _edit(data, "baqiao")
    made.clear()
    after = _files(data, SourceMemo(cache, keep=False))
    assert "baqiao" in made and len(made) < len(everyone) / 2
    assert after == _files(data, None)
    # a new date: every calendar made again (their window and states move with it)
    made.clear()
    later = AS_OF.replace(year=AS_OF.year + 1)
    assert _files(data, SourceMemo(cache, keep=False), as_of=later) == _files(
        data, None, as_of=later
    )
    assert set(made) == everyone


def test_a_memo_in_memory_keeps_the_calendars_a_forked_process_made(tmp_path, monkeypatch):
    """While serving the memo lives in memory: calendars made in a forked process come back
    to the parent's memo (split.py), so the next build makes none."""
    data = demo_data(tmp_path)
    memo = SourceMemo(None, keep=True)
    first = _files(data, memo, processes=2)
    made = Made(monkeypatch)
    assert _files(data, memo, processes=2) == first
    assert not made
    _edit(data, "baqiao")
    after = _files(data, memo, processes=2)
    assert "baqiao" in made and after == _files(data, None)


def test_a_kept_calendar_that_cannot_be_read_is_made_again(tmp_path, monkeypatch):
    data = demo_data(tmp_path)
    cache = tmp_path / "cache"
    first = _files(data, SourceMemo(cache, keep=False))
    kept = [
        p
        for p in sorted((cache / "src").glob("*/*.duban-src.json"))
        if '.ics"' in p.read_text("utf-8")
    ]
    assert len(kept) > 3
    kept[0].write_text(kept[0].read_text("utf-8")[:-9], "utf-8")  # half-written
    kept[1].write_text('{"format": 1, "key": "other", "pages": {}}', "utf-8")  # misplaced
    made = Made(monkeypatch)
    assert _files(data, SourceMemo(cache, keep=False)) == first
    assert sum(made.values()) == 2
