"""Tolls stated without a plain count: people shot ("four teenagers were shot, one fatally",
"shot six people, killing four"), single victims ("a civilian was killed", "gunmen shot and
killed a sheikh"), "killing himself and three policemen", "killing all three", and statements
that nobody died ("no reported fatalities", "all are expected to survive", "one is in critical
condition and the others are stable").

Who was shot and who died are stated; who was wounded is then the difference. Such a toll is
marked derived, names its computation, and its quote holds both numbers it is computed from.
"""

from __future__ import annotations

import re

from incidentkb.extract.numbers import NUMBER, ORDINALS, Count, number_value
from incidentkb.extract.text import Sentence

Found = tuple[
    str, Count, int, int, int, str | None
]  # field, count, start, end, count start, derivation

_N = rf"(?:{NUMBER}|all|both)"
_PEOPLE = r"(?:(?!(?:and|or|but)\b|\d)[\w’'-]+\s+){0,8}?"  # "four men playing dice in a Pittsburgh neighborhood were shot"
_FATAL = (
    rf"(?:,|\s+and|\s+—|\s+--?)?\s+(?:(?P<k>{_N}|none)\s+(?:of\s+them\s+)?(?:fatally|mortally)"
    rf"|(?:killing|and\s+killing|fatally\s+wounding)\s+(?P<k2>{_N})"
    # "four men were shot and one was killed"
    rf"|(?P<k3>{_N})\s+(?:of\s+them\s+)?(?:was|were|has\s+been|have\s+been)\s+(?:killed|fatally\s+(?:shot|wounded)))"
)
_SHOT = (
    # "four male teenagers were shot, one fatally"; "six people were shot Saturday"
    re.compile(
        rf"\b(?P<n>{_N})\s+{_PEOPLE}(?:were|have been|had been|got|are|being)\s+shot\b"
        rf"(?!\s+(?:at\s+(?:by|but)\b|dead|and killed))(?:{_FATAL})?",
        re.I,
    ),
    # "a man shot six people, killing four of them"; "shooting four people, one fatally"
    re.compile(
        rf"\b(?:shot|shooting|shooting\s+at)\s+(?P<n>{_N})\s+(?:people|persons|others|men|women|"
        rf"teens|teenagers|children|victims|officers|worshippers|students)(?:{_FATAL})?",
        re.I,
    ),
)
_DIED = (
    r"(?:shot\s+and\s+killed|fatally\s+(?:shot|stabbed|wounded)|shot\s+dead|killed|murdered|"
    r"assassinated|found\s+(?:shot\s+)?dead|pronounced\s+dead|declared\s+dead|beheaded|"
    r"(?:stabbed|beaten|hacked|shot)\s+to\s+death|shot\s+(?:\w+\s+){1,8}?and\s+(?:died|killed)|kidnapped\s+and\s+killed)"
)
_KILLS = (
    r"(?:killed|killing|kills|murdered|murdering|assassinated|assassinating|shot\s+and\s+killed|"
    r"shot\s+dead|beheaded|stabbed\s+to\s+death|stabbing\s+to\s+death)"
)
_NUMBER_WORD = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# a person's name: "Mary Spears", "JD DeGuzman", "LaPrida Shears"
_NAME = r"[A-Z][\w'’.-]*\s+(?:[A-Z]\.\s+)?[A-Z][\w'’-]*[a-z][\w'’-]*"
# what may stand between a subject and its verb: "Jane Roe, 25, of Tyler," "One person, later
# identified as Jane Roe, 25, of Tyler,"; "a boy who was shot inside a home on Friday"
_ASIDES = (
    r"(?:(?:,\s+(?:\d+|[^,]{3,60})){1,3},|\s+who\s+(?:was|had\s+been)\s+(?:shot|wounded|injured|stabbed)\b"
    r"[^,.;]{0,100}?|,)?"
)
# one victim as the subject: "a 22-year-old man was shot and killed", "Mary Spears was shot ..."
_ONE = re.compile(
    # "a 17-year-old was shot and killed": the last word of the subject may be an age
    rf"(?<![Nn]o\s)\b(?:(?:[Aa]|[Aa]n|[Oo]ne)\s+(?!(?:{'|'.join(ORDINALS)})\b)(?:[\w-]+\s+){{0,3}}?(?:[a-z]+|\d+-year-old){_ASIDES}"
    rf"|{_NAME}{_ASIDES})"
    rf"\s+(?:(?:was|has been|had been)\s+(?:reportedly\s+|also\s+)?{_DIED}|is\s+dead\b"
    # "Shinzo Abe, a former prime minister, died on Friday after being shot"
    rf"|(?:has\s+|later\s+)?died\s+(?:\w+\s+){{0,3}}?(?:after\s+being\s+(?:shot|stabbed|attacked)|"
    rf"of\s+(?:his|her|their)\s+(?:wounds|injuries)|from\s+(?:an?\s+)?(?:self-inflicted\s+)?(?:gunshot|stab)\s+wounds?"
    rf"|(?:at|in)\s+(?:an?|the)\s+(?:local\s+|area\s+|nearby\s+)?hospital|at\s+the\s+scene)"
    # "a 14-year-old boy who was shot inside a home on Friday has died"
    rf"|(?:has|had|later)\s+died\b)"
    # "a shooting that left a child dead"
    rf"|\b(?:leaves|left|leaving)\s+(?:a|an|one)\s+(?:[\w-]+\s+){{0,2}}?[a-z]+\s+dead\b"
)
# one victim as the object: "gunmen shot and killed a civilian", "killing a policeman"
_ONE_OBJECT = re.compile(
    rf"\b{_KILLS}\s+(?:a|an|one)\s+(?!(?:hundred|thousand|dozen|half|few|number|couple|total|series)\b)"
    rf"(?:[\w-]+\s+){{0,3}}?[a-z]+(?<!s)\b"
    rf"(?!\s+(?:and|or)\s+(?:\w+\s+)?{_NUMBER_WORD}\b)"
)
_HURT = r"(?:(?:shot\s+and\s+)?(?:wounded|injured|hurt)|shot\s+(?:\w+\s+){0,4}?and\s+(?:wounded|injured|hurt))"
# one wounded: "a 17-year-old was shot and wounded", "striking and injuring Keith Williams"
_ONE_HURT = re.compile(
    rf"(?<![Nn]o\s)\b(?:(?:[Aa]|[Aa]n|[Oo]ne)\s+(?:[\w-]+\s+){{0,3}}?[a-z]+(?:,\s+[^,]{{3,60}},)?"
    rf"|[A-Z][a-z]+\s+[A-Z][a-z]+(?:,\s+(?:\d+|[^,]{{3,60}}),)?)"
    rf"\s+(?:was|has been|had been)\s+(?:also\s+)?{_HURT}\b"
    rf"|\b(?:injuring|wounding)\s+(?:a|an|one)\s+(?!(?:hundred|thousand|dozen|few|number|total)\b)"
    rf"(?:[\w-]+\s+){{0,3}}?[a-z]+(?<!s)\b(?!\s+(?:and|or)\s)"
    rf"|\b(?:injuring|wounding)\s+[A-Z][a-z]+\s+[A-Z][a-z]+\b(?!\s+and\s)"
    # "one officer was killed and another was injured", "killing one and severely wounding the other"
    rf"|\b[Aa]nother(?:\s+[\w-]+){{0,2}}?\s+(?:was|has\s+been)\s+(?:also\s+)?{_HURT}\b"
    rf"|(?<=\bone and )(?:\w+ly\s+)?(?:wounding|injuring|wounded|injured)\s+the\s+other\b"
)
_PLACE_WORDS = re.compile(
    r"\b(?:Township|County|City|Street|Avenue|Road|Park|Police|Department|Church|School)\b"
)
# "killing himself and three policemen": the attacker and the others, all stated
_SELF_AND = re.compile(
    rf"\b{_KILLS}\s+(?:himself|herself)\s+and\s+(?P<n>{NUMBER}|a|an)\s+[\w-]+", re.I
)
_ALL_N = re.compile(
    rf"\b{_KILLS}\s+(?:all|both)\s+(?:(?P<n>{NUMBER})\b|of\s+them|individuals|men|women|people|"
    r"victims|children|boys|girls|officers|brothers|sisters|parents)",
    re.I,
)
# "a third person has died after the shooting": the toll is now three
_NTH_DIED = re.compile(
    rf"\b[Aa]\s+(?P<n>{'|'.join(ORDINALS)})\s+(?:[\w-]+\s+)?(?:person|victim|man|woman|boy|girl|child|"
    r"teen|teenager|officer|student)\s+(?:has\s+|had\s+|later\s+)?(?:died|succumbed|been\s+pronounced\s+dead)\b"
)
# "leaving a mother and a grandmother dead"
_TWO_LEFT_DEAD = re.compile(
    r"\b(?:leaves|left|leaving)\s+(?:an?|one)\s+(?:[\w-]+\s+){0,2}?[a-z]+\s+and\s+(?:an?|one)\s+"
    r"(?:[\w-]+\s+){0,2}?[a-z]+\s+dead\b"
)
# "charged with three counts of murder", "three first-degree murder counts": one per victim
_MURDER_COUNTS = re.compile(
    rf"\b(?P<n>{NUMBER})\s+(?:counts?\s+of\s+(?:first-degree\s+|second-degree\s+|capital\s+)?murder\b"
    r"|(?:first-degree\s+|second-degree\s+|capital\s+)?murder\s+(?:counts|charges)\b)",
    re.I,
)
_KIN = (
    r"(?:father|mother|son|daughter|wife|husband|brother|sister|grandmother|grandfather|grandson|"
    r"granddaughter|girlfriend|boyfriend|fiancée?|friend|cousin|uncle|aunt|nephew|niece|stepfather|"
    r"stepmother|stepson|stepdaughter|baby|child|infant)"
)
_ONE_PERSON = (
    rf"(?:{_KIN}|man|woman|boy|girl|teen|teenager|toddler|pastor|officer|deputy|guard|clerk|"
    r"neighbor|neighbour|owner|employee|student|teacher|nurse|doctor|coach|worker|driver|cashier|"
    r"bartender|manager|soldier|marine|sailor|veteran|\d+-year-old)"
)
_PEOPLE_NOUN = (
    r"(?:children|kids|siblings|sons|daughters|brothers|sisters|grandsons|granddaughters|nephews|nieces|"
    r"cousins|friends|people|men|women|relatives|officers|"
    r"teens|teenagers|grandchildren|others|victims|employees|students|customers|members)"
)
# one item of a list of the dead: "his wife", "a former pastor", "three younger siblings",
# "his parents", "her"
_ITEM = (
    rf"(?:(?:an?|his|her|their|the)\s+(?:[\w-]+\s+){{0,2}}?{_ONE_PERSON}"
    rf"|(?:his|her|their|the)\s+(?:{NUMBER})\s+(?:[\w-]+\s+){{0,2}}?{_PEOPLE_NOUN}"
    rf"|(?:his|her|their)\s+(?:two\s+)?parents|(?:{NUMBER})\s+(?:of\s+their\s+)?(?:[\w-]+\s+){{0,2}}?{_PEOPLE_NOUN}"
    r"|him|her)"
)
# "the deaths of a former pastor, his wife and their three youngest children", "fatally shooting
# his parents and three younger siblings", "killed her and three other people"; not "killed a man
# and two women were hurt", where the list ends before a new clause
_LIST_DEAD = re.compile(
    rf"\b(?:deaths?|killings?|murders?|slayings?|fatally\s+shooting|fatally\s+shot|killed|killing|"
    rf"murdered|murdering|shot\s+and\s+killed)\s+(?:of\s+)?"
    rf"(?P<list>{_ITEM}(?:(?:,\s+[^,]{{1,40}}?)?,\s+{_ITEM}){{0,4}}(?:,\s+[^,]{{1,40}}?,)?,?\s+and\s+{_ITEM})\b"
    r"(?!\s+(?:were|was|are|is|have|has)\s+(?:\w+\s+)?(?:injured|wounded|hurt|shot|hospitali[sz]ed)\b)"
    # "the shooting of his parents and three of their children, who were found dead"
    rf"|\bshootings?\s+of\s+(?P<list2>{_ITEM}(?:,\s+{_ITEM}){{0,4}},?\s+and\s+{_ITEM}),?\s+(?:who|that)\s+"
    r"(?:were|have\s+been|had\s+been)\s+(?:found\s+)?(?:dead|killed|shot\s+dead)\b",
    re.I,
)
# "Betty Mungin, 55, Alexis Mungin, 29, and Armani Mungin, 8, were fatally shot", "Javarrie
# Robertson, 13, and his father, Joe, were killed": a list of the dead as the subject
_LIST_SUBJECT = (
    rf"(?P<list>(?:{_NAME}|{_ITEM})(?:,\s+[^,;.]{{1,40}}?){{0,8}},?\s+and\s+(?:{_NAME}|{_ITEM})"
    rf"(?:,\s+[^,;.]{{1,40}}?,?)?)\s+"
)
_LIST_DEAD_SUBJECT = re.compile(
    rf"{_LIST_SUBJECT}(?:(?:were|have\s+been|had\s+been)\s+(?:all\s+|both\s+)?{_DIED}"
    r"|(?:all\s+|both\s+)?died\b)"
)
# "Ann Roe, 24, Bo Lee, 25 and Cy Park, 32 were all taken to the hospital"
_LIST_HURT_SUBJECT = re.compile(
    rf"{_LIST_SUBJECT}(?:were|have\s+been|had\s+been)\s+(?:all\s+|both\s+)?(?:shot\s+and\s+)?"
    r"(?:wounded|injured|hurt|hospitali[sz]ed|(?:taken|transported|rushed|flown)\s+to\s+(?:the\s+|a\s+|area\s+)?hospitals?)\b"
)
_ITEM_RE = re.compile(_ITEM, re.I)
_NAME_RE = re.compile(_NAME)
_NOBODY_DIED = re.compile(
    r"\b(?:none\s+(?:of\s+(?:the|them|their)\s+\w*\s*)?(?:were|was|is|are)\s+(?:killed|fatal|life[- ]threatening)"
    r"|none\s+fatally|no\s+one\s+(?:was|were)\s+killed|nobody\s+(?:was|were)\s+killed"
    r"|no\s+(?:reported\s+|other\s+|confirmed\s+)?(?:deaths|fatalities)"
    r"|(?:all|both|each)\s+(?:of\s+(?:the\s+)?\w+\s+)?(?:are|were|is)\s+expected\s+to\s+(?:survive|recover))\b",
    re.I,
)
# Every victim alive as the report went out, which states that none died:
# "all four victims suffered non-life-threatening injuries", "the injuries are not considered
# life-threatening", "officials expect all five to survive". The subject must cover every victim:
# "the other victims are expected to survive" leaves out someone who may have died.
_ALIVE = (
    r"(?:expected\s+to\s+(?:survive|recover|live|be\s+(?:ok|okay|fine))|to\s+survive|will\s+survive"
    r"|in\s+(?:(?:critical|serious)\s+but\s+)?(?:good|fair|stable|satisfactory|non-?\s?critical)\s+condition"
    r"|(?:(?:serious|critical)\s+but\s+)?non-?\s?life[- ]threatening"
    r"|not\s+(?:considered\s+|believed\s+to\s+be\s+|thought\s+to\s+be\s+|deemed\s+)?life[- ]threatening"
    r"|treated\s+and\s+released)"
)
_OTHER = r"(?:other|others|remaining|surviving|rest)\b"
_GROUP = (
    r"(?:people|persons|victims|men|women|boys|girls|teens|teenagers|children|kids|residents|"
    r"officers|agents|deputies|adults|juveniles|patrons|students|workers|customers)\b"
)
# the words between a subject and its condition: names, ages, where they were taken; an "and"
# that starts a new subject ("and one is critical") or a death ends it
_BETWEEN = rf"(?:,?\s+(?!(?:but|while|killed|died)\b|and\s+(?:{NUMBER}|an?|one|the)\b|{_OTHER})[\w'’,–—-]+)"
_ALL_ALIVE = re.compile(
    rf"\b(?:all(?:\s+of)?(?:\s+(?:the|them|those))?(?:\s+(?!{_OTHER})[\w-]+){{0,2}}?|both(?:\s+of\s+them|\s+victims)?"
    rf"|(?<!\bof\s)the\s+(?:(?!{_OTHER})[\w-]+\s+)?(?:victims|injured|wounded)(?:['’]\s+injuries)?|(?:the|their)\s+(?:injuries|wounds)"
    # "Four people shot in a housing development were expected to recover"; not "five of the six"
    rf"|(?<!\bof\s)(?<!\bthe\s)(?:{NUMBER})\s+(?:[\w-]+\s+){{0,2}}?{_GROUP}(?!\s+of\b)"
    r"|they|none\s+of\s+the\s+(?:injuries|wounds))"
    rf"{_BETWEEN}{{0,24}}?\s+{_ALIVE}",
    re.I,
)
# the one victim of a report alive: "the child was taken to a hospital and is expected to
# survive"; a toll of 0 only where the report tells of no other victim (frames checks that)
_ONE_NOUN = (
    r"(?:victim|man|woman|boy|girl|child|toddler|infant|baby|teen|teenager|juvenile|person|"
    r"officer|deputy|agent|driver|student)\b"
)
_ONE_ALIVE = re.compile(
    rf"\b(?:(?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+){{0,3}}?{_ONE_NOUN}|[Hh]e|[Ss]he)"
    rf"{_BETWEEN}{{0,24}}?\s+{_ALIVE}"
)
# "one was in critical condition, while the others were in stable condition": each victim's
# condition, none of them dead
_CONDITION = (
    r"(?:(?:critical|serious|stable|good|fair|satisfactory)(?:\s+but\s+stable)?\s+condition|"
    r"non-?\s?life[- ]threatening|not\s+life[- ]threatening|(?:critically|seriously)\s+(?:wounded|injured|hurt)|stable)"
)
_EACH_ALIVE = re.compile(
    rf"\b{_CONDITION}\b[^.;]*?(?:,|;|\s+and|\s+while|\s+but)\s+(?:the\s+)?(?:(?:{NUMBER})\s+)?"
    rf"(?:others?|rest|remaining(?:\s+{NUMBER})?|other\s+(?:{NUMBER}|victims?))\b[^.;]*?\b{_CONDITION}"
    rf"|\b(?:{NUMBER})\s+(?:are|is|were|was)\s+(?:listed\s+)?(?:in\s+)?{_CONDITION}[^.;]*?\s+(?:and|while|but)\s+"
    rf"(?:{NUMBER})\s+(?:are|is|were|was)\s+(?:listed\s+)?(?:in\s+)?{_CONDITION}",
    re.I,
)
# every _ALL_ALIVE and _EACH_ALIVE match holds one of these; the cheap test skips most sentences
_ALIVE_HINT = re.compile(
    r"surviv|recover|\blive\b|condition|threatening|released|stable|\bok|fine", re.I
)
_A_DEATH = re.compile(r"\b(?:kill|dead|died|dies|death|fatal|slain|murder|homicide)", re.I)


