"""`incidentkb eval`: field-by-field scores of the extractor against gold records.

Two gold shapes are read: a gold record per document (`*.gold.json`, the seed's shape) and
labelled corpora (`*.jsonl`, one report per line with a `gold` object, as in ../shared/corpora).
Per field: tp (right values), pred (values the system gave), gold (values the gold states);
precision = tp/pred, recall = tp/gold. For corpora, recall is the accuracy over labelled documents.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz
from rich.console import Console
from rich.table import Table

from incidentkb.errors import InputError
from incidentkb.extract import groups
from incidentkb.extract.numbers import COUNT_RE, ORDINALS, number_value
from incidentkb.extract.places import find_places
from incidentkb.ingest import read_paths
from incidentkb.ingest.jsonl import read_jsonl
from incidentkb.model import Document
from incidentkb.pipeline import analyse


@dataclass(slots=True)
class Score:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, tp: int, pred: int, gold: int) -> None:
        self.tp, self.pred, self.gold = self.tp + tp, self.pred + pred, self.gold + gold

    def as_dict(self) -> dict[str, Any]:
        p = self.tp / self.pred if self.pred else None
        r = self.tp / self.gold if self.gold else None
        return {"tp": self.tp, "pred": self.pred, "gold": self.gold, "precision": p, "recall": r}


@dataclass(slots=True)
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    skipped: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # not recoverable
    misses: list[dict[str, Any]] = field(default_factory=list)
    unstated: int = 0  # count values whose quote states no such number: must be 0
    documents: int = 0
    problems: list[str] = field(default_factory=list)

    def field(
        self,
        name: str,
        tp: int,
        pred: int,
        gold: int,
        doc: Document | None = None,
        detail: Any = None,
    ) -> None:
        self.scores[name].add(tp, pred, gold)
        if doc is not None and (tp < gold or tp < pred):
            self.misses.append(
                {"document": doc.ref or doc.source or doc.id, "field": name, "detail": detail}
            )


def norm(text: Any) -> str:
    s = re.sub(r"['’]", "", str(text))
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    # the generic word of an administrative name, in English or romanised: "Kyoto Prefecture"
    # and "Kyoto", "Seoul-teukbyeolsi" and "Seoul" name the same place
    s = re.sub(
        r"\b(?:province|governorate|region|state|city|district|division|prefecture|oblast|"
        r"teukbyeolsi|gwangyeoksi|sheng|shi|the)\b",
        " ",
        s,
    )
    return " ".join(re.sub(r"[^a-z0-9]+", " ", s).split())


def _singular(group: str) -> str:
    """ "one man" and the label "men" name the same group."""
    words = str(group).split()
    irregular = {"men": "man", "women": "woman", "children": "child", "people": "person"}
    return " ".join(irregular.get(w.lower(), re.sub(r"(?<=[a-z]{3})s$", "", w)) for w in words)


def same_name(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return False
    ca, cb = groups.canonical(str(a)) or str(a), groups.canonical(str(b)) or str(b)
    return norm(ca) == norm(cb) or fuzz.token_set_ratio(norm(ca), norm(cb)) >= 90


def evaluate_each(paths: Sequence[Path]) -> list[dict[str, Any]]:
    """A report per labelled corpus (*.jsonl) and one for all gold records together."""
    corpora = [p for p in paths if p.suffix == ".jsonl"]
    records = [p for p in paths if p not in corpora]
    groups = ([("gold records", records)] if records else []) + [(str(p), [p]) for p in corpora]
    return [{"corpus": name, **evaluate_paths(group)} for name, group in groups]


def evaluate_paths(paths: Iterable[Path]) -> dict[str, Any]:
    report = Report()
    for path in paths:
        if path.name.endswith(".gold.json"):
            _gold_record(path, report)
        elif path.suffix == ".jsonl":
            _corpus(path, report)
        elif path.is_dir():
            for p in sorted(path.glob("*.gold.json")):
                _gold_record(p, report)
        else:
            report.problems.append(
                f"{path}: not a gold record (*.gold.json) or labelled corpus (*.jsonl)"
            )
    return {
        "documents": report.documents,
        "fields": {k: v.as_dict() for k, v in sorted(report.scores.items())},
        "unstated_values": report.unstated,
        "not_recoverable": dict(report.skipped),
        "misses": report.misses,
        "problems": report.problems,
    }


# --- gold records in the seed's shape -------------------------------------------------------


def _gold_document(path: Path, gold: dict[str, Any]) -> Document | None:
    name = gold["document"]
    for candidate in (path.parent / name, path.parent.parent / "reports" / name):
        if candidate.exists():
            docs = [d for d in read_paths([candidate]) if isinstance(d, Document)]
            entry = gold.get("entry")
            if entry is not None:
                docs = [d for d in docs if str(d.ref) == str(entry)]
            return docs[0] if docs else None
    return None


def _gold_record(path: Path, report: Report) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    doc = _gold_document(path, gold)
    if doc is None:
        report.problems.append(
            f"{path}: its document {gold.get('document')!r} (entry {gold.get('entry')}) was not found"
        )
        return
    report.documents += 1
    _, incidents = analyse(doc)
    records = [r for _, _, r in incidents]
    main = next((r for r in records if not r.get("background")), {})
    g = gold["incident"]
    _check_unstated(records, report)
    _headline(doc, main, g, report)
    for key in ("killed", "injured"):
        _count_claims(doc, key, main.get(key) or {}, g.get(key) or {}, report)
    _lists(doc, main, g, report)
    _background(doc, main, records, gold.get("not_this_incident") or [], report)


def _headline(doc: Document, main: dict[str, Any], g: dict[str, Any], report: Report) -> None:
    loc, gloc = main.get("location") or {}, g.get("location") or {}
    pairs = {
        "date": ((main.get("date") or {}).get("value"), (g.get("date") or {}).get("value")),
        "type": (main.get("type"), g.get("type")),
        "country": (loc.get("country"), gloc.get("country")),
        "admin1": (loc.get("admin1"), gloc.get("admin1")),
        "city": (loc.get("city"), gloc.get("city")),
    }
    for key in ("killed", "injured"):
        got, want = main.get(key) or {}, g.get(key) or {}
        for part in ("best", "low", "high", "qualifier"):
            if part in want:
                pairs[f"{key}.{part}"] = (got.get(part), want[part])
    for name, (got, want) in pairs.items():
        _single(doc, name, got, want, report)


def _single(doc: Document, name: str, got: Any, want: Any, report: Report) -> None:
    if want is None:
        return
    right = got is not None and (got == want or norm(got) == norm(want))
    report.field(name, int(right), int(got is not None), 1, doc, {"got": got, "want": want})


def _status(gold_status: str | None) -> str:
    s = (gold_status or "").lower()
    return (
        "superseded"
        if "superseded" in s or "early" in s
        else "revised"
        if "revised" in s
        else "current"
    )


def _count_claims(
    doc: Document, key: str, got: dict[str, Any], want: dict[str, Any], report: Report
) -> None:
    gold = [
        (c.get("value", c.get("low")), c.get("qualifier", "exact"), _status(c.get("status")))
        for c in want.get("claims", [])
    ]
    pred = [(c["value"], c["qualifier"], c["status"]) for c in got.get("claims", [])]
    _match(doc, f"{key}.claims", pred, gold, lambda p, g: p == g, report)


def _match(
    doc: Document, name: str, pred: Sequence[Any], gold: Sequence[Any], same: Any, report: Report
) -> None:
    """Greedy one-to-one matching of predicted and gold items."""
    free = list(gold)
    tp = 0
    extra = []
    for p in pred:
        hit = next((g for g in free if same(p, g)), None)
        if hit is None:
            extra.append(p)
        else:
            free.remove(hit)
            tp += 1
    report.field(name, tp, len(pred), len(gold), doc, {"missed": free, "extra": extra})


def _overlaps(doc: Document, claim: dict[str, Any], quote: str) -> bool:
    start = doc.text.find(quote)
    return start >= 0 and claim["start"] < start + len(quote) and start < claim["end"]


def _named(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The perpetrators the record names; "gunmen" describes the attackers, it names no one."""
    return [p for p in record.get("perpetrators", []) if p.get("named", True)]


