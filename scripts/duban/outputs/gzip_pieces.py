"""A gzip file joined from pieces compressed apart (h24z), so that a piece whose text did not
change is kept compressed and copied, not compressed again.

Each piece is a run of raw DEFLATE blocks ending with a full flush (``Z_FULL_FLUSH``: the
output ends on a byte boundary with an empty stored block, and nothing after it refers to what
came before unless told to), so pieces can be placed one after the other in one DEFLATE stream,
which then ends with an empty final block. The file is one ordinary gzip member: every reader
of gzip reads it (not a file of several members, which some readers stop at the first of).

A piece may be compressed with the bytes that come just before it in the file as its
dictionary (``before``; DEFLATE looks back 32 KiB): its back-references then reach into them,
as one stream's would, and the file is about as small as one compressed whole. Such a piece is
only good after those very bytes; its keeper keys it by them. The gzip trailer's CRC-32 of the
whole text is combined from the pieces' own (:func:`crc32_combine`), so the kept pieces' text is
not needed.

Two files joined from the same pieces are the same bytes; the bytes are not those of
``gzip.compress`` on the whole text (the blocks end at the pieces).
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable
from typing import NamedTuple

LEVEL = 6  # gzip's default, as the open data was compressed whole before h24z
WINDOW = 32768  # how far back DEFLATE refers: the dictionary a piece may use
_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # no name, no time (mtime 0), OS unknown
_LAST_BLOCK = b"\x03\x00"  # an empty final block (fixed codes), what Z_FINISH adds after a flush
_FLUSHED = b"\x00\x00\xff\xff"  # the empty stored block a full flush ends with


class Deflated(NamedTuple):
    """A piece: its raw DEFLATE blocks, the CRC-32 and the length of its text."""

    data: bytes
    crc: int
    size: int


def deflated(text: bytes, before: bytes = b"", level: int = LEVEL) -> Deflated:
    """``text`` compressed on its own, ended by a full flush; ``before``: the bytes just before
    it in the file (their last :data:`WINDOW` bytes are the dictionary)."""
    if before:
        packer = zlib.compressobj(level, zlib.DEFLATED, -15, zdict=before[-WINDOW:])
    else:
        packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    data = packer.compress(text) + packer.flush(zlib.Z_FULL_FLUSH)
    return Deflated(data, zlib.crc32(text), len(text))


def well_formed(data: bytes) -> bool:
    """Whether ``data`` ends as :func:`deflated`'s pieces do (a full flush), so that another
    piece may follow it in the stream."""
    return data.endswith(_FLUSHED)


def gzip_joined(pieces: Iterable[Deflated]) -> bytes:
    """The gzip file of the pieces' texts joined, in order."""
    parts = [_HEADER]
    crc, size = 0, 0
    for piece in pieces:
        parts.append(piece.data)
        crc = crc32_combine(crc, piece.crc, piece.size)
        size += piece.size
    parts += [_LAST_BLOCK, struct.pack("<II", crc, size & 0xFFFFFFFF)]
    return b"".join(parts)


# -- CRC-32 of two texts joined, from each one's (zlib's crc32_combine, which Python lacks) ----
_POLY = 0xEDB88320  # CRC-32's polynomial, bits reversed as zlib holds it
_TOP = 1 << 31  # x^0 in that order


def _times(a: int, b: int) -> int:
    """a(x) * b(x) modulo the polynomial (zlib's ``multmodp``)."""
    product = 0
    bit = _TOP
    while a:
        if a & bit:
            product ^= b
            a ^= bit
        bit >>= 1
        b = (b >> 1) ^ _POLY if b & 1 else b >> 1
    return product


def _powers() -> list[int]:
    """x^(2^k) modulo the polynomial, k = 0..31 (zlib's ``x2n_table``)."""
    table = [_TOP >> 1]  # x^1
    for _ in range(31):
        table.append(_times(table[-1], table[-1]))
    return table


_X2N = _powers()


def crc32_combine(crc1: int, crc2: int, size2: int) -> int:
    """The CRC-32 of text one and text two joined, from each one's and text two's length."""
    power, k, n = _TOP, 3, size2  # x^(8 * size2): the first CRC shifted past text two's bits
    while n:
        if n & 1:
            power = _times(_X2N[k & 31], power)
        n >>= 1
        k += 1
    return _times(power, crc1) ^ crc2
