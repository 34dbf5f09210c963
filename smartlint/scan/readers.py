"""Reading goal sheets: CSV (UTF-8, UTF-8 with BOM, GBK/GB18030, UTF-16) and XLSX.

Both readers stream: rows come out one at a time with their 1-based row number, so a
100,000-row sheet never sits in memory. Everything that can go wrong with a file a person
picked (wrong format, wrong encoding, encrypted workbook, zip bomb) becomes an
`InputError` naming the file, and the row where there is one.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from smartlint.errors import InputError

#: Refuse workbooks whose parts declare more than this many bytes once uncompressed.
MAX_UNCOMPRESSED_BYTES = 2 * 1024**3
#: ...or whose single part inflates more than this many times (and is big).
MAX_COMPRESSION_RATIO = 200
_RATIO_MIN_BYTES = 50 * 1024**2

_SAMPLE_BYTES = 64 * 1024
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DELIMITERS = ",;\t|"

Row = list[Any]


@dataclass
class Sheet:
    """An open sheet: its rows (number, values) and what is known about its size."""

    path: str
    kind: str  # "csv" | "xlsx"
    name: str | None  # the worksheet's title (None for CSV)
    rows: Iterator[tuple[int, Row]]
    total_rows: int | None = None  # a guess for the progress bar, may be None
    delimiter: str = ","
    encoding: str | None = None
    done_fraction: Callable[[], float | None] = field(default=lambda: None)
    _close: Callable[[], None] = field(default=lambda: None)

    def close(self) -> None:
        self._close()

    def __enter__(self) -> Sheet:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def sniff_kind(path: str) -> str:
    """"xlsx" or "csv", from the file's first bytes rather than its name."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise InputError("file not found", path) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a CSV or XLSX file", path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    if head.startswith(_OLE_MAGIC):
        raise InputError(
            "this workbook is password-protected (encrypted) or in the old .xls format; "
            "remove the password or save it as .xlsx (Excel: File > Save As), then scan again",
            path,
        )
    if head.startswith((_ZIP_MAGIC, b"PK\x05\x06")):
        return "xlsx"
    if path.lower().endswith((".xlsx", ".xlsm")):
        raise InputError("not a valid Excel workbook (the file is damaged or not .xlsx)", path)
    return "csv"


def open_sheet(path: str, sheet: str | None = None) -> Sheet:
    """Open `path` (CSV or XLSX, by content) for streaming its rows."""
    kind = sniff_kind(path)
    if kind == "xlsx":
        return open_xlsx(path, sheet)
    if sheet is not None:
        raise InputError(f"--sheet {sheet!r} given, but this is a CSV file with no sheets", path)
    return open_csv(path)


# -- CSV ---------------------------------------------------------------------------------


