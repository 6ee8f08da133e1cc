"""What `mkdocs serve` keeps of the data between builds (h24m): the digests of the data files,
made again only for the files whose status moved, and the model, updated by the status files
that changed rather than built again (:mod:`duban.load.update`).

**Why a file's status may stand for its bytes.** The digests are the page keys' inputs (a page
made from other bytes under the same key would be stale), so a file is read again whenever any
of its size, modification time, change time, inode or device differ from when it was read.
Writing a file sets its change time (``st_ctime``) to the current time, and no call available to
a user sets it back (``touch`` and ``utime`` set the modification time only), so bytes that
changed give another status, however the file was written (an editor replacing it, ``git
checkout``, a program writing in place). The one gap is a filesystem whose clock ticks coarsely:
a second write within the same tick as the read would show the same times. So, as git does for
its index, a file whose modification or change time lies within :data:`RACY_NS` of the time it
was read is not trusted: it is read again at the next build, until it is older than that.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from pathlib import Path

from duban.evaluation.evaluate import Evaluation, evaluate
from duban.evaluation.update import LiveEvaluation
from duban.i18n.messages import say
from duban.load.cache import file_digest
from duban.load.parsed import ParsedFiles
from duban.load.project import Project, load_project
from duban.load.update import LiveLoad
from duban.model.model import Model
from duban.plugin.loaded_digests import changed_files

log = logging.getLogger("mkdocs.plugins.duban")

RACY_NS = 2_000_000_000
"""A file changed this close to the moment it was read is read again next time."""

Stamp = tuple[int, int, int, int, int]


class DataDigests:
    """Every file of the data folder (relative path -> digest of its bytes), as
    :func:`duban.plugin.loaded_digests.data_digests` gives them, reading only the files whose status
    moved since the last call."""

    def __init__(self) -> None:
        self.known: dict[str, tuple[Stamp, str]] = {}
        self.read = 0  # files read by the last call (for the tests)

    def __call__(self, data_dir: Path) -> dict[str, str]:
        found: dict[str, str] = {}
        known: dict[str, tuple[Stamp, str]] = {}
        self.read = 0
        for path in sorted(data_dir.rglob("*")) if data_dir.is_dir() else ():
            try:
                st = path.stat()
            except OSError:
                continue
            if not path.is_file():
                continue
            name = path.relative_to(data_dir).as_posix()
            stamp = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)
            before = self.known.get(name)
            if before is not None and before[0] == stamp:
                found[name] = before[1]
                known[name] = before
                continue
            now = time.time_ns()
            try:
                digest = file_digest(path.read_bytes())
            except OSError:
                continue
            self.read += 1
            found[name] = digest
            if now - max(st.st_mtime_ns, st.st_ctime_ns) > RACY_NS:
                known[name] = (stamp, digest)
        self.known = known
        return found


class LiveData:
    """The plugin's loading of the data: while serving, the last model updated by the status
    files that changed; in any other build a full load, keeping nothing."""

    def __init__(self) -> None:
        self.live = LiveLoad()
        self.evaluations: LiveEvaluation | None = None  # while serving
        self.digests = DataDigests()
        self.last: dict[str, str] = {}  # the data files' digests at the last load

    def load(
        self,
        command: str,
        data_dir: Path,
        schema_dir: Path,
        parsed: ParsedFiles | None,
    ) -> Project:
        if command != "serve":
            self.live, self.last, self.evaluations = LiveLoad(), {}, None
            return load_project(data_dir, schema_dir, parsed=parsed)
        if self.evaluations is None:
            self.evaluations = LiveEvaluation()
        now = self.digests(data_dir)
        changed = changed_files(self.last, now) if self.last else None
        self.last = now
        project = self.live.load(data_dir, schema_dir, changed=changed, parsed=parsed, digests=now)
        if self.live.updated and changed:
            log.info(
                say(
                    f"duban: {len(changed)} status file(s) loaded again, "
                    "the rest of the model kept from the last build",
                    f"duban：重新载入 {len(changed)} 个单位文件，其余数据沿用上次构建的结果",
                )
            )
        return project

    def evaluate(self, model: Model, as_of: dt.date, due_soon_days: int) -> Evaluation:
        """The build's evaluation: while serving, only the obligations whose holders' entries
        changed since the last build are evaluated again (:mod:`duban.evaluation.update`)."""
        if self.evaluations is None:
            return evaluate(model, as_of, due_soon_days)
        return self.evaluations.evaluate(model, as_of, due_soon_days)
