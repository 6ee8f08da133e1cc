"""The general causes behind the refusals and misses of the sixth batch (issue 18, eighth round,
branch h18l), each with the real text it was seen in (tests/fixtures/import/corpus/, SOURCES.md
gives each file's address; shortened where "…" says so). No file that holds tasks is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import import_whole

pytestmark = pytest.mark.usefixtures("chinese")


# --- a line's indent a converter turned into ?? ---------------------------------------------

# shanghai-putuo-2021-trad-qq-indent-zeren.txt (refused before: every line starts with ??, so
# no 一、 (一) 1. was at a line start, and ?? itself read as a garbled number). Shortened.
PUTUO = (
    "普陀區深化推進一流營商環境建設行動方案\n"
    "??一、讓企業辦事更省心\n"
    "??(一)提升線上服務友好度。加強系統集成、資源共享和業務協同,推進區級政務服務事項網上辦理能力,"
    "提升“一網通辦”用戶體驗。具體措施:\n"
    "??1.加強系統集成、資源共享和業務協同,具備可網辦能力的區級政務服務事項比例達到95%以上。"
    "(責任單位:區府辦、區行政服務中心、區市場監管局)\n"
    "??2.推廣遠程身份核驗、電子簽章等應用,實現企業高頻事項全覆蓋。"
    "(責任單位:區府辦、區科委、區行政服務中心)\n"
)


def test_a_garbled_indent_before_a_number_is_no_number_of_its_own(tmp_path: Path) -> None:
    result = import_whole(tmp_path, PUTUO, 2021)
    assert [task["id"] for task in result.tasks] == ["1-1", "1-2"]
    assert result.tasks[0]["roles"]["responsible"] == ["區府辦", "區行政服務中心", "區市場監管局"]
    assert result.tasks[1]["roles"]["responsible"] == ["區府辦", "區科委", "區行政服務中心"]
    assert not result.tasks[1]["text"].startswith("?")
