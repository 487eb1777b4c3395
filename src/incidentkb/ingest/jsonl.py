"""JSON Lines: one report per line, as DESIGN.md defines the fields."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from incidentkb.errors import InputError
from incidentkb.ingest.dates import parse_iso
from incidentkb.ingest.documents import build
from incidentkb.ingest.files import decode_utf8, is_binary
from incidentkb.ingest.html import extract_page, fragment_text
from incidentkb.model import Document

_STRING_FIELDS = ("id", "url", "title", "published", "source", "html", "language")


def read_jsonl(path: Path) -> Iterator[Document | InputError]:
    """A Document per line; a bad line yields its error and the rest load."""
    try:
        lines = path.open("rb")
    except OSError as err:
        yield InputError(path, f"cannot read the file ({err.strerror or err})")
        return
    with lines:
        if is_binary(lines.read(8192)):
            yield InputError(path, "binary file (it contains NUL bytes), not JSON Lines")
            return
        lines.seek(0)
        for n, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            try:
                yield _document(path, n, decode_utf8(path, raw, first_line=n))
            except InputError as err:
                yield err


def _document(path: Path, n: int, line: str) -> Document | InputError:
    """The line's Document; a line that cannot be one raises its InputError."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(path, f"not JSON ({err.msg}); one object per line", n) from err
    if not isinstance(record, dict):
        raise InputError(path, f"a JSON {type(record).__name__}, not an object", n)
    fields = _fields(path, n, record)
    published = _published(path, n, fields.get("published"))
    text, page = fields["text"], None
    if not text.strip() and fields.get("html"):
        page = extract_page(fields["html"])
        text = page.text if page else fragment_text(fields["html"])
    return build(
        text,
        path,
        "jsonl",
        line=n,
        what="the line",
        source=fields.get("source"),
        ref=fields.get("id"),
        url=fields.get("url") or (page.url if page else None),
        title=fields.get("title") or (page.title if page else None),
        published=published or (page.published if page else None),
        language=fields.get("language"),
    )


def _published(path: Path, n: int, value: str | None) -> date | None:
    if not value:
        return None
    published = parse_iso(value)
    if published is None:
        raise InputError(path, f'"published" is not an ISO date or datetime: {value!r}', n)
    return published


def _fields(path: Path, n: int, record: dict[str, Any]) -> dict[str, str]:
    """The known fields as strings; "text" (or "html") is required, an id may be a number."""
    text = record.get("text")
    if text is None and not record.get("html"):
        raise InputError(path, 'no "text"; each line needs a "text" string', n)
    if text is not None and not isinstance(text, str):
        raise InputError(path, f'"text" is a {type(text).__name__}, not a string', n)
    fields = {"text": text or ""}
    for key in _STRING_FIELDS:
        value = record.get(key)
        if value is None:
            continue
        if key == "id" and isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise InputError(path, f'"{key}" is a {type(value).__name__}, not a string', n)
        fields[key] = value
    return fields
