"""A parsed document kept with its shared strings apart (h24t), so that reading it back gives
the very string objects a fresh parse gives, without walking the data.

:mod:`.strict_yaml` interns every key and every short string of a file it parses, and the
model and the page keys' pickles depend on that sharing (an equal value pickled another way
would render every page again). A parse kept by :mod:`.parsed` used to be unpickled and then
walked whole to intern those strings again: at 1,500 units, half a million values walked on
every build, for every unchanged file.

Now the pickle is two: first the list of the strings to share (every dict key, every string
up to ``SHARED_LENGTH``), then the kept value, in which each use of a listed string is a
persistent id, its number in the list. Reading, the listed strings are interned once, and the
unpickler's ``persistent_load`` is the interned list's own ``__getitem__`` (C, no Python frame a
string), so every use of them is the interned string and nothing walks the data. Both pickles
are read by the caller's unpickler (the one that refuses every class); the list must be strings
only, and a number out of range or not a number fails the read.
"""

from __future__ import annotations

import io
import pickle
import sys
from typing import Any

from duban.load.strict_yaml import SHARED_LENGTH


def interned(value: Any, strings: dict[str, None]) -> Any:
    """``value`` with every dict key and every string up to ``SHARED_LENGTH`` interned (dicts
    and lists copied), each such string noted in ``strings`` in the order first met."""
    if isinstance(value, dict):
        copy = {}
        for key, item in value.items():
            if isinstance(key, str):
                key = sys.intern(key)
                strings.setdefault(key)
            copy[key] = interned(item, strings)
        return copy
    if isinstance(value, list):
        return [interned(item, strings) for item in value]
    if isinstance(value, str) and len(value) <= SHARED_LENGTH:
        value = sys.intern(value)
        strings.setdefault(value)
    return value


def dumps(stored: tuple[Any, ...], strings: dict[str, None]) -> bytes:
    """``stored`` pickled after the list of ``strings`` (the objects ``stored`` holds), each
    use of one of them a reference to the list's entry."""
    out = io.BytesIO()
    shared = list(strings)
    numbers = {id(s): number for number, s in enumerate(shared)}  # the very objects
    pickle.Pickler(out, pickle.HIGHEST_PROTOCOL).dump(shared)
    body = pickle.Pickler(out, pickle.HIGHEST_PROTOCOL)
    body.persistent_id = lambda value: numbers.get(id(value)) if type(value) is str else None  # type: ignore[method-assign]
    body.dump(stored)
    return out.getvalue()


def loads(raw: bytes, unpickler: type[pickle.Unpickler]) -> Any:
    """What :func:`dumps` kept, its shared strings interned; raises on anything else."""
    stream = io.BytesIO(raw)
    shared = unpickler(stream).load()
    if type(shared) is not list or not all(type(s) is str for s in shared):
        raise pickle.UnpicklingError("not a list of strings")
    body = unpickler(stream)
    body.persistent_load = list(map(sys.intern, shared)).__getitem__  # type: ignore[method-assign]
    value = body.load()
    if stream.read(1):
        raise pickle.UnpicklingError("more than one value")
    return value
