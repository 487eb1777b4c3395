"""Sentences with offsets: the unit every field extractor reads."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words whose trailing period does not end a sentence ("Gen. Radan", "U.S. officials").
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr gen lt col maj capt sgt cpl pvt adm gov sen rep rev st mt ft jr sr
    prof no vs etc inc corp co ltd dept jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.k u.n e.g i.e a.m p.m ala ariz ark calif colo conn del fla ga ill ind kan ky la
    md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo n.c s.c
    n.y n.j n.m n.d s.d n.h w.va d.c""".split()
)
_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # index of the line/paragraph it sits in


def _ends_sentence(text: str, dot: int, nxt: int) -> bool:
    """Whether the punctuation at `dot` closes a sentence, given the next word at `nxt`."""
    if nxt >= len(text) or not (text[nxt].isupper() or text[nxt] in "\"“'‘(0123456789"):
        return False
    if text[dot] != ".":
        return True
    word = re.search(r"([\w.]+)$", text[:dot])
    if not word:
        return True
    token = word.group(1).lower().rstrip(".")
    if token in _ABBREVIATIONS:
        return False
    # a single initial ("John F. Kennedy") or an acronym with inner dots ("I.R.A.")
    return not (len(token) == 1 and token.isalpha()) and "." not in token


def sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences; line breaks always end one (headlines, list items)."""
    out: list[Sentence] = []
    pos = 0
    for paragraph, line in enumerate(text.split("\n")):
        start = pos
        pos += len(line) + 1
        cursor = 0
        for m in _END.finditer(line):
            if _ends_sentence(line, m.start(), m.end()):
                _add(out, text, start + cursor, start + m.end(), paragraph)
                cursor = m.end()
        _add(out, text, start + cursor, start + len(line), paragraph)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end], paragraph))
