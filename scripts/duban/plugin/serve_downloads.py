"""`mkdocs serve` only (h24n): the whole-plan downloads made after the pages, not before them.

A clerk previewing one unit's change needs its pages; the 台账, the open data, the plans' task
tables and the feed list every unit, so each edit made them again before the server could show
anything (at 500 units about a third of a rebuild). While serving, after a status-only update
(:mod:`duban.load.update`), :meth:`LaterDownloads.take` keeps those jobs out of the render: the
pages show the sizes, and MkDocs copies the files, of the last ones made (kept in a folder of
their own); once the build is done and served, a background thread makes them again and puts
each in place in the served folder and in the kept folder in one step (a rename), so a
download is never half-written. The log says when they are being made again and when they are
ready: they are never silently stale. The next build first stops the thread (between two
downloads) and waits for it; what it had not made is made by the next build's own thread.
The open data's pieces (:mod:`duban.site.kept_open_data`) stay in the source memo across
these builds: the build marks them used (it no longer uses them itself), the thread keeps the
ones it used and lets go of the rest.

A first build, a full load (anything but status files changed) or the first build after a
failed one makes every download in the build, as ``mkdocs build`` always does: its bytes are
unchanged by this module.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from duban.i18n.messages import say
from duban.load.files import write_atomically
from duban.outputs import urls
from duban.plugin.source_memo import SourceMemo
from duban.site import swap
from duban.site.kept_open_data import is_piece

if TYPE_CHECKING:
    from duban.model.model import Model
    from duban.site import Site
    from duban.site.split import Job

log = logging.getLogger("mkdocs.plugins.duban")


def whole_plan_downloads(model: Model) -> frozenset[str]:
    """The downloads that list every unit: what a serve rebuild makes after its pages."""
    tables = {urls.plan_tasks_csv(pid) for pid in model.plans}
    tables |= {urls.plan_tasks_xlsx(pid) for pid in model.plans}
    whole = {urls.LEDGER_XLSX, urls.LEDGER_CSV, urls.EXPORT_JSON, urls.EXPORT_JSON_GZ, urls.FEED}
    return frozenset(tables | whole)


def put_in_place(folder: Path, uri: str, data: bytes) -> None:
    """``data`` at ``folder/uri``, written beside it and renamed into place."""
    path = folder / uri
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, data)


class LaterDownloads:
    """The plugin's whole-plan downloads while serving (one object for the whole session)."""

    def __init__(self) -> None:
        self.folder: Path | None = None  # the last ones made, kept between builds
        self.sizes: dict[str, int] = {}  # their sizes, by path in the site
        self.wanted = False  # this build may make them later
        self.jobs: list[Job] = []  # this build's, made after it
        self.site: Site | None = None
        self.thread: threading.Thread | None = None
        self.stop = threading.Event()
        self.made = 0  # downloads the last thread made (for the tests)
        self.memo: SourceMemo | None = None  # the open data's pieces are kept there (h24l)

    def start(self, serving: bool, updated: bool, memo: SourceMemo | None = None) -> None:
        """on_config: the last build's thread stopped first; whether this build may leave the
        downloads for later (serving, the model updated from status files, some kept)."""
        self.wait(stop=True)
        self.jobs, self.site, self.memo = [], None, memo
        self.wanted = serving and updated and bool(self.sizes)

    def take(self, jobs: list[Job], site: Site) -> list[Job]:
        """``render_site``'s ``later``: the calendars' job (the first) kept, the whole-plan
        downloads' left for after the build, their last sizes put where the pages read them."""
        if not self.wanted:
            return jobs
        self.jobs, self.site = jobs[1:], site
        site.sizes.update(self.sizes)
        if self.memo is not None:  # the build does not use the pieces: its end keeps them
            self.memo.used |= {k for k, v in self.memo.memory.items() if is_piece(v)}
        log.info(
            say(
                f"duban: the whole-plan downloads ({len(self.sizes)} files: 台账, open data, "
                "task tables, feed) are rebuilt after the pages; until then the site serves "
                "the previous ones",
                f"duban：全局下载文件（{len(self.sizes)} 个：台账、开放数据、任务表、订阅）"
                "在页面之后重新生成；生成之前网站提供的是上次生成的版本",
            )
        )
        return jobs[:1]

    def source(self, uri: str) -> Path | None:
        """Where MkDocs copies ``uri`` from when this build left it for later."""
        if self.jobs and self.folder is not None and uri in self.sizes:
            return self.folder / uri
        return None

    def keep(self, model: Model, spill: Path) -> None:
        """on_files, after a build that made every download: the whole-plan ones kept (linked,
        or copied, from the build's own folder, which is removed after the build)."""
        if self.jobs or self.site is not None:
            return
        whole = whole_plan_downloads(model)
        folder = self.folder = self.folder or swap.downloads_folder()
        self.sizes = {}
        for path in sorted(spill.rglob("*")):
            uri = path.relative_to(spill).as_posix()
            if uri not in whole or not path.is_file():
                continue
            target = folder / uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.unlink(missing_ok=True)
            try:
                os.link(path, target)
            except OSError:
                shutil.copyfile(path, target)
            self.sizes[uri] = path.stat().st_size

    def after(self, site_dir: str) -> None:
        """on_post_build: the thread that makes this build's whole-plan downloads."""
        if not self.jobs or self.site is None:
            return
        jobs, site = self.jobs, self.site
        site.pages = {}  # the build is done: only the downloads' jobs are needed now
        self.stop.clear()
        self.thread = threading.Thread(
            target=self._make, args=(jobs, site, Path(site_dir)), daemon=True
        )
        self.thread.start()

    def _make(self, jobs: list[Job], site: Site, served: Path) -> None:
        assert self.folder is not None
        folder, started, sizes = self.folder, time.monotonic(), dict(self.sizes)

        def put(uri: str, data: bytes) -> None:
            put_in_place(folder, uri, data)
            put_in_place(served, uri, data)
            sizes[uri] = len(data)
            self.made += 1

        site.sink, self.made = put, 0
        memo = self.memo
        if memo is not None:  # its build is over: what the thread uses, it keeps (below)
            memo.used = set()
        try:
            for job in jobs:
                if self.stop.is_set():
                    return
                job.run()
            if memo is not None:  # the pieces of files since changed are let go
                gone = [k for k, v in memo.memory.items() if is_piece(v) and k not in memo.used]
                for key in gone:
                    del memo.memory[key]
        except Exception as error:  # the thread's end: one line, the last ones still served
            log.error(
                say(
                    f"duban: the whole-plan downloads could not be rebuilt ({error}); "
                    "the site serves older ones",
                    f"duban：全局下载文件未能重新生成（{error}）；网站提供的是较早的版本",
                )
            )
            return
        finally:
            self.sizes = sizes
        seconds = time.monotonic() - started
        log.info(
            say(
                f"duban: the whole-plan downloads are ready ({self.made} files, {seconds:.1f} s)",
                f"duban：全局下载文件已重新生成（{self.made} 个，{seconds:.1f} 秒）",
            )
        )

    def wait(self, stop: bool = False) -> None:
        """Until the thread is done (``stop``: after the download it is making)."""
        thread, self.thread = self.thread, None
        if thread is not None:
            if stop:
                self.stop.set()
            thread.join()

    def close(self) -> None:
        """The session's end: the thread stopped, the kept folder removed."""
        self.wait(stop=True)
        if self.folder is not None:
            swap.remove_tree(self.folder)
        self.folder, self.sizes, self.jobs, self.site = None, {}, [], None
