"""User-facing errors. The CLI prints these as one line and exits non-zero, never a traceback."""

from __future__ import annotations

from dataclasses import dataclass


class BriefingsError(Exception):
    """A mistake in the user's input or command: the message says where and what."""


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem: rendered as ``path:line: message`` (line 0 means the whole file)."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}: {self.message}"
            if self.line
            else f"{self.path}: {self.message}"
        )
