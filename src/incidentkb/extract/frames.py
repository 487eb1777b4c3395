"""Document -> frames: the main incident, and each background incident the report mentions."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from incidentkb.extract import (
    actors,
    counts,
    dates,
    kinds,
    places,
    reactions,
    roles,
    shot,
    status,
    timeline,
    victims,
    weapons,
)
from incidentkb.extract.text import Sentence, sentences
from incidentkb.model import GTD_ATTACK_TYPE, GTD_WEAPON_TYPE, Claim, Document, Frame

_BACKGROUND_HEADINGS = re.compile(
    r"^(?:background|history|previous (?:attacks|incidents)|prior (?:attacks|incidents)|context|"
    r"past attacks|related incidents|earlier attacks)$",
    re.IGNORECASE,
)
_FURNITURE_HEADINGS = re.compile(
    r"^(?:see also|references|external links|gallery|further reading|notes)$", re.I
)
# "the deadliest since the Cinema Rex attack of 1978": a comparison, not this incident's date
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?(?:[\w'’-]+\s+){0,5}?(?:of|in)?\s*$", re.IGNORECASE)
_PAST_MARKERS = re.compile(
    r"\b(?:last year|previous(?:ly)?|earlier (?:attack|bombing|shooting)|a similar attack|"
    r"years? ago|in a separate (?:attack|incident)|"
    # "as in recent incidents in Dallas and Baton Rouge that claimed the lives of eight officers"
    r"(?:recent|previous|earlier|other|similar)\s+(?:incidents|attacks|shootings|bombings)\s+in\b|"
    # "the bombing comes days after the bombing at Muttur, which left 26 dead"
    r"(?:comes?|came|coming)\s+(?:only\s+|just\s+)?(?:\w+\s+){0,2}(?:days?|weeks?|months?|years?)\s+after\b|"
    # "the shooting comes on the same day that the president visits Roseburg, where nine were
    # killed last week"
    r"(?:comes?|came|coming)\s+(?:on\s+)?the\s+same\s+day\b|\bwhere\s+[^.;]{0,100}\blast\s+(?:week|month)\b|"
    # "it followed the siege of the hotel, in which 22 people were killed"
    r"(?:\bit|which|this|the\s+(?:bombing|attack|blast|shooting|assault))\s+(?:followed|preceded)\s+"
    r"(?:the|an?)\s+(?:\w+\s+){0,2}(?:sieges?|attacks?|assaults?|bombings?|shootings?|massacres?)\b|"
    # "the attack recalled the bombing of the drama theatre in Mariupol"
    r"(?:recalled|echoed|evoked)\s+(?:the|an?)\s+(?:\w+\s+)?(?:attacks?|bombings?|shootings?|massacres?|sieges?)\b|"
    # "came six months to the day after a gunman killed 11": another, earlier incident
    r"(?:months?|years?)\s+(?:to the day\s+)?after\s+(?!the\s+(?:attacks?|bombings?|shootings?|blasts?|"
    r"explosions?|crush|fire|massacre)\b))",
    re.IGNORECASE,
)
# markers that name another incident even next to a later date ("and preceded an assault on
# 29 January that left 11 soldiers dead")
_OTHER_INCIDENT = re.compile(
    r"\b(?:followed|preceded|recalled|echoed|evoked)\s+(?:the|an?)\b", re.I
)
# "since January 2004 ... more than 3000 people have perished", "so far this year 41 officers
# have died": a running total over many incidents
_CUMULATIVE = re.compile(
    r"\b(?:since|so\s+far\s+(?:this|in)|as\s+of)\b[^.;]{0,80}?\b(?:have|has)\s+(?:perished|died|been\s+killed|"
    r"claimed|killed|lost\s+their\s+lives)\b"
    # "19 officers had been slain nationwide in July, through Monday", "killed this year through
    # July 20"
    r"|\b(?:nationwide|statewide|this\s+year|this\s+month)\b[^.;]{0,40}?\bthrough\b"
    r"|\b(?:have|has)\s+(?:perished|died|been\s+killed|claimed|killed)\b[^.;]{0,60}?\bsince\s+(?:the\s+start|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4}))",
    re.I,
)
_THAT_TIME = re.compile(
    r"^(?:(?:later|earlier)\s+that\s+(?:year|month)|that\s+year|the\s+same\s+year)\b", re.I
)
# "... about 300 people were killed there": a sentence after a background one that points back
# "The gunman in the Oregon shooting wounded nine others": the incident it just told of, by name
_BACK_THERE = re.compile(
    r"\b(?:killed|died|dead|wounded|injured)\s+(?:there|then|in that (?:attack|blast))\b"
    r"|\b(?:in|of|at)\s+the\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)?\s+(?:shooting|attack|bombing|massacre|rampage)\b",
)
Located = tuple[places.Place, places.PlaceMention]
_LEAD = 4  # sentences that state what happened; the incident date and place come from here


@dataclass(frozen=True, slots=True)
class Reading:
    """What the frame builder knows about a document before making claims."""

    doc: Document
    sentences: list[Sentence]
    mentions: list[dates.DateMention]
    incident: dates.DateMention | None
    background: frozenset[int]  # indices of background sentences
    place: Located | None  # where the main incident happened, and the words that say so


def extract(doc: Document) -> list[Frame]:
    """The frames a document states: its main incident first, then background incidents; a
    roundup's numbered items are each a main incident, in their order."""
    parts = _roundup_parts(doc.text)
    if parts:
        whole = replace(doc, published=doc.published or _dateline_date(doc.text))
        found = [_frames_of(_only(whole, a, b), heading) for a, b, heading in parts]
        tolled = [fs for fs in found if any(c.field == "killed" for c in fs[0].claims)]
        if len(tolled) >= 2:
            return [fs[0] for fs in tolled] + [f for fs in tolled for f in fs[1:]]
    return _frames_of(doc, doc.title or "")


