"""The one place a reader's raw text becomes a Document: cleaned, hashed, checked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from incidentkb.errors import InputError
from incidentkb.ingest.boilerplate import clean
from incidentkb.model import Document


def build(
    raw: str,
    path: Path,
    format: str,
    *,
    line: int | None = None,
    what: str = "the file",
    source: str | None = None,
    ref: str | None = None,
    url: str | None = None,
    title: str | None = None,
    published: date | None = None,
    language: str | None = None,
) -> Document | InputError:
    """A Document whose id hashes the cleaned text; no text left is an InputError."""
    text, sections = clean(raw)
    if not text:
        return InputError(path, f"{what} has no report text (after removing page furniture)", line)
    return Document.make(
        text,
        source=source or str(path),
        ref=ref,
        url=url,
        title=_tidy(title),
        published=published,
        language=language or "en",
        format=format,
        sections=sections,
    )


def _tidy(title: str | None) -> str | None:
    """Titles come with stray newlines and runs of spaces from markup; one line, or None."""
    if title is None:
        return None
    return " ".join(title.split()) or None
