"""The head of a plan's document: the 通知 wrapped around it (title, 文号, addressees, text,
signing date) and the plan's own title, preamble, period and cited documents.

Page furniture (【颁发时间】 1970-08-21 in a scraped page's header) is never read as a fact.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from duban.plan_import.assessed_year import without_assessed
from duban.plan_import.chinese import CHINESE_DATE, parse_written_date, simplified
from duban.plan_import.page_tops import page_top
from duban.plan_import.quoted_titles import title_lines_end, unwrapped_title
from duban.plan_import.segment import field_text
from duban.plan_import.unit_names import ISSUER_END
from duban.plan_import.untitled_notice import SEAL, SENT, addressees_above

FURNITURE = re.compile(r"^\s*【[^】]{1,10}】")
NOTICE = re.compile(r"关于(?:印发|转发|下发|发布)\s*(?P<title>[^\n]+?)\s*的通知")  # quoted_titles
DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,12}\s*[〔\[【(（［]\s*\d{4}\s*[〕\]】)）］]\s*\d{1,4}\s*[号號]"
)
SELF_NOTICE = re.compile(
    r"^(?:【[^】]{1,30}】)?(?P<title>(?P<issuer>[^\s，。；:：【】]{2,30}?)关于[^\n。]{4,80}的通知)$"
)
TITLE_END = re.compile(  # h18r: …任务分解表 / …重点工作全年完成情况 (a progress report's title)
    r"(?:方案|计划|意见|要点|清单|办法|规划|措施|任务|安排|细则|分解表|台账|(?:完成|进展|落实)情况)$"
)
PAGE_NAME = re.compile(r"^(?:名[ \u3000]?称|标[ \u3000]?题)\s*[:：]\s*")
"""h18ai: the page's metadata names the document (名 称: 广东省卫生健康委2021年…台账, 广东省卫健委
2021): the name is the title, the label is not."""
PERIOD = re.compile(
    r"(?:[一二三四五六七八九十]+年\s*[(（]\s*)?(\d{4})\s*(?:年)?\s*[-—–－至~～到]\s*(\d{4})\s*年(?:\s*[)）])?"
)
SOURCE = re.compile(
    r"《(?P<title>[^《》]{2,120})》"
    r"(?:\s*[(（](?:以下简称|下称|简称)\s*《(?P<short>[^《》]{1,30})》\s*[)）])?"
)
CITATION = re.compile(
    r"《(?P<title>[^《》]{2,120})》\s*[(（](?P<number>[^()（）]{0,16}?[〔\[【［]\d{4}[〕\]】］]\s*\d{1,4}\s*[号號])[)）]"
)


@dataclass
class Head:
    title: str = ""
    notice_title: str | None = None
    issuer_name: str | None = None
    document_number: str | None = None
    addressees: str | None = None
    notice_text: str | None = None
    signed: dt.date | None = None
    signed_as_written: str | None = None
    signed_line: int | None = None
    preamble: str | None = None
    body_start: int = 0
    period: tuple[int, int, str] | None = None
    sources: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)  # 【发布日期】 … lines, not used
    repeats: list[str] = field(default_factory=list)  # the notice's title written again


def _lines(text: str) -> Iterator[tuple[int, str]]:
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


CITING = re.compile(r"(?:根据|按照|依据|贯彻|落实|执行|参照|对照)[^《》\n]{0,12}《[^《》\n]*$")
"""根据《…关于印发…的通知》: the notice is cited (another document's), not the plan's own (h18s)."""


def _cited(region: str, start: int) -> bool:
    """Whether the 文号 at ``start`` follows a 《title》: another document's number."""
    return region[max(0, start - 3) : start].rstrip(" (（").endswith("》")


def read_head(text: str, first_marker: int) -> Head:
    """Everything before the first numbered section (``first_marker``)."""
    head = Head()
    region = text[:first_marker]
    folded = simplified(region)  # h18s: 關于印發 (traditional); 《…关于印发…的通知》 is cited
    folded = folded if len(folded) == len(region) else region
    notices = [
        m
        for m in NOTICE.finditer(folded)
        if not _in_furniture(text, m.start()) and not CITING.search(folded, 0, m.start())
    ]
    notice_end = 0
    for repeat in notices[:-1]:  # a web page writes the notice's title twice
        head.repeats.append(text[text.rfind("\n", 0, repeat.start()) + 1 : repeat.end()])
    if notices:
        notice = notices[-1]
        line_start = text.rfind("\n", 0, notice.start()) + 1
        prefix = text[line_start : notice.start()].strip(" \t\u3000")
        if not prefix:  # the issuer on the line above: 青山县人民政府办公室 / 关于印发…
            previous = text[: max(line_start - 1, 0)].rstrip("\n").rsplit("\n", 1)[-1].strip()
            prefix = previous if len(previous) <= 40 and not FURNITURE.match(previous) else ""
        prefix = re.split(r"[\s:：]", prefix)[-1] if prefix else ""
        glued = DOC_NUMBER.match(prefix)  # 京政办发〔2016〕26号北京市人民政府办公厅关于印发…
        if glued:
            head.document_number = _number_alone(glued.group(0))
            prefix = prefix[glued.end() :]
        head.issuer_name = prefix or None
        head.notice_title = (prefix + region[notice.start() : notice.end()]).strip()
        head.title = unwrapped_title(region[notice.start("title") : notice.end("title")])
        notice_end = notice.end()
    after = DOC_NUMBER.finditer(region, notice_end, notice_end + 80) if notices else iter(())
    number = next((m for m in after if not _cited(region, m.start())), None)  # h18s: 《…》(文号)
    if number is None and not head.document_number:  # above the notice, or no notice
        before = notices[-1].start() if notices else min(len(region), 400)
        number = next(  # h18m: 《…》(沪委〔2019〕1014号) is the cited document's number
            (m for m in DOC_NUMBER.finditer(region, 0, before) if not _cited(region, m.start())),
            None,
        )
    if number and not _in_furniture(text, number.start()):
        head.document_number = _number_alone(number.group(0))
        notice_end = max(notice_end, number.end()) if notices else notice_end
    date_match = _signing_date(text, region, notice_end)
    if notices:
        rest = region[notice_end:]
        addressees = re.match(r"\s*([^。：:\n]{2,150}?)\s*[:：]", rest)
        body_from = notice_end
        if addressees and "。" not in addressees.group(1):
            head.addressees = addressees.group(1).strip()
            body_from = notice_end + addressees.end()
        stop = _notice_stop(region, body_from, date_match, head)
        notice_text = field_text(region[body_from:stop])
        head.notice_text = notice_text or None
    elif sent := SENT.search(simplified(region), 0, first_marker):  # h18ai: its title line lost
        _untitled_notice(region, sent.start(), date_match, head)
    if not notices and date_match is not None:  # no notice: the 落款 under the plan or at its end
        head.signed = parse_written_date(date_match.written)
        head.signed_as_written = date_match.written.strip()
    if head.issuer_name is None and date_match is not None:  # the 落款: the issuer above the date
        words = re.split(r"[\s\u3000]+", text[: date_match.start()].rstrip())
        if len(words) > 1 and SEAL.fullmatch(simplified(words[-1])):
            head.furniture.append(words.pop())  # h18ai: （国家知识产权局代章）, another's seal
        above = words[-1].strip()
        if 2 <= len(above) <= 30 and ISSUER_END.search(simplified(above)):
            head.issuer_name = above
    start = _plan_title_end(region, head, date_match.end() if date_match else notice_end)
    preamble = field_text(region[start:first_marker])
    preamble = re.sub(r"^[(（]?\s*\d{4}年\d{1,2}月\d{1,2}日\s*[)）]?\s*", "", preamble)
    head.preamble = preamble or None
    head.body_start = first_marker
    cited = re.compile(r"《[^《》]*》")  # 《…规划（2021—2025年）》 is another document's period
    head.period = _period(
        [
            without_assessed(own_words(head.title)),  # h18ac: 2017年度…考核反馈问题整改
            own_words(head.notice_title or ""),
            cited.sub("", head.preamble or ""),
            cited.sub("", text[first_marker:]),
        ]
    )
    head.sources = _sources(head)
    furniture = [
        line.strip()
        for _, line in _lines(region)
        if FURNITURE.match(line) and re.search(r"\d", line)
    ]
    head.furniture += [line.strip() for _, line in _lines(region) if FURNITURE.match(line)]
    title = re.escape(head.title) if head.title else "(?!)"
    head.furniture += [  # 附件：（the plan's title）: the notice's note of its attachment
        m.group(0) for m in re.finditer(rf"附\s*件\s*[1１]?\s*[:：]?\s*(?:《?{title}》?)?", region)
    ]
    if furniture:
        head.notes.append(
            "网页页眉的元数据未采用（不是成文日期或文号）：" + "；".join(furniture[:4])
        )
    return head


def _untitled_notice(region: str, sent: int, date_match: _DateMatch | None, head: Head) -> None:
    """A notice without its title line (交通运输部 2021, 知识产权 2021): the addressees on the lines
    above its 现将《…》印发给你们 (ending with a colon), its text from that line to the 落款."""
    line_start = region.rfind("\n", 0, sent) + 1
    head.addressees = addressees_above(region, line_start)
    stop = _notice_stop(region, line_start, date_match, head)
    head.notice_text = field_text(region[line_start:stop]) or None


def _number_alone(written: str) -> str:
    """The 文号 without an issuer written against it: 北京市人民政府办公厅京政办发〔2016〕26号 →
    京政办发〔2016〕26号."""
    number = re.sub(r"\s+", "", written)
    prefix = number[: re.search(r"[〔\[【(（［]", number).start()]  # type: ignore[union-attr]
    cut = 0
    for match in re.finditer(r"人民政府|政府|办公厅|办公室|委员会|局|厅", simplified(prefix)):
        if len(prefix) - match.end() >= 2:
            cut = match.end()
    return number[cut:]


def plan_title_line(text: str) -> int:
    """Where the plan starts when a notice wraps it: after the line that is the plan's title
    (a notice may number its own requirements 一、二、); 0 when there is no such line."""
    text = simplified(text)  # h18ap: 關於印發 (one character for one: the offsets hold)
    notice = next((m for m in NOTICE.finditer(text) if not _in_furniture(text, m.start())), None)
    if notice is None:
        return _after_attachment_mark(text)
    title = unwrapped_title(notice.group("title"))
    for offset, _ in _lines(text):
        if offset > notice.end() and (end := title_lines_end(text, offset, title)) is not None:
            return end
    return _after_attachment_mark(text)


ATTACHMENT_LIST = re.compile(r"^[ \t\u3000]*附件[:：]", re.MULTILINE)
ATTACHMENT_MARK = re.compile(
    r"^[ \t\u3000]*附件\s*[0-9０-９一二三四五六七八九]?[ \t\u3000]*$", re.MULTILINE
)


def _after_attachment_mark(text: str) -> int:
    """A notice whose 附件：1.…2.… lists its plans (its own title line cut off the page), then
    附件1 alone on a line and the plan's title: the plan starts after that title."""
    listed = ATTACHMENT_LIST.search(text)
    mark = ATTACHMENT_MARK.search(text, listed.end()) if listed else None
    if mark is None:
        return 0
    title = re.match(r"\s*[^\n]+", text[mark.end() :])
    return mark.end() + title.end() if title else 0


def _in_furniture(text: str, offset: int) -> bool:
    line_start = text.rfind("\n", 0, offset) + 1
    return bool(FURNITURE.match(text[line_start : line_start + 20]))


def _signing_date(text: str, region: str, after: int) -> _DateMatch | None:
    """The first date standing on a line of its own (the 落款), not in page furniture."""
    candidates = []
    for offset, line in _lines(text):
        if offset + len(line) < after or FURNITURE.match(line):
            continue
        match = CHINESE_DATE.search(line)
        if match and len(line.strip(" \t\u3000（）()")) <= len(match.group(0)) + 2:
            candidates.append((offset + match.start(), offset + match.end(), match.group(0)))
    if not [c for c in candidates if c[0] < len(region)]:
        for match in CHINESE_DATE.finditer(region, after):
            bounded = re.match(r"\s", text[match.start() - 1 : match.start()] or "x")
            after_date = text[match.end() : match.end() + 1]
            if bounded and re.match(r"\s|$", after_date) and not _in_furniture(text, match.start()):
                candidates.insert(0, (match.start(), match.end(), match.group(0)))
                break
    if not candidates:
        return None
    before = [c for c in candidates if c[0] < len(region)]
    start, end, written = (before or candidates)[0]
    return _DateMatch(start, end, written)


@dataclass
class _DateMatch:
    begin: int
    finish: int
    written: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


def _notice_stop(region: str, body_from: int, date_match: _DateMatch | None, head: Head) -> int:
    stops = [len(region)]
    for pattern in (r"附\s*件\s*[:：1１]", r"\n\s*\(?（?此件"):
        match = re.compile(pattern).search(region, body_from)
        if match:
            stops.append(match.start())
    if date_match is not None:
        head.signed = parse_written_date(date_match.written)
        head.signed_as_written = date_match.written.strip()
        head.signed_line = region.count("\n", 0, date_match.start()) + 1
        if date_match.start() > body_from:
            stops.append(date_match.start())
            if head.issuer_name:
                position = region.rfind(head.issuer_name, body_from, date_match.start())
                if (
                    position > 0
                    and region[position : date_match.start()].strip() == head.issuer_name
                ):
                    stops.append(position)
            above = region[body_from : date_match.start()].rstrip()
            last = re.split(r"[\n\s\u3000]+", above)[-1] if above else ""
            if 2 <= len(last) <= 30 and ISSUER_END.search(simplified(last)):
                stops.append(body_from + above.rfind(last))
    title = region.find("\n" + head.title, body_from) if head.title else -1
    if title > 0:
        stops.append(title)
    return min(stops)


def _plan_title_end(region: str, head: Head, after: int) -> int:
    """After the last time the plan's title stands in the head: the preamble starts there."""
    if head.title:
        position = region.rfind(head.title)
        if position >= 0:
            end = position + len(head.title)
            return end + 1 if region[end : end + 1] in "》”" else end
    # no notice: the first line that looks like a title (h18ak: none on a later page's top)
    top = page_top(region)
    if top and top[1] == 0:
        head.title = top[0]
        return 0
    for offset, line in _lines(region):
        stripped = line.strip()
        if (
            stripped
            and not FURNITURE.match(line)
            and TITLE_END.search(simplified(stripped))
            and len(stripped) < 80
            and (top is None or offset >= top[1])  # h18ak: not a one-line notice's own line
        ):
            label = PAGE_NAME.match(stripped)
            if label and not head.title:
                head.furniture.append(label.group().strip())  # the page's label: not the title
            head.title = head.title or stripped[label.end() if label else 0 :]
            if top:  # h18ak: 关于…的通知 over its text, then the attachment's title: its text
                head.notice_text = field_text(region[:offset].strip()) or None
                head.issuer_name = head.issuer_name or top[2]
            return offset + len(line)
    if top:  # h18ak: 关于…问题进行整改的通知 (its text after it, 问题清单: no title's words)
        head.title, start, issuer = top
        head.issuer_name = head.issuer_name or issuer  # 某县人民政府关于…的通知
        return start
    for offset, line in _lines(region):  # 【栏目】××关于2020年重点工作及责任分解的通知
        titled = SELF_NOTICE.match(line.strip())
        if titled:
            column = line.strip()[: line.strip().find(titled.group("title"))]
            if column:
                head.furniture.append(column)  # the site's column name: not the title
            head.title = head.title or titled.group("title")
            head.issuer_name = head.issuer_name or titled.group("issuer")
            return offset + len(line)
    first = next(
        (
            line.strip()
            for _, line in _lines(region)
            if line.strip() and not DOC_NUMBER.fullmatch(line.strip())  # never a 文号 alone
        ),
        "",
    )
    head.title = head.title or first or "（无标题）"
    return region.find(first) + len(first) if first else 0


def own_words(title: str) -> str:
    """h18s: a plan's title without the 《…》 of the document it carries out (…贯彻落实国家
    《呼包银榆经济区发展规划(2012—2020年)》重点工作分工方案: 2012 is the cited plan's year);
    a 《…》 with nothing after it but 的通知 is the plan itself (关于印发《…》的通知) and stays."""
    bare = re.sub(r"的通知\s*$", "", title)
    # h18br: 推动《A》《B(2021-2023年)》《C》落地实施: each of several cited in a row
    return re.sub(r"《[^《》]*》(?=(?:《[^《》]*》)*[^《》]{2,}$)", "", bare)


def _period(texts: list[str]) -> tuple[int, int, str] | None:
    for index, text in enumerate(texts):
        if index == len(texts) - 1:  # h18m: the title's one year before a span in the body
            match = re.search(r"(?<!\d)(\d{4})年(?:度)?(?!\d{1,2}月)", texts[0])  # 2025年工作要点
            if match and re.search(r"要点|计划|方案|任务|清单|安排", texts[0]):
                return int(match.group(1)), int(match.group(1)), match.group(0)
        match = PERIOD.search(text)
        if match and int(match.group(1)) <= int(match.group(2)) <= int(match.group(1)) + 20:
            return int(match.group(1)), int(match.group(2)), match.group(0).strip()
    return None


def _sources(head: Head) -> list[dict]:
    sources: list[dict] = []
    seen: set[str] = set()
    for match in SOURCE.finditer(head.preamble or ""):
        title = match.group("title")
        if (
            title == head.title
            or title in seen
            or any(title == s.get("short_name", "")[1:-1] for s in sources)
        ):
            continue
        seen.add(title)
        source = {"title": title.replace("〈", "〈").replace("〉", "〉")}
        issuer = re.match(r"^(.{2,40}?)(?:关于|转发|印发)", title)
        if issuer:
            source["issuer"] = issuer.group(1)
        if match.group("short"):
            source["short_name"] = f"《{match.group('short')}》"
        sources.append(source)
    citations = [
        m for text in (head.notice_text or "", head.preamble or "") for m in CITATION.finditer(text)
    ]
    for citation in citations:  # a number written right after the title in the preamble
        for source in sources:
            if source["title"] == citation.group("title"):
                source["number"] = re.sub(r"\s+", "", citation.group("number"))
    numbered = [c for c in citations if c.group("title") not in seen]
    unnumbered = [s for s in sources if "number" not in s]
    if numbered and len(numbered) == len(unnumbered):
        for source, citation in zip(unnumbered, numbered, strict=True):
            source["number"] = re.sub(r"\s+", "", citation.group("number"))
        head.notes.append(
            "依据文件的文号取自通知正文中按同样顺序引用的文件（通知与引言对文件的称呼不同）："
            + "；".join(f"《{s['title']}》→{s['number']}" for s in unnumbered)
        )
    elif numbered and not sources:
        for citation in numbered:
            sources.append(
                {
                    "title": citation.group("title"),
                    "number": re.sub(r"\s+", "", citation.group("number")),
                }
            )
    return sources