def _frames_of(doc: Document, summary: str) -> list[Frame]:
    reading = read(doc)
    main = [s for i, s in enumerate(reading.sentences) if i not in reading.background]
    frames = [Frame(doc.id, tuple(_main_claims(reading, main)), summary=summary)]
    frames.extend(_background_frames(reading))
    return [f for i, f in enumerate(frames) if f.claims or i == 0]


# "1. Ambulance bombing, Jamhuriat Street (Saturday 27 January)": an item of a roundup
_ROUNDUP_ITEM = re.compile(r"^[ \t]*(?:\d{1,2}[.)]|[-*•])[ \t]+(\S[^\n]{5,150}?)[ \t]*$", re.M)
# what follows the last item and is about none of them
_ROUNDUP_END = re.compile(
    r"^(?:Outlook|Analysis|Comment|Assessment|Context|Background|Editor's note)\b[^\n]{0,40}:", re.M
)


def _roundup_parts(text: str) -> list[tuple[int, int, str]]:
    """(start, end, heading) of each numbered or bulleted item heading a passage of its own."""
    items = [
        m
        for m in _ROUNDUP_ITEM.finditer(text)
        if not m.group(1).endswith((".", "!", "?", ":")) and len(m.group(1).split()) <= 16
    ]
    if len(items) < 2:
        return []
    parts = []
    for n, m in enumerate(items):
        end = items[n + 1].start() if n + 1 < len(items) else len(text)
        stop = _ROUNDUP_END.search(text, m.end(), end)
        parts.append((m.start(), stop.start() if stop else end, m.group(1)))
    return parts


def _only(doc: Document, start: int, end: int) -> Document:
    """The document with everything outside [start, end) blanked: offsets and quotes stay."""
    blank = re.sub(r"[^\n]", " ", doc.text)
    return replace(doc, text=blank[:start] + doc.text[start:end] + blank[end:])


