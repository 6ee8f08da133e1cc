"""Robustness of import-plan to how offices vary the same forms (issue 18, branch h18x).

Every text file of the corpus (tests/fixtures/import/corpus/*.txt) is rewritten by small
transformations that keep its oracle true: another label word for the same role, half- or
full-width punctuation, another numbering mark of the same level, lines hard-wrapped as PDFs
do, web chrome around the document, traditional characters for the label words. Each variant is
imported in-process and scored against the untouched oracle exactly as corpus_score.py scores
the file itself; the table compares every transformation with the untransformed baseline and
names the files it breaks (fewer tasks found, or fewer roles, leaders or deadlines right, than the
baseline; or refused).

Run: ``.venv/bin/python tests/plan_import/corpus_variants.py`` (all 139 text files × the 41
transformations, about 45 s of CPU on one core, two minutes on a busy machine: no sample is
needed; a transformation that leaves a file unchanged costs no import); ``--only NAME`` (one
transformation, repeatable), ``--file WORD`` (the files whose name contains WORD, repeatable),
``-v`` (the differences of each broken file, from corpus_score's -v). The .docx, .pdf and .html
files are not transformed (their text is not the importer's input as written), and the held-out
files of SOURCES.md are never read (a blind batch is scored once, by corpus_score.py).

Each transformation is deterministic (a random generator seeded by the file's and the
transformation's names), so a run is reproducible and a test can pin a subset of it
(tests/plan_import/test_h18x_variants.py).
"""

from __future__ import annotations

import random
import re
import shutil
import sys
import tempfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_score import (
    CORPUS,
    FileScore,
    corpus_files,
    held_out_files,
    oracle_path,
    score_file,
    sources_text,
)

Transform = Callable[[str, random.Random], str]

# --- label words (each list: words real offices use for the same role; SOURCES.md's reading) ---
LEAD = ("牵头单位", "牵头部门", "主责单位", "牵头责任单位", "责任牵头单位", "主办单位", "牵头处室")
RESPONSIBLE = ("责任单位", "责任部门", "承办单位", "落实单位", "实施单位", "承担单位", "责任处室")
COOPERATE = ("配合单位", "协办单位", "参与单位", "协同单位", "配合部门", "协作单位", "配合处室")
DEADLINE = ("完成时限", "完成时间", "时间节点", "办结时限", "完成期限", "时限要求", "截止时间")
LEADER = ("牵头领导", "责任领导", "牵头负责领导", "分管领导")
LABELS = LEAD + RESPONSIBLE + COOPERATE + DEADLINE

# a label stands alone: after a line start, a bracket, a punctuation mark, a space or a cell
# bar, and before a colon, a space, a bar, a closing bracket or the line's end (so that 主要责任单位
# and 牵头责任单位 are never read as 责任单位)
BEFORE = r"(?:(?<=^)|(?<=[\s（(\[【〔;；，,。|]))"
AFTER = r"(?=[ \t\u3000\u00a0]*(?:[:：|）)\]】〕]|$))"


def _label_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(f"{BEFORE}(?P<label>{alternatives}){AFTER}", re.MULTILINE)


def _synonyms(words: tuple[str, ...]) -> Transform:
    pattern = _label_pattern(words)

    def swap(text: str, rng: random.Random) -> str:
        # one other word per file (an office writes its forms one way throughout)
        choice = {w: rng.choice([o for o in words if o != w]) for w in words}
        return pattern.sub(lambda m: choice[m["label"]], text)

    return swap


def label_lead(text: str, rng: random.Random) -> str:
    """牵头单位 ↔ 牵头部门 / 主责单位 / 牵头责任单位 / 责任牵头单位."""
    return _synonyms(LEAD)(text, rng)


def label_responsible(text: str, rng: random.Random) -> str:
    """责任单位 ↔ 责任部门 / 承办单位 / 落实单位."""
    return _synonyms(RESPONSIBLE)(text, rng)


