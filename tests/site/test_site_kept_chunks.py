"""A province's open data around its status entries kept compressed by chunk (h24ac,
duban/site/kept_open_data_chunks.py): the head, the obligations and the occurrences' states. As a
CI build keeps them (a memo on disk), the next build compresses none of them, a report that
changes an occurrence's state compresses its chunks (and the next ones) again, a text that no
state shows compresses none, a spoiled piece is made again, and every time the file is the
bytes of a build without the memo and its JSON that of the open data made whole."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from duban.evaluation.evaluate import evaluate
from duban.plugin.source_memo import SourceMemo
from duban.site import Settings, downloads, groups, kept_open_data_chunks
from helpers import loaded_model, swept
from sitekit import DEMO_AS_OF, Compressed, ci_open_data_gz, demo_data, edit_update

AS_OF = __import__("datetime").date.fromisoformat(DEMO_AS_OF)


@pytest.fixture
def province(monkeypatch):
    monkeypatch.setattr(groups, "SUMMARY_HOLDERS", 5)  # the demo gets group pages


def _compressed(monkeypatch: pytest.MonkeyPatch) -> Compressed:
    """The texts compressed around the status entries (three joints a build)."""
    return Compressed(monkeypatch, kept_open_data_chunks)


def _chunks(made: Compressed) -> int:
    """How many pieces were compressed beside the three joints; then forget them."""
    count = len(made) - 3
    made.clear()
    return count


def _whole(data: Path) -> bytes:
    """The open data as made whole before h24ac (every part at once), as bytes."""
    model = loaded_model(data)
    return downloads.open_data(model, evaluate(model, AS_OF), Settings(as_of=AS_OF)).encode()


def _report(data: Path, unit: str) -> None:
    """A task in progress marked done: its occurrence's state and its obligation's counts."""
    status = data / "status" / f"{unit}.yaml"
    text = status.read_text("utf-8")
    done = "\n  state: done\n  done: '2010-12-01'\n"
    changed = re.sub(r"\n  state: in-progress\n", done, text, count=1)
    assert changed != text
    status.write_text(changed, "utf-8")


def _entry(cache: Path) -> Path:
    found = [
        p
        for p in sorted((cache / "src").glob("*/*.duban-src.json"))
        if '"head": ' in p.read_text("utf-8")
    ]
    assert len(found) == 1  # one memo entry holds every piece
    return found[0]


def test_a_ci_build_compresses_only_the_changed_chunks(tmp_path, monkeypatch, province):
    monkeypatch.setattr(kept_open_data_chunks, "OBLIGATIONS_A_CHUNK", 3)
    data = demo_data(tmp_path)
    cache = tmp_path / "cache"
    made = _compressed(monkeypatch)
    first = ci_open_data_gz(data, SourceMemo(cache, keep=False), AS_OF)
    chunks = len(loaded_model(data).obligations) // 3
    assert _chunks(made) > 2 * chunks > 20  # the head, each chunk's obligations and states
    assert gzip.decompress(first) == _whole(data)
    assert ci_open_data_gz(data, None, AS_OF) == first
    made.clear()
    assert ci_open_data_gz(data, SourceMemo(cache, keep=False), AS_OF) == first
    assert _chunks(made) == 0  # nothing changed: every piece kept
    edit_update(data, "baqiao", "改动后的进展：")
    assert ci_open_data_gz(data, SourceMemo(cache, keep=False), AS_OF) != first
    assert _chunks(made) == 0  # the entry's text is in the status pieces, not around them
    _report(data, "baqiao")
    _report(data, "yanta")
    after = ci_open_data_gz(data, SourceMemo(cache, keep=False), AS_OF)
    assert 0 < _chunks(made) <= 8  # two chunks' obligations and states, and the next ones'
    assert after == ci_open_data_gz(data, None, AS_OF)
    assert gzip.decompress(after) == _whole(data)

    def baqiao(gz: bytes) -> list[str]:
        items = json.loads(gzip.decompress(gz))["evaluation"]["items"]
        return [s["state"] for s in items if s["holder"] == "baqiao"]

    assert baqiao(after) != baqiao(first)  # the report shows


@pytest.mark.parametrize("size", swept([1, 2, 7, 10_000], [1, 10_000]))
def test_any_chunk_size_makes_the_json_made_whole(tmp_path, monkeypatch, province, size):
    """One obligation a chunk (chunks without occurrences: no comma of their own), a few, and
    every obligation in one chunk."""
    monkeypatch.setattr(kept_open_data_chunks, "OBLIGATIONS_A_CHUNK", size)
    data = demo_data(tmp_path)
    cache = tmp_path / "cache"
    first = ci_open_data_gz(data, SourceMemo(cache, keep=False), AS_OF)
    assert gzip.decompress(first) == _whole(data)
    _report(data, "lantian")
    again = ci_open_data_gz(data, SourceMemo(cache, keep=False), AS_OF)
    assert again == ci_open_data_gz(data, None, AS_OF)
    assert gzip.decompress(again) == _whole(data)


def test_occurrences_out_of_order_are_one_piece(tmp_path, monkeypatch, province):
    monkeypatch.setattr(kept_open_data_chunks, "_chunks", lambda model, evaluation: None)
    data = demo_data(tmp_path)
    cache = tmp_path / "cache"
    made = _compressed(monkeypatch)
    first = ci_open_data_gz(data, SourceMemo(cache, keep=False), AS_OF)
    assert _chunks(made) == 3  # the head, the obligations, the states
    assert gzip.decompress(first) == _whole(data)
    assert ci_open_data_gz(data, SourceMemo(cache, keep=False), AS_OF) == first
    assert _chunks(made) == 2  # the head kept; nothing else is without chunks


def test_a_spoiled_piece_is_made_again(tmp_path, monkeypatch, province):
    data = demo_data(tmp_path)
    cache = tmp_path / "cache"
    first = ci_open_data_gz(data, SourceMemo(cache, keep=False), AS_OF)
    path = _entry(cache)
    stored = json.loads(path.read_text("utf-8"))
    pieces = stored["pages"]
    key, crc, size, raw = pieces["o0"].split(" ")
    pieces["o0"] = f"{key} {crc} {size} {raw[:-8]}AAAAAA=="  # not ended by a full flush
    key, crc, size, raw = pieces["s0"].split(" ")
    pieces["s0"] = f"{key[::-1]} {crc} {size} {raw}"  # another chunk's key
    key, crc, size, raw = pieces["head"].split(" ")
    pieces["head"] = f"{key} {crc} {size} {raw}!"  # not Base64
    path.write_text(json.dumps(stored, ensure_ascii=False), "utf-8")
    made = _compressed(monkeypatch)
    assert ci_open_data_gz(data, SourceMemo(cache, keep=False), AS_OF) == first
    assert _chunks(made) == 3
    _entry(cache).write_text(path.read_text("utf-8")[:-9], "utf-8")  # half-written
    assert ci_open_data_gz(data, SourceMemo(cache, keep=False), AS_OF) == first
    assert _chunks(made) > 3  # every piece made again