def read(doc: Document) -> Reading:
    if doc.published is None:
        # "Dhaka, 3 July 2016 --": a report's dateline is when it was published
        doc = replace(doc, published=_dateline_date(doc.text))
    sents = [s for s in sentences(doc.text) if not _is_furniture(s)]
    # "on 4 January" takes its year from publication, or else from the incident's own date;
    # with neither, a day without a year names no date
    base_year = doc.published.year if doc.published else None
    mentions = _before_publication(dates.absolute_dates(doc.text, base_year), doc.published)
    incident = _incident_date(sents, mentions, doc)
    if base_year is None and incident is not None:
        mentions = dates.absolute_dates(doc.text, incident.value.year)
        incident = _incident_date(sents, mentions, doc)
    sents, tails = _split_since(doc.text, sents, mentions, incident)
    background = frozenset(_background_indices(doc, sents, mentions, incident, tails))
    return Reading(doc, sents, mentions, incident, background, _locate(doc, sents, background))


def _before_publication(
    mentions: list[dates.DateMention], published: date | None
) -> list[dates.DateMention]:
    """A day named without its year takes the year last named before it ("on 1 October 2022
    ... on 2 October"); else the publication's, or the one before if that would put it more
    than two months after publication ("on 2 October" in a report of March)."""
    out = []
    year = None
    for m in sorted(mentions, key=lambda m: m.start):
        if m.has_year:
            year = m.value.year
        elif (year is not None or published is not None) and (m.value.month, m.value.day) != (
            2,
            29,
        ):
            target = year if year is not None else m.value.year
            # "until 22 May" in a March report is ahead; "on 2 October" in March was last year
            if year is None and published is not None and (m.value - published).days > 60:
                target -= 1
            if target != m.value.year:
                shift = target - m.value.year
                last = m.end_value.replace(year=m.end_value.year + shift) if m.end_value else None
                m = replace(m, value=m.value.replace(year=target), end_value=last)
        out.append(m)
    return out


def _split_since(
    text: str,
    sents: list[Sentence],
    mentions: list[dates.DateMention],
    incident: dates.DateMention | None,
) -> tuple[list[Sentence], frozenset[int]]:
    """ "The deadliest since December 2014, when gunmen killed more than 140": what follows
    "since" and an earlier date describes that earlier incident, so it becomes a sentence of
    its own, marked background; what precedes it stays with the main incident."""
    if incident is None:
        return sents, frozenset()
    out: list[Sentence] = []
    tails: set[int] = set()
    for s in sents:
        cut = next(
            (
                text.rfind("since", s.start, m.start + 5)
                for m in _within(mentions, s)
                if _is_since(text, m) and _earlier(m, incident.value)
            ),
            -1,
        )
        if cut <= s.start:
            out.append(s)
            continue
        head = text[s.start : cut].rstrip()
        out.append(Sentence(s.start, s.start + len(head), head, s.paragraph))
        tails.add(len(out))
        out.append(Sentence(cut, s.end, text[cut : s.end], s.paragraph))
    return out, frozenset(tails)


def _earlier(m: dates.DateMention, incident: date) -> bool:
    """A date well before the incident: another year, or a day more than a week earlier."""
    return m.value.year < incident.year or (m.precision == "day" and (incident - m.value).days > 7)


def _is_furniture(s: Sentence) -> bool:
    return bool(_FURNITURE_HEADINGS.match(s.text))


def _within(mentions: list[dates.DateMention], s: Sentence) -> list[dates.DateMention]:
    return [m for m in mentions if s.start <= m.start < s.end]