def label_cooperate(text: str, rng: random.Random) -> str:
    """配合单位 ↔ 协办单位 / 参与单位 / 协同单位 / 配合部门."""
    return _synonyms(COOPERATE)(text, rng)


def label_deadline(text: str, rng: random.Random) -> str:
    """完成时限 ↔ 完成时间 / 时间节点 / 办结时限."""
    return _synonyms(DEADLINE)(text, rng)


def label_leader(text: str, rng: random.Random) -> str:
    """牵头领导 ↔ 责任领导 / 牵头负责领导 / 分管领导 (named leaders, SOURCES.md)."""
    return _synonyms(LEADER)(text, rng)


# --- punctuation ---
LABEL_COLON = re.compile(f"{BEFORE}(?P<label>{'|'.join(LABELS)})[ \\t\\u3000]*[:：]", re.MULTILINE)


def colon_half(text: str, rng: random.Random) -> str:
    """Every full-width colon half-width (： → :)."""
    return text.replace("：", ":")


def colon_full(text: str, rng: random.Random) -> str:
    """Every half-width colon between non-digits full-width (: → ：; 10:30 and https: kept)."""
    return re.sub(r"(?<![0-9a-zA-Z]):(?![0-9/])", "：", text)


def brackets_half(text: str, rng: random.Random) -> str:
    """Full-width round brackets half-width (（一） → (一))."""
    return text.replace("（", "(").replace("）", ")")


def brackets_full(text: str, rng: random.Random) -> str:
    """Half-width round brackets full-width ((1) → （1）)."""
    return text.replace("(", "（").replace(")", "）")


def comma_half(text: str, rng: random.Random) -> str:
    """Full-width commas half-width (， → ,)."""
    return text.replace("，", ",")


# the units after a label, to the clause's end (a bracket inside a name, 各县(市、区)政府, kept)
ROLE_LIST = re.compile(
    f"(?P<label>{'|'.join(LABELS)})[ \\t\\u3000]*[:：]"
    "(?P<units>(?:[（(][^（()）\\n]*[）)]|[^；;。（()）\\]】〕\\n])*)"
)


UNIT_END = re.compile(r"(?:局|委|办|厅|府|会|院|中心|公司|所|站|队)$")


def _units_separated(separator: str, units_only: bool = False) -> Transform:
    """The 、 between the units after a role label written ``separator`` (not inside brackets:
    各县(市、区)政府 is one name; with ``units_only``, only between two names that end as a
    unit's does, so that a group 各开发区、镇(街道) stays one)."""

    def separate(match: re.Match[str]) -> str:
        out, depth, text = [], 0, match.group(0)
        for index, char in enumerate(text):
            depth += (char in "（(") - (char in "）)")
            if char == "、" and depth == 0:
                before = re.split(r"[、，,:：\s]", text[:index])[-1]
                after = re.split(r"[、，,；;。\s（(]", text[index + 1 :])[0]
                whole = bool(UNIT_END.search(before) and UNIT_END.search(after))
                out.append(separator if whole or not units_only else char)
            else:
                out.append(char)
        return "".join(out)

    return lambda text, rng: ROLE_LIST.sub(separate, text)


def units_comma(text: str, rng: random.Random) -> str:
    """The 、 between the units after a role label written ， (牵头单位：A、B → 牵头单位：A，B)."""
    return _units_separated("，")(text, rng)


def units_comma_half(text: str, rng: random.Random) -> str:
    """The 、 between the units after a role label written , (牵头单位：A、B → 牵头单位：A,B)."""
    return _units_separated(",")(text, rng)


def units_space(text: str, rng: random.Random) -> str:
    """The 、 between two units after a role label written as a space (A局、B局 → A局 B局)."""
    return _units_separated(" ", units_only=True)(text, rng)


SHORT = re.compile(
    f"{BEFORE}(?P<word>牵头|责任|配合)(?:单位|部门)(?=[ \\t\\u3000]*[:：])", re.MULTILINE
)


def label_short(text: str, rng: random.Random) -> str:
    """A role label without its noun (牵头单位：A；配合单位：B → 牵头：A；配合：B)."""
    return SHORT.sub(lambda m: m["word"], text)


