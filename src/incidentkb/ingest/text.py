"""Plain text and Markdown reports: an optional title line and "Published:" header."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from incidentkb.errors import InputError
from incidentkb.ingest.dates import parse_date
from incidentkb.ingest.documents import build
from incidentkb.ingest.files import read_utf8
from incidentkb.ingest.headings import heading_shape, is_bullet
from incidentkb.model import Document

# "Published: 2024-01-03", "- Source: 2024 Kerman bombings", "**Date:** 3 January 2024"
_HEADER = re.compile(
    r"^[-*#>\s]*\**(title|source|published|date of report|date|dateline|url|link)\**\s*:\**\s*(.+?)\s*$",
    re.IGNORECASE,
)
# Header lines sit at the top of a file; a "Date:" line deep in the body is body text.
_HEADER_LINES = 6
_MARKDOWN_TITLE = re.compile(r"^#{1,2}\s+(\S.*)$")


@dataclass(frozen=True, slots=True)
class _Header:
    title: str | None = None
    published: date | None = None
    url: str | None = None


def read_text(path: Path) -> Iterator[Document | InputError]:
    """One Document per file; the first line is its title when it looks like one."""
    try:
        raw = read_utf8(path)
    except InputError as err:
        yield err
        return
    header, body = split_header(raw.replace("\r\n", "\n"))
    body = unwrap(body)
    title = header.title or _title_line(body)
    yield build(body, path, "text", title=title, published=header.published, url=header.url)


def split_header(raw: str) -> tuple[_Header, str]:
    """Header lines ("Title:", "Source:", "Published:"/"Date:", "URL:") off the top."""
    found: dict[str, str] = {}
    keep: list[str] = []
    seen = 0
    for line in raw.split("\n"):
        seen += bool(line.strip())
        match = _HEADER.match(line) if seen <= _HEADER_LINES else None
        if match is None or not _take(found, match.group(1).lower(), match.group(2)):
            keep.append(line)
    # The seed names its article "- Source: 2024 Kerman bombings": a source line is the
    # title only when nothing better names the report.
    title = found.get("title") or found.get("source")
    published = parse_date(found["published"]) if "published" in found else None
    return _Header(title, published, found.get("url")), "\n".join(keep)


def _take(found: dict[str, str], key: str, value: str) -> bool:
    """Record a header value; False leaves the line in the body (an unparseable date)."""
    key = {
        "date": "published",
        "date of report": "published",
        "dateline": "published",
        "link": "url",
    }.get(key, key)
    if key in found:
        return False
    if key == "published" and parse_date(value) is None:
        return False
    if key == "url" and "://" not in value:
        return False
    found[key] = value
    return True


def _title_line(body: str) -> str | None:
    """The first non-empty line, when it is short, unpunctuated and followed by more text."""
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    if len(lines) < 2:
        return None
    first = lines[0]
    markdown = _MARKDOWN_TITLE.match(first)
    if markdown:
        return markdown.group(1).strip("# ")
    return first if heading_shape(first) else None


def unwrap(raw: str) -> str:
    """Join hard-wrapped lines inside paragraphs (blank-line separated, lines not ending in
    sentence punctuation); a file with one paragraph per line is left alone."""
    blocks = re.split(r"\n[^\S\n]*\n", raw.replace("\r\n", "\n"))
    return "\n\n".join(_unwrap_block(block) for block in blocks)


def _unwrap_block(block: str) -> str:
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    inner = lines[:-1]
    # two lines are a headline and a dateline more often than a wrapped paragraph, unless
    # the second carries on mid-sentence
    if len(lines) == 2 and not lines[1][:1].islower():
        return block
    if not inner or any(is_bullet(line) for line in lines) or min(map(len, inner)) < 30:
        return block
    open_ended = sum(not re.search(r"[.!?:\"”]$", line) for line in inner)
    if open_ended * 2 < len(inner):
        return block
    return " ".join(lines)