def _incident_date(
    sents: list[Sentence], mentions: list[dates.DateMention], doc: Document
) -> dates.DateMention | None:
    """The earliest day named in the lead: the incident precedes the reporting about it."""
    # the lead's sentences that tell of the attack: "He was released in June 1976" does not
    lead = sents[:_LEAD]
    # a month alone ("in June 1976") dates the incident only in the opening sentence; later in
    # the lead it is usually a follow-up or another event
    found = [
        m
        for i, s in enumerate(lead)
        for m in _within(mentions, s)
        if (m.precision == "day" or (m.precision == "month" and i == 0))
        and not _is_since(doc.text, m)
    ]
    # "STOCKHOLM, 7 June 2018 (wire) --": the dateline dates the report, not the attack
    found = [m for m in found if not _in_dateline(doc.text, m)]
    # "On 3 October 2015, a gunship fired on a hospital": a full date in the opening sentence,
    # said of the attack, is the incident's, whatever other days the lead names
    opening = [
        m
        for m in found
        if lead
        and lead[0].start <= m.start < lead[0].end
        and m.has_year
        and m.precision == "day"
        and _near_attack(doc.text, lead, m)
    ]
    if opening:
        return min(opening, key=lambda m: (m.value, m.start))
    if doc.published:
        # a lead date after publication is a typo or a plan; weekdays count from publication
        found = [m for m in found if m.value <= doc.published]
        text = "\n".join(s.text for s in lead)
        weekdays = [_rebase(lead, m) for m in dates.weekday_dates(text, doc.published)]
        found += [m for m in weekdays if m is not None and not _said_on(doc.text, m)]
        years_back = [
            m
            for m in (_rebase(lead, m) for m in dates.last_year_dates(text, doc.published))
            if m is not None and _near_attack(doc.text, lead, m)
        ]
        # "one year ago today": the "today" in it is not the attack's day
        found = [m for m in found if not any(y.start <= m.start < y.end for y in years_back)]
        found += years_back
    # a weekday said of the attack ("wounded in a shooting Thursday night", "Saturday's shootings")
    # beats one said of what followed ("released from the hospital on Tuesday"), which with a
    # late publication date resolves to a day before the attack; calendar dates are kept
    if any(_near_attack(doc.text, lead, m) for m in found):
        found = [m for m in found if m.kind != "weekday" or _near_attack(doc.text, lead, m)]
    if not found and doc.published:
        found = _later_date(sents[_LEAD:_LATER], mentions, doc)
    return min(found, key=lambda m: (m.value, m.start)) if found else None


_LATER = 12  # a lead that names no day: the sentences after it may ("It happened Sunday")
_HAPPENED = re.compile(r"\b(?:happened|occurred|took place|broke out|erupted)\b", re.I)


def _later_date(
    later: list[Sentence], mentions: list[dates.DateMention], doc: Document
) -> list[dates.DateMention]:
    """Days named after the lead, said of the attack itself ("It happened just after 2:30
    Sunday morning", "shot on Saturday night"), when the lead names none."""
    assert doc.published is not None
    text = "\n".join(s.text for s in later)
    found = [_rebase(later, m) for m in dates.weekday_dates(text, doc.published)]
    found += [
        m
        for s in later
        for m in _within(mentions, s)
        if m.precision == "day" and m.value <= doc.published and not _is_since(doc.text, m)
    ]
    out = []
    for m in found:
        if m is None or _said_on(doc.text, m):
            continue
        s = next(s for s in later if s.start <= m.start < s.end)
        if _HAPPENED.search(s.text) or _attack_in_clause(doc.text, s, m):
            out.append(m)
    return out


def _attack_in_clause(text: str, s: Sentence, m: dates.DateMention) -> bool:
    """An attack word in the weekday's own clause ("shot on Saturday night"), not in one after
    a comma ("visited the stadium on Wednesday and inspected the gate, where many died")."""
    before = re.split(r"[,;:]", text[max(s.start, m.start - 60) : m.start])[-1]
    after = re.split(r"[,;:]", text[m.end : min(s.end, m.end + 60)])[0]
    return bool(_ATTACK_WORD.search(before) or _ATTACK_WORD.search(after))


_ATTACK_WORD = re.compile(
    r"\b(?:shot|shooting|shootings|gunfire|opened fire|fired|killed|killing|wounded|wounding|injured|"
    r"dead|died|slain|murdered|attack(?:ed|s)?|bomb(?:ing|ings|s|ed)?|blasts?|explo\w+|stabb\w+|"
    r"rampage|massacre|ambush(?:ed)?|crush|arson|set fire|set alight|torched)\b",
    re.I,
)
_NEAR = 120  # characters either side, within the sentence; tuned on gva-news dev