def semicolon_stop(text: str, rng: random.Random) -> str:
    """The ； before a role label written 。 (牵头单位：A；责任单位：B → …A。责任单位：B)."""
    labels = "|".join(LABELS)
    return re.sub(f"[；;](?=[ \\t\\u3000]*(?:{labels})[ \\t\\u3000]*[:：])", "。", text)


LABEL_SEPARATOR = re.compile(f"[；;](?=[ \\t\\u3000]*(?:{'|'.join(LABELS)})[ \\t\\u3000]*[:：])")


def labels_comma(text: str, rng: random.Random) -> str:
    """The ； between two role labels written ， (牵头单位：A；责任单位：B → …：A，责任单位：B)."""
    return LABEL_SEPARATOR.sub("，", text)


def labels_space(text: str, rng: random.Random) -> str:
    """The ； between two role labels written as two spaces (牵头单位：A  责任单位：B)."""
    return LABEL_SEPARATOR.sub("  ", text)


def label_space(text: str, rng: random.Random) -> str:
    """A space after a role label's colon (牵头单位：A → 牵头单位： A)."""
    return LABEL_COLON.sub(lambda m: m.group(0) + " ", text)


def label_ideographic_space(text: str, rng: random.Random) -> str:
    """An ideographic space after a role label's colon (牵头单位：\u3000A)."""
    return LABEL_COLON.sub(lambda m: m.group(0) + "\u3000", text)


def label_nbsp(text: str, rng: random.Random) -> str:
    """A no-break space between a role label and its colon (牵头单位\u00a0：A)."""
    return LABEL_COLON.sub(lambda m: m["label"] + "\u00a0" + m.group(0)[-1], text)


def label_no_colon(text: str, rng: random.Random) -> str:
    """A role label's colon dropped (牵头单位：A → 牵头单位A)."""
    return LABEL_COLON.sub(lambda m: m["label"], text)


# --- numbering marks at the same level (the oracle's ids stay the same) ---
ARABIC = re.compile(
    r"^(?P<indent>[ \t\u3000]*)(?P<n>[0-9]{1,2})[.．、﹒](?![0-9])(?=\S)", re.MULTILINE
)


def _arabic(stop: str) -> Transform:
    def renumber(text: str, rng: random.Random) -> str:
        return ARABIC.sub(lambda m: f"{m['indent']}{m['n']}{stop}", text)

    return renumber


def number_dot(text: str, rng: random.Random) -> str:
    """1、 / 1． / 1﹒ at a line's start → 1."""
    return _arabic(".")(text, rng)


def number_comma(text: str, rng: random.Random) -> str:
    """1. / 1． / 1﹒ at a line's start → 1、"""
    return _arabic("、")(text, rng)


def number_wide_dot(text: str, rng: random.Random) -> str:
    """1. / 1、 at a line's start → 1．"""
    return _arabic("．")(text, rng)


def number_small_dot(text: str, rng: random.Random) -> str:
    """1. / 1、 at a line's start → 1﹒"""
    return _arabic("﹒")(text, rng)


def number_space(text: str, rng: random.Random) -> str:
    """A space after an arabic number's mark at a line's start (1.完善 → 1. 完善)."""
    return ARABIC.sub(lambda m: m.group(0) + " ", text)


WIDE = str.maketrans("0123456789.", "０１２３４５６７８９．")


def number_wide_digits(text: str, rng: random.Random) -> str:
    """Full-width digits and stop in an arabic number at a line's start (1. → １．)."""
    return re.sub(
        r"(?m)^([ \t\u3000]*)([0-9]{1,2}[.．、﹒])(?![0-9])(?=\S)",
        lambda m: m[1] + m[2].translate(WIDE),
        text,
    )


CHAPTER = re.compile(r"^(?P<indent>[ \t\u3000]*)(?P<n>[一二三四五六七八九十]{1,3})、", re.MULTILINE)


