"""The bytes a kept page's key digests: the facts it shows, pickled with every record's place by
its file in the data folder, never by its path from the working directory.

A record's :class:`~duban.model.refs.Source` holds both: ``path`` as messages show it (relative
to the directory the build was started from) and ``file`` (relative to the data folder). No page
or download shows ``path`` (edit links and the export use ``file``), so a key that digested it
made a build started from another directory, the same data, render every page again (h24: the
same page cache, ``mkdocs build -f`` from the repository's root and from its parent: 3,702 of
3,712 page sources made again at 1,500 units, the same bytes).
"""

from __future__ import annotations

import copyreg
import io
import pickle
from typing import Any

from duban.model.refs import Source


def _by_file(source: Source) -> tuple[Any, tuple[str, int, str]]:
    return Source, (source.file, source.line, source.file)


_TABLE = {**copyreg.dispatch_table, Source: _by_file}


def fact_bytes(value: object) -> bytes:
    """``value`` pickled as a key digests it: equal facts give equal bytes in any process
    started from any directory (a value pickled two ways only costs a render)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _TABLE
    pickler.dump(value)
    return buffer.getvalue()
