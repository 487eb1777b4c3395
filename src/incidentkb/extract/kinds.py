"""The incident type, from the words that name the attack."""

from __future__ import annotations

import re

from incidentkb.extract.text import Sentence

# Tried in this order; a sentence can name several ("a gunman opened fire, then set off a bomb"),
# so each type scores by how often the main incident's sentences name it.
TYPE_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("crowd_crush", r"\b(?:crowd crush|crush|stampede|stampeded)\b"),
        (
            "airstrike",
            r"\b(?:air ?strikes?|air raids?|drone (?:strikes?|attacks?)|airstrikes?|missile strikes?|gunships?|"
            r"warplanes?|aerial bombardment|bombed from the air)\b",
        ),
        (
            "bombing",
            r"\b(?:bomb(?:s|ing|ings|ed|er|ers)?|explosions?|blasts?|explosives?|IEDs?|detonat\w+|"
            r"suicide vest|car bomb|grenades?|exploded)\b",
        ),
        (
            "ramming",
            r"\b(?:ramm(?:ed|ing)|plough(?:ed|ing)|plow(?:ed|ing)|mowed down|drove (?:a|an|his|the) (?:[\w-]+ ){0,3}(?:truck|van|car|lorry|vehicle) "
            r"into|vehicle attack|truck attack|lorry attack"
            # "a stolen truck was driven into crowds", "drove into pedestrians"
            r"|(?:driven|drove|driving)\s+(?:at speed\s+)?(?:into|through)\s+(?:a\s+|the\s+)?"
            r"(?:crowds?|pedestrians|shoppers|people|worshippers|revellers|commuters))\b",
        ),
        (
            "stabbing",
            r"\b(?:stabb(?:ed|ing|ings)|stab wounds?|knife attack|knifeman|knives|knife|machetes?|"
            r"sharp (?:weapon|object)s?)\b",
        ),
        (
            "shooting",
            r"\b(?:shootings?|(?:was|were|been|being|got) shot|shot (?:dead|and killed)|gunm[ae]n|gunfire|"
            r"opened fire|open fire|rifles?|gunshots?|gunshot wounds?|handguns?|shooters?|firearms?)\b",
        ),
        ("hostage", r"\b(?:hostages?|kidnapp(?:ed|ing|ings)|abduct(?:ed|ion|ions)|siege)\b"),
        (
            "arson",
            r"\b(?:arson|set (?:on )?fire|set ablaze|torched|firebomb(?:ed|s)?|petrol bomb|gasoline bombs?)\b",
        ),
        ("assassination", r"\b(?:assassinat(?:ed|ion)|assassins?)\b"),
    )
)
_LEAD_WEIGHT = 3  # the first sentences say what happened; later ones also discuss aftermath


def incident_type(
    main: list[Sentence], lead: int = 3
) -> tuple[str, Sentence, re.Match[str]] | None:
    """The best-supported type, with the earliest sentence that names it."""
    scores: dict[str, float] = {}
    first: dict[str, tuple[Sentence, re.Match[str]]] = {}
    for i, sentence in enumerate(main):
        weight = _LEAD_WEIGHT if i < lead else 1
        for name, pattern in TYPE_WORDS:
            hits = list(pattern.finditer(sentence.text))
            if not hits:
                continue
            scores[name] = scores.get(name, 0) + weight * len(hits)
            first.setdefault(name, (sentence, hits[0]))
    if not scores:
        return None
    best = max(scores, key=lambda n: (scores[n], -_order(n)))
    return best, *first[best]


def _order(name: str) -> int:
    return [n for n, _ in TYPE_WORDS].index(name)