def chapter_dot(text: str, rng: random.Random) -> str:
    """一、 at a line's start → 一．"""
    return CHAPTER.sub(lambda m: f"{m['indent']}{m['n']}．", text)


CN_BRACKETED = re.compile(
    r"^(?P<indent>[ \t\u3000]*)[（(](?P<n>[一二三四五六七八九十]{1,3})[）)]", re.MULTILINE
)


def cn_half(text: str, rng: random.Random) -> str:
    """（一） at a line's start → (一)."""
    return CN_BRACKETED.sub(lambda m: f"{m['indent']}({m['n']})", text)


def cn_full(text: str, rng: random.Random) -> str:
    """(一) at a line's start → （一）."""
    return CN_BRACKETED.sub(lambda m: f"{m['indent']}（{m['n']}）", text)


# at a line's or a table cell's start (h18ap: a row's mark after its merged cells, ``… | (1)乡镇…``,
# changed with the rows below it: an office numbers one list one way, never (1) then ② ③)
PAREN = re.compile(
    r"(?:^|(?<=[|｜]))(?P<indent>[ \t\u3000]*)(?:[（(](?P<n>[0-9]{1,2})[）)]|(?P<c>[①-⑳⑴-⒇]))",
    re.MULTILINE,
)
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
PARENTHESIZED = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"


def _paren(form: Callable[[int], str]) -> Transform:
    def renumber(text: str, rng: random.Random) -> str:
        def one(m: re.Match[str]) -> str:
            if m["n"]:
                n = int(m["n"])
            else:
                c = m["c"]
                n = (CIRCLED.index(c) if c in CIRCLED else PARENTHESIZED.index(c)) + 1
            return m["indent"] + (form(n) if 1 <= n <= 20 else m.group(0)[len(m["indent"]) :])

        return PAREN.sub(one, text)

    return renumber


def paren_full(text: str, rng: random.Random) -> str:
    """(1) / ⑴ / ① at a line's start → （1）."""
    return _paren(lambda n: f"（{n}）")(text, rng)


def paren_half(text: str, rng: random.Random) -> str:
    """（1） / ⑴ / ① at a line's start → (1)."""
    return _paren(lambda n: f"({n})")(text, rng)


def paren_parenthesized(text: str, rng: random.Random) -> str:
    """(1) / （1） / ① at a line's start → ⑴."""
    return _paren(lambda n: PARENTHESIZED[n - 1])(text, rng)


def paren_circled(text: str, rng: random.Random) -> str:
    """(1) / （1） / ⑴ at a line's start → ①."""
    return _paren(lambda n: CIRCLED[n - 1])(text, rng)


_PLAIN = "[^（()）\\n]*"
ROLE_ROUND = re.compile(
    f"[（(](?P<inner>[ \\t\\u3000]*(?:{'|'.join(LABELS)})[ \\t\\u3000]*[:：]"
    f"{_PLAIN}(?:[（(]{_PLAIN}[）)]{_PLAIN})*)[）)]"
)


def _role_brackets(opening: str, closing: str) -> Transform:
    def rebracket(text: str, rng: random.Random) -> str:
        return ROLE_ROUND.sub(lambda m: opening + m["inner"] + closing, text)

    return rebracket


def role_square(text: str, rng: random.Random) -> str:
    """A role clause's round brackets square ((牵头单位：A) → [牵头单位：A])."""
    return _role_brackets("[", "]")(text, rng)


def role_lenticular(text: str, rng: random.Random) -> str:
    """A role clause's round brackets 【】 ((牵头单位：A) → 【牵头单位：A】)."""
    return _role_brackets("【", "】")(text, rng)


def role_tortoise(text: str, rng: random.Random) -> str:
    """A role clause's round brackets 〔〕 ((牵头单位：A) → 〔牵头单位：A〕)."""
    return _role_brackets("〔", "〕")(text, rng)


ROLE_AT_END = re.compile(
    f"(?<=[。；;])[ \\t\\u3000]*{ROLE_ROUND.pattern}[ \\t\\u3000]*$", re.MULTILINE
)


