"""The same plan in every container (issue 18, branch h18z): does the importer read the same tasks
whatever the container the office's table or list came in?

For the opened corpus files (never the held-out ones) whose tasks sit in a table that a LIBRARY
reads (python-docx for a .docx, html.parser for an HTML page, splitting on ``|`` for text rows),
the same header and rows are written again in each other container: a .docx table, an HTML
``<table>``, ``|`` rows, one cell a line, tab-separated, runs of spaces, and ``|`` rows with the
columns but 序号 in the opposite order (header words in another column order). For list files whose
tasks carry role label lines (``牵头单位：X`` / ``责任单位：Y`` on their own lines), the labels are
moved into a bracket after the task, into a closing sentence (``X牵头，Y按职责分工负责。``) and
into a bracket of the same verbs (``（X牵头，Y按职责分工负责）``).
Everything else of the file (title, notice, page chrome) is kept as it stands.

Each variant is imported in-process and scored against the original file's oracle with
corpus_score.py's own functions; the table printed is container × (tasks found, roles right),
against the original, and the files whose variant reads worse than the original. Tasks are
counted as ``corpus_score.py --found`` counts them (tasks under other ids paired in order), and
roles right among them: the same document numbered otherwise is not the container's doing.

``--only CONTAINER`` (e.g. ``--only tabs``), ``--file WORD`` (files whose name contains WORD),
``-v`` (each broken variant's first differences).
"""

from __future__ import annotations

import html
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import corpus_score
import docx

Block = tuple[str, object]  # ("line", str) or ("table", list[list[str]])

TABLE_CONTAINERS = ("docx", "html", "pipes", "cell-lines", "tabs", "spaces", "reordered")
ROLE_PLACEMENTS = ("label-lines", "bracket", "sentence", "bracket-verbs")
CONTAINERS = TABLE_CONTAINERS + ROLE_PLACEMENTS


# -- reading the original with a library ------------------------------------------------------


def _docx_blocks(path: Path) -> list[Block]:
    document = docx.Document(str(path))
    blocks: list[Block] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = "".join(t.text or "" for t in child.iter() if t.tag.endswith("}t"))
            blocks.append(("line", text))
        elif tag == "tbl":
            rows = [
                [
                    "".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t"))
                    for cell in row
                    if cell.tag.endswith("}tc")
                ]
                for row in child
                if row.tag.endswith("}tr")
            ]
            blocks.append(("table", rows))
    return blocks


