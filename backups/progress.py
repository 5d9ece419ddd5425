"""Progress of long runs on the terminal: one line that updates itself on a TTY, periodic lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO


def human_bytes(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} B"


class Progress:
    """Counts rows, files and bytes of one step and shows them without flooding a log file."""

    def __init__(self, *, stream: TextIO | None = None, quiet: bool = False, interval: float | None = None):
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.interval = interval if interval is not None else (0.2 if self.tty else 5.0)
        self._shown_at = 0.0
        self._step = ""
        self._counts: dict[str, int] = {}
        self._dirty = False

    def start(self, step: str) -> None:
        self._finish_line()
        self._step, self._counts, self._shown_at = step, {}, 0.0

    def add(self, **counts: int) -> None:
        for key, value in counts.items():
            self._counts[key] = self._counts.get(key, 0) + value
        self._dirty = True
        if time.monotonic() - self._shown_at >= self.interval:
            self._show()

    def done(self) -> None:
        if self._dirty or not self._shown_at:
            self._show()
        self._finish_line()
        self._step = ""

    def note(self, text: str) -> None:
        self._finish_line()
        if not self.quiet:
            self.stream.write(text + "\n")
            self.stream.flush()

    def _describe(self) -> str:
        parts = [f"{value} {key}" for key, value in self._counts.items() if key != "bytes"]
        if "bytes" in self._counts:
            parts.append(human_bytes(self._counts["bytes"]))
        return f"{self._step}: " + (", ".join(parts) or "…")

    def _show(self) -> None:
        self._shown_at, self._dirty = time.monotonic(), False
        if self.quiet or not self._step:
            return
        self.stream.write(("\r\033[K" if self.tty else "") + self._describe() + ("" if self.tty else "\n"))
        self.stream.flush()

    def _finish_line(self) -> None:
        if self.tty and self._step and not self.quiet:
            self.stream.write("\n")
            self.stream.flush()