def brackets_dropped(text: str, rng: random.Random) -> str:
    """A role bracket closing a sentence written as a sentence of its own (…。（牵头单位：A；
    责任单位：B） → …。牵头单位：A；责任单位：B。)."""
    return ROLE_AT_END.sub(lambda m: m["inner"].strip().rstrip("。；;") + "。", text)


# --- line breaks ---


def hard_wrap(text: str, rng: random.Random) -> str:
    """Lines longer than 40 characters hard-wrapped every 30–40 characters, as PDFs and some
    pages do (not the rows of a flattened table, cells between | or spaces: a table's row is not
    wrapped as a paragraph is)."""
    out = []
    for line in text.split("\n"):
        # (an indent is no table's spacing: h18ap, a paragraph's two leading spaces kept it whole
        # while the rest of the page was wrapped, which no PDF or page does)
        if len(line) <= 40 or re.search(r"[|\u2500-\u257f]", line) or line.strip().count(" ") >= 2:
            out.append(line)
            continue
        while len(line) > 40:
            cut = rng.randint(30, 40)
            out.append(line[:cut])
            line = line[cut:]
        out.append(line)
    return "\n".join(out)


def blank_removed(text: str, rng: random.Random) -> str:
    """Every blank line removed."""
    return "\n".join(line for line in text.split("\n") if line.strip())


def blank_doubled(text: str, rng: random.Random) -> str:
    """A blank line after every line (and two where there was one)."""
    return "\n\n".join(text.split("\n"))


ROLE_BRACKET = re.compile(
    f"(?<=\\S)[ \\t\\u3000]*(?P<bracket>[（(\\[【〔][ \\t\\u3000]*(?:{'|'.join(LABELS)})[^\\n]*)$",
    re.MULTILINE,
)


def bracket_next_line(text: str, rng: random.Random) -> str:
    """A role bracket that closes a line moved to a line of its own (…。\\n（牵头单位：A）)."""
    return ROLE_BRACKET.sub(lambda m: "\n" + m["bracket"], text)


# --- page chrome ---
CHROME_HEAD = (
    "当前位置：首页 > 政务公开 > 政策文件\n"
    "索引号：11330100002489650Y/2023-00123\n"
    "发布机构：办公室    生成日期：\n"
    "【字号：大 中 小】\n"
)
CHROME_TAIL = "\n\n【打印本页】 【关闭窗口】\n分享到：微信 微博\n"


def web_chrome(text: str, rng: random.Random) -> str:
    """A website's chrome before the title (当前位置, 索引号, 字号 大 中 小) and after the end
    (打印本页 关闭窗口)."""
    return CHROME_HEAD + text.rstrip("\n") + CHROME_TAIL


# --- traditional characters (a small table of our own, character by character, so that a word is
# never half converted: 責任主體 and not 責任主体) ---
TRADITIONAL_PAIRS = (
    "牵牽头頭单單责責门門协協办辦参參与與时時间間负負职職领領导導县縣区區发發员員会會实實进進"
    "设設关關组組织織环環农農业業体體调調监監节節结結务務项項产產划劃财財卫衛资資规規开開长長"
    "质質场場广廣乡鄉镇鎮园園厅廳处處级級统統计計审審筹籌"
)
TRADITIONAL = str.maketrans(dict(zip(TRADITIONAL_PAIRS[::2], TRADITIONAL_PAIRS[1::2], strict=True)))


def traditional(text: str, rng: random.Random) -> str:
    """The text in traditional characters, as far as the table above goes (牵头单位 → 牽頭單位,
    责任主体与协同单位 → 責任主體與協同單位): the label words and the common words of names."""
    return text.translate(TRADITIONAL)


