"""Opened corpus files with their role labels taken away and the same units written as
sentences (h18cc): made-up variants, built in memory and never committed as corpus files, of
the way an office writes duties in prose (``市财政局负责…``, ``由A负责，B配合``, ``A要会同B…``).

``python3 tests/plan_import/roles_as_prose.py [FORM …]`` scores every opened text file the
rewrite changes, as it stands and rewritten, with corpus_variants' scorer (never a held-out file).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_variants import run_rewrites, table, text_files

LEAD = r"牵头(?:责任)?(?:单位|部门)|主责单位|主办单位"
RESPONSIBLE = r"责任(?:单位|部门)|承办单位|实施单位"
COOPERATE = r"(?:配合|协办|参与|协同|协助)(?:责任)?(?:单位|部门)"
LABEL = re.compile(rf"(?P<label>{LEAD}|{RESPONSIBLE}|{COOPERATE})\s*[：:]\s*")
BRACKET = re.compile(r"[（(](?P<inner>[^（）()\n]{2,300})[）)]")
PART = re.compile(r"[；;。]")


def _roles(inner: str) -> dict[str, str] | None:
    """The names under each role label of a bracket (None: not a bracket of labels alone)."""
    labels = list(LABEL.finditer(inner))
    if not labels or labels[0].start() != 0:
        return None
    out: dict[str, str] = {}
    rest = ""
    for here, after in zip(labels, [*labels[1:], None], strict=True):
        stop = after.start() if after else len(inner)
        body = inner[here.end() : stop]
        names, _, tail = PART.split(body, 1)[0], None, body[len(PART.split(body, 1)[0]) :]
        rest += tail.strip("；;。 ")
        label = here.group("label")
        role = (
            "lead"
            if re.fullmatch(LEAD, label)
            else ("cooperate" if re.fullmatch(COOPERATE, label) else "responsible")
        )
        names = names.strip(" ，,")
        if not names:
            return None
        out[role] = f"{out[role]}、{names}" if role in out else names
    if rest:
        out["rest"] = rest
    return out


def sentence(roles: dict[str, str], form: str) -> str:
    """The roles of one bracket as an office writes them in prose."""
    lead = roles.get("lead") or roles.get("responsible", "")
    others = roles.get("cooperate") or (roles.get("responsible") if roles.get("lead") else "")
    if form == "by":
        said = f"由{lead}负责" + (f"，{others}配合" if others else "")
    elif form == "together":
        alone = f"{lead}牵头抓好落实" if roles.get("lead") else f"{lead}要抓好落实"
        said = f"{lead}要会同{others}抓好落实" if others else alone
    else:  # "subject": 市X局负责…
        said = f"{lead}负责组织实施" + (f"，{others}参与" if others else "")
    rest = roles.get("rest")
    return f"{said}。" + (f"（{rest}）" if rest else "")


def as_prose(text: str, form: str) -> str:
    """Every bracket of role labels in ``text`` written as a sentence in ``form``."""

    def rewrite(match: re.Match[str]) -> str:
        roles = _roles(match.group("inner"))
        return match.group(0) if roles is None else sentence(roles, form)

    return BRACKET.sub(rewrite, text)


FORMS = ("subject", "by", "together")


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def main(argv: list[str]) -> None:
    forms = [a for a in argv if a in FORMS] or list(FORMS)
    files = [p for p in text_files() if as_prose(_read(p), "by") != _read(p)]

    def changed(name: str, source: Path) -> str | None:
        text = source.read_text(encoding="utf-8")
        new = as_prose(text, name)
        return None if new == text else new

    rows, base = run_rewrites(forms, files, changed)
    for line in table(rows, base, verbose="-v" in argv):
        print(line)


if __name__ == "__main__":
    main(sys.argv[1:])
