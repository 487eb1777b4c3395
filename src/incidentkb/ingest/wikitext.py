"""MediaWiki articles: wikitextparser for the body, mwparserfromhell for the infobox."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import mwparserfromhell
import wikitextparser

from incidentkb.errors import InputError
from incidentkb.ingest.documents import build
from incidentkb.ingest.files import read_utf8
from incidentkb.model import Document

# Links that are page metadata, not prose: wikitextparser leaves their text in place.
_META_NAMESPACES = ("category:", "file:", "image:", "media:")


def read_wikitext(path: Path) -> Iterator[Document | InputError]:
    """One Document per article: plain text with "== headings ==" as heading lines,
    references, templates, files and categories removed; the title from the infobox.

    The infobox's date is the incident's, not the article's publication date, so it is not
    used as `published`: claims take their report time from it and would all look as old
    as the incident. Extraction reads the date from the lead sentence instead."""
    try:
        raw = read_utf8(path)
    except InputError as err:
        yield err
        return
    yield build(body_text(raw), path, "wikitext", title=infobox_title(raw))


def body_text(raw: str) -> str:
    parsed = wikitextparser.parse(raw)
    for link in reversed(parsed.wikilinks):
        if link.target.strip().lower().startswith(_META_NAMESPACES):
            link.string = ""
    return parsed.plain_text()


def infobox_title(raw: str) -> str | None:
    """The infobox's "title" (or "name"), as plain text; None without an infobox."""
    code = mwparserfromhell.parse(raw)
    for template in code.filter_templates(recursive=False):
        if not str(template.name).strip().lower().startswith("infobox"):
            continue
        for key in ("title", "name"):
            if template.has(key):
                title = template.get(key).value.strip_code().strip()
                if title:
                    return title
    return None
