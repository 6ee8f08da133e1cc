"""Where every character of the document went: a task or sub-item's text, a field of the plan
(title, notice, preamble, closing, section titles …), a kept non-task provision, website chrome,
or the review. Nothing is dropped silently.

The accounting is independent of how the importer read the document: it takes the strings the
import wrote (the data, the chrome it set aside) and finds each in the document (white space
ignored, as the data's text is the document's lines stripped). Whatever no string covers is a
``leftover``: the importer adds each to the review as text it did not understand, and the tests
require there be none in the fixtures.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

SPACE = re.compile(r"[\s\u3000\xa0]+")

DESTINATIONS = {
    "tasks": ("task and sub-item text", "任务和子项原文"),
    "provisions": ("non-task provisions", "非任务条目"),
    "title": ("plan title", "方案标题"),
    "notice": (
        "covering notice (title, number, addressees, text)",
        "印发通知（标题、文号、主送、正文）",
    ),
    "signature": ("issuer and signing date", "发文单位和成文日期"),
    "preamble": ("preamble", "引言"),
    "sections": ("section titles", "章节标题"),
    "closing": ("closing words", "结束语"),
    "numbering": ("item numbers (number, numeral, label)", "编号（number、numeral、label）"),
    "chrome": (
        "website chrome and document furniture (not used)",
        "网页栏目和公文格式文字（未采用）",
    ),
    "review": ("not understood: listed in the review", "未能识别（列入核对报告）"),
}


@dataclass
class Leftover:
    line: int
    text: str


@dataclass
class Accounting:
    total: int  # characters of the document, white space not counted
    chars: dict[str, int] = field(default_factory=dict)  # per destination
    leftovers: list[Leftover] = field(default_factory=list)

    @property
    def accounted(self) -> int:
        return sum(self.chars.values())


Claim = tuple[str, tuple[str, ...], bool]
"""A destination, the text it holds (alternatives, the first found wins), and whether every
place the text stands unaccounted for is its (a notice's title repeated by a web page)."""


def destinations(
    plan: dict,
    tasks: list[dict],
    chrome: list[str],
    issuer: str,
    labels: list[str],
    repeats: list[str] | None = None,
) -> Iterator[Claim]:
    """Every string the import wrote, in the order they claim the document's characters."""
    for task in tasks:
        yield "tasks", (task.get("text", ""),), False  # its sub-items' text is inside it
    for text in chrome:  # h18ai: everywhere, as a page writes its labels again (文号: twice)
        yield "chrome", (text,), True
    for section in plan.get("sections", []):
        for provision in section.get("provisions", []):
            yield "provisions", (provision.get("text", ""),), False
    yield "notice", (plan.get("notice_text") or "",), False
    addressees = plan.get("addressees") or ""
    yield "notice", (addressees + "：", addressees + ":", addressees), False
    yield "notice", (plan.get("notice_title") or "",), True
    number = plan.get("document_number") or ""  # h18s: …的通知(韶府〔2019〕31號), its brackets too
    yield "notice", (f"({number})", f"（{number}）", number) if number else ("",), True
    yield "preamble", (plan.get("preamble") or "",), False
    yield "closing", (plan.get("closing") or "",), False
    yield "title", (plan.get("title", ""),), True
    for section in plan.get("sections", []):
        yield "sections", (section.get("title", ""),), False
    yield "signature", (plan.get("signed_as_written") or "",), True
    yield "signature", (issuer,), True
    for label in labels:
        yield "numbering", (label,), False
    for repeat in repeats or []:  # the notice's title where a page writes it again
        yield "notice", (repeat,), False


def account(document: str, claims: Iterator[Claim]) -> Accounting:
    """Each non-space character of ``document`` given to the first string that covers it."""
    keep = [i for i, c in enumerate(document) if not SPACE.match(c)]
    ledger = _Ledger("".join(document[i] for i in keep))
    for destination, texts, everywhere in claims:
        for text in texts:
            wanted = SPACE.sub("", text)
            if wanted and ledger.compact.find(wanted) >= 0:
                ledger.claim(wanted, destination, everywhere)
                break
        else:  # a text the document does not hold as written: its lines, then its phrases
            for piece in _pieces(texts[-1]):
                ledger.claim(piece, destination, False)
    owner = ledger.owner
    result = Accounting(len(owner))
    for who in owner:
        if who is not None:
            result.chars[who] = result.chars.get(who, 0) + 1
    newlines = [i for i, c in enumerate(document) if c == "\n"]
    run: list[int] = []
    for index, who in enumerate([*owner, "end"]):
        if who is None:
            run.append(index)
            continue
        if run:
            first = keep[run[0]]
            line = bisect.bisect_left(newlines, first) + 1
            text = document[first : keep[run[-1]] + 1]
            result.leftovers.append(Leftover(line, text))
            result.chars["review"] = result.chars.get("review", 0) + len(run)
            run = []
    return result


class _Ledger:
    """Who owns each character of the document (white space taken out)."""

    def __init__(self, compact: str) -> None:
        self.compact = compact
        self.owner: list[str | None] = [None] * len(compact)
        self.taken = bytearray(len(compact))  # 1 where owned: searched in C
        self.resume: dict[str, int] = {}  # where to look again for a wholly free place

    def claim(self, wanted: str, destination: str, everywhere: bool) -> None:
        place = self._free(wanted)
        if place is None:
            place = self._partly(wanted)
        while place is not None:
            for i in range(place, place + len(wanted)):
                if self.owner[i] is None:
                    self.owner[i] = destination
                    self.taken[i] = 1
            place = self._free(wanted) if everywhere else None

    def _free(self, wanted: str) -> int | None:
        """The first place the string stands wholly unaccounted for (places only ever get
        taken, so the search goes on from where it last stopped)."""
        start = self.compact.find(wanted, self.resume.get(wanted, 0))
        while start >= 0:
            if self.taken.find(1, start, start + len(wanted)) < 0:
                self.resume[wanted] = start
                return start
            start = self.compact.find(wanted, start + 1)
        self.resume[wanted] = len(self.compact)
        return None

    def _partly(self, wanted: str) -> int | None:
        """Else the first place it stands partly unaccounted for (the plan's title inside the
        notice's title, then on a line of its own)."""
        start = self.compact.find(wanted)
        while start >= 0:
            if self.taken.find(0, start, start + len(wanted)) >= 0:
                return start
            start = self.compact.find(wanted, start + 1)
        return None


def _pieces(text: str) -> Iterator[str]:
    for line in text.split("\n"):
        wanted = SPACE.sub("", line)
        if not wanted:
            continue
        yield wanted
        for phrase in re.split(r"(?<=[。；;，,、）)】〕])|(?=[。；;，,、（(【〔])", wanted):
            if len(phrase) >= 2:
                yield phrase


def lines(accounting: Accounting, english: bool = False) -> list[str]:
    """The accounting as Markdown list lines (characters per destination, then the total)."""
    out = []
    for key, (en, zh) in DESTINATIONS.items():
        count = accounting.chars.get(key, 0)
        if count:
            out.append(f"- {en}: {count}" if english else f"- {zh}：{count} 字")
    total = accounting.total
    if english:
        out.append(
            f"- total: {accounting.accounted} of {total} characters (white space not counted)"
        )
    else:
        out.append(f"- 合计：{accounting.accounted} / {total} 字（不计空白）")
    return out