def _lists(doc: Document, main: dict[str, Any], g: dict[str, Any], report: Report) -> None:
    perps = [(p["name"], p["role"]) for p in _named(main)]
    gperps = [(p["name"], p["role"]) for p in g.get("perpetrators", [])]
    _match(
        doc,
        "perpetrators",
        perps,
        gperps,
        lambda p, q: p[1] == q[1] and same_name(p[0], q[0]),
        report,
    )
    weapons = [c for w in main.get("weapons", []) for c in w["claims"]]
    gweapons = [c["quote"] for c in (g.get("weapons") or {}).get("claims", [])]
    _match(doc, "weapons", weapons, gweapons, lambda c, q: _overlaps(doc, c, q), report)
    # the breakdown by group and count ("23 students"); a victim named without a count (a role
    # filler) is another kind of entry, which the gold's breakdown does not list
    victims = [(v["group"], v["count"]) for v in main.get("victims", []) if v["count"] is not None]
    gvictims = [(v["group"], v["count"]) for v in g.get("victim_breakdown", [])]
    _match(
        doc,
        "victims",
        victims,
        gvictims,
        lambda p, q: p[1] == q[1] and same_name(_singular(p[0]), _singular(q[0])),
        report,
    )
    reactions = [(r["actor"], r["stance"]) for r in main.get("reactions", [])]
    greactions = [(r["actor"], r["stance"]) for r in g.get("reactions", [])]
    _match(
        doc,
        "reactions",
        reactions,
        greactions,
        lambda p, q: p[1] == q[1] and same_name(p[0], q[0]),
        report,
    )
    timeline = [(t["date"], t["kind"]) for t in main.get("timeline", [])]
    gtimeline = [(t["date"], t["kind"]) for t in g.get("timeline", [])]
    _match(doc, "timeline", timeline, gtimeline, lambda p, q: p == q, report)
    arrests = [a["count"] for a in main.get("arrests", [])]
    garrests = [a["count"] for a in g.get("arrests", [])]
    _match(doc, "arrests", arrests, garrests, lambda p, q: p == q, report)