TRANSFORMS: dict[str, Transform] = {
    f.__name__: f
    for f in (
        label_lead,
        label_responsible,
        label_cooperate,
        label_deadline,
        label_leader,
        colon_half,
        colon_full,
        brackets_half,
        brackets_full,
        comma_half,
        units_comma,
        units_comma_half,
        units_space,
        label_short,
        semicolon_stop,
        labels_comma,
        labels_space,
        label_space,
        label_ideographic_space,
        label_nbsp,
        label_no_colon,
        number_dot,
        number_comma,
        number_wide_dot,
        number_small_dot,
        number_space,
        number_wide_digits,
        chapter_dot,
        cn_half,
        cn_full,
        paren_full,
        paren_half,
        paren_parenthesized,
        paren_circled,
        role_square,
        role_lenticular,
        role_tortoise,
        brackets_dropped,
        hard_wrap,
        blank_removed,
        blank_doubled,
        bracket_next_line,
        web_chrome,
        traditional,
    )
}


def variant(name: str, source: Path) -> str:
    """The text of ``source`` rewritten by the transformation ``name`` (deterministic)."""
    text = source.read_text(encoding="utf-8")
    rng = random.Random(zlib.crc32(f"{name}:{source.name}".encode()))
    return TRANSFORMS[name](text, rng)


def text_files(words: list[str] | None = None) -> list[Path]:
    """The corpus's text files (whose name contains every word), never a held-out one: a blind
    batch is scored once, by corpus_score.py, and a table naming its files and the forms that
    break them would tell the next change what to fit (corpus_score.py prints no row of one)."""
    held = held_out_files(sources_text())
    return [
        p
        for p in corpus_files()
        if p.suffix == ".txt" and p.name not in held and all(w in p.name for w in words or [])
    ]


@dataclass
class Row:
    name: str
    changed: int = 0
    tasks: tuple[int, int] = (0, 0)
    """(found in the variants, found in the baseline) over the files the transformation changed"""
    roles: tuple[int, int] = (0, 0)
    leaders: tuple[int, int] = (0, 0)
    deadlines: tuple[int, int] = (0, 0)
    broken: list[tuple[str, FileScore, FileScore]] = field(default_factory=list)

    def add(self, name: str, mine: FileScore, theirs: FileScore) -> None:
        """One file's variant (``mine``) counted against its baseline (``theirs``); broken when
        refused, or when it finds fewer tasks or reads fewer roles, leaders or deadlines right."""
        self.changed += 1
        self.tasks = (self.tasks[0] + mine.found, self.tasks[1] + theirs.found)
        self.roles = (self.roles[0] + mine.roles[0], self.roles[1] + theirs.roles[0])
        self.leaders = (self.leaders[0] + mine.leaders[0], self.leaders[1] + theirs.leaders[0])
        self.deadlines = (
            self.deadlines[0] + mine.deadlines[0],
            self.deadlines[1] + theirs.deadlines[0],
        )
        if mine.refused or any(a < b for a, b in zip(_counts(mine), _counts(theirs), strict=True)):
            self.broken.append((name, mine, theirs))


def _counts(score: FileScore) -> tuple[int, int, int, int]:
    return score.found, score.roles[0], score.leaders[0], score.deadlines[0]


def score_text(text: str | bytes, source: Path, work: Path, suffix: str = "") -> FileScore:
    """corpus_score's score of ``text`` (UTF-8, or the bytes as given) read as the file
    ``source`` (same name, or the same stem with ``suffix``: a .html page; same oracle)."""
    folder = Path(tempfile.mkdtemp(dir=work))
    copy = folder / (source.stem + suffix if suffix else source.name)
    copy.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    shutil.copy(oracle_path(source), oracle_path(copy))
    return score_file(copy, folder / "out", held_out=False)


def run(names: list[str], files: list[Path]) -> tuple[list[Row], dict[str, FileScore]]:
    def changed(name: str, source: Path) -> str | None:
        text = variant(name, source)
        return None if text == source.read_text(encoding="utf-8") else text

    return run_rewrites(names, files, changed)


