"""clean(): page furniture out, whitespace normalised, headings found.

Every rule matches a whole line (or a line's start plus a length cap), never words inside
a sentence, so a report sentence that mentions "comments" or "cookies" always stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from incidentkb.ingest.headings import find_sections, heading_shape, is_bullet, is_prose
from incidentkb.model import Section

_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1b\x7f\u200b\u2060\ufeff]")
_SPACES = re.compile(r"[^\S\n]+")
# "= Title =" (wikitext), "=Prior to ..." (the seed's flattened headings), "## Title" (Markdown)
_EQUALS = re.compile(r"^[=\s]+|(?<=\S)[=\s]+$")
_HASHES = re.compile(r"^(?:#{1,6}\s+)+")
# '... the region." ==See also==': a wikitext heading glued to the end of a sentence by
# text that lost its line breaks; it goes on a line of its own.
_GLUED_HEADING = re.compile(r"(?<=[.!?\"”’])[^\S\n]*(={2,6})[^\S\n]*([^=\n]{1,80}?)[^\S\n]*\1(?!=)")

# One cut can expose another (an ad line between a list and its header); a handful of
# passes reaches the fixed point on every text we have seen, which keeps clean() idempotent.
_MAX_PASSES = 8


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Sections that are lists about the article, not the article: cut to the next real heading.
_FURNITURE_SECTION = _rx(
    r"(see also|references|external links?|gallery|further reading|notes|footnotes|"
    r"citations|bibliography|works cited|notes and references|references and notes)\s*:?"
)
# Comment threads come last on a page and their author lines look like headings: cut to the end.
_COMMENTS = _rx(
    r"(\d+\s+)?(reader\s+)?comments?(\s*\(\d+\))?|leave a (comment|reply)|post a comment|"
    r"add a comment|join the discussion|(show|view|read) (all )?comments|comments are closed"
    r"[.:]?|\d+ responses?"
)
# Headers of link lists (tag clouds, related stories): the header and the list after it.
_LIST_HEADER = _rx(
    r"(kata kunci pencarian|tags|tagged( with)?|topics|keywords|filed under|"
    r"related (topics|tags|searches)|related(\s\S+){0,4}\s(stories|articles|news|coverage|"
    r"content|links|posts|reading|videos?)|more from(\s\S+){0,5}|"
    r"you (may|might) also (like|be interested in)(\s\S+){0,4}|read more|also read|read also|"
    r"more (stories|news|coverage|on this story)|recommended( for you| stories| reading)?|"
    r"most (read|popular|viewed|shared)|trending( now)?|what to read next|see more|"
    r"more \S+ news|editor'?s picks|top stories|latest news)\s*:?"
)
# Labels that precede one link on the same line: "READ MORE: <headline>".
_INLINE_LINK = _rx(
    r"^(read more|also read|read also|related|see also|more|watch|listen|tags|topics|"
    r"keywords|kata kunci pencarian)\s*:\s*\S"
)
_SHARE = _rx(
    r"^(share\b(\s+(this|on|via|the|article|story)\b|\s*:|$)|tweet$|email this|"
    r"print this|read or share this story)"
)
_SOCIAL = frozenset(
    "facebook|twitter|x|google|google+|email|e-mail|print|more|whatsapp|linkedin|reddit|"
    "pinterest|telegram|tumblr|messenger|sms|copy link|tweet|share|pocket|flipboard".split("|")
)
# A notice names cookies and what they are for; "We found cookies in his bag" is no notice.
_COOKIE = _rx(
    r"^(?=.*\bcookies?\b)(?=.*\b(experience|consent|policy|settings|preferences|brows\w*|"
    r"(web)?site|personali[sz]\w*|analytics|advertising|agree|accept\w*)\b)"
    r"(we|this (web)?site|our (web)?site|by (continuing|using|clicking|browsing)|"
    r"cookies?|accept|manage|this website|we and our partners)\b"
)
_CONSENT_BUTTONS = frozenset(
    "accept|accept all|accept cookies|reject|reject all|decline|ok|okay|got it|i agree|agree|"
    "allow all|manage settings|cookie settings|manage preferences|manage cookies|learn more|"
    "more info|more information|privacy policy|customise|customize|subscribe|sign up|"
    "sign me up|submit|subscribe now".split("|")
)
_NEWSLETTER = _rx(
    r"^((sign up|subscribe)\b.{0,100}\b(newsletters?|inbox|e-?mail alerts|briefing|updates)\b|"
    r"get\b.{0,80}\b(newsletters?|inbox)\b|by (signing up|subscribing)|"
    r"enter your e-?mail|thanks? (you )?for (signing up|subscribing)|"
    r"(our |daily |free )?newsletter$)"
)
_ADVERT = _rx(
    r"(advertisements?|advert|ad|sponsored( content)?|paid content|"
    r"story continues below( advertisement)?|advertisement[\s\-–—]+(continue reading|"
    r"story continues below)|continue reading( below| the main story)?|"
    r"scroll to continue( with content)?)\s*[.:]?"
)
_CLICK_HERE = _rx(r"^((mobile users )?(click|tap) here)\b")
_COPYRIGHT = _rx(r"^(copyright\s*(©|\(c\)|\d{4})|©|\(©|\(c\)\s*\d{4})|all rights reserved\.?$")
_PHOTO_CREDIT = _rx(
    r"^\(?((file )?(photos?|photograph|image|picture|video)( credits?)?\s*(:|by\b)|"
    r"credits?\s*:|(photo|image) \d+ of \d+|(ap|afp|reuters|epa|getty images)( photo)?\s*/)"
)
_WIDGET = _rx(
    r"(please enable javascript.*|skip to (main )?content|(hide|show) transcript.*|"
    r"copy link( copy)?|back to top|loading\.*|media related to .* at wikimedia commons|"
    r"join the conversation .*(facebook|twitter).*|stay up to date,? follow .*|"
    r"(leave a reflection|update memorial).*)"
)
# Line rules apply to short lines only: furniture is terse, report sentences run longer.
_SHORT = 250

# "Related stories 2 killed, 22 injured in shooting at house party": a teaser on one line
_RELATED_TEASER = _rx(r"^related\s+(stories|articles|coverage|content|links|news|video)\b")

_LINE_RULES: tuple[Callable[[str], bool], ...] = (
    lambda s: len(s) < _SHORT and not is_prose(s) and bool(_RELATED_TEASER.match(s)),
    lambda s: bool(_ADVERT.fullmatch(s) or _WIDGET.fullmatch(s)),
    lambda s: len(s) < _SHORT and bool(_CLICK_HERE.match(s) or _COPYRIGHT.search(s)),
    lambda s: len(s) < _SHORT and bool(_PHOTO_CREDIT.match(s)),
    lambda s: len(s) < _SHORT and not is_prose(s) and bool(_INLINE_LINK.match(s)),
)


def clean(text: str) -> tuple[str, tuple[Section, ...]]:
    """Text without page furniture, one paragraph per line, and its Sections."""
    lines = normalise(text)
    for _ in range(_MAX_PASSES):
        kept = cut_furniture(lines)
        if kept == lines:
            break
        lines = kept
    return "\n".join(lines), find_sections(lines)


def normalise(text: str) -> list[str]:
    """Non-empty lines, whitespace runs as one space, heading markers ("= X =", "## X") off."""
    text = _INVISIBLE.sub("", _LINE_BREAKS.sub("\n", text))
    text = _GLUED_HEADING.sub(lambda m: f"\n{m.group(2)}\n", text)
    lines = []
    for raw in text.split("\n"):
        line = _SPACES.sub(" ", raw).strip(" ")
        if line.startswith("="):
            line = _EQUALS.sub("", line)
        line = _HASHES.sub("", line).strip(" ")
        if line:
            lines.append(line)
    return lines


def cut_furniture(lines: Sequence[str]) -> list[str]:
    """One pass of every rule over the lines."""
    kept: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _COMMENTS.fullmatch(line):
            break
        if _FURNITURE_SECTION.fullmatch(line):
            i = _next_heading(lines, i + 1)
        elif _is_block_header(line):
            i = _skip_followers(lines, i + 1, _follower_rule(line))
        elif any(rule(line) for rule in _LINE_RULES):
            i += 1
        else:
            kept.append(line)
            i += 1
    return kept


def _next_heading(lines: Sequence[str], i: int) -> int:
    """Index of the next heading that opens real text, or the end. Only a heading directly
    followed by a sentence counts here: the link list above it is heading-shaped too."""
    while i < len(lines):
        line = lines[i]
        opens_text = i + 1 < len(lines) and is_prose(lines[i + 1]) and heading_shape(line)
        if opens_text and not _is_furniture_heading(line):
            return i
        i += 1
    return i


def _is_furniture_heading(line: str) -> bool:
    return bool(
        _FURNITURE_SECTION.fullmatch(line) or _COMMENTS.fullmatch(line) or _is_block_header(line)
    )


def _is_block_header(line: str) -> bool:
    if len(line) >= _SHORT:
        return False
    if _LIST_HEADER.fullmatch(line) or _COOKIE.match(line) or _NEWSLETTER.match(line):
        return True
    return not is_prose(line) and bool(_SHARE.match(line)) and len(line) < 100


def _follower_rule(header: str) -> Callable[[str], bool]:
    """What may follow a block header and goes with it."""
    if _LIST_HEADER.fullmatch(header):
        # list items: bullets, or headline-like lines; a sentence ends the list
        return lambda s: is_bullet(s) or not is_prose(s)
    if _SHARE.match(header):
        return lambda s: s.lower().rstrip(":") in _SOCIAL
    return lambda s: s.lower().rstrip(".!") in _CONSENT_BUTTONS


def _skip_followers(lines: Sequence[str], i: int, follows: Callable[[str], bool]) -> int:
    while i < len(lines) and follows(lines[i]):
        i += 1
    return i
