"""The folder a build's downloads go to as they are made (h24ae: kept while serving).

Downloads are written to a folder of their own as soon as each is made (a province's calendars
are hundreds of MB, better not all in memory), and MkDocs copies them from there, or links them
while serving (:class:`~duban.plugin.serve_files.LinkedFile`). ``mkdocs build`` makes a new
folder each build and removes it once the site holds the files, as before.

While serving, a rebuild after a status file changed makes only the units' calendars (the
whole-plan downloads come after the pages, :mod:`.serve_downloads`), and all but the edited
unit's are the last build's bytes (:mod:`duban.site.kept_downloads`). Writing each again into a
new folder and removing the last one cost a file's creation and removal per unit on every edit
(at 500 units, some 0.1 s). So, serving, the folder stays from build to build and a download is
written only when its digest differs from the one written there last: beside its place and
renamed over it, a new file, so the served folder's link to the last one never changes under a
reader (:class:`~duban.plugin.serve_files.LinkedFile` links the new file, and leaves a link to
an unchanged one as it is). What a build no longer makes is removed at its end. A failed build,
and the session's end, remove the folder.
"""

from __future__ import annotations

import os
import shutil
from hashlib import blake2b
from pathlib import Path

from duban.site import swap


class Spill:
    """One session's folder of downloads (the plugin's ``sink``)."""

    def __init__(self) -> None:
        self.folder: Path | None = None
        self.serving = False
        self.written: dict[str, bytes] = {}  # serving: each file's digest, as written last
        self.made: set[str] = set()  # this build's downloads
        self.writes = 0  # files written by the last build (for the tests)

    def start(self, serving: bool) -> Path:
        """A build's start: the folder its downloads go to (serving: the last build's)."""
        if not serving or self.folder is None or not self.folder.is_dir():
            self.drop()
            swap.clean_downloads()  # those of killed builds
            self.folder = swap.downloads_folder()
        self.serving, self.made, self.writes = serving, set(), 0
        return self.folder

    def put(self, uri: str, data: bytes) -> None:
        """One download made (``render_site``'s sink)."""
        assert self.folder is not None
        path = self.folder / uri
        self.made.add(uri)
        if not self.serving:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            self.writes += 1
            return
        digest = blake2b(data, digest_size=16).digest()
        if self.written.get(uri) == digest:
            return  # the same bytes are there
        path.parent.mkdir(parents=True, exist_ok=True)
        beside = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        beside.write_bytes(data)
        os.replace(beside, path)
        self.written[uri] = digest
        self.writes += 1

    def end(self) -> None:
        """The build is done and MkDocs holds its downloads: ``mkdocs build``'s folder removed;
        serving, the files this build did not make."""
        if not self.serving:
            self.drop()
            return
        assert self.folder is not None
        for uri in [u for u in self.written if u not in self.made]:
            (self.folder / uri).unlink(missing_ok=True)
            del self.written[uri]

    def drop(self) -> None:
        """The folder removed (a failed build, the session's end)."""
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
        self.folder, self.written, self.made = None, {}, set()
