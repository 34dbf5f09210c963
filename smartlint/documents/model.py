"""What a goal document reader produces: goals with their place in the file and hierarchy.

A reader (Markdown, YAML, plain text) turns a file into a `GoalDocument`: front-matter
metadata, a list of `GoalItem`s (objectives and key results, in file order, each knowing
its parent item), and the inline suppression directives found in the file.

Positions are 1-based lines and 1-based columns counted in Unicode code points, so a
Chinese character is one column. Each goal keeps the position of every character of its
text (`GoalItem.positions`), because readers drop markup (`**`, links, list markers) and
join wrapped lines: a finding's offset into the goal text maps back to the exact place.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, overload

from smartlint.model import Period

OBJECTIVE = "objective"
KEY_RESULT = "key_result"


class Position(NamedTuple):
    """A place in a file: 1-based line and column (in code points).

    A named tuple because readers make one per character of every goal: tuples are
    several times cheaper to build than frozen dataclasses.
    """

    line: int
    column: int


class Positions(Sequence[Position]):
    """The positions of a goal's characters, stored as runs of consecutive columns.

    Goal text is mostly copied from one line as is, so one run usually describes a whole
    goal; building a Position per character for every goal of a large file would cost
    more than reading it.
    """

    __slots__ = ("_cols", "_len", "_lines", "_starts")

    def __init__(self, runs: Iterable[tuple[int, int, int]] = (), length: int = 0) -> None:
        # runs: (index of first character, line, column of that character)
        self._starts: list[int] = []
        self._lines: list[int] = []
        self._cols: list[int] = []
        for start, line, col in runs:
            self._starts.append(start)
            self._lines.append(line)
            self._cols.append(col)
        self._len = length

    @classmethod
    def on_line(cls, line: int, column: int, length: int) -> Positions:
        """`length` characters side by side from (line, column)."""
        return cls([(0, line, column)] if length else [], length)

    @classmethod
    def of(cls, positions: Iterable[Position]) -> Positions:
        runs: list[tuple[int, int, int]] = []
        prev: Position | None = None
        n = 0
        for pos in positions:
            if prev is None or pos.line != prev.line or pos.column != prev.column + 1:
                runs.append((n, pos.line, pos.column))
            prev = pos
            n += 1
        return cls(runs, n)

    def __len__(self) -> int:
        return self._len

    @overload
    def __getitem__(self, index: int) -> Position: ...

    @overload
    def __getitem__(self, index: slice) -> Positions: ...

    def __getitem__(self, index: int | slice) -> Position | Positions:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._len)
            if step != 1:
                return Positions.of([self[i] for i in range(start, stop, step)])
            if stop <= start:
                return Positions()
            first = bisect_right(self._starts, start) - 1
            runs = [(0, self._lines[first], self._cols[first] + start - self._starts[first])]
            for k in range(first + 1, len(self._starts)):
                if self._starts[k] >= stop:
                    break
                runs.append((self._starts[k] - start, self._lines[k], self._cols[k]))
            return Positions(runs, stop - start)
        if index < 0:
            index += self._len
        if not 0 <= index < self._len:
            raise IndexError("position index out of range")
        k = bisect_right(self._starts, index) - 1
        return Position(self._lines[k], self._cols[k] + index - self._starts[k])

    def concat(self, *others: Sequence[Position]) -> Positions:
        """These positions followed by the others'."""
        out = self
        for other in others:
            out = out._plus(other)
        return out

    def _plus(self, other: Sequence[Position]) -> Positions:
        tail = other if isinstance(other, Positions) else Positions.of(other)
        runs = list(zip(self._starts, self._lines, self._cols, strict=True))
        if tail._len and runs and self._len:
            last = self[self._len - 1]
            first = tail[0]
            join = first.line == last.line and first.column == last.column + 1
        else:
            join = False
        for k, (start, line, col) in enumerate(
            zip(tail._starts, tail._lines, tail._cols, strict=True)
        ):
            if k == 0 and join:
                continue
            runs.append((start + self._len, line, col))
        return Positions(runs, self._len + tail._len)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return len(self) == len(other) and all(
                a == b for a, b in zip(self, other, strict=True)
            )
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Positions({list(self)!r})"


