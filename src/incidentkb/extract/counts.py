"""Killed and injured: every toll a sentence states, with qualifier, status and speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass

from incidentkb.extract.dates import MONTH
from incidentkb.extract.numbers import COUNT, NUMBER, Count, parse_count
from incidentkb.extract.shot import pair_alive, shot_tolls
from incidentkb.extract.text import Sentence

_KILL_VERB = (
    r"killed|dead|died|slain|murdered|shot dead|shot and killed|fatally (?:shot|stabbed|wounded|injured)"
    r"|lost their lives|perished|confirmed dead|were killed|found dead|found shot dead"
    r"|(?:stabbed|beaten|hacked|burned|burnt|crushed|trampled|shot) to death"
)
_HURT_VERB = (
    r"injured|wounded|hurt|hospitali[sz]ed|treated for (?:[\w-]+ ){0,2}?injuries"
    r"|(?:taken|rushed|transported|brought|went|driven|flown) to (?:a |the |area |local |nearby )?hospitals?"
    r"|suffered (?:[\w-]+ ){0,3}?(?:wounds|injuries)"
    r"|(?:needed|required|received) (?:hospital )?treatment|treated (?:in|at) (?:a |the )?hospitals?"
)
_AUX = r"(?:\s+(?:were|was|have|has|had|been|are|is|reportedly|confirmed|believed|to|also|later|all|now|being|who|left))*"
# the count's noun phrase: "Three French members of the UN peacekeeping force were killed"
_NP = (
    # no number word in it: "in 2008 two members were killed" is a count of two, not of 2008
    rf"(?P<np>(?:\s+(?!(?:were|was|and|or|in|at|on|by|of|after|when|{NUMBER})\b)[A-Za-z’'-]+){{0,4}}?"
    r"(?:\s+of\s+(?:the|an?)(?:\s+(?!(?:were|was|and|or|in|at|on|by|of|after|when)\b)[A-Za-z’'-]+){1,3}?)?)"
)
_UNITS = (
    r"(?:-?year|years|months?|weeks?|days?|hours?|minutes?|seconds?|percent|per cent|%|miles?|km|"
    r"kilomet|metres?|meters?|feet|foot|yards?|shots?|rounds?|bullets?|times|p\.?m|a\.?m|o'clock|"
    r"million|billion|dollars?|pounds|euros?|rupees?|homes?|houses?|buildings?|cars?|vehicles?)\b"
)


@dataclass(frozen=True, slots=True)
class Toll:
    """One stated toll: the field, the count, and the span that states it (document offsets)."""

    field: str  # killed, injured, or shot (people shot, fate not stated)
    count: Count
    start: int
    end: int
    count_start: int
    derived: str | None = None  # "4 shot minus 1 killed": computed from numbers the quote states


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# (field, pattern): the count is the subject, the object, or the figure of a "toll" noun
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("killed", _compile(rf"\b{COUNT}{_NP}{_AUX}\s+(?:{_KILL_VERB})\b")),
    ("injured", _compile(rf"\b{COUNT}{_NP}{_AUX}\s+(?:{_HURT_VERB})\b")),
    (
        "killed",
        _compile(
            rf"\b(?:killed|killing|kills|kill|claimed the lives of|claiming the lives of|"
            rf"deaths? of|shot dead|shot and killed|gunned down|stabbed to death|hacked to death)"
            rf"\s+{COUNT}\b"
        ),
    ),
    (
        "injured",
        _compile(rf"\b(?:injured|injuring|wounded|wounding|hurt|hurting|injuries to)\s+{COUNT}\b"),
    ),
    ("killed", _compile(rf"\b(?:left|leaving)\s+{COUNT}(?:\s+people|\s+persons)?\s+dead\b")),
    # "a shooting that sent five people to the hospital", "ended with five people in the hospital"
    (
        "injured",
        _compile(
            rf"\b(?:sent|sending|ended\s+with|leaving|left)\s+{COUNT}(?:\s+other)?(?:\s+(?:people|persons|others|victims))?"
            r"\s+(?:to|in)\s+(?:the\s+|a\s+|area\s+|local\s+)?hospitals?\b"
        ),
    ),
    # "the fire has so far claimed 25 lives"
    ("killed", _compile(rf"\b(?:claimed|claiming|claims|took|taking)\s+{COUNT}\s+lives\b")),
    (
        "injured",
        _compile(
            rf"\b(?:left|leaving|and)\s+{COUNT}(?:\s+(?:people|persons|others))?\s+(?:injured|wounded)\b"
        ),
    ),
    (
        "toll",
        _compile(
            rf"\b(?P<noun>death toll|toll|count|tally|figure|number of (?:the )?(?:people |those |persons )?"
            rf"(?:dead|deaths|fatalities|killed|injured|wounded|injuries|hurt))"
            # "revised the death toll from Monday's suicide bombing at a mosque ... down to 84":
            # a few words may stand between the noun and its figure, but no other number
            rf"(?:\s+(?!(?:and|but)\b)[A-Za-z’'-]+,?){{0,12}}?\s+(?:at|to|of|reached|hit|was|is|stood at|"
            rf"stands at|passed|topped|exceeded|surpassed)\s+{COUNT}\b"
        ),
    ),
    (
        "toll",
        _compile(
            rf"\b(?:revised|raised|lowered|updated|corrected|put)\s+(?P<noun>it|them|the\s+(?:figure|number|count|tally))"
            rf"\s+(?:down\s+|up\s+)?(?:to|at)\s+{COUNT}\b"
        ),
    ),
    ("killed", _compile(rf"\b{COUNT}\s+(?:people\s+|persons\s+)?(?:dead|deaths|fatalities)\b")),
    ("injured", _compile(rf"\b{COUNT}\s+(?:people\s+|persons\s+)?(?:injured|wounded|injuries)\b")),
)
_NONE = (
    (
        "killed",
        _compile(
            r"\b(?:no one|nobody|no-one|none)\s+(?:was|were)\s+(?:killed|dead)\b|\bno (?:deaths|fatalities|casualties)\b"
        ),
    ),
    (
        "injured",
        _compile(
            r"\b(?:no one|nobody|no-one|none)\s+(?:else\s+)?(?:was|were)\s+(?:injured|hurt|wounded)\b"
            r"|\bno (?:other )?(?:injuries|one injured|casualties)\b"
        ),
    ),
)


# every toll pattern needs one of these; most sentences have none, and skip the patterns
HINT = re.compile(
    r"kill|dead|death|die[ds]?\b|injur|wound|hurt|hospital|toll|fatal|casualt|shot|slain|murder|perish|"
    r"lives|treatment|stabb|beaten|hacked|burn|crushed|trampled|count|figure|tally|number|assassinat|behead|"
    r"surviv|recover|threatening|condition|released|stable|gunned",
    re.I,
)


def tolls(sentence: Sentence) -> list[Toll]:
    """Every killed/injured figure the sentence states, one per count span."""
    found: dict[int, Toll] = {}
    if not HINT.search(sentence.text):
        return []
    for field, count, start, end, count_start, derived in shot_tolls(sentence):
        found.setdefault(count_start, Toll(field, count, start, end, count_start, derived))
    for field, pattern in _PATTERNS:
        for m in pattern.finditer(sentence.text):
            toll = _toll(sentence, field, m)
            if toll and toll.count_start not in found:
                found[toll.count_start] = toll
    # a statement of none may be of both ("no casualties"): one zero per field
    zeros: dict[tuple[int, str], Toll] = {}
    for field, pattern in _NONE:
        for m in pattern.finditer(sentence.text):
            start = sentence.start + m.start()
            if start not in found:
                toll = Toll(field, Count(0, "exact"), start, sentence.start + m.end(), start)
                zeros.setdefault((start, field), toll)
    text = sentence.text
    kept = [t for t in found.values() if not _attackers_dead(text, t, sentence.start)]
    kept += _attacker_deaths(sentence)
    return sorted([*kept, *zeros.values()], key=lambda t: (t.start, t.field))


# The attacker's own death, a count of its own (`attackers_killed`, GTD's nkillter): "killed four
# people before turning the gun on himself", "the gunman is dead", "before he was fatally shot by
# officers". One attacker unless a number is stated ("both gunmen were killed").
_ATTACKER = r"(?:gunm[ae]n|shooters?|attackers?|assailants?|bombers?|suspects?|perpetrators?)"
_ATTACKER_DEAD = re.compile(
    r"\b(?:before|then|and\s+then|and|after|later)\s+(?:he\s+|she\s+)?(?:fatally\s+shooting|fatally\s+shot|killing|"
    r"killed|turning\s+the\s+(?:gun|weapon|rifle|pistol)\s+on|turned\s+the\s+(?:gun|weapon|rifle|pistol)\s+on)"
    r"\s+(?:himself|herself)\b"
    r"|\bbefore\s+(?:he|she)\s+(?:himself\s+)?was\s+(?:fatally\s+shot|shot\s+dead|shot\s+and\s+killed|killed)\b"
    rf"|\b(?:the|a)\s+(?:lone\s+|suspected\s+|alleged\s+)?(?P<one>{_ATTACKER})(?:,\s+[^,]{{1,60}},)?\s+(?:(?:is|was|has\s+been)\s+(?:also\s+)?"
    r"(?:dead|killed|shot\s+dead|shot\s+and\s+killed|fatally\s+shot|pronounced\s+dead)|(?:later\s+)?died|"
    r"(?:then\s+)?killed\s+(?:himself|herself)|took\s+(?:his|her)\s+own\s+life)\b"
    rf"|\b(?:both|the\s+two)\s+(?P<two>{_ATTACKER})\s+(?:were|are)\s+(?:also\s+)?(?:dead|killed|shot\s+dead)\b",
    re.I,
)
# "three people, including the gunman, were killed": the attacker is in the toll already
_INCLUDING_ATTACKER = re.compile(
    rf"\b(?:including|among\s+them|counting)\s+the\s+{_ATTACKER}", re.I
)


def _attacker_deaths(sentence: Sentence) -> list[Toll]:
    text = sentence.text
    if _INCLUDING_ATTACKER.search(text):
        return []
    out = []
    for m in _ATTACKER_DEAD.finditer(text):
        if m.group("one") and m.group("one").lower().endswith("s"):
            continue  # "the suspects were killed": how many is not stated
        n = 2 if m.group("two") else 1
        start, end = sentence.start + m.start(), sentence.start + m.end()
        out.append(Toll("attackers_killed", Count(n, "exact"), start, end, start))
    return out


# "Tyreke Borel, 17, was shot and killed ... Tiarah Poyau was shot ... and killed": each named
# death is one; two names two deaths, when no toll says as many and they are told close together
_NAMED = re.compile(
    r"^(?:[A-Z][\w'’.-]*\s+){1,3}?(?P<last>[A-Z][\w'’-]*[a-z][\w'’-]*)\b(?=,|\s+(?:was|has|had|died))"
)
_NAMED_SPAN = 1500  # characters from the first named death to the last


def named_dead(text: str, found: list[tuple[Sentence, Toll]]) -> list[tuple[Sentence, Toll]]:
    """One toll for the distinct named people the sentences say died, where no other toll
    counts as many; it quotes from the first of them to the last."""
    singles: dict[str, tuple[Sentence, Toll]] = {}
    for s, t in found:
        if t.field != "killed" or t.derived:
            continue
        if t.count.value > 1:
            return []  # a stated count of the dead: the names are among them
        quote = text[t.start : t.end]
        m = _NAMED.match(quote)
        if t.count.value == 1 and m:
            singles.setdefault(m.group("last").lower(), (s, t))
        elif t.count.value == 1 and re.search(
            r"\b(?:was|were)\s+also\b|\balso\s+(?:died|killed)\b", quote
        ):
            singles[f"also {t.start}"] = (s, t)  # "a woman was also killed": someone else
    if len(singles) < 2:
        return []
    first, last = (
        min(singles.values(), key=lambda x: x[1].start),
        max(singles.values(), key=lambda x: x[1].end),
    )
    if last[1].end - first[1].start > _NAMED_SPAN:
        return []
    n = len(singles)
    derived = "listed: " + " + ".join("1" * n)
    toll = Toll("killed", Count(n, "exact"), first[1].start, last[1].end, first[1].start, derived)
    return [(first[0], toll)]


def pair_tolls(first: Sentence, second: Sentence) -> list[Toll]:
    """Tolls two adjacent sentences state together: some victims' condition, then the rest's."""
    found = pair_alive(first, second)
    return [Toll(*found)] if found else []


# who the attackers are called; their own dead are not the incident's toll
_ATTACKER_NOUNS = (
    r"militants?|attackers?|gunm[ae]n|assailants?|kidnappers?|hostage-takers?|insurgents?|"
    r"terrorists?|bombers?"
)

# "shot dead four of the attackers": the count is of the attackers
_OF_ATTACKERS = re.compile(
    rf"^\S*\s+(?:of\s+(?:the\s+)?)?(?:\w+\s+)?(?:{_ATTACKER_NOUNS}|suspects?)\b", re.I
)


def _attackers_dead(text: str, toll: Toll, offset: int) -> bool:
    if toll.field != "killed":
        return False
    return bool(_OF_ATTACKERS.match(text[toll.count_start - offset :]))


# the attackers' own dead are not the incident's victims: "32 militants died in the assault"
_ATTACKERS = re.compile(
    rf"\b(?:{_ATTACKER_NOUNS}|fighters?|rebels?|jihadists?|extremists?)\b", re.I
)


_BY_FORCES = re.compile(
    r"\b(?:police|policemen|officers|troops|soldiers|security forces|commandos|special forces|"
    r"the army|snipers)\s+(?:(?!said|say|says|told)\w+\s+){0,2}$",
    re.I,
)


def _toll(sentence: Sentence, field: str, m: re.Match[str]) -> Toll | None:
    count = parse_count(m)
    if count is None or _not_a_toll(sentence.text, m):
        return None
    if "np" in m.re.groupindex and m.group("np") and _ATTACKERS.search(m.group("np")):
        return None
    verb_first = bool(m.group("num")) and m.start("num") > m.start()
    if field == "injured" and not verb_first and m.group("num"):
        after = sentence.text[m.end("num") : m.end("num") + 12]
        if re.match(r"\s+of\s+(?:the|them|those|these)\b", after):
            return None  # "two of the five victims were taken to hospitals": some of them
    before = sentence.text[max(0, m.start() - 50) : m.start()]
    if field == "killed" and verb_first and _BY_FORCES.search(before):
        return None  # "police shot dead four of the attackers": not the incident's victims
    if field == "toll":
        field = _toll_field(m.group("noun"), sentence.text[: m.start()])
        if field is None:
            return None
        if count.qualifier == "exact" and _PASSED.search(m.group(0)):
            count = Count(count.value, "more_than")  # "the figure passed 90"
    number_start = m.start("num") if m.group("num") else m.start()
    return Toll(
        field,
        count,
        sentence.start + m.start(),
        sentence.start + m.end(),
        sentence.start + number_start,
    )


_PASSED = re.compile(r"\b(?:passed|topped|exceeded|surpassed)\s+\S+$", re.I)


def _toll_field(noun: str, before: str) -> str | None:
    noun = noun.lower()
    if re.search(r"injur|wound|hurt", noun):
        return "injured"
    if re.search(r"dead|death|fatal|toll|killed", noun):
        return "killed"
    # "revised the count down to 89": the count of whatever toll the sentence spoke of last
    last = re.findall(r"death toll|toll|killed|dead|injured|wounded", before.lower())
    if not last:
        return None
    return "injured" if last[-1] in ("injured", "wounded") else "killed"


# a count after these words is the size of a group ("two of the five victims were killed": the
# toll is two) or another incident's toll ("the last two officers slain in the line of duty")
_GROUP_BEFORE = re.compile(
    rf"\b(?:{NUMBER}|some|many|most|several|none|each|any|all|both)\s+(?:of|among)\s+"
    r"(?:the\s+|these\s+|those\s+|its\s+|their\s+)?$"
    r"|\b(?:father|mother|dad|mom|parent|grandfather|grandmother|grandparent)\s+of\s+$"
    r"|\b(?:the\s+)?(?:last|previous|prior)\s+$",
    re.I,
)
_MONTH_BEFORE = re.compile(rf"\b{MONTH}\s*$")
_HYPOTHETICAL = re.compile(r"\b(?:would|could|might|may)\s+(?:have\s+)?(?:been|be|die)\b", re.I)


def _not_a_toll(text: str, m: re.Match[str]) -> bool:
    """Ages, years, times and measures look like counts; none of them is a toll."""
    num = m.group("num")
    if num and re.fullmatch(r"(?:19|20)\d\d", num):
        return True
    end = m.end("num") if num else m.end()
    after = text[end : end + 14]
    if re.match(rf"\s*-?\s*{_UNITS}", after, re.IGNORECASE) or re.match(r"\s*-year", after):
        return True
    before = text[max(0, m.start() - 9) : m.start()]
    if re.search(r"[A-Za-z]-$", before):
        return True  # "a K-9 unit was injured": a name, not a count
    if (
        num
        and re.search(r"\b[A-Z][a-z]+,\s*$", text[max(0, m.start("num") - 20) : m.start("num")])
        and re.match(r"\s+(?:were|was|and)\b", after)
    ):
        return True  # "Tobiasz Cudnik, 32 were all taken to hospital": an age
    if num and re.match(r"\s+more\b", text[end : end + 6]):
        return True  # "but not before two more people were killed": more, not the toll
    if num and re.search(_MONTH_BEFORE, before):
        return True  # "a victim of the shooting on Sept. 3 died": a day, not a count
    if re.search(r"\d:$|\b(?:News|Channel|Fox|ABC|NBC|CBS|WSB|KSLA)\s+$", before):
        return True  # "1:14 Two bailiffs died": a video's length; "News 12": a station
    if m.start() == (m.start("num") if num else m.start()) and _GROUP_BEFORE.search(
        text[max(0, m.start() - 40) : m.start()]
    ):
        return True  # "one of the two officers was dead", "father of 3 fatally shot"
    if _HYPOTHETICAL.search(m.group(0)):
        return True  # "all 126 passengers would have been killed"
    # "$5 million", "#3", and "no one was killed", which is a zero
    return "$" in before[-2:] or "#" in before[-2:] or before.lower().endswith(("no ", "not "))


def statements(sentence: Sentence, start: int) -> tuple[str | None, str]:
    """Who the sentence says stated the figure at `start`, and the figure's status."""
    clause = _clause(sentence, start)
    upto = clause[: max(0, start - sentence.start - _clause_start(sentence, start))]
    status = "current"
    if re.search(
        # "early reports said", but not "early Sunday morning"
        r"\b(?:early(?!\s+(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|morning|afternoon|evening|"
        r"hours|today|yesterday|this|last|in\s+the))|earlier|initial|initially|preliminary|first|previous|"
        r"previously|correcting)\b"
        r"|\bovernight\s+(?:figures?|tolls?|counts?|estimates?|tally)\b",
        upto,
        re.I,
    ):
        status = "superseded"
    elif re.search(r"\b(?:revised|corrected|lowered|raised|updated|amended)\b", upto, re.I):
        status = "revised"
    return attribution(clause) or attribution(sentence.text), status


