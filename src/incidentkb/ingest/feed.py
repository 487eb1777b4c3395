"""RSS and Atom feeds: each entry one Document, its guid kept as `ref`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
from lxml import etree

from incidentkb.errors import InputError
from incidentkb.ingest.dates import from_struct
from incidentkb.ingest.documents import build
from incidentkb.ingest.files import is_binary, read_bytes
from incidentkb.ingest.html import fragment_text
from incidentkb.model import Document

_ENTRY_TAGS = ("item", "entry")


def read_feed(path: Path) -> Iterator[Document | InputError]:
    """A Document per entry; an entry without text is an InputError at its line."""
    try:
        data = read_bytes(path)
    except InputError as err:
        yield err
        return
    if is_binary(data):
        yield InputError(path, "binary file (it contains NUL bytes), not an RSS or Atom feed")
        return
    parsed = feedparser.parse(data)
    if not parsed.entries:
        yield _no_entries(path, parsed)
        return
    lines = entry_lines(data)
    for index, entry in enumerate(parsed.entries, start=1):
        line = lines[index - 1] if len(lines) == len(parsed.entries) else None
        yield _entry_document(entry, path, index, line)


def _no_entries(path: Path, parsed: Any) -> InputError:
    problem = parsed.get("bozo_exception")
    if parsed.get("bozo") and problem is not None:
        line = problem.getLineNumber() if hasattr(problem, "getLineNumber") else None
        return InputError(path, f"not a readable RSS or Atom feed ({problem})", line)
    return InputError(path, "the feed has no entries (no <item> or <entry>)")


def _entry_document(entry: Any, path: Path, index: int, line: int | None) -> Document | InputError:
    title = (entry.get("title") or "").strip() or None
    body = _entry_html(entry)
    text = fragment_text(body)
    name = f"entry {index}" + (f" ({title!r})" if title else "")
    if not text.strip():
        return InputError(path, f"{name} has no text; it needs a summary or content", line)
    # The headline states facts too ("six soldiers killed"), as a page's <h1> does.
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n{text}"
    link = entry.get("link")
    published = from_struct(entry.get("published_parsed") or entry.get("updated_parsed"))
    return build(
        text,
        path,
        "feed",
        line=line,
        what=name,
        ref=entry.get("id") or link,
        url=link if link and "://" in link else None,
        title=title,
        published=published,
    )


def _entry_html(entry: Any) -> str:
    """Full content where the feed has it (content:encoded, Atom content), else the summary."""
    parts = [c.get("value", "") for c in entry.get("content") or ()]
    full = "\n".join(p for p in parts if p.strip())
    return full or entry.get("summary") or ""


def entry_lines(data: bytes) -> list[int]:
    """The line of each <item>/<entry> in document order, for error messages."""
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    return [
        node.sourceline
        for node in root.iter()
        if isinstance(node.tag, str) and etree.QName(node).localname in _ENTRY_TAGS
    ]