def _background(
    doc: Document,
    main: dict[str, Any],
    records: list[dict[str, Any]],
    others: list[dict[str, Any]],
    report: Report,
) -> None:
    """Background tolls must stay out of the main record and show up in their own frames."""
    main_claims = [c for k in ("killed", "injured") for c in (main.get(k) or {}).get("claims", [])]
    leaks = [c["quote"] for c in main_claims for o in others if _overlaps(doc, c, o["quote"])]
    report.field("background.leaks_absent", int(not leaks), 1, 1, doc, {"leaked": leaks})
    background = [r for r in records if r.get("background")]
    for o in (o for o in others if o.get("killed") is not None):
        found = any((r.get("killed") or {}).get("best") == o["killed"] for r in background)
        report.field(
            "background.frames", int(found), 1, 1, doc, {"what": o["what"], "killed": o["killed"]}
        )


# --- labelled corpora (jsonl) ------------------------------------------------------------------


def _corpus(path: Path, report: Report) -> None:
    lines = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    golds = {str(x.get("id")): x.get("gold") or {} for x in lines}
    for item in read_jsonl(path):
        if isinstance(item, InputError):
            report.problems.append(str(item))
            continue
        gold = golds.get(str(item.ref))
        if gold is None:
            continue
        report.documents += 1
        _, incidents = analyse(item)
        records = [r for _, _, r in incidents]
        main = next((r for r in records if not r.get("background")), {})
        _check_unstated(records, report)
        _corpus_fields(item, main, gold, report, records)