# "STOCKHOLM, 7 June 2018 (wire) --", "RICHMOND, Ind. (April 11, 2014) –"
_DATELINE = re.compile(
    r"[A-Z][A-Za-z'’.-]*(?:[ -][A-Z][A-Za-z'’.-]*)*(?:,\s*[A-Z][A-Za-z.]*)?,?\s*\(?\s*$"
)
_DATELINE_END = re.compile(r"\)?\s*(?:\([^()\n]{1,40}\)\s*)?(?:--|—|–|-\s|:)")


# "the police chief on Thursday named six suspects": the weekday dates what followed
_DID_AFTER = re.compile(
    r"\s+(?:named|charged|arrested|detained|sentenced|announced|said|told|identified|released|"
    r"confirmed|revised|raised|lowered|published|issued|ordered|opened|launched an inquiry)\b",
    re.I,
)
_SAID_ON = re.compile(
    r"\b(?:said|says|told|announced|confirmed|reported|added|stated|declared|"
    r"news conference|press conference|briefing|statement)\b[^.;:]{0,25}$",
    re.IGNORECASE,
)


def _said_on(text: str, m: dates.DateMention) -> bool:
    """ "the ministry said on Tuesday": the weekday dates the statement, not the attack."""
    return bool(
        _SAID_ON.search(text[max(0, m.start - 60) : m.start]) or _DID_AFTER.match(text, m.end)
    )


def _dateline_date(text: str) -> date | None:
    """The date of a dateline in the first lines, if it names its year."""
    head = text[:400]
    found = [m for m in dates.absolute_dates(head, None) if m.has_year and m.precision == "day"]
    return next((m.value for m in found if _in_dateline(head, m)), None)


def _in_dateline(text: str, m: dates.DateMention) -> bool:
    """A date between a place at the start of a line and the dash that ends a dateline."""
    line = text.rfind("\n", 0, m.start) + 1
    return bool(_DATELINE.fullmatch(text[line : m.start])) and bool(
        _DATELINE_END.match(text, m.end)
    )


def _near_attack(text: str, lead: list[Sentence], m: dates.DateMention) -> bool:
    s = next((s for s in lead if s.start <= m.start < s.end), None)
    if s is None:
        return False
    lo, hi = max(s.start, m.start - _NEAR), min(s.end, m.end + _NEAR)
    return bool(_ATTACK_WORD.search(text[lo : m.start]) or _ATTACK_WORD.search(text[m.end : hi]))


def _rebase(lead: list[Sentence], m: dates.DateMention) -> dates.DateMention | None:
    """A mention found in the lead joined by newlines, moved to document offsets."""
    pos = 0
    for s in lead:
        if pos <= m.start < pos + len(s.text):
            shift = s.start - pos
            return dates.DateMention(m.start + shift, m.end + shift, m.value, m.precision, m.kind)
        pos += len(s.text) + 1
    return None


def _is_since(text: str, m: dates.DateMention) -> bool:
    if text[m.start : m.start + 6].lower() == "since ":  # "since 2019" is one mention
        return True
    return bool(_SINCE.search(text[max(0, m.start - 60) : m.start]))


def _background_indices(
    doc: Document,
    sents: list[Sentence],
    mentions: list[dates.DateMention],
    incident: dates.DateMention | None,
    tails: frozenset[int],
) -> list[int]:
    out: list[int] = []
    heading = ""
    lead = " ".join(x.text for x in sents[:_LEAD])
    for i, s in enumerate(sents):
        if _is_heading(doc.text, s):
            heading = s.text
            continue
        # "Later that year, ..." goes on about the time the sentence before was about
        after = i - 1 in tails or (bool(out) and out[-1] == i - 1)
        carries_on = after and bool(
            _THAT_TIME.match(s.text)
            or _BACK_THERE.search(s.text)
            or _SAME_STORY.search(s.text)
            or _same_people(sents[i - 1], s, lead)
        )
        if (
            i in tails
            or _BACKGROUND_HEADINGS.match(heading)
            or carries_on
            or _other_time(doc.text, s, mentions, incident)
        ):
            out.append(i)
    return out