def shot_tolls(sentence: Sentence) -> list[Found]:
    """Each toll the sentence states in one of these ways, with its document offsets."""
    out: list[Found] = []
    for pattern in _SHOT:
        for m in pattern.finditer(sentence.text):
            out.extend(_shot(sentence, m))
    for m in _SELF_AND.finditer(sentence.text):
        others = 1 if m.group("n").lower() in ("a", "an") else number_value(m.group("n"))
        if others:
            derived = f"1 attacker plus {others} killed"
            out.append(
                (
                    "killed",
                    Count(others + 1, "exact"),
                    *_span(sentence, m),
                    _at(sentence, m, "n"),
                    derived,
                )
            )
    for m in _ALL_N.finditer(sentence.text):
        n = (
            number_value(m.group("n"))
            if m.group("n")
            else (2 if "both" in m.group(0).lower() else None)
        )
        if n:
            out.append(("killed", Count(n, "exact"), *_span(sentence, m), _at(sentence, m), None))
    for m in _NTH_DIED.finditer(sentence.text):
        n = ORDINALS[m.group("n").lower()]
        derived = f"a {m.group('n').lower()} victim died: {n} dead"
        out.append(
            ("killed", Count(n, "exact"), *_span(sentence, m), _at(sentence, m, "n"), derived)
        )
    dead = [*_LIST_DEAD.finditer(sentence.text), *_LIST_DEAD_SUBJECT.finditer(sentence.text)]
    out.extend(_listed(sentence, "killed", dead))
    out.extend(_listed(sentence, "injured", list(_LIST_HURT_SUBJECT.finditer(sentence.text))))
    out.extend(_single(sentence))
    for m in _TWO_LEFT_DEAD.finditer(sentence.text):
        out.append(("killed", Count(2, "exact"), *_span(sentence, m), _at(sentence, m), None))
    for m in _MURDER_COUNTS.finditer(sentence.text):
        n = number_value(m.group("n"))
        if n:
            derived = f"{n} counts of murder, one per victim"
            out.append(
                ("killed", Count(n, "exact"), *_span(sentence, m), _at(sentence, m), derived)
            )
    for m in _NOBODY_DIED.finditer(sentence.text):
        out.append(("killed", Count(0, "exact"), *_span(sentence, m), _at(sentence, m), None))
    if _ALIVE_HINT.search(sentence.text) and not _A_DEATH.search(
        re.sub(r"non-?\s?fatal", "", sentence.text, flags=re.I)
    ):
        m = (
            _ALL_ALIVE.search(sentence.text)
            or _EACH_ALIVE.search(sentence.text)
            or _ONE_ALIVE.search(sentence.text)
        )
        # "the surviving victims were all listed in stable condition": not every victim
        if m and not re.search(_OTHER, sentence.text[: m.start()], re.I):
            out.append(("killed", Count(0, "exact"), *_span(sentence, m), _at(sentence, m), None))
    return out


