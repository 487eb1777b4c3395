"""Errors that name the file, the line, and the fix."""

from __future__ import annotations

from pathlib import Path


class IncidentKBError(Exception):
    """Base of every error incidentkb raises on purpose."""


class InputError(IncidentKBError):
    """A report that cannot be read or parsed; the rest of the batch goes on."""

    def __init__(self, path: Path | str, problem: str, line: int | None = None) -> None:
        super().__init__(f"{path}:{line}: {problem}" if line else f"{path}: {problem}")
        self.path, self.line, self.problem = Path(path), line, problem


class StoreError(IncidentKBError):
    """The database cannot be opened or written."""


class NotFound(IncidentKBError):
    """An id that names nothing in the database."""


__all__ = ["IncidentKBError", "InputError", "StoreError", "NotFound"]


class UsageError(IncidentKBError):
    """A command asked for something that cannot be done as asked (exit code 2)."""