# corpora whose killed label counts the attackers who died too (GVA: "everyone shot, suspects
# included"); the record keeps them apart, as `attackers_killed`
_COUNTS_ATTACKERS = ("Gun Violence Archive",)


def _killed(doc: Document, main: dict[str, Any]) -> int | None:
    victims = (main.get("killed") or {}).get("best")
    attackers = (main.get("attackers_killed") or {}).get("best")
    if victims is None or not any(c in (doc.source or "") for c in _COUNTS_ATTACKERS):
        return victims
    return victims + (attackers or 0)


def _corpus_fields(
    doc: Document,
    main: dict[str, Any],
    gold: dict[str, Any],
    report: Report,
    records: Sequence[dict[str, Any]] = (),
) -> None:
    loc = main.get("location") or {}
    got = {
        "date": (main.get("date") or {}).get("value"),
        "type": main.get("type"),
        "country": loc.get("country"),
        "admin1": loc.get("admin1"),
        "city": loc.get("city"),
        "killed": _killed(doc, main),
        "injured": (main.get("injured") or {}).get("best"),
    }
    for name, value in got.items():
        want = gold.get(name)
        if name == "country" and want:
            want = _COUNTRY_ALIASES.get(want, want)
        if want is not None and not _recoverable(name, doc, gold):
            report.skipped[name] += 1
        elif want is not None:
            right = value is not None and (value == want or norm(value) == norm(want))
            detail = {"got": value, "want": want, "context": _context(doc, want)}
            if not right:
                detail["cause"] = cause(name, value, want, main, records)
            report.field(name, int(right), int(value is not None), 1, doc, detail)
    if gold.get("perpetrators") and not _recoverable("perpetrator", doc, gold):
        report.skipped["perpetrator"] += 1
    elif gold.get("perpetrators"):
        names = [p["name"] for p in _named(main)]
        right = any(same_name(n, w) for n in names for w in gold["perpetrators"])
        report.field(
            "perpetrator",
            int(right),
            int(bool(names)),
            1,
            doc,
            {
                "got": names,
                "want": gold["perpetrators"],
                "cause": "another perpetrator named" if names else "no perpetrator named",
            },
        )


# A label is scored only where the text states its value; the one rule, in each field's form
# (the corpora's READMEs: a count only where the text makes a casualty statement, a date only
# where the text gives one, a perpetrator only where the text names it):
# - a name (perpetrator, city) is stated where it, an alias or an acronym of it occurs;
# - a date where the text names a day (or weekday) and a year or publication date places it;
# - a count where the text makes a casualty statement and states the figure: 2 or more as a
#   number in digits or words anywhere in the text, 1 by the casualty statement itself ("a man
#   was killed"), 0 by a statement that none were killed / hurt or that the victims survive;
# - a country where the text names it or its people, or names the labelled city or admin1;
#   admin1 is always scored.
# A GVA total that adds the shooter ("killed three, then himself" filed as 4) or a label the
# articles never give is thus left out; `not_recoverable` counts what each rule leaves out.
_CASUALTY = re.compile(
    r"\b(?:kill|dead|die|death|injur|wound|hurt|casualt|fatal|shot|murder|slain|massacre|life|lives|harm)",
    re.I,
)
_DATED = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|"
    r"jun|jul|aug|sep|oct|nov|dec)|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|"
    r"today|tonight|last night)\b",
    re.I,
)
# a negation before a casualty word: "no one was killed", "none of the wounds were fatal"
_NEGATED = r"\b(?:no\s+one|nobody|none|no\s+other|not|neither|nor)\W+(?:[\w'’-]+\W+){{0,5}}?(?:{})"
# statements that nobody died or nobody was hurt: what a 0 label needs, and what a 0 claim quotes
NONE_STATED = {
    "killed": re.compile(
        _NEGATED.format(r"kill|die|dead|fatal|life|lives")
        + r"|\bno\s+(?:reported\s+|other\s+|confirmed\s+)?(?:deaths|fatalities|casualties)\b|\bnon-?\s?fatal|\bsurviv"
        r"|\bexpected\s+to\s+(?:recover|live|be\s+(?:ok|okay|fine|released))"
        r"|\bnon-?\s?life[- ]threatening|\b(?:good|fair|stable)\s+condition|\btreated\s+and\s+released",
        re.I,
    ),
    "injured": re.compile(
        _NEGATED.format(r"injur|hurt|wound|harm")
        + r"|\bno\s+(?:injuries|casualties)\b|\bun(?:harmed|injured|hurt|scathed)\b|\bescaped\s+injury",
        re.I,
    ),
}


