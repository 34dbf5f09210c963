"""Which column of a sheet holds what: detection from headers, and user overrides.

Headers are matched after normalisation (NFKC, lower case, spaces, punctuation and
bracketed notes removed), so "Due Date", "due_date", "DUE-DATE" and "截止日期（必填）" all
match. `--column ROLE=SPEC` overrides detection; SPEC is a header or a column letter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from smartlint.errors import ConfigError, InputError

#: The roles a column can play. `text` is the goal itself (a single goal column);
#: `objective` + `key_result` is the two-column layout.
ROLES = (
    "text",
    "objective",
    "key_result",
    "type",
    "owner",
    "team",
    "due",
    "period",
    "id",
    "parent",
)

#: Names a user may give a role in `--column`, mapped to the role.
ROLE_ALIASES = {
    **{r: r for r in ROLES},
    "goal": "text",
    "kr": "key_result",
    "keyresult": "key_result",
    "due_date": "due",
    "duedate": "due",
    "deadline": "due",
    "quarter": "period",
}

# Normalised header -> role. Kept as data: extending detection is adding a word here.
_HEADERS: dict[str, tuple[str, ...]] = {
    "text": (
        "goal", "goals", "goaltext", "goaldescription", "goaltitle", "goalname", "okr",
        "okrs", "description", "statement", "title", "smartgoal",
        "目标", "目标描述", "目标内容", "目标名称", "描述", "内容", "okr内容", "工作目标",
    ),
    "objective": ("objective", "objectives", "objectivetext", "o", "目标o", "目标(o)"),
    "key_result": (
        "keyresult", "keyresults", "kr", "krs", "krtext", "关键结果", "关键成果", "kr描述",
        "关键结果kr",
    ),
    "type": ("type", "goaltype", "level", "kind", "rowtype", "类型", "目标类型", "层级", "级别"),
    "owner": (
        "owner", "owners", "goalowner", "assignee", "responsible", "accountable", "employee",
        "负责人", "责任人", "执行人", "所有者", "员工", "承接人",
    ),
    "team": (
        "team", "teams", "department", "dept", "group", "division", "unit", "businessunit",
        "org", "organisation", "organization",
        "团队", "部门", "小组", "组织", "所属部门", "所属团队", "事业部",
    ),
    "due": (
        "due", "duedate", "deadline", "targetdate", "enddate", "dueby", "completiondate",
        "截止日期", "截止时间", "完成日期", "完成时间", "到期日", "期限", "截至日期",
    ),
    "period": (
        "period", "quarter", "cycle", "timeframe", "term", "okrperiod", "okrcycle",
        "fiscalquarter", "fiscalperiod", "周期", "季度", "考核周期", "时间周期", "okr周期",
        "目标周期",
    ),
    "id": (
        "id", "goalid", "okrid", "key", "no", "number", "ref", "编号", "序号", "目标编号", "id号",
    ),
    "parent": (
        "parent", "parentid", "parentgoal", "parentobjective", "alignedto", "alignsto",
        "alignedwith", "objectiveid", "上级目标", "父目标", "上级", "对齐目标", "所属目标",
        "上级目标编号", "父级",
    ),
}
_HEADER_ROLE = {name: role for role, names in _HEADERS.items() for name in names}

_BRACKETED = re.compile(r"[(（\[【].*?[)）\]】]")
_NOISE = re.compile(r"[\s_\-:：.,，/\\#*?？!！'\"“”‘’]+")
_LETTERS = re.compile(r"[A-Za-z]{1,3}")


def normalise_header(value: Any) -> str:
    """A header reduced to the letters that carry its meaning."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value)).strip().lower()
    bare = _NOISE.sub("", _BRACKETED.sub("", text))
    # "目标(O)" and "ID (#)" keep their meaning without the bracket; "(O)" alone does not.
    return bare or _NOISE.sub("", text)


