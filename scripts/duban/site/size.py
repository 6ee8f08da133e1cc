"""The built site's size: bytes and files per page family, and the limit a host sets.

Hosts refuse sites that are too large (GitHub Pages: 1 GB; GitLab.com Pages: 1 GB and 200,000
files; a self-managed GitLab often far less). The plugin measures the built folder after each
build (:func:`measure`) and warns above ``site_size_limit`` (:func:`too_large`), naming the
largest families so the reader knows where the bytes went. The benchmark
``tests/benchmarks/site_bytes.py`` prints the same families.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from duban.i18n.messages import say

# (English, Chinese) names of the families, in the order they are tested: the first whose
# pattern matches a path (relative to the site's root, with "/") names its family
FAMILIES: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (en, zh, re.compile(pattern))
    for en, zh, pattern in (
        ("unit pages", "单位页", r"units/(?!index\.html$)[^/]+\.html"),
        ("unit history pages", "历史记录页", r"units/[^/]+/history(-\d+)?\.html"),
        ("task pages", "任务页", r"plans/[^/]+/tasks/[^/]+\.html"),
        ("group pages", "单位组页", r"plans/[^/]+/groups/[^/]+\.html"),
        ("plan pages", "方案页", r"plans/[^/]+/[^/]+\.html"),
        ("leader pages", "领导页", r"leaders/[^/]+\.html"),
        ("summary pages", "汇总页", r"(index|overdue|downloads|units/index)\.html"),
        ("unit calendars", "单位日历", r"downloads/ics/[^/]+\.ics"),
        ("plan calendars", "方案日历", r"downloads/([^/]+/plan|all)\.ics"),
        ("task tables (xlsx, csv)", "任务分工表", r"downloads/[^/]+/tasks\.(xlsx|csv)"),
        ("ledger (xlsx, csv)", "台账", r"downloads/ledger\.(xlsx|csv)"),
        ("open data (json)", "开放数据", r"downloads/[^/]+\.json"),
        ("feed (atom)", "订阅源", r"downloads/[^/]+\.atom"),
        ("other downloads", "其他下载", r"downloads/.*"),
        ("search index", "搜索索引", r"search/.*"),
        ("assets", "样式、脚本与图标", r"assets/.*"),
        ("hand-written pages", "说明页", r".*\.html"),
        ("other files", "其他文件", r".*"),
    )
)


def family(path: str) -> str:
    """The family (its English name) of a file of the built site."""
    for en, _zh, pattern in FAMILIES:
        if pattern.fullmatch(path):
            return en
    return FAMILIES[-1][0]  # pragma: no cover - the last pattern matches everything


def family_name(name: str) -> str:
    """A family's name in the language of the messages."""
    for en, zh, _pattern in FAMILIES:
        if en == name:
            return say(en, zh)
    return name


@dataclass
class SiteSize:
    bytes: int = 0
    files: int = 0
    families: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Bytes and files per family (English name)."""

    def add(self, path: str, size: int) -> None:
        name = family(path)
        old_bytes, old_files = self.families.get(name, (0, 0))
        self.families[name] = (old_bytes + size, old_files + 1)
        self.bytes += size
        self.files += 1

    def largest(self, count: int = 3) -> list[tuple[str, int]]:
        """The ``count`` families with the most bytes, largest first."""
        ranked = sorted(self.families.items(), key=lambda kv: (-kv[1][0], kv[0]))
        return [(name, size) for name, (size, _files) in ranked[:count]]

    def as_json(self) -> dict:
        return {
            "bytes": self.bytes,
            "files": self.files,
            "families": {k: {"bytes": b, "files": f} for k, (b, f) in self.families.items()},
        }


def measure(site_dir: Path | str) -> SiteSize:
    """Every file under ``site_dir``, by family (symbolic links are not followed)."""
    root = os.fspath(site_dir)
    found = SiteSize()
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            found.add(rel, os.lstat(path).st_size)
    return found


_UNITS = {"": 1, "B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9, "KIB": 2**10, "MIB": 2**20}
_UNITS |= {"GIB": 2**30, "K": 10**3, "M": 10**6, "G": 10**9}
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*")

DEFAULT_LIMIT = "1GB"
"""GitHub Pages refuses published sites over 1 GB; GitLab.com Pages allows 1 GB."""

FILES_LIMIT = 200_000
"""GitLab.com Pages refuses a site of more files than this."""


def parse_size(text: str | int) -> int | None:
    """Bytes from ``300MB``, ``1GB``, ``1.5 GB``, ``500KB``, ``2GiB`` or a plain number of bytes
    (1 KB = 1,000 bytes, 1 KiB = 1,024); None when it is none of these or not above zero."""
    if isinstance(text, bool):
        return None
    if isinstance(text, int):
        return text if text > 0 else None
    found = _SIZE.fullmatch(text)
    if found is None or found.group(2).upper() not in _UNITS:
        return None
    size = int(float(found.group(1)) * _UNITS[found.group(2).upper()])
    return size if size > 0 else None


def shown_size(size: int) -> str:
    """``812.3 MB``, ``4.1 KB``: in the decimal units hosts state their limits in."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} B"


def too_large(size: SiteSize, limit: int, files_limit: int = FILES_LIMIT) -> list[str]:
    """One line for each limit the site passes (none when it fits), naming the three largest
    families and their sizes."""
    largest = say(", ", "，").join(
        f"{family_name(name)} {shown_size(b)}" for name, b in size.largest(3)
    )
    lines = []
    if size.bytes > limit:
        lines.append(
            say(
                f"duban: the site is {shown_size(size.bytes)} in {size.files:,} files, above "
                f"site_size_limit {shown_size(limit)}; largest: {largest}",
                f"duban：网站共 {shown_size(size.bytes)}、{size.files:,} 个文件，超过了 "
                f"site_size_limit（{shown_size(limit)}）；最大的几类：{largest}",
            )
        )
    if size.files > files_limit:
        lines.append(
            say(
                f"duban: the site has {size.files:,} files, more than the {files_limit:,} "
                f"GitLab Pages accepts; largest: {largest}",
                f"duban：网站有 {size.files:,} 个文件，超过了 GitLab Pages 允许的 "
                f"{files_limit:,} 个；最大的几类：{largest}",
            )
        )
    return lines