# "Of the five men, two are in critical condition. The other three have non-life-threatening
# injuries.": each victim's condition across two sentences
_SOME_CONDITION = re.compile(
    rf"\b(?:{NUMBER}|one)\b(?:\s+of\s+the\s+(?:{NUMBER}\s+)?[\w-]+)?[^.;]*?\b{_CONDITION}", re.I
)
_REST_CONDITION = re.compile(
    rf"^(?:the\s+)?(?:other|others|remaining|rest|another)\b[^.;]*?\b{_CONDITION}", re.I
)


def pair_alive(first: Sentence, second: Sentence) -> Found | None:
    """A toll of 0 from two sentences that give some victims' condition, then the others'."""
    m = _SOME_CONDITION.search(first.text)
    n = _REST_CONDITION.search(second.text)
    if not (m and n) or any(_A_DEATH.search(x.text) for x in (first, second)):
        return None
    start, end = first.start + m.start(), second.start + n.end()
    return ("killed", Count(0, "exact"), start, end, start, None)


def survival(quote: str) -> bool:
    """Whether a toll's quote is a statement that the victims live ("all are expected to
    survive"): it speaks of those shot, so where the report states a death it is about the
    others and states no toll of 0."""
    return bool(_ALL_ALIVE.search(quote) or _EACH_ALIVE.search(quote) or one_survival(quote))