class _Blocks(HTMLParser):
    BLOCK: ClassVar[set[str]] = {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "title",
        "section",
        "article",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.line: list[str] = []
        self.rows: list[list[str]] | None = None
        self.cell: list[str] | None = None
        self.skip = 0

    def _flush(self) -> None:
        text = "".join(self.line).strip()
        if text:
            self.blocks.append(("line", text))
        self.line = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "table":
            self._flush()
            self.rows = []
        elif tag == "tr" and self.rows is not None:
            self.rows.append([])
        elif tag in ("td", "th") and self.rows is not None:
            self.cell = []
        elif tag in self.BLOCK and self.cell is None:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag == "table" and self.rows is not None:
            self.blocks.append(("table", [row for row in self.rows if row]))
            self.rows = None
        elif tag in ("td", "th") and self.cell is not None and self.rows is not None:
            self.rows[-1].append(re.sub(r"\s+", " ", "".join(self.cell)).strip())
            self.cell = None
        elif tag in self.BLOCK and self.cell is None:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        (self.cell if self.cell is not None else self.line).append(re.sub(r"[\r\n\t]+", "", data))


def _html_blocks(path: Path) -> list[Block]:
    parser = _Blocks()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    parser._flush()
    return parser.blocks


def _pipe_cells(line: str) -> list[str]:
    parts = [p.strip() for p in re.split(r"[|｜]", line.strip())]
    if parts and not parts[0]:
        parts = parts[1:]
    if parts and not parts[-1]:
        parts = parts[:-1]
    return parts


def _pipe_blocks(path: Path) -> list[Block]:
    """Runs of at least three lines with ``|`` between three or more cells are a table."""
    lines = path.read_text(encoding="utf-8").split("\n")
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        end = index
        if len(_pipe_cells(lines[index])) >= 3 and "|" in lines[index]:
            end = index + 1  # a table's rows go on while they hold a | (merged cells: fewer)
            while end < len(lines) and "|" in lines[end] and _pipe_cells(lines[end]):
                end += 1
        if end - index >= 3:
            blocks.append(("table", [_pipe_cells(line) for line in lines[index:end]]))
            index = end
        else:
            blocks.append(("line", lines[index]))
            index += 1
    return blocks


def table_blocks(path: Path) -> tuple[str, list[Block]] | None:
    """The original's container and its blocks, when its tasks sit in a table."""
    if path.suffix == ".docx":
        found, blocks = "docx", _docx_blocks(path)
    elif path.suffix == ".html":
        found, blocks = "html", _html_blocks(path)
    elif path.suffix == ".txt":
        found, blocks = "pipes", _pipe_blocks(path)
    else:
        return None
    tables = [rows for kind, rows in blocks if kind == "table"]
    if not any(len(rows) >= 3 for rows in tables):  # type: ignore[arg-type]
        return None
    return found, blocks


# -- writing a table in another container ------------------------------------------------------


Rows = list[list[str | None]]
"""A table's rows. A cell may be None (table_headers.py's merged cells): the cell above in its
column spans it, which a page writes once (HTML rowspan, a .docx vertical merge) and a text
flattening leaves out."""


def _text_rows(rows: Rows, join: Callable[[list[str]], str]) -> list[str]:
    return [join([" ".join(cell.split()) for cell in row if cell is not None]) for row in rows]


def _cell_lines(rows: Rows, after: str = "", blank: bool = False) -> list[str]:
    """One cell a line (a cell's own line breaks kept: 文化宣传股 / 文化馆), each line closed by
    ``after`` (`` |``, 南陵 2024), a blank line after each cell (辽中 2024) or not."""
    out = []
    for row in rows:
        for cell in row:
            lines = [" ".join(line.split()) for line in (cell or "").split("\n")]
            lines = [line for line in lines if line]
            if lines:  # a cell's bar after its last line (南陵 2024: 俞 悦 |)
                lines[-1] += after
            out.extend([*lines, ""] if blank and lines else lines)
    return out


def _reordered(rows: list[list[str]]) -> list[str]:
    """The columns but 序号 in the opposite order (序号 | 完成时限 | 牵头单位 | 任务), as ``|``
    rows: header words in another column order. A table with a short row (merged cells: which
    columns it lost is not known) stays in its order."""
    width = len(rows[0])
    if width < 3 or any(len(row) != width or not row[-1].strip() for row in rows[1:]):
        return TEXT_WRITERS["pipes"](rows)
    numbers = [i for i, word in enumerate(rows[0]) if re.fullmatch(r"\s*序\s*号\s*", word)]
    order = numbers + [i for i in range(width - 1, -1, -1) if i not in numbers]
    return TEXT_WRITERS["pipes"]([[row[i] for i in order] for row in rows])


TEXT_WRITERS: dict[str, Callable[[list[list[str]]], list[str]]] = {
    "pipes": lambda rows: _text_rows(rows, lambda cells: " | ".join(cells)),
    "tabs": lambda rows: _text_rows(rows, lambda cells: "\t".join(cells)),
    "spaces": lambda rows: _text_rows(rows, lambda cells: "    ".join(c for c in cells if c)),
    "reordered": _reordered,
    "cell-lines": _cell_lines,
    "cell-lines-blank": lambda rows: _cell_lines(rows, blank=True),
    "cell-bars": lambda rows: _cell_lines(rows, after=" |"),
}


def _html_rows(rows: list[list[str]]) -> list[str]:
    """A table's rows as HTML: a row short of cells lost its merged cells on the left, which a
    page writes once, with a rowspan over the rows below (the cell above in that column)."""
    width = max(len(row) for row in rows)
    down: list[list[int]] = [[1] * len(row) for row in rows]
    owner: dict[int, tuple[int, int]] = {}  # column -> (row, cell) that last wrote it
    for r, row in enumerate(rows):
        start = width - len(row) if r else 0
        for column in range(start):
            if column in owner:
                above, cell = owner[column]
                if owner.get(column - 1) != (above, cell):  # once per cell
                    down[above][cell] += 1
        for c in range(len(row)):
            owner[start + c] = (r, c)
    for r, row in enumerate(rows):  # a merged cell (None) spans down from the cell above
        for c, cell in enumerate(row):
            if cell is None:
                above = next(a for a in range(r - 1, -1, -1) if rows[a][c] is not None)
                down[above][c] += 1
    out = []
    for r, row in enumerate(rows):
        cells = "".join(
            f'<td rowspan="{down[r][c]}">{html.escape(cell)}</td>'
            if down[r][c] > 1
            else f"<td>{html.escape(cell)}</td>"
            for c, cell in enumerate(row)
            if cell is not None
        )
        out.append(f"<tr>{cells}</tr>")
    return out


def write_container(blocks: list[Block], container: str, out: Path) -> Path:
    if container == "docx":
        document = docx.Document()
        for kind, value in blocks:
            if kind == "line":
                document.add_paragraph(str(value))
            else:
                rows: list[list[str]] = value  # type: ignore[assignment]
                width = max(len(row) for row in rows)
                table = document.add_table(rows=len(rows), cols=width)
                for r, row in enumerate(rows):
                    # a row short of cells lost its merged cells on the left (a .docx keeps
                    # them as empty continuation cells): its cells sit in the last columns
                    for c, cell in enumerate(row, start=width - len(row) if r else 0):
                        if cell is None:  # merged with the cell above (table_headers.py)
                            top = next(a for a in range(r - 1, -1, -1) if rows[a][c] is not None)
                            table.cell(top, c).merge(table.cell(r, c))
                        else:
                            table.cell(r, c).text = cell
        target = out.with_suffix(".docx")
        document.save(str(target))
        return target
    if container == "html":
        parts = ['<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>']
        for kind, value in blocks:
            if kind == "line":
                parts.append(f"<p>{html.escape(str(value))}</p>")
            else:
                parts.extend(["<table>", *_html_rows(value), "</table>"])  # type: ignore[arg-type]
        target = out.with_suffix(".html")
        target.write_text("\n".join([*parts, "</body></html>"]), encoding="utf-8")
        return target
    lines: list[str] = []
    for kind, value in blocks:
        if kind == "line":
            lines.append(str(value))
        else:
            lines.extend(TEXT_WRITERS[container](value))  # type: ignore[arg-type]
    target = out.with_suffix(".txt")
    target.write_text("\n".join(lines), encoding="utf-8")
    return target


# -- role placements of list files --------------------------------------------------------------

LABEL_NAME = r"(?:牵头|责任|负责|配合|协同|参与|参加|牵头责任|协同责任)(?:单位|部门)"
"""The role labels a list file's lines or brackets carry (参加单位 and 负责单位: 温室气体 2017)."""
LABEL = re.compile(rf"^\s*({LABEL_NAME})[:：]\s*(\S.*?)[。；;]?\s*$")


def _verb(label: str) -> str:
    if label.startswith("牵头"):
        return "牵头"
    return "按职责分工负责" if label.startswith(("责任", "负责")) else "配合"


def _one_label(line: str) -> bool:
    """A line of one role label (not 牵头部门:A,配合部门:B, two labels on one line)."""
    match = LABEL.match(line)
    return match is not None and not re.search(rf"{LABEL_NAME}[:：]", match.group(2))


def _label_groups(lines: list[str]) -> list[tuple[int, int]]:
    """Runs of role label lines (start, end) each right after a line of text."""
    groups, index = [], 0
    while index < len(lines):
        end = index
        while end < len(lines) and _one_label(lines[end]):
            end += 1
        if end > index and index > 0 and lines[index - 1].strip():
            groups.append((index, end))
        index = max(end, index + 1)
    return groups


BRACKET = re.compile(r"^(?P<task>.*\S)\s*[（(](?P<inside>[^（()）]+)[）)]\s*[。；;]?\s*$")


def _bracket_labels(line: str) -> tuple[str, list[str]] | None:
    """A task line closing with a bracket of role labels only: its text and the label lines."""
    match = BRACKET.match(line)
    if match is None:
        return None
    # labels parted by ； or by a space alone (牵头单位:X 参加单位:A、B, 温室气体 2017)
    inside = re.split(rf"[；;]|\s+(?={LABEL_NAME}[:：])", match.group("inside"))
    parts = [p.strip() for p in inside if p.strip()]
    # h18ap: a bracket that goes on after its units with a sentence (…园区管委会。以下政策措施
    # 均需…落实,不再单独列出) stays a bracket: as a label line or a sentence (…不再单独列出按职责
    # 分工负责) it would be something no office writes, and the rule it states would be lost
    if not parts or not all(
        re.match(rf"{LABEL_NAME}[:：][^。]+$", p) and not re.search(r"负责|落实|列出|以下", p)
        for p in parts
    ):
        return None
    task = match.group("task")
    return (task if task.endswith("。") else task + "。"), parts


def _unbracketed(lines: list[str]) -> list[str] | None:
    """The lines with each task's bracket of labels written as label lines below it."""
    out: list[str] = []
    count = 0
    for line in lines:
        found = _bracket_labels(line)
        if found is None:
            out.append(line)
            continue
        count += 1
        out.extend([found[0], *found[1]])
    return out if count >= 2 else None


def role_placements(path: Path) -> dict[str, str] | None:
    """A list file with role label lines, written with its labels in a bracket after each task
    and as a closing sentence of the task (and as it stands); a list file with brackets of
    labels, the brackets first written as label lines (and back)."""
    if path.suffix != ".txt":
        return None
    lines = path.read_text(encoding="utf-8").split("\n")
    groups = _label_groups(lines)
    if len(groups) < 2:
        unbracketed = _unbracketed(lines)
        if unbracketed is None:
            return None
        lines = unbracketed
        groups = _label_groups(lines)
    bracket, sentence, verbs = list(lines), list(lines), list(lines)
    for start, end in reversed(groups):
        if start >= 2 and re.search(r"[；;]\s*$", lines[start - 2]):
            # h18ap: labels under a run of items ending ； are the run's (许昌 2011: 2.…; 3.…;
            # 4.…。 责任单位:X): in the last item's bracket or sentence they would be its alone
            continue
        if re.match(r"^\s*[\u4e00-\u9fff]{2,6}[:：]", lines[start - 1]):
            continue  # h18ap: under another label (协调人:…), not a task: no task to follow

        labels = [LABEL.match(line) for line in lines[start:end]]
        pairs = [(m.group(1), m.group(2)) for m in labels if m]
        task = lines[start - 1].rstrip()
        inside = "；".join(f"{label}：{units}" for label, units in pairs)
        bracket[start - 1 : end] = [f"{task.rstrip('。')}（{inside}）。"]
        said = "，".join(f"{units}{_verb(label)}" for label, units in pairs)
        sentence[start - 1 : end] = [f"{task if task.endswith('。') else task + '。'}{said}。"]
        verbs[start - 1 : end] = [f"{task.rstrip('。')}（{said}）。"]
    out = {
        "bracket": "\n".join(bracket),
        "sentence": "\n".join(sentence),
        "bracket-verbs": "\n".join(verbs),
    }
    if len(_label_groups(path.read_text(encoding="utf-8").split("\n"))) < 2:
        out["label-lines"] = "\n".join(lines)  # the brackets of the original as label lines
    return out


# -- scoring ------------------------------------------------------------------------------------


@dataclass
class Variant:
    source: Path
    container: str
    score: corpus_score.FileScore


def variants_of(source: Path, work: Path, only: str | None = None) -> list[tuple[str, Path]]:
    """The variants of one corpus file written into ``work`` (with the original's oracle)."""
    made: list[tuple[str, Path]] = []
    stem = source.name.rsplit(".", 1)[0]
    found = table_blocks(source)
    if found:
        original, blocks = found
        for container in TABLE_CONTAINERS:
            if container == original or (only and container != only):
                continue
            target = write_container(blocks, container, work / f"{stem}--{container}")
            made.append((container, target))
    placed = role_placements(source)
    if placed:
        for container, text in placed.items():
            if only and container != only:
                continue
            target = work / f"{stem}--{container}.txt"
            target.write_text(text, encoding="utf-8")
            made.append((container, target))
    for _, target in made:
        shutil.copy(corpus_score.oracle_path(source), corpus_score.oracle_path(target))
    return made


def candidates(word: str | None = None) -> list[Path]:
    held = corpus_score.held_out_files(corpus_score.sources_text())
    return [
        p
        for p in corpus_score.corpus_files()
        if p.name not in held and (not word or word in p.name)
    ]


def run(
    files: list[Path], only: str | None = None
) -> tuple[dict[str, corpus_score.FileScore], list[Variant]]:
    originals: dict[str, corpus_score.FileScore] = {}
    variants: list[Variant] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for source in files:
            folder = work / source.stem
            folder.mkdir()
            made = variants_of(source, folder, only)
            if not made:
                continue
            originals[source.name] = corpus_score.score_file(source, folder / "out", False)
            for container, target in made:
                score = corpus_score.score_file(target, folder / f"out-{container}", False)
                variants.append(Variant(source, container, score))
    return originals, variants


def tasks_found(score: corpus_score.FileScore) -> int:
    """Tasks found, those under other ids paired in order (corpus_score.in_order): the same
    document numbered otherwise is the numbering's business, not the container's."""
    return score.found_tasks


def roles_right(score: corpus_score.FileScore) -> int:
    return score.found_roles[0]


def worse(original: corpus_score.FileScore, variant: corpus_score.FileScore) -> bool:
    return tasks_found(variant) < tasks_found(original) or roles_right(variant) < roles_right(
        original
    )


def report(
    originals: dict[str, corpus_score.FileScore], variants: list[Variant], verbose: bool = False
) -> list[str]:
    lines = [
        f"{'container':<12} {'files':>5} {'tasks (variant/original)':>26} "
        f"{'roles right (variant/original)':>32} {'worse':>6}"
    ]
    broken: list[str] = []
    for container in CONTAINERS:
        mine = [v for v in variants if v.container == container]
        if not mine:
            continue
        base = [originals[v.source.name] for v in mine]
        tasks = sum(tasks_found(v.score) for v in mine), sum(tasks_found(b) for b in base)
        roles = sum(roles_right(v.score) for v in mine), sum(roles_right(b) for b in base)
        bad = [v for v, b in zip(mine, base, strict=True) if worse(b, v.score)]
        lines.append(
            f"{container:<12} {len(mine):>5} {f'{tasks[0]}/{tasks[1]}':>26} "
            f"{f'{roles[0]}/{roles[1]}':>32} {len(bad):>6}"
        )
        for v in bad:
            b = originals[v.source.name]
            status = f"  ({v.score.refused[:60]})" if v.score.refused else ""
            broken.append(
                f"  {container:<11} {v.source.name:<60} tasks {tasks_found(v.score)}/"
                f"{tasks_found(b)} roles {roles_right(v.score)}/{roles_right(b)}{status}"
            )
            if verbose:
                broken.extend("      " + d[:160] for d in v.score.differences[:6])
    return [*lines, "", "worse than the original:", *(broken or ["  none"])]


def main(argv: list[str] | None = None) -> list[Variant]:
    args = sys.argv[1:] if argv is None else argv
    only = args[args.index("--only") + 1] if "--only" in args else None
    word = args[args.index("--file") + 1] if "--file" in args else None
    originals, variants = run(candidates(word), only)
    print("\n".join(report(originals, variants, verbose="-v" in args)))
    return variants


if __name__ == "__main__":
    main()