# a casualty statement of the field's own kind, which is all a label of 1 needs: "a man was
# killed" states one death, "a teenager was wounded" one injury; "a man was shot" states neither
# that he died nor (where a label says he did) that he lived
ONE_STATED = {
    "killed": re.compile(
        r"\b(?:kill|dead|died|dies|death|fatal|murder|slain|slaying|homicide|lost\s+(?:his|her)\s+life"
        r"|took\s+(?:his|her)\s+(?:own\s+)?life|suicide)",
        re.I,
    ),
    "injured": re.compile(
        r"\b(?:injur|wound|hurt|hospital|condition|grazed|shot\s+in\s+the)", re.I
    ),
}


def _recoverable(name: str, doc: Document, gold: dict[str, Any]) -> bool:
    if name in ("killed", "injured"):
        return bool(_CASUALTY.search(doc.text)) and _count_stated(name, doc.text, gold[name])
    if name == "date":
        return bool(_DATED.search(doc.text)) and (
            doc.published is not None or bool(re.search(r"\b(?:19|20)\d\d\b", doc.text))
        )
    if name == "perpetrator":
        return any(_named_in(doc.text, w) for w in gold["perpetrators"])
    if name == "city":
        return _named_in(doc.text, str(gold[name]))
    if name == "country":
        # named as itself or by its people, or by the labelled city or admin1: the label's own
        # words, so a town our gazetteer lacks still counts as stating its country
        want = norm(_COUNTRY_ALIASES.get(gold[name], gold[name]))
        own = any(
            norm(m.place.country) == want
            for m in find_places(doc.text)
            if m.kind in ("country", "demonym") and m.place.country
        )
        labelled = [gold.get(k) for k in ("city", "admin1") if gold.get(k)]
        return own or any(_named_in(doc.text, str(place)) for place in labelled)
    return True


def _count_stated(name: str, text: str, want: int) -> bool:
    """Whether the text states the figure at all: as a number, as one victim, or as none."""
    if want == 0:
        return bool(NONE_STATED[name].search(text))
    if want == 1:
        return bool(ONE_STATED[name].search(text))
    return any(
        number_value(m.group(g)) == want
        for m in COUNT_RE.finditer(text)
        for g in ("num", "lo", "hi", "lo2", "hi2")
        if m.group(g)
    )


def _named_in(text: str, label: str) -> bool:
    """The label, its parenthesised acronym, or a known alias of it occurs in the text."""
    forms = {label, *re.findall(r"\(([^)]+)\)", label), re.sub(r"\s*\([^)]*\)", "", label)}
    canonical = groups.canonical(label)
    if canonical:
        forms |= {a for a, c in groups.aliases().items() if c == canonical}
    low = text.lower()
    return any(f and len(f) > 1 and re.search(rf"\b{re.escape(f.lower())}\b", low) for f in forms)


# the corpora's names for countries that the gazetteer names otherwise; RAND files attacks in
# Indian-administered Kashmir under "Kashmir" and West German ones under their old name
_COUNTRY_ALIASES = {
    "West Bank/Gaza": "Palestine",
    "USA": "United States",
    "UK": "United Kingdom",
    "Federal Republic of Germany": "Germany",
    "West Germany": "Germany",
    "Kashmir": "India",
}