@dataclass(eq=False)
class GoalItem:
    """One objective or key result.

    `positions[i]` is where `text[i]` sits in the file; `end` is just after the last
    character. `parent_ref` is what the file wrote (`company/2027-q1.md#grow-revenue`);
    `parent` is the item this one belongs to inside the same document (a key result's
    objective), None for top-level objectives.
    """

    text: str
    kind: str  # OBJECTIVE | KEY_RESULT
    positions: Sequence[Position]
    end: Position
    id: str | None = None
    parent_ref: str | None = None
    parent_ref_position: Position | None = None
    owner: str | None = None
    parent: GoalItem | None = None
    children: list[GoalItem] = field(default_factory=list)
    explicit_id: bool = False  # written by the author, not derived from the text
    #: the line where the item's entry begins when that is above its text (a YAML
    #: "- text: >" line); directives aimed at that line cover the goal too
    entry_line: int | None = None

    @property
    def start(self) -> Position:
        return self.positions[0] if self.positions else self.end

    @property
    def lines(self) -> range:
        """The lines a directive may target to cover this goal."""
        first = min(self.entry_line or self.start.line, self.start.line)
        return range(first, self.end.line + 1)

    def position_at(self, offset: int) -> Position:
        """The file position of `text[offset]` (the end position past the last character)."""
        if offset < 0:
            offset = 0
        if offset < len(self.positions):
            return self.positions[offset]
        return self.end

    def end_position_at(self, offset: int) -> Position:
        """The file position just after `text[offset - 1]` (for exclusive span ends)."""
        if offset <= 0:
            return self.start
        if offset >= len(self.positions):
            return self.end
        prev = self.positions[offset - 1]
        return Position(prev.line, prev.column + 1)


@dataclass(frozen=True, slots=True)
class Suppression:
    """An inline directive that silences findings.

    `codes` empty means every code. Lines `first_line`..`last_line` (inclusive) are
    covered; `last_line` None means to the end of the file.
    """

    codes: frozenset[str]
    first_line: int
    last_line: int | None
    position: Position  # where the directive itself is written
    text: str

    def covers(self, code: str, line: int) -> bool:
        if self.codes and code.upper() not in self.codes:
            return False
        return self.first_line <= line and (self.last_line is None or line <= self.last_line)


@dataclass(eq=False)
class GoalDocument:
    """A file of goals: metadata, goals in file order, and suppression directives."""

    path: str  # the path as the user gave it (for display)
    format: str  # "markdown" | "yaml" | "text"
    items: list[GoalItem] = field(default_factory=list)
    meta: Mapping[str, Any] = field(default_factory=dict)
    suppressions: list[Suppression] = field(default_factory=list)
    period: Period | None = None
    lang: str | None = None  # from metadata, else detected from the goals
    title: str | None = None
    #: the line of each top-level metadata key (front matter / YAML), for findings on it
    meta_lines: Mapping[str, int] = field(default_factory=dict)
    #: the file on disk (absolute), when the document came from one
    file: Path | None = None

    @property
    def objectives(self) -> list[GoalItem]:
        return [i for i in self.items if i.kind == OBJECTIVE]

    @property
    def key_results(self) -> list[GoalItem]:
        return [i for i in self.items if i.kind == KEY_RESULT]

    @property
    def owner(self) -> str | None:
        value = self.meta.get("owner")
        return None if value is None else str(value)

    @property
    def team(self) -> str | None:
        value = self.meta.get("team")
        return None if value is None else str(value)

    @property
    def parent_ref(self) -> str | None:
        value = self.meta.get("parent")
        return None if value is None else str(value)

    def find_id(self, ident: str) -> GoalItem | None:
        """The objective or key result with this id (explicit ids win over derived ones)."""
        derived: GoalItem | None = None
        for item in self.items:
            if item.id == ident:
                if item.explicit_id:
                    return item
                derived = derived or item
        return derived