def run_rewrites(
    names: list[str],
    files: list[Path],
    rewrite: Callable[[str, Path], str | bytes | None],
    suffix: str = "",
) -> tuple[list[Row], dict[str, FileScore]]:
    """Each file scored as it stands (the baseline) and as each ``rewrite(name, file)`` writes it
    (None: the file unchanged, no import), saved with ``suffix`` (or the file's own)."""
    rows = [Row(name) for name in names]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        base = {p.name: score_file(p, work / p.name, held_out=False) for p in files}
        for row in rows:
            for source in files:
                text = rewrite(row.name, source)
                if text is not None:
                    mine = score_text(text, source, work, suffix)
                    row.add(source.name, mine, base[source.name])
    return rows, base


def _pair(pair: tuple[int, int]) -> str:
    return f"{pair[0]}/{pair[1]}"


def table(
    rows: list[Row], base: dict[str, FileScore], verbose: bool = False, what: str = "transformation"
) -> list[str]:
    """The table: each transformation's files changed, tasks found, roles, leaders and deadlines
    right over those files (variant/baseline), and the files it breaks (t tasks, r roles,
    l leaders, d deadlines lost; "refused" when the variant was refused or crashed)."""
    tasks = sum(s.found for s in base.values())
    roles = sum(s.roles[0] for s in base.values())
    leaders = sum(s.leaders[0] for s in base.values())
    deadlines = sum(s.deadlines[0] for s in base.values())
    lines = [
        f"baseline: {len(base)} text files, tasks found {tasks}, roles right {roles}, "
        f"leaders right {leaders}, deadlines right {deadlines}",
        f"{what:<24} {'files':>5} {'tasks':>9} {'roles':>9} {'leaders':>9} "
        f"{'deadlines':>9} {'broken':>6}  files broken",
    ]
    for row in rows:
        names = ", ".join(
            f"{n} ("
            + (
                "refused"
                if m.refused
                else " ".join(
                    f"-{b - a}{k}"
                    for a, b, k in zip(_counts(m), _counts(t), "trld", strict=True)
                    if b > a
                )
            )
            + ")"
            for n, m, t in row.broken
        )
        lines.append(
            f"{row.name:<24} {row.changed:>5} {_pair(row.tasks):>9} {_pair(row.roles):>9} "
            f"{_pair(row.leaders):>9} {_pair(row.deadlines):>9} {len(row.broken):>6}  {names}"
        )
        if verbose:
            for name, mine, theirs in row.broken:
                new = [d for d in mine.differences if d not in theirs.differences]
                lines.extend(f"      {name}: {d[:160]}" for d in new[:8])
                if mine.refused:
                    lines.append(f"      {name}: {mine.refused[:160]}")
    broken = sum(len(r.broken) for r in rows)
    lost = [sum(r.tasks[1] - r.tasks[0] for r in rows), sum(r.roles[1] - r.roles[0] for r in rows)]
    lost.append(sum(r.leaders[1] - r.leaders[0] for r in rows))
    lost.append(sum(r.deadlines[1] - r.deadlines[0] for r in rows))
    lines.append(
        f"TOTAL: {broken} (file, transformation) pairs broken; net lost: tasks {lost[0]}, "
        f"roles {lost[1]}, leaders {lost[2]}, deadlines {lost[3]}"
    )
    return lines


def _values(args: list[str], flag: str) -> list[str]:
    return [args[i + 1] for i, a in enumerate(args[:-1]) if a == flag]


def chosen(args: list[str], names: Iterable[str], what: str) -> tuple[list[str], list[Path]]:
    """The names ``--only`` asks for (all when none) and the files ``--file`` names."""
    only, known = _values(args, "--only"), list(names)
    unknown = [n for n in only if n not in known]
    if unknown:
        raise SystemExit(f"unknown {what}(s) {unknown}: one of {', '.join(known)}")
    return only or known, text_files(_values(args, "--file"))


def main(argv: list[str] | None = None) -> list[Row]:
    args = sys.argv[1:] if argv is None else argv
    rows, base = run(*chosen(args, TRANSFORMS, "transformation"))
    print("\n".join(table(rows, base, verbose="-v" in args)))
    return rows


if __name__ == "__main__":
    assert CORPUS.is_dir()
    main()