def _context(doc: Document, want: Any) -> str | None:
    """The text around where the gold value appears, for `--errors`."""
    needle = str(want)
    at = doc.text.find(needle) if len(needle) > 1 else -1
    if at < 0:
        return None
    return doc.text[max(0, at - 80) : at + len(needle) + 80].replace("\n", " ")


def _check_unstated(records: list[dict[str, Any]], report: Report) -> None:
    """Every count claim's quote must state its number: a value no text states is invented."""
    for r in records:
        for key in ("killed", "injured"):
            for c in (r.get(key) or {}).get("claims", []):
                if c["field"] == key and not _states(c["quote"], c["value"], c.get("derived"), key):
                    report.unstated += 1
                    report.misses.append(
                        {
                            "document": c["document"],
                            "field": f"{key}.unstated",
                            "detail": c["quote"],
                        }
                    )


def _states(quote: str, value: int, derived: str | None = None, key: str | None = None) -> bool:
    """Whether the quote states the value; a derived value ("4 shot minus 1 killed") needs
    both of its operands stated; 0 needs a statement of none ("all are expected to survive")."""
    if derived:
        operands = [int(n) for n in re.findall(r"\d+", derived)]
        if "plus" in derived or derived.startswith("listed:"):
            # "1 attacker plus 3 killed": "himself and three policemen"; "listed: 2 + 3": "his
            # parents and three siblings"; "1 attacker plus listed: 1 + 3 killed"
            return sum(operands) == value and all(
                n == 1 or _states(quote, n) or (n == 2 and re.search(r"\bparents\b", quote))
                for n in operands
            )
        if "counts of murder" in derived:  # "charged with three counts of murder"
            return _states(quote, operands[0]) and operands[0] == value
        if "victim died" in derived:  # "a third person has died": the ordinal states the toll
            ordinal = re.search(r"\ba (\w+) victim died", derived)
            return bool(
                ordinal
                and re.search(rf"\b{ordinal.group(1)}\b", quote, re.I)
                and ORDINALS.get(ordinal.group(1)) == value
            )
        return all(_states(quote, n) for n in operands) and operands[0] - operands[1] == value
    if value == 0:
        return bool(
            re.search(r"\bno\b|\bnobody\b|\bnone\b|expected to (?:survive|recover)", quote, re.I)
            or (key in NONE_STATED and NONE_STATED[key].search(quote))
            # "two are in critical condition. The other three are stable": each one's condition
            or re.search(
                r"\bcondition\b.*\b(?:other|others|remaining|rest)\b.*\bcondition\b", quote
            )
        )
    # "both", "himself and a guard", "a mother and a grandmother dead"
    two = r"\bboth\b|\b(?:him|her)(?:self)? and an?\b|\ban?\s+[\w\s-]+?\s+and\s+an?\s+[\w\s-]+?\s+dead\b"
    if value == 2 and re.search(two, quote, re.I):
        return True
    one = r"(?i:\b(?:a|an|one)\s+[\w-]+)|\b(?:injuring|wounding|killing)\s+[A-Z][a-z]+\s+[A-Z]|^[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)*(?:(?:, [^,]+){1,3},|,)? (?:was|has been|had been|(?:later |has |had )?died)\b"
    # ... "he was pronounced dead", "a 4-year-old shot dead", "the death of Laprida Shears"
    one += r"|(?i:\b(?:he|she|another|the\s+other)\b)|\b\d+-year-old\b|\bof\s+[A-Z][a-z]+\s+[A-Z]|^[A-Z][a-z]+\s+being\b"
    # ... "shot and killed Ernesto Sandoval", "murdered Mayor Lisimaco Machado"
    one += r"|\b(?:killed|murdered|assassinated|shot dead)\s+(?:[A-Z][a-z]+\s+){1,3}[A-Z]"
    # ... "the driver was killed", "killed the teenage son": one person, named by a singular noun
    one += (
        r"|(?i:\bthe\s+(?:[\w-]+\s+){0,2}?(?:driver|victim|owner|guard|officer|policeman|soldier|"
        r"mayor|judge|priest|journalist|man|woman|boy|girl|teen|teenager|child|toddler|baby|person|"
        r"father|mother|son|daughter)\b)"
        # ... "murdered his wife", "fatally shot her stepfather"
        r"|(?i:\b(?:his|her)\s+(?:[\w-]+\s+)?(?:wife|husband|father|mother|son|daughter|brother|"
        r"sister|girlfriend|boyfriend|stepfather|stepmother|grandmother|grandfather|friend|cousin)\b)"
    )
    if value == 1 and re.search(one, quote):
        return True  # one victim: "a man was killed", "Jane Doe, 23, was shot and killed"
    numbers = set()
    for m in COUNT_RE.finditer(quote):
        for group in ("num", "lo", "hi", "lo2", "hi2"):
            if m.group(group):
                numbers.add(number_value(m.group(group)))
    return value in numbers