def detect_encoding(sample: bytes, path: str) -> str:
    """The encoding of a CSV from its first bytes: BOMs first, then UTF-8, then GB18030."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"  # Excel's "Unicode Text" export
    if b"\x00" in sample:
        raise InputError("looks like a binary file, not CSV text", path)
    for encoding in ("utf-8", "gb18030"):
        # Incremental, so a character cut by the end of the sample is not an error.
        try:
            codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        return encoding
    raise InputError(
        "cannot read the text: it is neither UTF-8 nor GBK/GB18030; "
        "save it again as 'CSV UTF-8' and scan again",
        path,
    )


def detect_delimiter(text: str) -> str:
    """The delimiter of CSV text: csv.Sniffer on the first lines, then a count by line."""
    lines = text.splitlines()[:20]
    if len(lines) > 1 and len(text) >= _SAMPLE_BYTES // 2:
        lines = lines[:-1]  # the last line of a cut sample may be partial
    sample = "\n".join(lines)
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        pass
    first = lines[0] if lines else ""
    counts = {d: first.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def open_csv(path: str) -> Sheet:
    try:
        fh: IO[bytes] = open(path, "rb")  # noqa: SIM115 - closed by Sheet.close
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    try:
        sample = fh.read(_SAMPLE_BYTES)
        encoding = detect_encoding(sample, path)
        text_sample = codecs.getincrementaldecoder(encoding)(errors="replace").decode(sample)
        delimiter = detect_delimiter(text_sample)
        fh.seek(0)
        size = os.fstat(fh.fileno()).st_size
    except BaseException:
        fh.close()
        raise
    text = io.TextIOWrapper(fh, encoding=encoding, newline="", errors="strict")
    reader = csv.reader(text, delimiter=delimiter)

    def rows() -> Iterator[tuple[int, Row]]:
        number = 0
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError:
                raise InputError(
                    f"text is not valid {encoding} after row {number}; "
                    "the file mixes encodings: save it again as 'CSV UTF-8'",
                    path,
                ) from None
            except csv.Error as exc:
                raise InputError(f"malformed CSV: {exc}", path, reader.line_num) from None
            number += 1
            yield number, row

    def fraction() -> float | None:
        return min(1.0, fh.tell() / size) if size else None

    return Sheet(
        path=path,
        kind="csv",
        name=None,
        rows=rows(),
        delimiter=delimiter,
        encoding=encoding,
        done_fraction=fraction,
        _close=text.close,
    )


# -- XLSX --------------------------------------------------------------------------------


def check_zip(path: str) -> None:
    """Refuse damaged archives and zip bombs before any part is inflated.

    The sizes checked are the ones the zip directory declares; zipfile stops reading a part
    at its declared size (and fails its CRC check if the data goes on), so a part cannot
    inflate beyond what is checked here.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(
            f"not a readable Excel workbook (the file is damaged: {exc})", path
        ) from None
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise InputError("a zip file, but not an Excel workbook (.xlsx)", path)
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_MIN_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise InputError(
                f"refusing to open: part {info.filename} inflates {ratio:.0f} times "
                f"to {info.file_size / 1024**2:.0f} MB (a zip bomb?)",
                path,
            )
    if total > MAX_UNCOMPRESSED_BYTES:
        raise InputError(
            f"refusing to open: the workbook declares {total / 1024**3:.1f} GB once "
            f"uncompressed (limit {MAX_UNCOMPRESSED_BYTES / 1024**3:.0f} GB; a zip bomb?)",
            path,
        )


def open_xlsx(path: str, sheet: str | None = None, *, header_probe: int = 10) -> Sheet:
    check_zip(path)
    import openpyxl  # heavy: imported only when a workbook is scanned

    fh = open(path, "rb")  # noqa: SIM115 - a file object so the name's extension does not matter
    try:
        wb = openpyxl.load_workbook(fh, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        fh.close()
        raise InputError(
            f"not a readable Excel workbook (the file is damaged: {type(exc).__name__}: {exc})",
            path,
        ) from None

    def close() -> None:
        try:
            wb.close()
        finally:
            fh.close()

    try:
        ws = _pick_sheet(wb, sheet, path, header_probe)
        total = ws.max_row if isinstance(ws.max_row, int) else None
        # The declared dimension can be wrong (some tools write "A1"): read every row.
        if hasattr(ws, "reset_dimensions"):
            ws.reset_dimensions()
    except BaseException:
        close()
        raise
    position = [0]

    def rows() -> Iterator[tuple[int, Row]]:
        try:
            for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
                position[0] = number
                yield number, list(values)
        except InputError:
            raise
        except Exception as exc:
            raise InputError(
                f"the workbook is damaged ({type(exc).__name__}: {exc})", path, position[0] + 1
            ) from None

    def fraction() -> float | None:
        return min(1.0, position[0] / total) if total else None

    return Sheet(
        path=path,
        kind="xlsx",
        name=ws.title,
        rows=rows(),
        total_rows=total,
        done_fraction=fraction,
        _close=close,
    )


def _pick_sheet(wb: Any, sheet: str | None, path: str, probe: int) -> Any:
    names = list(wb.sheetnames)
    if sheet is not None:
        if sheet in names:
            return wb[sheet]
        folded = {n.casefold(): n for n in names}
        if sheet.casefold() in folded:
            return wb[folded[sheet.casefold()]]
        if sheet.isdigit() and 1 <= int(sheet) <= len(names):
            return wb[names[int(sheet) - 1]]
        raise InputError(
            f"no sheet named {sheet!r}; the sheets are: {', '.join(repr(n) for n in names)}", path
        )
    if not names:
        raise InputError("the workbook has no sheets", path)
    # Exports often put instructions first: take the first sheet with a goal header.
    from smartlint.scan.columns import detect_columns, has_goal_column

    for name in names:
        ws = wb[name]
        if not hasattr(ws, "iter_rows"):
            continue  # a chartsheet
        for values in ws.iter_rows(max_row=probe, values_only=True):
            if has_goal_column(detect_columns(values)):
                return ws
    return wb[names[0]]
