"""A one-line progress bar on stderr, drawn only when stderr is a terminal.

Small enough not to justify a dependency: one line redrawn at most ten times a second.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(
        self, stream: TextIO | None = None, *, enabled: bool | None = None, label: str = "scan"
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.enabled = enabled
        self.label = label
        self._start = time.monotonic()
        self._last = 0.0
        self._drawn = False

    def update(self, rows: int, fraction: float | None = None, *, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < 0.1:
            return
        self._last = now
        rate = rows / max(now - self._start, 1e-6)
        if fraction is not None:
            filled = int(fraction * 24)
            bar = f"[{'#' * filled}{'.' * (24 - filled)}] {fraction * 100:3.0f}% "
        else:
            bar = ""
        self.stream.write(f"\r{self.label} {bar}{rows:,} rows  {rate:,.0f} rows/s\x1b[K")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self.enabled and self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
