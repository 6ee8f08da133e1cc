"""The open data's occurrence states kept by holder (h24q, duban/site/kept_states.py): the file
from kept states is a full build's, byte for byte; only the states of holders whose occurrences
changed are made again; a kept entry that is cut, misplaced or not one array of the right
occurrences is made again."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from duban.evaluation.evaluate import evaluate
from duban.outputs import urls
from duban.plugin.loaded_digests import data_digests
from duban.plugin.source_memo import SourceMemo
from duban.site import Settings, downloads, kept_states, render_site
from helpers import loaded_model
from sitekit import DEMO, DEMO_AS_OF

AS_OF = dt.date.fromisoformat(DEMO_AS_OF)


class Made(list[str]):
    """The occurrences whose state was made (not taken from the memo), by holder."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        super().__init__()
        make = downloads.occurrence_state

        def counted(item: Any) -> dict[str, Any]:
            self.append(item.holder_id)
            return make(item)

        monkeypatch.setattr(kept_states, "occurrence_state", counted)


def _open_data(data: Path, memo: SourceMemo | None) -> bytes:
    if memo is not None:
        memo.start(data_digests(data))
    model = loaded_model(data)
    settings = Settings(as_of=AS_OF)
    evaluation = evaluate(model, AS_OF, settings.due_soon_days)
    site = render_site(model, settings, evaluation, processes=1, memo=memo)
    if memo is not None:
        memo.finish()
    text = site.files[urls.EXPORT_JSON]
    assert isinstance(text, str)
    return text.encode()


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DEMO / "data", data)
    return data


def _edit_latest(data: Path, unit: str) -> None:
    """The latest update's text: the occurrence's entry, so its digest, changes."""
    status = data / "status" / f"{unit}.yaml"
    text = status.read_text("utf-8")
    last = list(re.finditer(r"\n\s+text: \"?", text))[-1]
    status.write_text(text[: last.end()] + "改动：" + text[last.end() :], "utf-8")


def test_states_from_kept_pieces_are_the_full_builds(demo, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    full = _open_data(demo, None)
    made = Made(monkeypatch)
    assert _open_data(demo, SourceMemo(cache, keep=False)) == full
    every = len(made)
    assert every > 40
    assert len(json.loads(full)["evaluation"]["items"]) == every
    made.clear()
    assert _open_data(demo, SourceMemo(cache, keep=False)) == full
    assert made == []
    _edit_latest(demo, "baqiao")
    made.clear()
    after = _open_data(demo, SourceMemo(cache, keep=False))
    assert "baqiao" in made and len(made) < every / 2
    made.clear()
    assert after == _open_data(demo, None)
    # a state changed (in progress to done): the file shows it, as a full build's does
    status = demo / "status" / "baqiao.yaml"
    text = status.read_text("utf-8")
    done = "  state: done\n  done: '2010-07-01'\n"
    status.write_text(text.replace("  state: in-progress\n  progress: 60\n", done, 1), "utf-8")
    made.clear()
    again = _open_data(demo, SourceMemo(cache, keep=False))
    assert "baqiao" in made and again == _open_data(demo, None) != after
    states = json.loads(again)["evaluation"]["items"]
    training = [s for s in states if s["holder"] == "baqiao" and s["due"] == "training"]
    assert training and training[0]["state"].startswith("done")


def _entries(cache: Path) -> list[Path]:
    return [
        p
        for p in sorted((cache / "src").glob("*/*.duban-src.json"))
        if f'"{kept_states.STATES}"' in p.read_text("utf-8")
    ]


def _forge(path: Path, lines: str) -> None:
    """The entry's states replaced by ``lines``, its digest made to match."""
    stored = json.loads(path.read_text("utf-8"))
    stored["pages"][kept_states.STATES] = lines
    stored["pages"][kept_states.CHECK] = kept_states.parts_digest(stored["key"], lines)
    path.write_text(json.dumps(stored, ensure_ascii=False), "utf-8")


def test_a_kept_entry_not_of_its_occurrences_is_made_again(demo, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    full = _open_data(demo, SourceMemo(cache, keep=False))
    kept = [p for p in _entries(cache) if "\\n" in p.read_text("utf-8")]
    assert len(kept) >= 4
    lines = [json.loads(p.read_text("utf-8"))["pages"][kept_states.STATES] for p in kept]
    one = lines[0].split("\n")
    _forge(kept[0], "\n".join(reversed(one)))  # its own states, in another order
    two = lines[1].split("\n")
    _forge(kept[1], "\n".join([two[0] + ',{"x":1}', *two[1:-1], ""]))  # the count kept
    _forge(kept[2], lines[3])  # another holder's
    kept[3].write_text(kept[3].read_text("utf-8")[:-9], "utf-8")  # half-written
    made = Made(monkeypatch)
    assert _open_data(demo, SourceMemo(cache, keep=False)) == full
    assert len(set(made)) == 4
