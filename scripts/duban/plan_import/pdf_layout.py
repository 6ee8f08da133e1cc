"""A 任务分工表 in a PDF, from where its characters stand: the page's characters are grouped into
visual lines (by height) and segments (by the gaps between them); a line of header words
(序号, 工作任务, 牵头单位, 完成时限 …) gives the columns; each following line's segments fall
into the column they stand in, a row starting where the 序号 column (or the first) has text and
the lines after it (a cell's text wrapped) running on into the same cells. The rows come out as
``| a | b | c |`` lines, which :mod:`~duban.plan_import.text_tables` reads."""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass, field

from duban.plan_import.chinese import simplified
from duban.plan_import.header_cells import is_header
from duban.plan_import.numbering import CHAPTER_RUN, arabic, separator

Box = tuple[float, float, float, float]  # left, bottom, right, top


@dataclass
class Segment:
    left: float
    right: float
    text: str


@dataclass
class Line:
    middle: float
    chars: list[tuple[float, float, str]] = field(default_factory=list)  # left, right, char
    segments: list[Segment] = field(default_factory=list)


def visual_lines(chars: list[tuple[str, Box]]) -> tuple[list[Line], float]:  # and the height
    """The page's characters as lines from top to bottom, each cut into segments at wide gaps."""
    boxes = [(c, b) for c, b in chars if b[2] > b[0] and not c.isspace()]
    if not boxes:
        return [], 10.0
    height = statistics.median(b[3] - b[1] for _, b in boxes) or 10.0
    width = statistics.median(b[2] - b[0] for _, b in boxes) or 10.0
    lines: list[Line] = []
    for char, (left, bottom, right, top) in sorted(boxes, key=lambda cb: -(cb[1][1] + cb[1][3])):
        middle = (bottom + top) / 2
        if not lines or abs(lines[-1].middle - middle) > 0.45 * height:
            lines.append(Line(middle))
        lines[-1].chars.append((left, right, char))
    for line in lines:
        line.chars.sort()
        current: Segment | None = None
        for left, right, char in line.chars:
            if current is None or left - current.right > 1.2 * width:
                current = Segment(left, right, char)
                line.segments.append(current)
            else:
                latin = char.isascii() and current.text[-1].isascii()  # a space between words
                gap = " " if latin and left - current.right > 0.25 * width else ""
                current.text += gap + char
                current.right = right
    return lines, height


def table_text(lines: list[Line], height: float) -> list[str] | None:
    """The page's lines with each table found written as ``|`` rows; None when there is none."""
    out: list[str] = []
    found = False
    index = 0
    while index < len(lines):
        texts = [s.text for s in lines[index].segments]
        if not is_header(texts):
            out.append(" ".join(texts))
            index += 1
            continue
        found = True
        header = lines[index].segments
        bounds = [(a.right + b.left) / 2 for a, b in itertools.pairwise(header)]
        numbered = next(
            (i for i, s in enumerate(header) if re.fullmatch(r"序号|编号", simplified(s.text))), 0
        )
        rows: list[list[str]] = [[s.text for s in header]]
        span = (header[0].left, header[-1].right)
        index += 1
        while index < len(lines):
            segments = lines[index].segments
            gap = lines[index - 1].middle - lines[index].middle
            # a row's first line may stand lower than a wrapped line would (the cells' padding
            # and rules: a .docx table converted by LibreOffice): up to 4 lines' height
            numbered_text = any(
                sum(1 for b in bounds if (s.left + s.right) / 2 > b) == numbered
                and re.fullmatch(f"{arabic(wide=False)}{separator(optional=True)}", s.text)
                for s in segments
            )
            if gap > (4.0 if numbered_text else 2.5) * height or any(
                s.right - s.left > 0.6 * (span[1] - span[0]) for s in segments
            ):
                break  # a gap, or a line across the table: the text after it
            if len(segments) == 1 and re.match(CHAPTER_RUN, segments[0].text):
                rows.append([segments[0].text])  # a heading row across the table
                index += 1
                continue
            cells = [""] * len(header)
            for segment in segments:
                column = sum(1 for b in bounds if (segment.left + segment.right) / 2 > b)
                cells[column] += segment.text
            starts = bool(cells[numbered].strip()) or len(rows) == 1
            if not starts and lines[index - 1].middle - lines[index].middle > 1.9 * height:
                break  # a cell's wrapped lines are close; text farther down is after the table
            if starts:
                rows.append(cells)
            elif len(rows[-1]) == len(header):
                rows[-1] = [a + b for a, b in zip(rows[-1], cells, strict=True)]
            else:
                break
            index += 1
        out.extend("| " + " | ".join(row) + " |" for row in rows)
    return out if found else None
