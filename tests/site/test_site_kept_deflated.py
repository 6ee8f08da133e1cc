"""A province's open data joined from status pieces kept compressed (h24z,
duban/site/kept_open_data.py ``status_deflated``): as a CI build keeps them (a memo on disk),
the next build compresses no status file, an edit compresses the edited file's piece and the
next one's, a spoiled piece is made again, and every time the file is the bytes of a build
without the memo."""

from __future__ import annotations

import base64
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from duban.load.cache import parts_digest
from duban.plugin.source_memo import SourceMemo
from duban.site import groups, kept_open_data
from helpers import loaded_model
from sitekit import DEMO_AS_OF, Compressed, ci_open_data_gz, demo_data, edit_update

AS_OF = __import__("datetime").date.fromisoformat(DEMO_AS_OF)


@pytest.fixture
def province(monkeypatch):
    monkeypatch.setattr(groups, "SUMMARY_HOLDERS", 5)  # the demo gets group pages


def _kept(cache: Path) -> list[Path]:
    found = sorted((cache / "src").glob("*/*.duban-src.json"))
    return [p for p in found if f'"{kept_open_data.DEFLATED}"' in p.read_text("utf-8")]


def test_a_ci_build_compresses_only_the_edited_files_pieces(tmp_path, monkeypatch, province):
    data = demo_data(tmp_path)
    cache = tmp_path / "cache"
    first = ci_open_data_gz(data, SourceMemo(cache, keep=False), AS_OF)
    assert first == ci_open_data_gz(data, None, AS_OF)
    files = {entry.source.file for entry in loaded_model(data).status.values()}
    assert len(_kept(cache)) == len(files) > 10  # one piece a status file with entries
    made = Compressed(monkeypatch, kept_open_data)
    assert ci_open_data_gz(data, SourceMemo(cache, keep=False), AS_OF) == first
    assert not made  # no status file's piece compressed (the head and tail always are)
    edit_update(data, "baqiao", "改动后的进展：")
    edit_update(data, "yanta", "另一处改动：")
    after = ci_open_data_gz(data, SourceMemo(cache, keep=False), AS_OF)
    assert len(made) == 4  # each edited file's piece and the one after it
    assert after == ci_open_data_gz(data, None, AS_OF) != first
    status = json.dumps(json.loads(gzip.decompress(after))["status"], ensure_ascii=False)
    assert "改动后的进展：" in status and "另一处改动：" in status


def test_a_spoiled_piece_is_made_again(tmp_path, monkeypatch, province):
    data = demo_data(tmp_path)
    cache = tmp_path / "cache"
    first = ci_open_data_gz(data, SourceMemo(cache, keep=False), AS_OF)
    kept = _kept(cache)

    def spoil(path: Path, change: Any) -> None:
        stored = json.loads(path.read_text("utf-8"))
        pages = stored["pages"]
        pages[kept_open_data.DEFLATED] = change(pages[kept_open_data.DEFLATED])
        key = stored["key"]
        pages[kept_open_data.CHECK] = parts_digest(key, pages[kept_open_data.DEFLATED])
        path.write_text(json.dumps(stored, ensure_ascii=False), "utf-8")

    def unflushed(text: str) -> str:  # a stream that does not end as the writer's pieces
        crc, size, data = text.split(" ")
        raw = base64.b64decode(data)[:-4]
        return f"{crc} {size} {base64.b64encode(raw).decode()}"

    spoil(kept[0], unflushed)
    spoil(kept[1], lambda text: text.replace(" ", " x", 1))  # the length not a number
    spoil(kept[2], lambda text: text + "!")  # not Base64
    kept[3].write_text(kept[3].read_text("utf-8")[:-9], "utf-8")  # half-written
    made = Compressed(monkeypatch, kept_open_data)
    assert ci_open_data_gz(data, SourceMemo(cache, keep=False), AS_OF) == first
    assert len(made) == 4
