"""`mkdocs serve` only (h24n): MkDocs' fixed work per rebuild made smaller.

* **Downloads linked, not copied, into the served folder** (:class:`LinkedFile`). Every
  rebuild, MkDocs cleans the served folder and copies each download (a province's calendars:
  thousands of files) from the build's own folder of downloads. Those files are written once and
  never changed in place (:mod:`.serve_spill` and :mod:`.serve_downloads` replace a file by
  renaming a new one over it), so a hard link gives the served folder the same bytes
  without reading or writing them. Where a link cannot be made (another filesystem), a copy.
  h24ae: a download whose file is the one the served folder already links (serving, the
  folder of downloads is kept and an unchanged download not written again: :mod:`.serve_spill`)
  is left as it is.
* **The theme's templates compiled once a session** (:class:`TemplateCode`). MkDocs makes a
  new Jinja environment for every build, which compiles Material's templates again each time
  (about forty). An in-memory bytecode cache, keyed by Jinja by each template's name and the
  checksum of its source, gives the same code for the same source; nothing is written to disk
  (a forged file there would run in the build).
"""

from __future__ import annotations

import os

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from mkdocs.structure.files import File


class LinkedFile(File):
    """A generated download whose file MkDocs links into the site instead of copying it."""

    def copy_file(self, dirty: bool = False) -> None:
        source = self.abs_src_path
        if source is None or self._content is not None:
            return super().copy_file(dirty)
        target = self.abs_dest_path
        os.makedirs(os.path.dirname(target), exist_ok=True)
        try:
            if os.path.lexists(target):
                if os.path.samestat(os.stat(source), os.lstat(target)):
                    return  # h24ae: the last build's link to the same file (serve_spill)
                os.unlink(target)
            os.link(source, target)
        except OSError:
            super().copy_file(dirty)


class TemplateCode(BytecodeCache):
    """Compiled templates in memory, for as long as the server runs."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self.code.clear()