def one_survival(quote: str) -> bool:
    """Whether a toll's quote says that one victim lives ("the boy is expected to survive"),
    which states a toll of 0 only for a report of one victim."""
    return bool(_ONE_ALIVE.fullmatch(quote)) and not _ALL_ALIVE.search(quote)


_LATER_DIED = re.compile(
    r"(?:\s+(?:in|at|on|during|by|from)\s+[^,;.]{1,80}?)?,?\s+(?:has|had|later)?\s*(?:died|succumbed)\b",
    re.I,
)


_PERSON_NOUN = (
    r"(?:man|woman|boy|girl|teen|teenager|child|toddler|baby|person|father|mother|son|daughter)"
)
# one death stated about a person: "the fatal shooting of 20-year-old Tyrell Hall", "charged in
# the death of a man", "a 4-year-old shot dead", "he was pronounced dead", "where she later died"
_ONE_MORE = re.compile(
    rf"\b(?:fatal\s+(?:shooting|stabbing)|(?<!attempted\s)murder|death|slaying|killing)\s+of\s+"
    rf"(?:an?\s+|one\s+)?(?:[\w-]+\s+){{0,2}}?(?:\d+-year-old\s+)?"
    rf"(?:{_PERSON_NOUN}\b|[A-Z][a-z]+\s+[A-Z][a-z]+)"
    rf"|\b(?:[Aa]|[Aa]n)\s+(?:\d+-year-old|{_PERSON_NOUN})\s+(?:shot\s+dead|shot\s+and\s+killed|fatally\s+shot)\b"
    rf"|\b(?:[Hh]e|[Ss]he)\s+(?:was|has\s+been|had\s+been)\s+(?:later\s+)?"
    rf"(?:pronounced\s+dead|declared\s+dead|shot\s+dead|fatally\s+shot|shot\s+and\s+killed)"
    rf"|\b(?:[Hh]e|[Ss]he)\s+(?:later\s+)?died\b"
    rf"|\b[A-Z][a-z]+\s+being\s+(?:shot\s+and\s+killed|fatally\s+shot|killed)\b"
    # "gunmen killed the driver", "killed the teenage son of the police chief"
    rf"|\b{_KILLS}\s+the\s+(?:[\w-]+\s+){{0,2}}?(?:driver|{_PERSON_NOUN}|owner|guard|officer|"
    rf"policeman|soldier|mayor|judge|priest|journalist)\b(?!\s+and\b)"
    # "they found Spears had been shot and killed", "Suttner died from a gunshot wound"
    rf"|\b(?!(?:Nobody|None|No|Everyone|Nothing|Police|Officials|Authorities|Who|Which|That|This)\b)[A-Z][a-z]{{2,}}\s+"
    rf"(?:(?:had\s+been|has\s+been|was)\s+(?:shot\s+and\s+killed|fatally\s+(?:shot|wounded)|shot\s+dead|"
    rf"pronounced\s+dead|killed|gunned\s+down|shot\s+to\s+death)"
    rf"|died\s+(?:from|of)\s+(?:an?\s+)?(?:self-inflicted\s+)?(?:gunshot|stab)\s+wounds?)\b"
    # "one of the victims of the shooting on Sept. 3 died Saturday"
    rf"|\b[Oo]ne\s+of\s+the\s+(?:[\w-]+\s+)?victims\b(?:[^,.;]|\.(?=\s*\d)){{0,120}}?\s+"
    rf"(?:has\s+|had\s+|later\s+)?died\b"
    # "he killed his wife", "fatally shot her stepfather"
    rf"|\b(?:{_KILLS}|fatally\s+(?:shot|shooting|stabbed|stabbing))\s+(?:his|her)\s+(?:[\w-]+\s+)?{_KIN}\b(?!\s+and\s+(?:his|her|their|an?|{NUMBER})\b|,)"
    # "the girl murdered by gang members", "a man killed by a stray bullet"
    rf"|\b(?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+){{0,2}}?{_PERSON_NOUN}\s+(?:murdered|killed|slain|shot\s+dead)\s+by\b"
    # "the driver was killed in the attack"
    rf"|\b[Tt]he\s+(?:driver|victim|owner|guard|{_PERSON_NOUN})\s+(?:was|had been)\s+(?:killed|shot dead|shot and killed)\b"
    # "paramilitaries kidnapped and murdered Mayor Lisimaco Machado", "stabbed one man to death"
    rf"|\b{_KILLS}\s+(?:[A-Z][a-z]+\s+){{1,3}}[A-Z][a-z]+\b(?!\s+and\s+[A-Z])"
    rf"|\b(?:stabbed|shot|beat|beaten|hacked|bludgeoned)\s+(?:a|an|one)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"{_PERSON_NOUN}\s+to\s+death\b"
)


