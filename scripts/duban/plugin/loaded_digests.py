"""The data files' digests, of the bytes the build loaded (h24l).

The keys of everything a build keeps (page sources, calendars, the open data's pieces: they
hold the data files' digests, :mod:`.source_memo`) used to be made from every data file read
and hashed in ``on_config`` before the loader read them again: a status file changed between
the two reads was loaded with its new content and its pages kept under the digest of the old
one. Now:

* a status file's digest is the one the loader made of the bytes it parsed and checked (the
  validation cache digests them, :mod:`duban.load.project`), noted as the loader hands each
  file to :class:`DigestedFiles` (the page cache's :class:`~duban.load.parsed.ParsedFiles`):
  the bulk of a province's files read and hashed once, not twice;
* the few other data files (plan, tasks, org, rules, records, federation) are digested before
  the load and again after it: a YAML file changed between the two stops the build with one line
  (``构建期间数据文件 … 被改动；请重新构建``) instead of keeping anything under a stale key;
* a status file the loader did not hand over (its validation context could not be read, so
  the page cache's parsed files were not used) is digested from disk, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from mkdocs.exceptions import PluginError

from duban.i18n.messages import say
from duban.load.cache import file_digest
from duban.load.layout import FOLDERS
from duban.load.parsed import ParsedFiles
from duban.load.strict_yaml import Document

STATUS = FOLDERS["status"] + "/"
DATA_SUFFIXES = (".yaml", ".yml")


class DigestedFiles(ParsedFiles):
    """Parsed status files (:class:`ParsedFiles`) that note each file's digest as loaded."""

    def __init__(self, folder: Path | None) -> None:
        super().__init__(folder)
        self.read: dict[str, str] = {}
        """data-relative path -> digest of the bytes the loader parsed (or took as parsed);
        emptied before each load (:meth:`start`)."""

    def start(self) -> None:
        self.read = {}

    def document(self, digest: str, path: Path, display: str, file: str) -> Document | None:
        found = super().document(digest, path, display, file)
        if found is not None:
            self.read[file] = digest
        return found

    def put(self, digest: str, document: Document) -> None:
        if document.file:
            self.read[document.file] = digest
        super().put(digest, document)


def data_digests(data_dir: Path, keep: Callable[[str], bool] | None = None) -> dict[str, str]:
    """The data folder's files (data-relative path -> digest of their bytes), those whose path
    ``keep`` accepts when given."""
    found = {}
    for path in sorted(data_dir.rglob("*")) if data_dir.is_dir() else ():
        name = path.relative_to(data_dir).as_posix()
        if (keep is not None and not keep(name)) or not path.is_file():
            continue
        try:
            found[name] = file_digest(path.read_bytes())
        except OSError:
            continue
    return found


def changed_files(before: Mapping[str, str], now: Mapping[str, str]) -> set[str]:
    """The data files added, removed or changed between two sets of digests."""
    return {n for n in before.keys() | now.keys() if before.get(n) != now.get(n)}


def listed(names: list[str]) -> str:
    """The first three of ``names`` and how many more, for one line of the log."""
    return ", ".join(names[:3]) + (f" (+{len(names) - 3})" if len(names) > 3 else "")


def _not_status(name: str) -> bool:
    return not name.startswith(STATUS)


def before_load(data_dir: Path) -> dict[str, str]:
    """Every data file but the status files, before the loader reads them."""
    return data_digests(data_dir, _not_status)


def after_load(
    data_dir: Path, before: Mapping[str, str], read: Mapping[str, str]
) -> dict[str, str]:
    """Every data file's digest as loaded: the status files' as the loader read them (``read``),
    the others' as :func:`before_load` found them, unchanged since (else the build stops)."""
    now = data_digests(data_dir, _not_status)
    # the files the loader reads (an editor's swap file may change at any time: not data)
    changed = sorted(n for n in changed_files(before, now) if n.endswith(DATA_SUFFIXES))
    if changed:
        shown = listed(changed)
        raise PluginError(
            say(
                f"duban: data files changed during the build ({shown}); build again",
                f"duban：构建期间数据文件（{shown}）被改动；请重新构建",
            )
        )
    status = {n: d for n, d in read.items() if n.startswith(STATUS)}
    # a status file not handed over: from disk, as before
    status.update(data_digests(data_dir, lambda n: n.startswith(STATUS) and n not in status))
    return dict(sorted({**now, **status}.items()))
