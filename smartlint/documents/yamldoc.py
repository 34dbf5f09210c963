"""The YAML reader. The schema (documented in docs/formats.md):

    period: 2027-Q1            # or {start: 2027-01-01, end: 2027-03-31, label: "Q1"}
    owner: Dana Lee
    team: Sales                # a team document: its objectives should have a parent
    id: sales-2027-q1
    parent: company/2027-q1.md#grow-revenue   # default parent of every objective
    lang: en                   # optional; detected from the goals otherwise
    objectives:
      - objective: Grow revenue in EMEA        # also: title, text
        id: emea
        parent: company/2027-q1.yaml#grow-revenue
        owner: Sam
        key_results:
          - Raise EMEA revenue from $2M to $3M by 2027-03-31
          - text: Close 10 new enterprise deals by 2027-03-31   # also: key_result
            id: deals
            owner: Ana

A YAML file without a top-level `objectives` key is not a goal document (a CI workflow,
say) and is skipped. Unknown keys inside objectives and key results are errors, so that a
typo ("key_result:") does not silently drop goals; `notes`/`description` are allowed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from smartlint.documents import _yaml
from smartlint.documents._text import slugify, split_lines
from smartlint.documents.model import (
    KEY_RESULT,
    OBJECTIVE,
    GoalDocument,
    GoalItem,
    Position,
    Positions,
)
from smartlint.documents.suppress import hash_directives
from smartlint.errors import InputError

TOP_KEYS = frozenset(
    {"period", "owner", "team", "id", "parent", "lang", "language", "title", "objectives",
     "notes", "description"}
)
OBJECTIVE_TEXT_KEYS = ("objective", "title", "text")
OBJECTIVE_KEYS = frozenset(
    {*OBJECTIVE_TEXT_KEYS, "id", "parent", "owner", "key_results", "krs", "notes", "description"}
)
KR_TEXT_KEYS = ("text", "key_result", "kr")
KR_KEYS = frozenset({*KR_TEXT_KEYS, "id", "owner", "notes", "description"})
MAX_GOALS = 5000


def _mapping(node: Any) -> dict[str, Any]:
    return {str(k.value): v for k, v in node.value}


def _scalar_text(node: Any, path: str, what: str) -> str:
    import yaml

    if not isinstance(node, yaml.ScalarNode):
        raise InputError(f"{what} must be text", path, node.start_mark.line + 1)
    return str(node.value)


def _positions(node: Any, text: str, lines: list[str]) -> tuple[Positions, Position]:
    """File positions of each character of a scalar's value.

    Exact for plain and single-line quoted scalars (the usual case); for block scalars
    (| and >) and multi-line flow scalars, characters are placed on the source lines
    they came from as far as they can be matched, else at the scalar's first line.
    """
    start = node.start_mark
    line_no, col = start.line + 1, start.column + 1
    style = node.style
    if style in ('"', "'"):
        col += 1
    if style in ("|", ">"):
        return _block_positions(node, text, lines)
    if node.end_mark.line == start.line:
        source = lines[start.line][col - 1 :] if start.line < len(lines) else ""
        if source.startswith(text) or not style:  # plain style: None (Python) or "" (libyaml)
            return Positions.on_line(line_no, col, len(text)), Position(line_no, col + len(text))
    positions = Positions.of(_match_chars(text, lines, start.line, col - 1))
    end = positions[-1] if positions else Position(line_no, col)
    return positions, Position(end.line, end.column + 1)


def _match_chars(text: str, lines: list[str], line0: int, col0: int) -> list[Position]:
    """Walk the source from (line0, col0), pairing each text character with its source."""
    positions: list[Position] = []
    li, ci = line0, col0
    for ch in text:
        found = False
        while li < len(lines):
            src = lines[li]
            while ci < len(src):
                if src[ci] == ch:
                    positions.append(Position(li + 1, ci + 1))
                    ci += 1
                    found = True
                    break
                if ch == " " and not src[ci].strip():
                    break
                ci += 1
            if found:
                break
            if ch == " ":  # a folded line break reads as a space
                positions.append(Position(li + 1, len(src) + 1))
                li, ci = li + 1, 0
                found = True
                break
            li, ci = li + 1, 0
        if not found:
            positions.append(Position(line0 + 1, col0 + 1))
    return positions


def _block_positions(node: Any, text: str, lines: list[str]) -> tuple[Positions, Position]:
    first = node.start_mark.line + 1  # the indicator line; content starts below it
    positions = Positions.of(_match_chars(text, lines, first, 0))
    end = positions[-1] if positions else Position(first + 1, 1)
    return positions, Position(end.line, end.column + 1)


def _goal(node: Any, kind: str, path: str, lines: list[str]) -> GoalItem:
    text = _scalar_text(node, path, "a goal").strip()
    raw = str(node.value)
    lead = len(raw) - len(raw.lstrip())
    positions, end = _positions(node, raw, lines)
    positions = positions[lead : lead + len(text)]
    if positions:
        last = positions[-1]
        end = Position(last.line, last.column + 1)
    return GoalItem(text=text, kind=kind, positions=positions, end=end, id=slugify(text))


def _text_node(fields: dict[str, Any], keys: tuple[str, ...], path: str, where: Any,
               what: str) -> Any:
    for key in keys:
        if key in fields:
            return fields[key]
    names = " or ".join(repr(k) for k in keys)
    raise InputError(f"{what} needs its text under {names}", path, where.start_mark.line + 1)


def _check_keys(fields: dict[str, Any], allowed: frozenset[str], path: str, what: str) -> None:
    for key, value in fields.items():
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            raise InputError(
                f"unknown key {key!r} in {what} (known: {known})", path, value.start_mark.line + 1
            )


def read_yaml(text: str, path: str) -> GoalDocument | None:
    """Read a YAML goal document; None when the file is YAML but not a goal document."""
    import yaml

    root = _yaml.compose(text, path)
    if not isinstance(root, yaml.MappingNode):
        return None
    fields = _mapping(root)
    if "objectives" not in fields:
        return None
    lines = split_lines(text)
    meta: dict[str, Any] = {}
    meta_lines: dict[str, int] = {}
    for key, node in fields.items():
        if key == "objectives":
            continue
        if key not in TOP_KEYS:
            known = ", ".join(sorted(TOP_KEYS))
            raise InputError(f"unknown top-level key {key!r} (known: {known})", path,
                             node.start_mark.line + 1)
        meta[key] = _yaml.construct(node, path)
        meta_lines[key] = node.start_mark.line + 1
    if "language" in meta and "lang" not in meta:
        meta["lang"] = meta.pop("language")
    doc = GoalDocument(path=path, format="yaml", meta=meta, meta_lines=meta_lines,
                       title=str(meta["title"]) if meta.get("title") else None)
    objectives = fields["objectives"]
    if isinstance(objectives, yaml.ScalarNode) and objectives.value in ("", "~", "null"):
        return doc
    if not isinstance(objectives, yaml.SequenceNode):
        raise InputError("'objectives' must be a list", path, objectives.start_mark.line + 1)
    for obj_node in objectives.value:
        if isinstance(obj_node, yaml.ScalarNode):
            obj_fields: dict[str, Any] = {"objective": obj_node}
        elif isinstance(obj_node, yaml.MappingNode):
            obj_fields = _mapping(obj_node)
        else:
            raise InputError("each objective must be a mapping (objective: …, key_results: …)",
                             path, obj_node.start_mark.line + 1)
        _check_keys(obj_fields, OBJECTIVE_KEYS, path, "an objective")
        objective = _goal(_text_node(obj_fields, OBJECTIVE_TEXT_KEYS, path, obj_node,
                                     "an objective"), OBJECTIVE, path, lines)
        _apply_fields(objective, obj_fields, path)
        objective.entry_line = obj_node.start_mark.line + 1
        doc.items.append(objective)
        krs = obj_fields.get("key_results", obj_fields.get("krs"))
        if krs is None or (isinstance(krs, yaml.ScalarNode) and krs.value in ("", "~", "null")):
            continue
        if not isinstance(krs, yaml.SequenceNode):
            raise InputError("'key_results' must be a list", path, krs.start_mark.line + 1)
        for kr_node in krs.value:
            if isinstance(kr_node, yaml.ScalarNode):
                kr_fields: dict[str, Any] = {"text": kr_node}
            elif isinstance(kr_node, yaml.MappingNode):
                kr_fields = _mapping(kr_node)
            else:
                raise InputError("each key result must be text or a mapping with 'text'",
                                 path, kr_node.start_mark.line + 1)
            _check_keys(kr_fields, KR_KEYS, path, "a key result")
            kr = _goal(_text_node(kr_fields, KR_TEXT_KEYS, path, kr_node, "a key result"),
                       KEY_RESULT, path, lines)
            _apply_fields(kr, kr_fields, path)
            kr.entry_line = kr_node.start_mark.line + 1
            kr.parent = objective
            objective.children.append(kr)
            doc.items.append(kr)
            if len(doc.items) > MAX_GOALS:
                raise InputError(f"more than {MAX_GOALS} goals in one file", path)
    doc.suppressions = hash_directives(lines)
    return doc


def _apply_fields(item: GoalItem, fields: Mapping[str, Any], path: str) -> None:
    if "id" in fields:
        item.id = _scalar_text(fields["id"], path, "'id'").strip()
        item.explicit_id = True
    if "parent" in fields:
        node = fields["parent"]
        item.parent_ref = _scalar_text(node, path, "'parent'").strip()
        item.parent_ref_position = Position(node.start_mark.line + 1, node.start_mark.column + 1)
    if "owner" in fields:
        item.owner = _scalar_text(fields["owner"], path, "'owner'").strip()
