"""A small streaming XLSX writer: one sheet, values, a handful of fixed cell styles.

Why not openpyxl's write-only mode: measured on this project's 20,000-row annotated sheet
it took ~11 s (and XlsxWriter's constant-memory mode ~6 s) against ~0.6 s here, and the
scan has a budget of 60 s for 100,000 rows, most of which belongs to linting. The format
needed is small and fixed (SpreadsheetML: a workbook, one worksheet, a style sheet), rows
are written straight into the zip as they come, so memory stays flat for any row count.
Output is read back by openpyxl in the tests.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable
from datetime import date, datetime, time
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from smartlint.scan.columns import column_letter

_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_EPOCH = datetime(1899, 12, 30)
#: Excel's longest cell text.
MAX_CELL_CHARS = 32767
# Characters XML 1.0 does not allow at all.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")

#: Cell styles a caller may ask for.
STYLES = ("plain", "bold", "wrap", "date", "datetime", "time")
#: Fill colours a caller may ask for (RGB hex), besides None.
FILLS = ("FFC7CE", "FFEB9C", "DDEBF7", "C6EFCE")


def _build_styles() -> tuple[str, dict[tuple[str | None, str], int]]:
    number_formats = {"date": 164, "datetime": 165, "time": 166}
    fonts = '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' \
        '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    fills = ['<fill><patternFill patternType="none"/></fill>',
             '<fill><patternFill patternType="gray125"/></fill>']
    fills += [
        f'<fill><patternFill patternType="solid"><fgColor rgb="FF{rgb}"/><bgColor indexed="64"/>'
        "</patternFill></fill>"
        for rgb in FILLS
    ]
    xfs: list[str] = []
    ids: dict[tuple[str | None, str], int] = {}
    for fill_index, fill in enumerate((None, *FILLS)):
        fill_id = 0 if fill is None else fill_index + 1
        for style in STYLES:
            attrs = [f'numFmtId="{number_formats.get(style, 0)}"',
                     f'fontId="{1 if style == "bold" else 0}"', f'fillId="{fill_id}"',
                     'borderId="0"', 'xfId="0"']
            if style in number_formats:
                attrs.append('applyNumberFormat="1"')
            if style == "bold":
                attrs.append('applyFont="1"')
            if fill_id:
                attrs.append('applyFill="1"')
            inner = ""
            if style == "wrap":
                attrs.append('applyAlignment="1"')
                inner = '<alignment vertical="top" wrapText="1"/>'
            ids[(fill, style)] = len(xfs)
            joined = " ".join(attrs)
            xfs.append(f"<xf {joined}>{inner}</xf>" if inner else f"<xf {joined}/>")
    xml = (
        f'{_DECL}<styleSheet xmlns="{_NS}">'
        '<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
        '<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/>'
        '<numFmt numFmtId="166" formatCode="hh:mm"/></numFmts>'
        f'{fonts}<fills count="{len(fills)}">{"".join(fills)}</fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        f'</cellStyleXfs><cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    )
    return xml, ids


_STYLES_XML, _STYLE_IDS = _build_styles()


class Cell:
    """A value with a style and fill, for `StreamingXlsx.append`."""

    __slots__ = ("fill", "style", "value")

    def __init__(self, value: Any, style: str = "plain", fill: str | None = None) -> None:
        self.value = value
        self.style = style
        self.fill = fill


def sheet_title(title: str | None) -> str:
    """A valid worksheet name: at most 31 characters, none of []:*?/\\."""
    clean = _BAD_SHEET_CHARS.sub("_", title or "").strip("'") or "Sheet1"
    return clean[:31]


def _text(value: str) -> str:
    if len(value) > MAX_CELL_CHARS:
        value = value[: MAX_CELL_CHARS - 1] + "…"
    return escape(_ILLEGAL_XML.sub("\ufffd", value))


class StreamingXlsx:
    """Write rows of one worksheet straight into an .xlsx file.

        with StreamingXlsx(path, "Goals", widths={7: 12}) as book:
            book.append(["Goal", Cell("Score", "bold")])
    """

    def __init__(
        self,
        path: str,
        title: str | None = None,
        *,
        widths: dict[int, float] | None = None,
        freeze_rows: int = 0,
    ) -> None:
        self._zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
        self._title = sheet_title(title)
        self._sheet: IO[bytes] = self._zip.open("xl/worksheets/sheet1.xml", "w", force_zip64=True)
        self._row = 0
        self._buffer: list[str] = []
        self._letters: list[str] = []
        head = [f'{_DECL}<worksheet xmlns="{_NS}" xmlns:r="{_REL_NS}">']
        if freeze_rows:
            head.append(
                '<sheetViews><sheetView workbookViewId="0">'
                f'<pane ySplit="{freeze_rows}" topLeftCell="A{freeze_rows + 1}" '
                'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
            )
        head.append('<sheetFormatPr defaultRowHeight="15"/>')
        if widths:
            cols = "".join(
                f'<col min="{i + 1}" max="{i + 1}" width="{w}" customWidth="1"/>'
                for i, w in sorted(widths.items())
            )
            head.append(f"<cols>{cols}</cols>")
        head.append("<sheetData>")
        self._buffer.append("".join(head))
        self._closed = False

    def _letter(self, index: int) -> str:
        while len(self._letters) <= index:
            self._letters.append(column_letter(len(self._letters)))
        return self._letters[index]

    def append(self, values: Iterable[Any]) -> None:
        """Add one row; items are plain values or `Cell`s. None leaves a cell empty."""
        self._row += 1
        r = self._row
        parts = [f'<row r="{r}">']
        for i, item in enumerate(values):
            if isinstance(item, Cell):
                value, style, fill = item.value, item.style, item.fill
            else:
                value, style, fill = item, "plain", None
            if (value is None or value == "") and fill is None and style == "plain":
                continue
            parts.append(self._cell(f"{self._letter(i)}{r}", value, style, fill))
        parts.append("</row>")
        self._buffer.append("".join(parts))
        if len(self._buffer) >= 256:
            self._flush()

    def _cell(self, ref: str, value: Any, style: str, fill: str | None) -> str:
        if isinstance(value, datetime):
            style = "datetime" if value.time() != time() else "date"
            value = (value.replace(tzinfo=None) - _EPOCH).total_seconds() / 86400
        elif isinstance(value, date):
            style = "date"
            value = (value - _EPOCH.date()).days
        elif isinstance(value, time):
            style = "time"
            value = (value.hour * 3600 + value.minute * 60 + value.second) / 86400
        s = _STYLE_IDS[(fill, style)]
        attr = f' s="{s}"' if s else ""
        if value is None or value == "":
            return f'<c r="{ref}"{attr}/>'
        if isinstance(value, bool):
            return f'<c r="{ref}"{attr} t="b"><v>{int(value)}</v></c>'
        if isinstance(value, (int, float)) and value == value and abs(value) != float("inf"):
            return f'<c r="{ref}"{attr}><v>{value!r}</v></c>'
        return (
            f'<c r="{ref}"{attr} t="inlineStr"><is><t xml:space="preserve">'
            f"{_text(str(value))}</t></is></c>"
        )

    def _flush(self) -> None:
        self._sheet.write("".join(self._buffer).encode("utf-8"))
        self._buffer.clear()

    def close(self) -> None:
        """Finish the sheet and write the other parts of the package."""
        if self._closed:
            return
        self._closed = True
        self._buffer.append("</sheetData></worksheet>")
        self._flush()
        self._sheet.close()
        parts = {
            "[Content_Types].xml": (
                f'{_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="rels" '
                'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                '<Override PartName="/xl/workbook.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                '<Override PartName="/xl/styles.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'
            ),
            "_rels/.rels": (
                f'{_DECL}<Relationships xmlns="{_PKG_REL_NS}"><Relationship Id="rId1" '
                f'Type="{_REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
            ),
            "xl/workbook.xml": (
                f'{_DECL}<workbook xmlns="{_NS}" xmlns:r="{_REL_NS}"><sheets>'
                f'<sheet name={quoteattr(self._title)} sheetId="1" r:id="rId1"/>'
                "</sheets></workbook>"
            ),
            "xl/_rels/workbook.xml.rels": (
                f'{_DECL}<Relationships xmlns="{_PKG_REL_NS}">'
                f'<Relationship Id="rId1" Type="{_REL_NS}/worksheet" '
                'Target="worksheets/sheet1.xml"/>'
                f'<Relationship Id="rId2" Type="{_REL_NS}/styles" Target="styles.xml"/>'
                "</Relationships>"
            ),
            "xl/styles.xml": _STYLES_XML,
        }
        for name, xml in parts.items():
            self._zip.writestr(name, xml)
        self._zip.close()

    def abort(self) -> None:
        """Stop without finishing (the caller deletes the file)."""
        if not self._closed:
            self._closed = True
            try:
                self._sheet.close()
            finally:
                self._zip.close()

    def __enter__(self) -> StreamingXlsx:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

