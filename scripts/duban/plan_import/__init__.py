"""``duban import-plan``: a plan's document (text, HTML, .docx) becomes a data folder to review.

One module per job: ``reading`` (input formats and encodings), ``head`` (the notice and the
plan's metadata), ``segment`` (the numbered structure), ``clauses`` (assignment clauses),
``deadlines`` (deadline phrases), ``units`` (matching names to an org file), ``plan`` (putting
it together), ``writer`` (YAML files), ``review`` (the Markdown review report) and
``agreement`` (comparing an import with hand-curated data).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from duban.i18n.messages import say
from duban.i18n.os_errors import os_reason
from duban.load.characters import REFUSED_IN_VALUES
from duban.load.files import read_regular
from duban.plan_import.bracket_lines import brackets_joined
from duban.plan_import.numbered_inner_rows import as_read
from duban.plan_import.out_of_order_table import header_line
from duban.plan_import.plan import Finding, Imported, import_text
from duban.plan_import.reading import ReadError, read_document
from duban.plan_import.review import review_markdown
from duban.plan_import.role_fallback import read_roles_harder
from duban.plan_import.strategy import untabled_reading
from duban.plan_import.units import ImportOrg
from duban.plan_import.writer import write_org, write_plan

__all__ = ["ImportError_", "ReadError", "import_file", "import_text", "run_import"]

ID = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")


class ImportError_(Exception):
    """A wrong argument or an output that would overwrite data: one line, exit code 2."""


def _no_items(source: Path) -> ImportError_:
    text = read_document(source, [])[0]
    if not text.strip():  # an empty file, or a page saved with nothing but markup
        return ImportError_(
            say(
                f"{source}: the file holds no text: nothing written; open it to check it is the "
                "plan (not an empty file or a page saved without its content)",
                f"{source}：文件中没有文字，没有写入任何文件；请打开核对是不是方案原文"
                "（不是空文件，也不是只存下了网页框架的页面）",
            )
        )
    line = header_line(text)  # h18cb: a table's cells out of order
    hint = (
        say(
            f"; line {line} reads like a task table's header, but no row can be read (its cells "
            "are out of order, as a PDF preview's text often is): import the original PDF, "
            ".docx or HTML",
            f"；第 {line} 行像是任务分工表的表头，但读不出任何一行（表格各格的文字交错排列，"
            "PDF 预览页的文字常是这样）：请导入原件（PDF、.docx 或 HTML）",
        )
        if line
        else ""
    )
    return ImportError_(
        say(
            f"{source}: no numbered items found (一、（一）1. …): nothing written{hint}",
            f"{source}：未找到编号条目（一、（一）1. 等），没有写入任何文件{hint}",
        )
    )


@dataclass
class Written:
    result: Imported
    files: list[Path]
    review: Path


def sanitize(text: str) -> tuple[str, int]:
    text = re.sub(r"[ ]*\t[\t ]*", "  ", text)  # h18z: tabs part cells (as runs of spaces do)
    # the characters the loader refuses (load/characters.py: controls, every default-ignorable
    # invisible character, noncharacters; they make names look alike or text run backwards)
    cleaned, count = REFUSED_IN_VALUES.subn("", text)
    return unicodedata.normalize("NFC", cleaned), count


def load_org(path: Path | None) -> tuple[ImportOrg, str | None]:
    if path is None:
        return ImportOrg(), None
    try:
        text = read_regular(path, follow=True).decode("utf-8")  # never a pipe or device
    except (OSError, UnicodeDecodeError) as error:
        reason = os_reason(error) if isinstance(error, OSError) else str(error)
        raise ImportError_(
            say(f"--org: cannot read {path}: {reason}", f"--org：无法读取 {path}：{reason}")
        ) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ImportError_(
            say(
                f"--org: not valid YAML: {path}: {error}",
                f"--org：不是有效的 YAML：{path}：{error}",
            )
        ) from None
    return ImportOrg.from_data(data), text


def import_file(path: Path, org: ImportOrg, plan_id: str, year: int | None = None) -> Imported:
    untabled: list[str] = []
    text, reading = read_document(path, untabled)
    text, removed = sanitize(text)
    as_written = sanitize(untabled[0])[0] if untabled else None
    if (text := as_read(text, as_written)) is as_written:  # h18y: rows numbered after merged
        reading = reading.split("；", 1)[0]  # category cells: not the reader's table reading
    text = brackets_joined(text)  # h18ap: a role bracket a page put on the next line
    result, how, why = read_roles_harder(text, org, plan_id, year, as_written)  # h18f, h18cc
    if how == untabled_reading():  # the table reading was not taken: say so, not the table
        reading = reading.split("；", 1)[0]
    if how:
        reading = f"{reading}；{how}"
        result.assumptions.insert(0, Finding(0, how))
    result.assumptions.insert(0, Finding(0, why))
    result.reading = reading
    if "任务分工表" in reading:
        result.assumptions.insert(0, Finding(0, reading.split("；", 1)[1]))
    if removed:
        kinds = "零宽、方向控制、软连字符、变体选择符、填充符、非字符或控制字符"
        result.assumptions.insert(0, Finding(0, f"删除了 {removed} 个不可见字符（{kinds}）"))
    return result


def default_plan_id(path: Path) -> str:
    stem = path.stem.lower()
    candidate = re.sub(r"[^a-z0-9-]+", "-", stem).strip("-")[:63]
    return candidate if ID.fullmatch(candidate or "") else "imported-plan"


def run_import(
    source: Path,
    out: Path,
    org_path: Path | None,
    plan_id: str | None,
    review: Path | None,
    year: int | None = None,
) -> Written:
    plan_id = plan_id or default_plan_id(source)
    if not ID.fullmatch(plan_id):
        raise ImportError_(
            say(
                f"--plan-id: {plan_id!r} is not a valid id (a-z, 0-9, -)",
                f"--plan-id：{plan_id!r} 不是有效的标识（小写字母、数字、连字符）",
            )
        )
    if (out / "plans" / plan_id).exists():
        raise ImportError_(
            say(
                f"{out / 'plans' / plan_id} already exists: choose another --plan-id",
                f"{out / 'plans' / plan_id} 已存在，不覆盖：请换一个 --plan-id",
            )
        )
    existing = out / "org.yaml"
    if existing.is_file():
        org, base = load_org(org_path or existing)
        if org_path is not None and org_path.resolve() != existing.resolve():
            org, base = load_org(existing)  # the folder's own org is the one to extend
    else:
        org, base = load_org(org_path)
    result = import_file(source, org, plan_id, year)
    if not result.plan["sections"]:
        raise _no_items(source)
    plans = out / "plans"
    before = [p.name for p in plans.iterdir() if p.is_dir()] if plans.is_dir() else []
    if len(before) == 1:
        result.assumptions.append(
            Finding(
                0,
                "数据文件夹原来只有一个方案，导入后有多个方案：status/ 和 records/ 中的每条记录"
                f"都要写明 plan:（duban validate 会按文件指出）：运行 duban fix plan-ids --data "
                f"{out} --plan {before[0]} 一次补上",
            )
        )
    out.mkdir(parents=True, exist_ok=True)
    files = write_plan(out, result.plan, result.tasks, source.name)
    files.append(write_org(out, result.org, base))
    review = review or out / f"import-review-{plan_id}.md"
    review.parent.mkdir(parents=True, exist_ok=True)
    review.write_text(review_markdown(result, source.name), encoding="utf-8")
    return Written(result, files, review)
