"""Pause Python's cycle collector while large, acyclic data is built.

Loading a province's data makes millions of dicts, lists and strings, none of them in a reference
cycle, so reference counting frees all of it. The cycle collector, though, runs every few hundred
allocations and each of its older generations rescans everything allocated so far: at 1,500
units it took a quarter of validation (6.6 s against 4.8 s) and finds nothing. Pausing it while
the data is built, and restoring it afterwards, removes that cost without keeping any garbage.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """Disable the cycle collector inside the block; leave it as it was found afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
