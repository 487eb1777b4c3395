"""HTML pages through trafilatura; HTML fragments (feed entries) through lxml."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from incidentkb.errors import InputError
from incidentkb.ingest.dates import parse_iso
from incidentkb.ingest.documents import build
from incidentkb.ingest.files import is_binary, read_bytes
from incidentkb.ingest.headings import is_prose
from incidentkb.model import Document

# Elements after which a fragment's text breaks its line, so paragraphs stay paragraphs.
_BLOCKS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table blockquote section article header footer "
    "pre figure figcaption dd dt".split()
)
_NOT_TEXT = "//script|//style|//noscript|//template|//iframe|//form|//button"


@dataclass(frozen=True, slots=True)
class Page:
    """What trafilatura read from a page."""

    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    language: str | None = None


def read_html(path: Path) -> Iterator[Document | InputError]:
    """One Document per page: the article's text, title, date and canonical URL."""
    try:
        data = read_bytes(path)
    except InputError as err:
        yield err
        return
    if is_binary(data):
        yield InputError(path, "binary file (it contains NUL bytes), not an HTML page")
        return
    page = extract_page(data)
    if page is None:
        yield InputError(path, "no article text found in the HTML page")
        return
    yield build(
        page.text,
        path,
        "html",
        title=page.title,
        url=page.url,
        published=page.published,
        language=page.language,
    )


def extract_page(markup: str | bytes) -> Page | None:
    """The main text and metadata of a page, or None when trafilatura finds no article:
    nothing, or only link text ("Home") without a single sentence."""
    # Precision over recall, so that teasers, menus and comments stay out.
    found = trafilatura.extract(
        markup,
        output_format="json",
        with_metadata=True,
        favor_precision=True,
        include_comments=False,
    )
    if not found:
        return None
    meta = json.loads(found)
    text = meta.get("text") or ""
    if not any(is_prose(line.strip()) for line in text.split("\n")):
        return None
    return _page(meta)


def _page(meta: dict[str, object]) -> Page:
    def field(key: str) -> str | None:
        value = meta.get(key)
        return (value.strip() or None) if isinstance(value, str) else None

    # In trafilatura's JSON the page URL is under "source" (its "url" is the one passed in).
    url = field("source") or field("url")
    when = field("date")
    return Page(
        text=str(meta["text"]),
        title=field("title"),
        url=url if url and "://" in url else None,
        published=parse_iso(when) if when else None,
        language=field("language"),
    )


def fragment_text(markup: str) -> str:
    """The text of an HTML fragment (a feed entry's summary), a line per block element."""
    if not markup.strip():
        return ""
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for node in root.xpath(_NOT_TEXT):
        node.drop_tree()
    for node in root.iter():
        if isinstance(node.tag, str) and node.tag.lower() in _BLOCKS:
            node.tail = "\n" + (node.tail or "")
    return str(root.text_content())
