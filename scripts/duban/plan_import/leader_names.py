"""Named leaders (牵头领导, 分管领导, 责任领导, 牵头负责领导, 分管省领导 …): people, never units
(moved out of clauses, branch h18g).

A leader is written as a name (``杜新国``), a name spaced out to the width of three characters
(``王 健``), a name with the post in brackets (``王五（副县长）``) or before it (``副市长王某``,
``市政府常务副市长``: a post alone, no name); several are parted by 、，,；; or, in a table cell
whose line breaks the page lost, run together (``陆 明俞 悦``: two spaced two-character names).
"""

from __future__ import annotations

import re

from duban.plan_import.chinese import simplified

PINYIN_NOTE = re.compile(
    r"(?<=[\u3400-\u9fff])[（(][a-z\u00e0-\u00fc\u0101-\u01dc\u01f9\u1e3f]{1,8}[)）]"
)
"""湘西經開區(qū)管委會: the reading a converting web page wrote after a character."""


def unnoted_start(pattern: re.Pattern[str], text: str) -> int | None:
    """h18br: where the pattern's first group starts in the text, matched as if the converter's
    pinyin were not there (牽頭領(lǐng)導(dǎo): is 牽頭領導:, 青岛 2022), or None."""
    kept: list[int] = []
    at = 0
    for note in [*PINYIN_NOTE.finditer(text), None]:
        end = note.start() if note else len(text)
        kept += range(at, end)
        at = note.end() if note else at
    match = pattern.search("".join(text[i] for i in kept))
    return None if match is None else kept[match.start(1)]


LEADER_WORDS = (
    r"(?:(?:省|市|县|区|州|镇)(?:级|政府|委|委政府)?)?"
    r"(?:牵头负责|牵头责任|牵头|分管|责任|联系|包联|包保|挂钩|挂点|负责|主管|主抓|督导|包案)?"
    r"(?:省|市|县|区|州)?级?领导(?:同志)?"
    r"|(?:分管|牵头|联系)(?:常务)?副?(?:省长|市长|州长|区长|县长|镇长|乡长)"
)
"""牵头领导 / 分管省领导 / 牵头负责领导 / 市级领导 / 包保领导 / 县级责任领导 (h18g widened)."""
LEADER_LABEL = re.compile(
    rf"^\s*(?P<label>{LEADER_WORDS}|责任人|第一责任人)\s*[:：]\s*(?P<names>.*)$", re.S
)
"""A label of people: leaders, or 责任人 (a person answerable for the task, never a unit)."""

POST = (
    r"(?:(?:省|市|县|区|州|镇|乡)(?:委|政府|人大|政协)?)?(?:常委|委员|书记|副书记)?、?(?:常务)?副?"
    r"(?:省长|市长|州长|区长|县长|镇长|乡长|书记|主任|部长|局长|秘书长|主席|调研员)"
)
POST_FIRST = re.compile(rf"^(?P<post>{POST})(?P<name>[\u4e00-\u9fff]{{2,3}})$")
"""副市长王某 / 区委常委、常务副区长李四: the post, then the name."""
POST_ONLY = re.compile(rf"^{POST}$")
NAME_FIRST = re.compile(rf"^(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?<![副务])(?P<post>{POST})$")
"""张三副市长: the name, then the post."""
RANK = re.compile(r"^(?:(?:省|市|县|区|州)委)?(?:常委|委员|党组成员|党组书记|党组副书记)$")
"""县委常委 before 、副县长张三: a rank that runs on into the post after it."""
"""市政府常务副市长: a post with no name (the name is the post's holder's)."""
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯"
)
SPACED_PAIRS = re.compile(r"^(?:[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff][ \u3000]*){2,}$")
"""陆 明俞 悦: two-character names, each spaced out, run together."""


