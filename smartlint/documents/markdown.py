"""The Markdown reader: OKRs as headings, nested lists and labelled lines.

Why not a CommonMark library: markdown-it-py gives block tokens with line ranges but no
columns, and inline tokens lose the source offsets once markup is removed; we need the
column of every character of a goal. Goal documents use a small part of Markdown
(front matter, ATX headings, lists, fenced code, HTML comments), which this reader
handles line by line. What it recognises:

- Front matter between `---` lines (YAML): `period`, `owner`, `team`, `id`, `parent`,
  `lang`. Other keys are allowed and ignored.
- Labelled lines, as headings, list items or plain lines: "Objective:", "Objective 1:",
  "O1:", "Goal:", "目标：", "目标一：" start an objective; "Key result:", "KR:", "KR1.2:",
  "关键结果：", "关键成果1：" a key result. Labels may be bold (`**KR1:**`).
- Without labels: a heading with an id (`## Grow revenue {#grow-revenue}`), a heading
  inside an "Objectives"/"OKRs"/"目标" section, or a heading that has list items in a
  document with front matter is an objective; the top-level list items under an
  objective (directly or in a "Key results" sub-section) are its key results, and so are
  the items nested under an objective list item. In an "Objectives" section, top-level
  list items are objectives.
- Attributes after a heading or item: `{#id}` and `{#id parent=company/2027-q1.md#grow}`.
  A line "Parent: …" / "上级目标：…" (plain or a link) under an objective sets its parent;
  "Owner: …" / "负责人：…" its owner.
- Fenced code blocks are skipped; HTML comments are skipped except smartlint directives
  (see `smartlint.documents.suppress`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from smartlint.documents import _yaml
from smartlint.documents._text import clean_inline, section_kind, slugify, split_label, split_lines
from smartlint.documents.model import (
    KEY_RESULT,
    OBJECTIVE,
    GoalDocument,
    GoalItem,
    Position,
    Positions,
)
from smartlint.documents.suppress import MarkdownDirectives
from smartlint.errors import InputError

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$")
_ITEM = re.compile(r"^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+)(?:\[[ xX]\][ \t]+)?(\S.*)$")
_ATTRS = re.compile(r"\s*\{([^{}]*)\}\s*$")
_ATTR_TOKEN = re.compile(r"#([\w\u3400-\u9fff-]+)|([A-Za-z_-]+)=(?:\"([^\"]*)\"|'([^']*)'|(\S+))")
_META_LINE = re.compile(
    r"^(?P<key>parent(?:\s+objective)?|supports|aligns?\s+(?:to|with)|上级目标|父目标|对齐|"
    r"owner|负责人)\s*[:：]\s*(?P<value>\S.*)$",
    re.I,
)
_LINK_URL = re.compile(r"\[[^\]]*\]\(([^)\s]+)")
_GOAL_DOC_KEYS = ("period", "team", "owner", "parent", "id")


@dataclass
class _Block:
    kind: str  # "heading" | "item" | "para" | "blank"
    line: int
    raw: str = ""
    column: int = 1  # where `raw` starts on its line
    level: int = 0  # heading level, or list indent (tabs as 4)
    _clean: tuple[str, Positions] | None = None

    def clean(self) -> tuple[str, Positions]:
        """The text without inline markup, and its positions (computed once)."""
        if self._clean is None:
            self._clean = clean_inline(self.raw, self.line, self.column)
        return self._clean


def _tokenize(lines: list[str], start: int, directives: MarkdownDirectives) -> list[_Block]:
    blocks: list[_Block] = []
    fence: str | None = None
    in_comment = False
    for index in range(start, len(lines)):
        line = lines[index]
        line_no = index + 1
        if fence is not None:
            m = _FENCE.match(line)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            continue
        if in_comment:
            if "-->" in line:
                in_comment = False
            continue
        m = _FENCE.match(line)
        if m:
            fence = m.group(1)
            continue
        has_directive = directives.feed(line, line_no)
        stripped = line.strip()
        if not stripped:
            blocks.append(_Block("blank", line_no))
            continue
        if stripped.startswith("<!--"):
            if "-->" not in stripped:
                in_comment = True
            elif stripped.endswith("-->") and stripped.count("<!--") == 1:
                # A line that is only a comment does not break a paragraph's flow
                # (a directive before a list item must not end the list).
                continue
            elif has_directive and stripped.endswith("-->"):
                continue
        opened = line.rfind("<!--")
        if opened > 0 and line.find("-->", opened) == -1:
            # A comment that starts here and runs onto later lines.
            in_comment = True
            line = line[:opened]
            if not line.strip():
                continue
        m = _HEADING.match(line)
        if m:
            blocks.append(_Block("heading", line_no, m.group(2), m.start(2) + 1, len(m.group(1))))
            continue
        m = _ITEM.match(line)
        if m:
            indent = len(m.group(1).expandtabs(4))
            blocks.append(_Block("item", line_no, m.group(4), m.start(4) + 1, indent))
            continue
        indent = len(line) - len(line.lstrip())
        blocks.append(_Block("para", line_no, line[indent:], indent + 1, indent))
    return blocks


def _front_matter(lines: list[str], path: str) -> tuple[Mapping[str, Any], int, dict[str, int]]:
    """(metadata, index of the first body line, line of each top-level key)."""
    if not lines or lines[0].strip() != "---":
        return {}, 0, {}
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        raise InputError("front matter starts with '---' but never ends", path, 1)
    body = "\n".join(lines[1:end])
    data = _yaml.load(body, path, line_offset=1) if body.strip() else {}
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        raise InputError("front matter must be a YAML mapping of key: value", path, 2)
    key_lines: dict[str, int] = {}
    for i in range(1, end):
        km = re.match(r"^([A-Za-z_][\w-]*)\s*:", lines[i])
        if km:
            key_lines.setdefault(km.group(1).lower(), i + 1)
    meta = {str(k).lower(): v for k, v in data.items()}
    return meta, end + 1, key_lines


class _Builder:
    def __init__(self, doc: GoalDocument, goal_doc: bool) -> None:
        self.doc = doc
        self.goal_doc = goal_doc
        self.headings: list[tuple[int, str, GoalItem | None]] = []
        self.lists: list[tuple[int, GoalItem | None]] = []
        self.scope_objective: GoalItem | None = None  # latest objective under this heading
        self.last: GoalItem | None = None  # the item a continuation line extends
        self.last_line = 0

    # -- items ------------------------------------------------------------------------

    def _make(self, block: _Block, want: str | None) -> tuple[GoalItem | None, str | None]:
        """A goal from a block, or (None, label kind) when it holds no goal text."""
        text, positions = block.clean()
        attrs: dict[str, str] = {}
        ident: str | None = None
        m = _ATTRS.search(text)
        if m and ("#" in m.group(1) or "=" in m.group(1)):
            for tok in _ATTR_TOKEN.finditer(m.group(1)):
                if tok.group(1):
                    ident = tok.group(1)
                else:
                    attrs[tok.group(2).lower()] = tok.group(3) or tok.group(4) or tok.group(5)
            text, positions = text[: m.start()], positions[: m.start()]
        label, offset = split_label(text)
        kind = label or want
        if kind is None:
            return None, None
        text, positions = text[offset:], positions[offset:]
        if not text.strip():
            return None, label
        last = positions[-1]
        item = GoalItem(
            text=text,
            kind=kind,
            positions=positions,
            end=Position(last.line, last.column + 1),
            id=ident or slugify(text),
            explicit_id=ident is not None,
            parent_ref=attrs.get("parent"),
            parent_ref_position=positions[0] if "parent" in attrs else None,
            owner=attrs.get("owner"),
        )
        return item, label

    def _add(self, item: GoalItem, objective: GoalItem | None) -> None:
        if item.kind == KEY_RESULT and objective is not None:
            item.parent = objective
            objective.children.append(item)
        if item.kind == OBJECTIVE:
            self.scope_objective = item
        self.doc.items.append(item)

    def _heading_objective(self) -> GoalItem | None:
        for _, role, item in reversed(self.headings):
            if role == "objective":
                return item
        return None

    def _in_role(self, *roles: str) -> bool:
        return any(role in roles for _, role, _ in self.headings)

    # -- blocks -----------------------------------------------------------------------

    def heading(self, block: _Block, blocks: list[_Block], index: int) -> None:
        level = block.level
        while self.headings and self.headings[-1][0] >= level:
            self.headings.pop()
        self.lists = []
        self.last = None
        text = block.clean()[0]
        section = section_kind(_ATTRS.sub("", text))
        item, label = self._make(block, None)
        if item is None and label is None and section is None:
            has_id = bool(_ATTRS.search(text)) and "#" in (_ATTRS.search(text) or [""])[0]
            under_objective = self._heading_objective() is not None
            if has_id or (
                level > 1
                and not under_objective
                and (self._in_role("okr") or (self.goal_doc and _has_items(blocks, index)))
            ):
                item, label = self._make(block, OBJECTIVE)
        if item is not None and item.kind == OBJECTIVE:
            self._add(item, None)
            self.headings.append((level, "objective", item))
        elif item is not None:
            objective = self._heading_objective() or self.scope_objective
            self._add(item, objective)
            self.headings.append((level, "kr", item))
            self.last = item
        elif section == "kr":
            self.headings.append((level, "kr_section", None))
        elif section == "okr":
            self.headings.append((level, "okr", None))
        else:
            self.headings.append((level, "title" if level == 1 else "other", None))
            if level == 1 and self.doc.title is None:
                self.doc.title = text
        self.scope_objective = self._heading_objective()
        self.last_line = block.line

    def meta_line(self, block: _Block, owner_item: GoalItem | None) -> bool:
        """Handle "Parent: …" / "Owner: …" lines; True when the block was one."""
        text = block.clean()[0]
        m = _META_LINE.match(text)
        if not m or owner_item is None:
            return False
        key = m.group("key").lower()
        if key in ("owner", "负责人"):
            owner_item.owner = m.group("value").strip()
        else:
            link = _LINK_URL.search(block.raw)
            owner_item.parent_ref = link.group(1) if link else m.group("value").strip()
            owner_item.parent_ref_position = Position(block.line, block.column)
        return True

    def item(self, block: _Block, blocks: list[_Block], index: int) -> None:
        indent = block.level
        while self.lists and self.lists[-1][0] >= indent:
            self.lists.pop()
        parent_entry = self.lists[-1] if self.lists else None
        container = parent_entry[1] if parent_entry else None
        if container is not None and container.kind == OBJECTIVE:
            if self.meta_line(block, container):
                self.lists.append((indent, None))
                return
            item, _ = self._make(block, KEY_RESULT)
            objective: GoalItem | None = container
        elif parent_entry is not None:
            # Below a key result or an ignored item: only labelled lines are goals.
            item, _ = self._make(block, None)
            objective = self.scope_objective
        else:
            heading_obj = self._heading_objective()
            if heading_obj is not None and self.meta_line(block, heading_obj):
                self.lists.append((indent, None))
                return
            if heading_obj is not None:
                kind = None if self._heading_is_other_subsection() else KEY_RESULT
                item, _ = self._make(block, kind)
            elif self._in_role("okr") or (
                self.goal_doc and heading_obj is None and _has_children(blocks, index)
            ):
                item, _ = self._make(block, OBJECTIVE)
            else:
                item, _ = self._make(block, None)
            objective = self.scope_objective
        if item is not None:
            self._add(item, objective if item.kind == KEY_RESULT else None)
        self.lists.append((indent, item))
        self.last = item
        self.last_line = block.line

    def _heading_is_other_subsection(self) -> bool:
        """Under an objective heading but in a sub-section such as "Initiatives"."""
        for _, role, _ in reversed(self.headings):
            if role == "objective":
                return False
            if role == "other":
                return True
        return False

    def para(self, block: _Block) -> None:
        if self.last is not None and block.line == self.last_line + 1:
            label, _ = split_label(block.clean()[0])
            if label is None and not _META_LINE.match(block.raw.strip()):
                self._continue(self.last, block)
                self.last_line = block.line
                return
        target = self.scope_objective
        if self.meta_line(block, target):
            self.last = None
            return
        item, _ = self._make(block, None)  # only labelled plain lines are goals
        if item is not None:
            self._add(item, self.scope_objective if item.kind == KEY_RESULT else None)
            self.last = item
        else:
            self.last = None
        self.last_line = block.line

    @staticmethod
    def _continue(item: GoalItem, block: _Block) -> None:
        text, positions = block.clean()
        if not text:
            return
        # The line break reads as a space; it sits where the previous line ended.
        item.text = f"{item.text} {text}"
        head = item.positions if isinstance(item.positions, Positions) else Positions.of(
            item.positions
        )
        item.positions = head.concat([item.end], positions)
        last = positions[-1]
        item.end = Position(last.line, last.column + 1)
        if not item.explicit_id:
            item.id = slugify(item.text)


def _has_items(blocks: list[_Block], index: int) -> bool:
    for block in blocks[index + 1 :]:
        if block.kind == "heading":
            return False
        if block.kind == "item":
            return True
    return False


def _has_children(blocks: list[_Block], index: int) -> bool:
    indent = blocks[index].level
    for block in blocks[index + 1 :]:
        if block.kind == "blank" or block.kind == "para":
            continue
        return block.kind == "item" and block.level > indent
    return False


def read_markdown(text: str, path: str) -> GoalDocument:
    """Read a Markdown goal document (see the module docstring for what it recognises)."""
    lines = split_lines(text)
    meta, body_start, key_lines = _front_matter(lines, path)
    directives = MarkdownDirectives()
    blocks = _tokenize(lines, body_start, directives)
    doc = GoalDocument(path=path, format="markdown", meta=meta, meta_lines=key_lines)
    builder = _Builder(doc, goal_doc=any(k in meta for k in _GOAL_DOC_KEYS))
    for index, block in enumerate(blocks):
        if block.kind == "heading":
            builder.heading(block, blocks, index)
        elif block.kind == "item":
            builder.item(block, blocks, index)
        elif block.kind == "para":
            builder.para(block)
        else:
            builder.last = None
    doc.suppressions = directives.finish()
    return doc
