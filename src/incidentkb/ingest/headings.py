"""Which lines of cleaned text are headings, and the Sections they open."""

from __future__ import annotations

import re
from collections.abc import Sequence

from incidentkb.model import Section

# A heading is short: the seed's longest is "Supranational organizations" (2 words) and
# Wikipedia's rarely pass 8 words; 10 words / 80 characters leaves room without taking
# one-line teasers, which run longer.
_MAX_HEADING_CHARS = 80
_MAX_HEADING_WORDS = 10
# Headings may be stacked ("Reactions" / "Domestic" / text, or a headline before them); a
# longer run of heading-shaped lines is a list (tags, link lists, names), not headings.
_MAX_STACKED_HEADINGS = 3

_PROSE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_NOT_HEADING_END = re.compile(r"[.!?…:;,\"'”’\-–—|/]$")
_BULLET = re.compile(r"^([-*•·▪►\u0095]|\d{1,3}[.)])(\s|$)")


def is_prose(line: str) -> bool:
    """A line that ends a sentence: the body of a report, never furniture-shaped."""
    return bool(_PROSE_END.search(line))


def is_bullet(line: str) -> bool:
    return bool(_BULLET.match(line))


def heading_shape(line: str) -> bool:
    """Short, capitalised, no final punctuation, not a list item."""
    return (
        0 < len(line) <= _MAX_HEADING_CHARS
        and len(line.split()) <= _MAX_HEADING_WORDS
        and (line[0].isupper() or line[0].isdigit())
        and not _NOT_HEADING_END.search(line)
        and not is_bullet(line)
    )


def is_heading(lines: Sequence[str], i: int) -> bool:
    """A heading-shaped line after a paragraph, in a short run of such lines (stacked
    headings: "Reactions" / "Domestic") that ends at a sentence and does not follow a list
    intro ("The victims were:")."""
    # The first line is the report's headline (a page's <h1>, a feed entry's title), not a
    # section: sections start between paragraphs.
    if i == 0 or not heading_shape(lines[i]):
        return False
    first, end = i, i + 1
    while first > 0 and heading_shape(lines[first - 1]):
        first -= 1
    while end < len(lines) and heading_shape(lines[end]):
        end += 1
    if end - first > _MAX_STACKED_HEADINGS:
        return False
    if first > 0 and lines[first - 1].endswith((":", ",")):
        return False
    return end < len(lines) and is_prose(lines[end]) and not is_bullet(lines[end])


def find_sections(lines: Sequence[str]) -> tuple[Section, ...]:
    """Sections of "\\n".join(lines): a heading's offset to the next heading's, or the end."""
    starts: list[tuple[str, int]] = []
    offset = 0
    for i, line in enumerate(lines):
        if is_heading(lines, i):
            starts.append((line, offset))
        offset += len(line) + 1
    ends = [start for _, start in starts[1:]] + [max(offset - 1, 0)]
    return tuple(
        Section(title, start, end) for (title, start), end in zip(starts, ends, strict=False)
    )
