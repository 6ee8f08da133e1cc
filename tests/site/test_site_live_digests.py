"""`mkdocs serve`'s digests of the data files (plugin/live.py, h24m): the same as reading every
file, reading only those whose status moved, and never trusting a status taken too soon after a
write."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from duban.plugin import live
from duban.plugin.live import DataDigests
from duban.plugin.loaded_digests import changed_files, data_digests
from sitekit import DEMO


def test_digests_equal_reading_every_file_and_only_moved_files_are_read(
    tmp_path: Path, monkeypatch
) -> None:
    data = tmp_path / "data"
    shutil.copytree(DEMO / "data", data)
    monkeypatch.setattr(live, "RACY_NS", 0)  # the copies were just written
    digests = DataDigests()
    first = digests(data)
    assert first == data_digests(data) and list(first) == list(data_digests(data))
    assert digests.read == len(first)
    assert digests(data) == first and digests.read == 0
    status = data / "status" / "baqiao.yaml"
    text = status.read_text("utf-8")
    # the same size and modification time, other bytes: the change time tells
    st = status.stat()
    status.write_text(text.replace("done", "DONE", 1), "utf-8")
    os.utime(status, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert status.stat().st_size == st.st_size and status.stat().st_mtime_ns == st.st_mtime_ns
    second = digests(data)
    assert digests.read == 1 and second == data_digests(data)
    assert changed_files(first, second) == {"status/baqiao.yaml"}
    (data / "status" / "new-unit.yaml").write_text("unit: new-unit\n", "utf-8")
    (data / "status" / "lianhu.yaml").unlink()
    third = digests(data)
    assert third == data_digests(data)
    assert changed_files(second, third) == {"status/new-unit.yaml", "status/lianhu.yaml"}


def test_a_file_written_just_now_is_read_again(tmp_path: Path, monkeypatch) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "a.yaml").write_text("a: 1\n", "utf-8")
    (data / "b.yaml").write_text("b: 1\n", "utf-8")
    digests = DataDigests()
    digests(data)
    assert digests.read == 2
    digests(data)
    assert digests.read == 2  # both written within the last two seconds: not trusted
    monkeypatch.setattr(live, "RACY_NS", -1)  # as if every write were long past
    digests(data)
    digests(data)
    assert digests.read == 0
