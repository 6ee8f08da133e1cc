"""A province's open data joined from status pieces kept compressed (h24z,
duban/site/kept_open_data.py ``status_deflated``): as a CI build keeps them (a memo on disk),
the next build compresses no status file, an edit compresses the edited file's piece and the
next one's, a spoiled piece is made again, and every time the file is the bytes of a build
without the memo."""

from __future__ import annotations

import base64
import gzip
import json
import re
from pathlib import Path
from typing import Any

import pytest

from duban.load.cache import parts_digest
from duban.outputs import urls
from duban.plugin.source_memo import SourceMemo
from duban.site import groups, kept_open_data
from helpers import loaded_model
from sitekit import DEMO_AS_OF, ci_province_files, demo_data

AS_OF = __import__("datetime").date.fromisoformat(DEMO_AS_OF)


@pytest.fixture
def province(monkeypatch):
    monkeypatch.setattr(groups, "SUMMARY_HOLDERS", 5)  # the demo gets group pages


class Compressed(list[int]):
    """How many bytes of status JSON each piece compressed in the status part held."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        super().__init__()
        real = kept_open_data.deflated

        def counted(text: bytes, before: bytes = b"") -> Any:
            self.append(len(text))
            return real(text, before)

        monkeypatch.setattr(kept_open_data, "deflated", counted)


def _open_data(data: Path, memo: SourceMemo | None) -> bytes:
    gz = ci_province_files(data, memo, AS_OF)[urls.EXPORT_JSON_GZ]
    assert isinstance(gz, bytes)
    return gz


def _edit(data: Path, unit: str, words: str) -> None:
    status = data / "status" / f"{unit}.yaml"
    text = status.read_text("utf-8")
    changed = re.sub(r"(\n\s+text: )", rf"\g<1>{words}", text, count=1)
    assert changed != text
    status.write_text(changed, "utf-8")


def _kept(cache: Path) -> list[Path]:
    found = sorted((cache / "src").glob("*/*.duban-src.json"))
    return [p for p in found if f'"{kept_open_data.DEFLATED}"' in p.read_text("utf-8")]


def test_a_ci_build_compresses_only_the_edited_files_pieces(tmp_path, monkeypatch, province):
    data = demo_data(tmp_path)
    cache = tmp_path / "cache"
    first = _open_data(data, SourceMemo(cache, keep=False))
    assert first == _open_data(data, None)
    files = {entry.source.file for entry in loaded_model(data).status.values()}
    assert len(_kept(cache)) == len(files) > 10  # one piece a status file with entries
    made = Compressed(monkeypatch)
    assert _open_data(data, SourceMemo(cache, keep=False)) == first
    assert not made  # no status file's piece compressed (the head and tail always are)
    _edit(data, "baqiao", "改动后的进展：")
    _edit(data, "yanta", "另一处改动：")
    after = _open_data(data, SourceMemo(cache, keep=False))
    assert len(made) == 4  # each edited file's piece and the one after it
    assert after == _open_data(data, None) != first
    status = json.dumps(json.loads(gzip.decompress(after))["status"], ensure_ascii=False)
    assert "改动后的进展：" in status and "另一处改动：" in status


def test_a_spoiled_piece_is_made_again(tmp_path, monkeypatch, province):
    data = demo_data(tmp_path)
    cache = tmp_path / "cache"
    first = _open_data(data, SourceMemo(cache, keep=False))
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
    made = Compressed(monkeypatch)
    assert _open_data(data, SourceMemo(cache, keep=False)) == first
    assert len(made) == 4
