"""A gzip file joined from pieces compressed apart (h24z, duban/outputs/gzip_pieces.py): every
reader reads it as the texts joined, its CRC is the whole text's, a piece compressed with the
bytes before it as its dictionary is as small as one stream, and a piece depends on nothing but
its text and that dictionary (so a kept piece can be copied)."""

from __future__ import annotations

import gzip
import json
import random
import shutil
import subprocess
import zlib

import pytest

from duban.load.export_reader import parse_export
from duban.outputs.gzip_pieces import crc32_combine, deflated, gzip_joined, well_formed


def _texts(seed: int, count: int) -> list[bytes]:
    """Texts like the open data's: JSON records of repeated keys and varied values."""
    rng = random.Random(seed)
    texts = []
    for n in range(count):
        rows = [
            {"holder": f"单位{rng.randrange(40)}", "state": rng.choice(["done", "late"]), "n": i}
            for i in range(rng.randrange(0, 900))
        ]
        texts.append(json.dumps(rows, ensure_ascii=False)[1:-1].encode() + f"#{n}".encode())
    return texts


def _pieces(texts: list[bytes]) -> list:
    return [deflated(t, texts[i - 1] if i else b"") for i, t in enumerate(texts)]


@pytest.mark.parametrize("seed", [1, 7])
def test_the_crc_of_two_texts_joined_is_combined_from_theirs(seed):
    rng = random.Random(seed)
    for _ in range(60):
        one = rng.randbytes(rng.randrange(0, 5000))
        two = rng.randbytes(rng.choice([0, 1, 2, 255, 256, 70000, rng.randrange(1, 200000)]))
        assert crc32_combine(zlib.crc32(one), zlib.crc32(two), len(two)) == zlib.crc32(one + two)


@pytest.mark.parametrize(("seed", "count"), [(3, 12), (11, 40)])
def test_the_joined_file_is_the_texts_joined_for_every_reader(seed, count, tmp_path):
    texts = _texts(seed, count)
    whole = b"".join(texts)
    joined = gzip_joined(_pieces(texts))
    assert gzip.decompress(joined) == whole
    assert zlib.decompress(joined, 31) == whole  # one member: zlib's own gzip reader
    if shutil.which("gzip"):
        path = tmp_path / "joined.gz"
        path.write_bytes(joined)
        assert subprocess.run(["gzip", "-t", str(path)], check=False).returncode == 0
        out = subprocess.run(["gzip", "-dc", str(path)], capture_output=True, check=True)
        assert out.stdout == whole
    assert gzip.decompress(gzip_joined([])) == b""


def test_a_province_file_joined_from_pieces_is_read_by_the_export_reader():
    texts = [b'{"format":4,"status":[', b'{"n":1}', b',{"n":2}', b"]}\n"]
    joined = gzip_joined(_pieces(texts))
    assert parse_export(joined) == {"format": 4, "status": [{"n": 1}, {"n": 2}]}


def test_a_piece_is_the_same_bytes_wherever_it_is_made():
    """A piece depends on its text and its dictionary alone: made again after others, or in
    another order, it is the same bytes (what lets a kept piece be copied)."""
    texts = _texts(5, 8)
    first = _pieces(texts)
    backwards = [
        deflated(t, texts[i - 1] if i else b"") for i, t in reversed(list(enumerate(texts)))
    ]
    again = list(reversed(backwards))
    assert first == again
    assert all(well_formed(p.data) for p in first)
    assert not well_formed(zlib.compress(texts[0])[2:-4])  # a stream not ended by a full flush


def test_the_dictionary_keeps_the_file_about_as_small_as_one_stream():
    texts = _texts(9, 30)
    whole = len(gzip.compress(b"".join(texts), 6, mtime=0))
    alone = len(gzip_joined([deflated(t) for t in texts]))
    joined = len(gzip_joined(_pieces(texts)))
    assert joined <= whole * 1.05 < alone