_NEARLY = re.compile(
    r"\b(?:missed|nearly|almost|narrowly|attempted|tried\s+to|trying\s+to)\s+$", re.I
)
# "... has died, bringing the toll to 103": the one is part of a toll the sentence states
_BRINGING = re.compile(
    r"\b(?:bringing|raising|pushing|taking)\s+the\s+(?:[\w-]+\s+){0,10}?to\s+\d", re.I
)


def _single(sentence: Sentence) -> list[Found]:
    out: list[Found] = []
    if _BRINGING.search(sentence.text):
        return out
    for m in [
        *_ONE.finditer(sentence.text),
        *_ONE_OBJECT.finditer(sentence.text),
        *_ONE_MORE.finditer(sentence.text),
    ]:
        if _PLACE_WORDS.search(m.group(0).split(" was ")[0]):
            continue  # "Pembroke Township was ...": a place, not a victim
        if _NEARLY.search(sentence.text[max(0, m.start() - 25) : m.start()]):
            continue  # "he barely missed killing a boy": nobody died
        out.append(("killed", Count(1, "exact"), *_span(sentence, m), _at(sentence, m), None))
    for m in _ONE_HURT.finditer(sentence.text):
        if _PLACE_WORDS.search(m.group(0).split(" was ")[0]):
            continue
        if re.search(r"\b(?:K-?9|dogs?|horses?|canines?)\b", m.group(0), re.I):
            continue  # "a police K-9 unit was injured": an animal
        if _LATER_DIED.match(sentence.text, m.end()):
            continue  # "a man who was wounded in the bombing has died": a death, not a wound
        out.append(("injured", Count(1, "exact"), *_span(sentence, m), _at(sentence, m), None))
    return out