# "The shooter was killed by other officers a short time later": the story just told goes on
_SAME_STORY = re.compile(
    r"\b(?:a\s+short\s+time|moments|minutes|shortly|soon)\s+(?:later|after(?:wards)?)\b", re.I
)
_PROPER = re.compile(r"(?<=[a-z,;]\s)[A-Z][a-z]{3,}\b")


def _same_people(before: Sentence, s: Sentence, lead: str) -> bool:
    """The sentence, in the paragraph of a background one, names someone that one named and
    the report's lead does not ("drove alongside Henwood's car")."""
    if before.paragraph != s.paragraph:
        return False
    names = set(re.findall(r"\b[A-Z][a-z]{3,}\b", before.text)) & set(_PROPER.findall(s.text))
    return any(n not in lead for n in names)


def _is_heading(text: str, s: Sentence) -> bool:
    line_start = text.rfind("\n", 0, s.start) + 1
    line_end = text.find("\n", s.end)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    return (
        line == s.text
        and len(s.text.split()) <= 6
        and not s.text.endswith((".", "!", "?", '"', ":"))
    )


def _other_time(
    text: str, s: Sentence, mentions: list[dates.DateMention], incident: dates.DateMention | None
) -> bool:
    """A sentence about another time: it names a year or day well before the incident, and not
    the incident's own date."""
    if _PAST_MARKERS.search(s.text) and _OTHER_INCIDENT.search(s.text):
        return True  # names another incident outright, whatever dates it gives
    if _CUMULATIVE.search(s.text):
        return True  # a campaign's or a year's dead, not this incident's
    if incident is None:
        return bool(_PAST_MARKERS.search(s.text))
    own = [m for m in _within(mentions, s) if not _is_since(text, m)]
    if any(m.value >= incident.value for m in own):
        return False  # it names the incident's day or a later one: a follow-up, not the past
    return any(_earlier(m, incident.value) for m in own) or bool(_PAST_MARKERS.search(s.text))


def _main_claims(r: Reading, main: list[Sentence]) -> list[Claim]:
    doc = r.doc
    out: list[Claim] = []
    if r.incident:
        m = r.incident
        out.append(
            Claim.at(
                doc, m.start, m.end, "date", m.value.isoformat(), detail={"precision": m.precision}
            )
        )
    out.extend(_location(doc, r.place))
    out.extend(_type(doc, main))
    out.extend(_toll_claims(r, main))
    for s in main:
        out.extend(_sentence_claims(doc, s, r))
        claimed = next(
            (c.value for c in reversed(out) if c.field == "perpetrator" and c.role == "claimed"),
            None,
        )
        for a in actors.denied_claims(s, str(claimed) if claimed else None):
            out.append(Claim.at(doc, a.start, a.end, "perpetrator", a.name, role="denied"))
    out.extend(roles.role_claims(doc, main, out))
    return out


def _locate(doc: Document, sents: list[Sentence], background: frozenset[int]) -> Located | None:
    main = [s for i, s in enumerate(sents) if i not in background]
    focus = (main[0].start, main[min(_LEAD, len(main)) - 1].end) if main else None
    return places.locate(doc.text, None, focus)


def _location(doc: Document, found: Located | None) -> list[Claim]:
    if not found:
        return []
    place, mention = found
    detail = {
        "country": place.country,
        "country_code": place.country_code,
        "admin1": place.admin1,
        "city": place.city,
        "lat": place.lat,
        "lon": place.lon,
        "precision": place.precision,
    }
    value = ", ".join(x for x in (place.city, place.admin1, place.country) if x)
    return [Claim.at(doc, mention.start, mention.end, "location", value, detail=detail)]