def print_reports(reports: list[dict[str, Any]], console: Console, errors: bool = False) -> None:
    for report in reports:
        print_report(report, console, errors)


def cause(
    name: str, got: Any, want: Any, main: dict[str, Any], records: Sequence[dict[str, Any]]
) -> str:
    """Why a labelled value was missed, in a few words that group misses for `--errors`."""
    if name in ("killed", "injured"):
        claims = (main.get(name) or {}).get("claims", [])
        values = {c["value"] for c in claims}
        others = [r for r in records if r.get("background")]
        if want == 0 and got is None:
            return "no statement that none died or was hurt was read"
        if got is None:
            return "no claim of the count in the main incident"
        if any((r.get(name) or {}).get("best") == want for r in others):
            return "the labelled figure went to a background incident"
        if want in values:
            return "the labelled figure is a claim, another was chosen as best"
        return "no claim states the labelled figure" + (
            " (a higher one does)" if got > want else ""
        )
    if name == "date":
        if got is None:
            return "no incident date read"
        if abs((date.fromisoformat(got) - date.fromisoformat(want)).days) == 1:
            return "a day off (a night that crosses midnight, or a weekday read a day off)"
        return "another day read as the incident's"
    if got is None:
        return f"no {name} read"
    return f"another {name} read"


def print_report(report: dict[str, Any], console: Console, errors: bool = False) -> None:
    if errors:
        _print_misses(report["misses"], console)
    table = Table(
        "field",
        "precision",
        "recall",
        "tp",
        "pred",
        "gold",
        title=f"{report.get('corpus', 'gold')}: {report['documents']} documents",
    )
    for name, s in report["fields"].items():
        table.add_row(
            name,
            _pct(s["precision"]),
            _pct(s["recall"]),
            str(s["tp"]),
            str(s["pred"]),
            str(s["gold"]),
        )
    console.print(table)
    console.print(f"values no text states: {report['unstated_values']}", markup=False)
    if report.get("not_recoverable"):
        skipped = ", ".join(f"{k} {v}" for k, v in sorted(report["not_recoverable"].items()))
        console.print(f"labels no text states, not scored: {skipped}", markup=False)
    for problem in report["problems"]:
        console.print(problem, markup=False, style="red")


def _print_misses(misses: list[dict[str, Any]], console: Console) -> None:
    """Each miss with the text around it, grouped by field and cause, the largest group first."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for miss in misses:
        detail = miss["detail"] if isinstance(miss["detail"], dict) else {}
        groups[(miss["field"], str(detail.get("cause") or "missed"))].append(miss)
    for (name, why), group in sorted(groups.items(), key=lambda kv: (kv[0][0], -len(kv[1]))):
        console.print(f"{name} — {why}: {len(group)}", markup=False, highlight=False, style="bold")
        for miss in group:
            detail = miss["detail"]
            if isinstance(detail, dict):
                detail = {k: v for k, v in detail.items() if k != "cause"}
            console.print(
                f"  {miss['document']}  {name}: {json.dumps(detail, ensure_ascii=False, default=str)}",
                markup=False,
                highlight=False,
            )


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}"