def _listed(sentence: Sentence, field: str, found: list[re.Match[str]]) -> list[Found]:
    """A toll per list of two or more people ("his parents and three siblings": 2 + 3)."""
    out: list[Found] = []
    for m in found:
        parts = _list_counts(m.group("list") or m.groupdict().get("list2") or "")
        if len(parts) >= 2:
            derived = "listed: " + " + ".join(str(p) for p in parts)
            count = Count(sum(parts), "exact")
            out.append((field, count, *_span(sentence, m), _at(sentence, m), derived))
    return out


def _list_counts(text: str) -> list[int]:
    """The people each item of a list of the dead stands for; names' ages and appositions
    ("Greg Roe, a former pastor, and his wife") are not items."""
    parts: list[int] = []
    after_name = False
    for chunk in re.split(r",\s+(?:and\s+)?|\s+and\s+", text):
        chunk = chunk.strip()
        if _NAME_RE.fullmatch(chunk):
            parts.append(1)
            after_name = True
        elif _ITEM_RE.fullmatch(chunk):
            if after_name and chunk.split()[0].lower() in ("a", "an", "the"):
                continue  # "Greg Roe, a former pastor": the same person
            n = _item_count(chunk)
            if n is None:
                return []
            parts.append(n)
            after_name = False
    return parts