def _clause_start(sentence: Sentence, start: int) -> int:
    rel = start - sentence.start
    cut = 0
    for m in _CLAUSE_BREAK.finditer(sentence.text):
        if m.end() <= rel:
            cut = m.end()
    return cut


def clause_bounds(sentence: Sentence, start: int) -> tuple[int, int]:
    """Document offsets of the clause holding the position `start`."""
    rel = start - sentence.start
    begin = _clause_start(sentence, start)
    nxt = _CLAUSE_BREAK.search(sentence.text, max(rel, begin))
    return sentence.start + begin, sentence.start + (nxt.start() if nxt else len(sentence.text))


def _clause(sentence: Sentence, start: int) -> str:
    lo, hi = clause_bounds(sentence, start)
    return sentence.text[lo - sentence.start : hi - sentence.start]


_CLAUSE_BREAK = re.compile(r",\s+(?:but|while|whereas|although|though)\s+|;\s+|\s+but\s+")
_SPEAKER = (
    r"(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}?(?:(?:health|local|provincial|state|hospital|security|federal|city|county|government|rescue|fire|military|army|interior|foreign)\s+){0,2}(?:police|officials?|authorities|ministry|spokes(?:man|woman|person)"
    r"|officers?|investigators|sheriff|coroner|medics|doctors|witnesses|agency|[A-Z][\w.'’-]+)"
)
_ATTRIBUTIONS = (
    re.compile(r"\baccording to (?P<who>[^,.;]+)"),
    re.compile(r"\bquoting (?P<who>[\w .'’-]+?)\s+(?:put|said|gave|as saying)\b"),
    re.compile(
        rf"(?P<who>{_SPEAKER})\s+(?:later\s+|also\s+|have\s+|has\s+)?(?:said|say|says|reported|confirmed|stated|told|announced|revised|put)\b"
    ),
)


def attribution(text: str) -> str | None:
    for pattern in _ATTRIBUTIONS:
        m = pattern.search(text)
        if m:
            who = re.sub(r"^(?:the|a|an)\s+", "", m.group("who").strip(), flags=re.I)
            if who and who.lower() not in {"it", "he", "she", "they", "this", "that", "which"}:
                return who
    return None
