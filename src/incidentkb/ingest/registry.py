"""Readers by name, the reader for a path (by extension, else by content), and read_paths."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from incidentkb.errors import IncidentKBError, InputError
from incidentkb.ingest.feed import read_feed
from incidentkb.ingest.files import is_binary
from incidentkb.ingest.html import read_html
from incidentkb.ingest.jsonl import read_jsonl
from incidentkb.ingest.text import read_text
from incidentkb.ingest.wikitext import read_wikitext
from incidentkb.model import Document

Reader = Callable[[Path], Iterator[Document | InputError]]

READERS: dict[str, Reader] = {
    "feed": read_feed,
    "html": read_html,
    "jsonl": read_jsonl,
    "text": read_text,
    "wikitext": read_wikitext,
}
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".wiki": "wikitext",
    ".wikitext": "wikitext",
    ".mediawiki": "wikitext",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
_SNIFF_BYTES = 4096
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]")
_HTML_START = re.compile(rb"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)[\s>]", re.I | re.S)
_WIKI_MARK = re.compile(r"^(\{\{|==[^=].*==\s*$|'''[^']|\[\[)", re.M)


def reader_named(name: str) -> Reader:
    """The reader registered under `name`; an unknown name lists the valid ones."""
    try:
        return READERS[name]
    except KeyError:
        raise IncidentKBError(f"unknown reader {name!r}; use one of: {_names()}") from None


def reader_for(path: Path) -> Reader:
    """The reader for a file: by extension, else by a look at its first bytes.

    Raises InputError when the file is binary or in no format we read."""
    name = EXTENSIONS.get(path.suffix.lower()) or sniff(path)
    return READERS[name]


def sniff(path: Path) -> str:
    """The reader name for a file whose extension does not say."""
    try:
        with path.open("rb") as f:
            head = f.read(_SNIFF_BYTES)
    except OSError as err:
        raise InputError(path, f"cannot read the file ({err.strerror or err})") from err
    if is_binary(head):
        raise InputError(path, f"unknown format (a binary file); use one of: {_names()}")
    if _FEED_ROOT.search(head):
        return "feed"
    if _HTML_START.match(head):
        return "html"
    text = head.decode("utf-8", errors="replace")
    first = text.lstrip().split("\n", 1)[0]
    if first.startswith("{") and not first.startswith("{{"):  # "{{" opens a wiki template
        return _json_kind(path, first)
    if first.startswith("["):
        raise InputError(path, f"unknown format (a JSON array); use one of: {_names()}")
    if _WIKI_MARK.search(text):
        return "wikitext"
    return "text"


def _json_kind(path: Path, first: str) -> str:
    """JSON Lines when the first line is a whole JSON object; a pretty-printed .json is not."""
    try:
        json.loads(first)
    except json.JSONDecodeError:
        raise InputError(
            path, f"unknown format (JSON, but not one object per line); use one of: {_names()}"
        ) from None
    return "jsonl"


def read_paths(paths: Iterable[Path], reader: str | None = None) -> Iterator[Document | InputError]:
    """Documents from files and folders (recursively, sorted, hidden files skipped).

    `reader` forces one format for every file; by default each file's own is used.
    A missing path or an unreadable file yields its InputError; the rest are read."""
    forced = reader_named(reader) if reader else None
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files: Iterable[Path] = _files_under(path)
        elif path.exists():
            files = (path,)
        else:
            yield InputError(path, "no such file or folder")
            continue
        for file in files:
            yield from _read_file(file, forced)


def _read_file(path: Path, forced: Reader | None) -> Iterator[Document | InputError]:
    try:
        read = forced or reader_for(path)
    except InputError as err:
        yield err
        return
    try:
        yield from read(path)
    except OSError as err:
        # a file that vanished or became unreadable between listing and reading
        yield InputError(path, f"cannot read the file ({err.strerror or err})")


def _files_under(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def _names() -> str:
    return ", ".join(sorted(READERS))