def split_outside_brackets(text: str, separators: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        if char in "（(〔[【［<＜〈":  # h18i: 各县<市、区>人民政府 (云浮 2019)
            depth += 1
        elif char in "）)〕]】］>＞〉" and depth:
            depth -= 1
        if char in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def name_run(piece: str) -> list[str]:
    """h18bl: names run together with nothing between them (a table cell whose line breaks the
    page lost, ``王天刚郭代辉``): the one way to cut the piece into names of two or three
    characters, each opening with a common surname; [] when there is none or more than one."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,12}", piece):
        return []
    folded = simplified(piece)

    def cuts(at: int) -> list[list[str]]:
        if at == len(folded):
            return [[]]
        return [
            [piece[at : at + size], *rest]
            for size in (2, 3)
            if at + size <= len(folded) and folded[at] in SURNAMES
            for rest in cuts(at + size)
        ]

    found = cuts(0)
    return found[0] if len(found) == 1 else []


def spaced_names(piece: str) -> list[str]:
    """h18i: a cell's names parted by spaces, a two-character one spaced to the width of three
    (余杭 2018: ``祝振偉 陳夏林``, ``沈 昱 祝振偉`` → 沈昱, 祝振偉): [] when not several names."""
    tokens = piece.split()
    if len(tokens) < 2 or not all(re.fullmatch(r"[\u4e00-\u9fff]{1,4}", t) for t in tokens):
        return []
    if any(POST_ONLY.match(simplified(t)) for t in tokens):
        return []  # h18m: 副县长 王某某 / 王某某 副县长: one person and the post
    names: list[str] = []
    run = ""
    for token in tokens:
        if len(token) == 1:
            run += token
            continue
        if run:
            names.append(run)
            run = ""
        names.append(token)
    if run:
        names.append(run)
    return names if len(names) >= 2 and all(2 <= len(n) <= 4 for n in names) else []


def _pieces(text: str) -> list[str]:
    out: list[str] = []
    carry = ""
    for piece in split_outside_brackets(text, "、，,；;/"):
        piece = piece.strip().rstrip("。").strip()
        if carry:
            piece, carry = f"{carry}、{piece}", ""
        if RANK.match(simplified(piece)):  # 县委常委、副县长张三: one person
            carry = piece
            continue
        if SPACED_PAIRS.match(piece):  # 陆 明俞 悦: 陆明, 俞悦
            bare = re.sub(r"[ \u3000]+", "", piece)
            out.extend(bare[i : i + 2] for i in range(0, len(bare), 2))
        elif spaced_names(piece):
            out.extend(spaced_names(piece))
        elif len(name_run(piece)) > 1:  # h18bl: 王天刚郭代辉, two names run together
            out.extend(name_run(piece))
        elif piece:
            out.append(piece)
    if carry:
        out.append(carry)
    return out


def read_leaders(text: str, label: str) -> list[dict]:
    """王 健（副市长）、李四 → people with their posts (the spaces that align a two-character
    name are not part of it); 副市长王某 → 王某, post 副市长."""
    leaders = []
    for piece in _pieces(text):
        bare = PINYIN_NOTE.sub("", piece)  # 錢(qián) 宇: a converter's pinyin is no part (h18a)
        post = re.search(r"[（(]([^（）()]{1,30})[）)]\s*$", bare)
        name = re.sub(r"[\s\u3000]+", "", bare[: post.start()] if post else bare)
        leader = {"name": name, "text": f"{label}{piece}"}
        if post:
            leader["post"] = post.group(1).strip()
        else:
            first = POST_FIRST.match(simplified(name))
            after = NAME_FIRST.match(simplified(name))
            if first and not POST_ONLY.match(simplified(name)):
                leader["name"] = name[first.start("name") :]
                leader["post"] = name[: first.start("name")]
            elif after and not POST_ONLY.match(simplified(name)):  # 张三副市长
                leader["name"] = name[: after.end("name")]
                leader["post"] = name[after.end("name") :]
        leaders.append(leader)
    return leaders


ANSWERABLE = re.compile(r"^\s*(?:第一)?责任人\s*[:：]?\s*$")
"""责任人: (a label of people that names leaders and clerks alike)."""
LEADING_POST = re.compile(
    r"(?:常务)?副?(?:省长|市长|州长|区长|县长|旗长|盟长|镇长|乡长)$|书记$|常委$"
)
"""The post of a leader of a government or its Party committee (not a bureau's 局长, a clerk)."""


def label_leaders(text: str, label: str) -> list[dict]:
    """The people a label names, as leaders: under 责任人 only those with a leader's post
    (h18ak, SOURCES.md 第十七批: 责任人:X副市长 is the vice-mayor in charge; a 责任人 with no post
    or a bureau's post is the clerk doing the work, 第五批, not recorded)."""
    leaders = read_leaders(text, label)
    if not ANSWERABLE.match(simplified(label)):
        return leaders
    return [p for p in leaders if LEADING_POST.search(simplified(p.get("post", "")))]