def _type(doc: Document, main: list[Sentence]) -> list[Claim]:
    found = kinds.incident_type(main)
    if not found:
        return []
    name, sentence, m = found
    attack, weapon = GTD_ATTACK_TYPE[name], GTD_WEAPON_TYPE[name]
    detail = {
        "gtd_attacktype": attack[0],
        "gtd_attacktype_txt": attack[1],
        "gtd_weaptype": weapon[0],
        "gtd_weaptype_txt": weapon[1],
    }
    return [
        Claim.at(
            doc, sentence.start + m.start(), sentence.start + m.end(), "type", name, detail=detail
        )
    ]


def _sentence_claims(doc: Document, s: Sentence, r: Reading) -> list[Claim]:
    out: list[Claim] = []
    for a in actors.perpetrators(s):
        out.append(
            Claim.at(
                doc,
                a.start,
                a.end,
                "perpetrator",
                a.name,
                role=a.role,
                attributed_to=a.attributed_to,
                detail={"by": "; ".join(a.by) or None},
            )
        )
    for a in reactions.reactions(s, r.place[0] if r.place else None):
        out.append(
            Claim.at(
                doc,
                a.start,
                a.end,
                "reaction",
                a.name,
                role=a.role,
                detail={"person": a.person, "actor_type": a.actor_type},
            )
        )
    for w in weapons.weapons(s):
        out.append(Claim.at(doc, w.start, w.end, "weapon", w.value, attributed_to=w.attributed_to))
    for v in victims.victims(s):
        out.append(Claim.at(doc, v.start, v.end, "victims", v.count, detail={"group": v.value}))
    for a in victims.arrests(s):
        out.append(Claim.at(doc, a.start, a.end, "arrested", a.count))
    out.extend(_timeline_claims(doc, s, r))
    return out


_RETRACTED = re.compile(
    r"\b(?:proved|proven|turned\s+out)\s+(?:to\s+be\s+)?(?:incorrect|wrong|false|untrue)\b", re.I
)


def _toll_claims(r: Reading, sents: list[Sentence]) -> list[Claim]:
    """Tolls with qualifier, speaker, report time and status (a later figure supersedes)."""
    items, said = [], []
    found = [(s, t) for s in sents for t in counts.tolls(s)]
    stated: dict[tuple[int, int], tuple[str | None, str]] = {}

    def statement(s: Sentence, t: counts.Toll) -> tuple[str | None, str]:
        key = (s.start, t.count_start)
        if key not in stated:
            stated[key] = counts.statements(s, t.count_start)
        return stated[key]

    # a death that "proved to be incorrect" or an early report's does not make the living dead
    dead = any(
        t.field == "killed"
        and t.count.value > 0
        and statement(s, t)[1] != "superseded"
        and not _RETRACTED.search(s.text)
        for s, t in found
    )
    if dead:
        found += counts.named_dead(r.doc.text, found)
    else:
        found += [
            (a, t)
            for a, b in zip(sents, sents[1:], strict=False)
            if b.paragraph - a.paragraph <= 1
            for t in counts.pair_tolls(a, b)
        ]
    many = any(t.field in ("injured", "shot") and t.count.value > 1 for _, t in found)
    for s, t in found:
        if dead and t.field == "killed" and t.count.value == 0 and shot.survival(s.text):
            continue  # "one man died; all of the others are stable": the living, not a toll
        quote = r.doc.text[t.start : t.end]
        if many and t.field == "killed" and t.count.value == 0 and shot.one_survival(quote):
            continue  # "four were shot; the boy is stable": one of them, not every victim
        who, stage = statement(s, t)
        items.append((s, t, stage == "superseded"))
        said.append((who, stage))
    published = r.doc.published
    incident = r.incident.value if r.incident else None
    timed = status.report_times(items, r.mentions, published, incident, r.doc.text)
    replaced = status.superseded(timed, published)
    out = []
    for i, (t, (who, stage)) in enumerate(zip(timed, said, strict=True)):
        c = t.toll.count
        state = "superseded" if i in replaced else stage
        out.append(
            Claim.at(
                r.doc,
                t.toll.start,
                t.toll.end,
                t.toll.field,
                c.value,
                qualifier=c.qualifier,
                low=c.low,
                high=c.high,
                attributed_to=who,
                status=state,
                reported_at=t.when or published,
                detail={"derived": t.toll.derived},
            )
        )
    return out