def _item_count(item: str) -> int | None:
    """How many people one item of a list is: "his parents" two, "three siblings" three."""
    words = item.lower().split()
    if words[-1] == "parents":
        return 2
    if len(words) > 2 and words[0] in ("his", "her", "their", "the") and number_value(words[1]):
        return number_value(words[1])  # "their three youngest children"
    if words[-1] in ("him", "her") or words[0] in ("a", "an", "his", "her", "their", "the"):
        return 1
    return number_value(words[0])


def _span(sentence: Sentence, m: re.Match[str]) -> tuple[int, int]:
    return sentence.start + m.start(), sentence.start + m.end()


def _at(sentence: Sentence, m: re.Match[str], group: str | int = 0) -> int:
    return sentence.start + m.start(group)


def _shot(sentence: Sentence, m: re.Match[str]) -> list[Found]:
    shot = _value(m.group("n"))
    if shot is None or shot == 0:
        return []
    start, end = _span(sentence, m)
    fatal = m.group("k") or m.group("k2") or m.group("k3")
    if fatal is None:
        return [("shot", Count(shot, "exact"), start, end, _at(sentence, m, "n"), None)]
    killed = 0 if fatal.lower() == "none" else _value(fatal, shot)
    if killed is None or killed > shot:
        return []
    k_start = _at(sentence, m, next(g for g in ("k", "k2", "k3") if m.group(g)))
    return [
        ("killed", Count(killed, "exact"), start, end, k_start, None),
        (
            "injured",
            Count(shot - killed, "exact"),
            start,
            end,
            _at(sentence, m, "n"),
            f"{shot} shot minus {killed} killed",
        ),
    ]


def _value(words: str, total: int | None = None) -> int | None:
    w = words.lower()
    if w in ("all", "both"):
        return total if total is not None else (2 if w == "both" else None)
    return number_value(w)
