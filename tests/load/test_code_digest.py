"""duban's code digest (h24aa): kept for the process while every file's name, size and
modification time are the same; the same digest as every file read in ``sorted(rglob)``'s order."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from duban.load import cache


def _every_file_read(root: Path) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _tree(root: Path) -> None:
    for name, text in {
        "a.py": "x",
        "a-b/c.py": "y",
        "a/b.py": "z",
        "a/__pycache__/b.pyc": "c",
        "ab.txt": "w",
    }.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)


def test_the_digest_is_every_file_read_and_kept_until_a_file_changes(tmp_path, monkeypatch):
    _tree(tmp_path)
    monkeypatch.setattr(cache, "_CODE_ROOT", tmp_path)
    monkeypatch.setattr(cache, "_kept_code", [])
    first = cache.code_digest()
    assert first == _every_file_read(tmp_path)
    read: list[Path] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda p: read.append(p) or real(p))
    assert cache.code_digest() == first and not read  # kept: nothing read again
    changed = tmp_path / "a" / "b.py"
    changed.write_text("zz")  # another size
    assert cache.code_digest() == _every_file_read(tmp_path) != first
    os.utime(changed, ns=(1, 1))  # the same size, another time
    read.clear()
    again = cache.code_digest()
    assert read  # read again
    assert again == _every_file_read(tmp_path)
    (tmp_path / "new.py").write_text("n")
    assert cache.code_digest() == _every_file_read(tmp_path)


def test_the_packages_digest_is_every_file_read():
    assert cache.code_digest() == _every_file_read(cache._CODE_ROOT)