def column_letter(index: int) -> str:
    """0-based column index -> spreadsheet letters (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_index(letters: str) -> int:
    """Spreadsheet letters -> 0-based column index."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def parse_overrides(specs: Sequence[str]) -> dict[str, str]:
    """`["text=C", "owner=Owner"]` -> {"text": "C", "owner": "Owner"}; bad ones raise."""
    out: dict[str, str] = {}
    for spec in specs:
        role, sep, value = spec.partition("=")
        key = ROLE_ALIASES.get(role.strip().lower().replace("-", "_"))
        if not sep or key is None or not value.strip():
            names = ", ".join(r for r in ROLES)
            raise ConfigError(
                f"--column {spec!r}: use ROLE=COLUMN, where ROLE is one of {names} "
                "and COLUMN is a header or a column letter, e.g. --column text=C"
            )
        out[key] = value.strip()
    return out


@dataclass
class ColumnMap:
    """0-based column indexes of each role found, and the header row they came from."""

    roles: dict[str, int] = field(default_factory=dict)
    headers: tuple[str, ...] = ()
    #: Set when the only goal column says what every row is ("Key Result" alone).
    fixed_type: str | None = None

    @property
    def two_column(self) -> bool:
        """Objective and key result in separate columns (no single goal column)."""
        return "text" not in self.roles and "key_result" in self.roles

    def get(self, role: str) -> int | None:
        return self.roles.get(role)

    def describe(self) -> str:
        return ", ".join(
            f"{role}={column_letter(i)} ({self.headers[i] if i < len(self.headers) else ''})"
            for role, i in self.roles.items()
        )


def detect_columns(header: Sequence[Any]) -> dict[str, int]:
    """Roles recognised in a header row (first match of each role wins)."""
    found: dict[str, int] = {}
    for i, cell in enumerate(header):
        role = _HEADER_ROLE.get(normalise_header(cell))
        if role is not None and role not in found:
            found[role] = i
    return found


def has_goal_column(roles: Mapping[str, int]) -> bool:
    return any(r in roles for r in ("text", "objective", "key_result"))


def resolve_columns(
    header: Sequence[Any], overrides: Mapping[str, str], *, source: str
) -> ColumnMap:
    """The column map of a sheet: detected roles, then the user's overrides on top."""
    headers = tuple("" if h is None else str(h).strip() for h in header)
    roles = detect_columns(headers)
    normalised = [normalise_header(h) for h in headers]
    for role, spec in overrides.items():
        roles.pop(role, None)
        index = _find_column(spec, headers, normalised)
        if index is None:
            shown = ", ".join(f"{column_letter(i)} {h!r}" for i, h in enumerate(headers) if h)
            raise InputError(
                f"--column {role}={spec}: no column with that header or letter "
                f"(columns: {shown or 'none'})",
                source,
            )
        # One column plays one role: an override takes it away from a detected role.
        for other, i in list(roles.items()):
            if i == index:
                del roles[other]
        roles[role] = index
    # A lone "Objective" or "Key Result" column is simply the goal column.
    fixed_type = None
    if "text" not in roles:
        if "objective" in roles and "key_result" not in roles:
            roles["text"] = roles.pop("objective")
            fixed_type = "objective"
        elif "key_result" in roles and "objective" not in roles:
            roles["text"] = roles.pop("key_result")
            fixed_type = "key_result"
    elif "key_result" in roles and "objective" not in roles and "text" not in overrides:
        # "目标" + "关键结果": the goal column is really the objective column.
        roles["objective"] = roles.pop("text")
    return ColumnMap(roles=roles, headers=headers, fixed_type=fixed_type)


def _find_column(spec: str, headers: Sequence[str], normalised: Sequence[str]) -> int | None:
    for i, h in enumerate(headers):
        if h and h.casefold() == spec.casefold():
            return i
    key = normalise_header(spec)
    if key:
        for i, h in enumerate(normalised):
            if h == key:
                return i
    if _LETTERS.fullmatch(spec):
        return column_index(spec)
    if spec.isdigit() and int(spec) >= 1:  # a 1-based column number
        return int(spec) - 1
    return None
