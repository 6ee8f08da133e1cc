"""What an import tells its reviewer: each assumption it made, each clause it could not read and
each name it could not match, with the line of the document it comes from."""

from __future__ import annotations

from dataclasses import dataclass

from duban.plan_import.segment import SourceText
from duban.plan_import.units import Match


@dataclass
class Finding:
    line: int
    what: str  # a sentence in Chinese
    text: str = ""


class Findings:
    """The findings of one import, kept while it reads the document."""

    doc: SourceText
    unread: list[Finding]
    assumptions: list[Finding]
    unmatched: list[Finding]

    def _report_match(self, match: Match, line: int) -> None:
        if match.how == "new":
            kind = {"unit": "单位", "group": "单位组", "body": "机构或会议"}[match.entry.kind]
            self.unmatched.append(
                Finding(line, f"未能与单位名录匹配，已新建{kind} {match.entry.id}", match.phrase)
            )
        elif match.how != "exact":
            how = {
                "folded": "繁简/全半角/“各”字不同",
                "suffix": "名称的后半部分",
                "prefix": "单位组名称的前半部分",
            }
            self._assume(
                line,
                f"“{match.phrase}”按{how[match.how]}匹配为“{match.write_as}”（{match.entry.id}），请核对",
                match.phrase,
            )

    def _assume_at(self, offset: int, what: str, text: str = "") -> None:
        self._assume(self.doc.line(offset) if offset else 0, what, text)

    def _assume(self, line: int, what: str, text: str = "") -> None:
        finding = Finding(line, what, text)
        if not any(f.what == what and f.text == text for f in self.assumptions):
            self.assumptions.append(finding)
