"""Writing output files safely: never over an input, never half-written.

Every file smartlint writes (a report, an annotated spreadsheet) goes to a temporary file
in the destination folder first and is moved into place with `os.replace` only when it is
complete, so a crash or a full disk leaves the old file (or none), never half of a new one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from smartlint.errors import InputError


def check_output_path(out: str, *protected: str) -> None:
    """Refuse to write over an input file (or one output over another)."""
    target = Path(out)
    if target.is_dir():
        raise InputError("is a folder; give a file name for the output", out)
    for other in protected:
        if not other:
            continue
        same = False
        if target.exists() and Path(other).exists():
            same = os.path.samefile(target, other)
        else:
            same = target.resolve() == Path(other).resolve()
        if same:
            raise InputError(f"refusing to write over {other}: choose another output file", out)
    if not target.resolve().parent.is_dir():
        raise InputError("the folder for this output does not exist", out)


@contextlib.contextmanager
def atomic_path(final: str) -> Iterator[str]:
    """A temporary path beside `final`; moved onto `final` only if the block succeeds."""
    folder = os.path.dirname(os.path.abspath(final))
    suffix = os.path.splitext(final)[1]
    try:
        fd, tmp = tempfile.mkstemp(prefix=".smartlint-", suffix=suffix + ".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"cannot write here: {exc.strerror}", final) from None
    os.close(fd)
    try:
        yield tmp
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def commit(tmp: str, final: str) -> None:
    """Put a finished temporary file in place (atomic on one file system)."""
    try:
        os.replace(tmp, final)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise InputError(f"cannot write: {exc.strerror}", final) from None


def write_text_atomic(path: str, text: str, *protected: str) -> None:
    """Write `text` to `path` atomically, refusing to overwrite any of `protected`."""
    check_output_path(path, *protected)
    with atomic_path(path) as tmp:
        Path(tmp).write_text(text, encoding="utf-8")
        commit(tmp, path)