def _timeline_claims(doc: Document, s: Sentence, r: Reading) -> list[Claim]:
    """The first dated event the sentence states: the attack itself, or a follow-up."""
    if r.incident is None:
        return []
    incident = r.incident.value
    for m in _dated(s, r):
        is_attack = m.start == r.incident.start
        if not is_attack and not timeline.is_follow_up(m, incident):
            continue
        kind = "attack" if is_attack else timeline.timeline_kind(s.text, m.start - s.start)
        # a sentence dated by the incident day that is not the attack itself is usually
        # background to it ("before the 3 January bombings, the US warned ...")
        if kind is None or (kind != "attack" and m.value == incident and m.kind == "absolute"):
            continue
        detail = {
            "date": m.value.isoformat(),
            "date_end": m.end_value.isoformat() if m.end_value else None,
        }
        return [Claim.at(doc, s.start, s.end, "event", kind, detail=detail)]
    return []


def _dated(s: Sentence, r: Reading) -> list[dates.DateMention]:
    """Every date the sentence names, in document offsets, in text order."""
    found = list(_within(r.mentions, s))
    shifted = [*dates.weekday_dates(s.text, r.doc.published)]
    if r.incident is not None:
        shifted += dates.event_relative(s.text, r.incident.value)
    found += [replace(m, start=m.start + s.start, end=m.end + s.start) for m in shifted]
    if r.incident is not None and s.start <= r.incident.start < s.end:
        found.append(r.incident)
    unique = {m.start: m for m in found}
    return sorted(unique.values(), key=lambda m: m.start)


def _background_frames(r: Reading) -> list[Frame]:
    """A frame per background sentence that states an incident: a toll or an attack word."""
    doc = r.doc
    frames = []
    parts = [p for i in sorted(r.background) for p in _incidents_in(r, r.sentences[i])]
    for s in parts:
        claims = _toll_claims(r, [s])
        kind = kinds.incident_type([s])
        if not claims and not (kind and _names_an_attack_verb(s.text)):
            continue
        own = _within(r.mentions, s)
        if own:
            m = own[0]
            claims.insert(
                0,
                Claim.at(
                    doc,
                    m.start,
                    m.end,
                    "date",
                    m.value.isoformat(),
                    detail={"precision": m.precision},
                ),
            )
        if kind:
            name, _, km = kind
            claims.append(Claim.at(doc, s.start + km.start(), s.start + km.end(), "type", name))
        frames.append(Frame(doc.id, tuple(claims), background=True, summary=s.text[:120]))
    return frames


_CLAUSE_CUT = re.compile(r",?\s+and\s+|;\s+|,\s+while\s+|,\s+whereas\s+")


def _incidents_in(r: Reading, s: Sentence) -> list[Sentence]:
    """A background sentence that tells of several past incidents, each with its own date
    ("it followed the siege of 20 January, in which 22 died, and preceded an assault on 29
    January that left 11 dead"), in one part per incident: cut before each later date."""
    own = [m for m in _within(r.mentions, s) if m.precision != "year"]
    if len(own) < 2:
        return [s]
    text = r.doc.text
    cuts = []
    for m in own[1:]:
        between = text[max(s.start, own[0].end) : m.start]
        found = list(_CLAUSE_CUT.finditer(between))
        if found:
            cuts.append(max(s.start, own[0].end) + found[-1].start())
    if not cuts:
        return [s]
    bounds = [s.start, *sorted(set(cuts)), s.end]
    return [
        Sentence(a, b, text[a:b], s.paragraph)
        for a, b in zip(bounds, bounds[1:], strict=False)
        if b > a
    ]


def _names_an_attack_verb(text: str) -> bool:
    return bool(
        re.search(
            r"\b(?:killed|killing|died|wounded|injured|attacked|struck|exploded|opened fire)\b",
            text,
        )
    )
