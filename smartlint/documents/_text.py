"""Helpers shared by the readers: reading files safely, inline markup, labels, ids."""

from __future__ import annotations

import os
import re
from pathlib import Path

from smartlint.documents.model import KEY_RESULT, OBJECTIVE, Positions
from smartlint.errors import InputError

#: Files larger than this are refused: goal documents are small, and a 2 GB log passed by
#: mistake should give a message, not an out-of-memory kill.
MAX_FILE_BYTES = 10 * 1024 * 1024


def read_text(path: str | os.PathLike[str], display: str | None = None) -> str:
    """The file's text as UTF-8 (a BOM is dropped); InputError for binary or other encodings."""
    name = display or str(path)
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise InputError("no such file", name) from None
    except IsADirectoryError:
        raise InputError("is a directory", name) from None
    except PermissionError:
        raise InputError("permission denied", name) from None
    except OSError as exc:  # symlink loops (ELOOP), devices, …
        raise InputError(f"cannot read: {exc.strerror or exc}", name) from None
    return decode(data, name)


def decode(data: bytes, name: str) -> str:
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB", name)
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not a goal document", name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
            name,
            line,
        ) from None


def split_lines(text: str) -> list[str]:
    """Lines as editors number them: only \\n, \\r\\n and \\r end a line."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


# -- inline Markdown ------------------------------------------------------------------------

_LINK = re.compile(r"!?\[([^\]\n]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_COMMENT = re.compile(r"<!--.*?-->")
_STRONG = re.compile(r"\*\*|__|~~")
_CODE = re.compile(r"`+")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# A single * or _ that opens or closes emphasis: next to a space or the edge, not inside a
# word (snake_case and 3*4 stay as they are).
_EMPH = re.compile(r"(?:(?<=^)|(?<=[\s(]))[*_](?=\S)|(?<=\S)[*_](?=$|[\s).,;:!?，。；：！？])")


_MARKUP_CHARS = re.compile(r"[*_~`\[<\\]")


def clean_inline(raw: str, line: int, first_column: int) -> tuple[str, Positions]:
    """`raw` without inline markup, with the file position of every character kept.

    Links keep their text, code spans their content; emphasis markers, HTML tags and
    comments are dropped. Leading and trailing spaces are stripped.
    """
    if not _MARKUP_CHARS.search(raw):  # the common case: nothing to drop
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        first = first_column + lead
        return stripped, Positions.on_line(line, first, len(stripped))
    keep = [True] * len(raw)

    def drop(a: int, b: int) -> None:
        for i in range(a, b):
            keep[i] = False

    for m in _COMMENT.finditer(raw):
        drop(m.start(), m.end())
    for m in _LINK.finditer(raw):
        drop(m.start(), m.start(1))  # "![" or "["
        drop(m.end(1), m.end())  # "](url)"
    for m in _AUTOLINK.finditer(raw):
        drop(m.start(), m.start() + 1)
        drop(m.end() - 1, m.end())
    for m in _TAG.finditer(raw):
        drop(m.start(), m.end())
    for pattern in (_STRONG, _CODE, _EMPH):
        for m in pattern.finditer(raw):
            drop(m.start(), m.end())
    for m in _ESCAPE.finditer(raw):
        drop(m.start(), m.start() + 1)
    kept = [i for i, k in enumerate(keep) if k]
    text = "".join([raw[i] for i in kept])
    runs: list[tuple[int, int, int]] = []
    prev = -2
    for n, i in enumerate(kept):
        if i != prev + 1:  # a dropped stretch: a new run of columns starts here
            runs.append((n, line, first_column + i))
        prev = i
    positions = Positions(runs, len(kept))
    lead = len(text) - len(text.lstrip())
    trail = len(text.rstrip())
    return text[lead:trail], positions[lead:trail]


# -- labels: "Objective 1:", "KR:", "目标一：", "关键结果2：" ----------------------------------

_NUM = r"(?:\s*[#.]?\s*[0-9一二三四五六七八九十]+(?:[.\-][0-9]+)*)?"
_SEP = r"\s*(?:[:：]|[-–—]\s|\)|[.、](?=\s|[^\d]))\s*"
_LABELS = re.compile(
    r"^(?:(?P<kr>key[ -]results?|krs?|关键结果|关键成果)" + _NUM + r"|"
    r"(?P<obj>objectives?|obj|goal|o(?=\s*[#.]?\s*\d|\s*[:：])|目标)" + _NUM + r")" + _SEP,
    re.I,
)


def split_label(text: str) -> tuple[str | None, int]:
    """The kind a label announces and where the goal text starts after it.

    ("objective", 13) for "Objective 1: Grow revenue"; (None, 0) when there is no label.
    """
    m = _LABELS.match(text)
    if not m or m.end() >= len(text):
        return None, 0
    return (KEY_RESULT if m["kr"] else OBJECTIVE), m.end()


_SECTION_OKR = re.compile(
    r"^(?:.*\s)?(?:okrs?|objectives?(?:\s*(?:and|&)\s*key\s*results)?|goals)$|"
    r"^(?:.*)?(?:目标与关键结果|目标和关键结果|OKR|目标)$",
    re.I,
)
_SECTION_KR = re.compile(r"^(?:key\s*results|krs|关键结果|关键成果)$", re.I)


def section_kind(text: str) -> str | None:
    """"okr" for a heading such as "Objectives" or "Q1 2027 OKRs", "kr" for "Key results"."""
    stripped = text.strip().rstrip(":：").strip()
    if _SECTION_KR.match(stripped):
        return "kr"
    if _SECTION_OKR.match(stripped):
        return "okr"
    return None


_SLUG_DROP = re.compile(r"[^\w\s\u3400-\u9fff-]", re.UNICODE)


def slugify(text: str) -> str:
    """A GitHub-style anchor: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"\s+", "-", _SLUG_DROP.sub("", text.strip().lower()))


def display_path(path: Path) -> str:
    """`path` relative to the working directory when it is below it, in / form."""
    try:
        rel = path.relative_to(Path.cwd())
    except ValueError:
        return path.as_posix()
    return rel.as_posix()
