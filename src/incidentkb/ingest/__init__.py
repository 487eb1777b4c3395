"""Ingest: a reader per format turns files into Documents with clean text and sections.

`read_paths` yields a Document per report and an InputError (naming the file and line)
per report that cannot be read, so one bad file never stops a batch.
"""

from incidentkb.ingest.boilerplate import clean
from incidentkb.ingest.feed import read_feed
from incidentkb.ingest.html import read_html
from incidentkb.ingest.jsonl import read_jsonl
from incidentkb.ingest.registry import (
    EXTENSIONS,
    READERS,
    Reader,
    read_paths,
    reader_for,
    reader_named,
    sniff,
)
from incidentkb.ingest.text import read_text
from incidentkb.ingest.wikitext import read_wikitext

__all__ = [
    "EXTENSIONS",
    "READERS",
    "Reader",
    "clean",
    "read_feed",
    "read_html",
    "read_jsonl",
    "read_paths",
    "read_text",
    "read_wikitext",
    "reader_for",
    "reader_named",
    "sniff",
]
