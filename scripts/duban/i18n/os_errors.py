"""Why the system refused a file, in the chosen language: ``strerror`` is English whatever the
language, so the reasons a user meets most often are given in Chinese here."""

from __future__ import annotations

import errno

from duban.i18n.messages import say

REASONS_ZH = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "不允许此操作",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "文件系统只读",
    errno.EEXIST: "已有同名的文件或文件夹",
    errno.ENAMETOOLONG: "文件名太长",
}


def os_reason(error: OSError) -> str:
    """The reason of ``error`` without its path (the caller names the file)."""
    english = error.strerror or type(error).__name__
    chinese = REASONS_ZH.get(error.errno or 0, english)
    return say(english, chinese)
