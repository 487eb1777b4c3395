#!/usr/bin/env python3
"""Check hand-written gold incident records against their reports (stdlib only).

For every gold file this verifies
  * the JSON shape (the keys and vocabularies of corpora/seed/kerman-2024.gold.json),
  * that every "quote" (and every "*_quote") is an exact substring of the report's
    visible text -- for .html the text inside <article> with tags crudely stripped,
    for .wiki the rendered wikitext before "See also", for an RSS/Atom .xml the
    entry's content:encoded/description, for .jsonl the line's "text",
  * that killed/injured best/low/high agree with the claims
    (best = one current claim; low/high = min/max of all claims, superseded included),
  * that the file name is <report-stem>[.<entry>].gold.json when it lives in samples/gold.

Usage:
  python scripts/check_gold.py                 # every samples/gold/*.gold.json
  python scripts/check_gold.py FILE_OR_DIR...  # particular gold files / folders
Exit status 0 when every file is clean, 1 when any has problems, 2 on usage errors.
"""

from __future__ import annotations

import html
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
REPORTS = SAMPLES / "reports"
GOLD = SAMPLES / "gold"

TYPES = {
    "bombing",
    "shooting",
    "ramming",
    "stabbing",
    "arson",
    "hostage",
    "assassination",
    "airstrike",
    "crowd_crush",
    "other",
}
QUALIFIERS = {"exact", "at_least", "more_than", "about", "up_to", "range"}
ROLES = {"claimed", "assessed", "accused", "denied", "arrested", "suspected"}
STANCES = {"condemnation", "condolence", "support", "blame", "vow_response", "statement"}
PRECISIONS = {"day", "month", "year"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
NOT_CURRENT = ("superseded", "denied")


# --------------------------------------------------------------------------- text


def _strip_tags(fragment: str) -> str:
    fragment = re.sub(r"(?is)<(script|style|noscript)\b.*?</\1\s*>", "", fragment)
    fragment = re.sub(r"(?s)<!--.*?-->", "", fragment)
    fragment = re.sub(r"(?s)<[^>]+>", "", fragment)
    return html.unescape(fragment)


def html_texts(raw: str) -> tuple[str, str]:
    """(report text = inside <article>, whole visible page text)."""
    body = re.search(r"(?is)<body\b[^>]*>(.*)</body\s*>", raw)
    page = _strip_tags(body.group(1) if body else raw)
    art = re.search(r"(?is)<article\b[^>]*>(.*)</article\s*>", raw)
    if not art:
        return page, page
    inner = art.group(1)
    # furniture that pages often nest inside <article>: share bars, tag lists, images
    inner = re.sub(r"(?is)<figure\b.*?</figure\s*>", "", inner)
    inner = re.sub(
        r"(?is)<(div|ul|ol|nav|aside|section)\b[^>]*\bclass=\"[^\"]*"
        r"(?:share|social|tags)[^\"]*\"[^>]*>.*?</\1\s*>",
        "",
        inner,
    )
    return _strip_tags(inner), page


def _drop_templates(s: str) -> str:
    prev = None
    while prev != s:
        prev = s
        s = re.sub(r"(?s)\{\{[^{}]*\}\}", "", s)
    return s


def render_wiki(raw: str) -> str:
    s = re.sub(r"(?is)<ref\b[^>/]*/>", "", raw)
    s = re.sub(r"(?is)<ref\b[^>]*>.*?</ref\s*>", "", s)
    s = re.sub(r"(?s)<!--.*?-->", "", s)
    s = _drop_templates(s)
    s = re.sub(r"\[\[(?:Category|File|Image):[^\]]*\]\]", "", s)
    s = re.sub(r"\[\[[^\]|]*\|([^\]]*)\]\]", r"\1", s)
    s = re.sub(r"\[\[([^\]]*)\]\]", r"\1", s)
    s = re.sub(r"\[https?://\S+ ([^\]]*)\]", r"\1", s)
    s = s.replace("'''", "").replace("''", "")
    s = re.sub(r"(?m)^(=+)\s*(.*?)\s*\1\s*$", r"\2", s)
    s = re.sub(r"(?s)<[^>]+>", "", s)
    return html.unescape(s)


def wiki_texts(raw: str) -> tuple[str, str]:
    full = render_wiki(raw)
    cut = re.search(r"(?m)^(See also|References|External links|Notes|Further reading)\s*$", full)
    return (full[: cut.start()] if cut else full), full


def feed_entries(raw: str) -> dict[str, str]:
    """guid (or id / link) -> entry text, for RSS 2.0 and Atom."""
    root = ET.fromstring(raw)
    out: dict[str, str] = {}
    content_ns = "{http://purl.org/rss/1.0/modules/content/}encoded"
    atom = "{http://www.w3.org/2005/Atom}"
    for item in root.iter("item"):
        key = (item.findtext("guid") or item.findtext("link") or "").strip()
        body = item.findtext(content_ns) or item.findtext("description") or ""
        out[key] = _strip_tags(body)
    for entry in root.iter(atom + "entry"):
        key = (entry.findtext(atom + "id") or "").strip()
        body = entry.findtext(atom + "content") or entry.findtext(atom + "summary") or ""
        out[key] = _strip_tags(body)
    return out


def jsonl_entries(raw: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        obj = json.loads(line)
        out[str(obj.get("id", n))] = obj["text"]
    return out


def report_texts(path: Path, entry: str | None) -> tuple[str, str]:
    """(report text that quotes must come from, whole document text for boilerplate)."""
    raw = path.read_text(encoding="utf-8")
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return html_texts(raw)
    if suffix == ".wiki":
        return wiki_texts(raw)
    if suffix in (".xml", ".rss", ".atom"):
        entries = feed_entries(raw)
        if entry is None or entry not in entries:
            raise KeyError(f"feed entry {entry!r} not found (entries: {sorted(entries)})")
        return entries[entry], entries[entry]
    if suffix == ".jsonl":
        entries = jsonl_entries(raw)
        if entry is None or entry not in entries:
            raise KeyError(f"jsonl entry {entry!r} not found (ids: {sorted(entries)})")
        return entries[entry], entries[entry]
    return raw, raw


# --------------------------------------------------------------------------- shape


class Checker:
    def __init__(self) -> None:
        self.problems: list[str] = []
        self.warnings: list[str] = []

    def err(self, where: str, msg: str) -> None:
        self.problems.append(f"{where}: {msg}")

    def warn(self, where: str, msg: str) -> None:
        self.warnings.append(f"{where}: {msg}")

    # small helpers
    def need(self, obj: dict, key: str, types, where: str) -> bool:
        if key not in obj:
            self.err(where, f"missing key {key!r}")
            return False
        if (
            not isinstance(obj[key], types)
            or isinstance(obj[key], bool)
            and bool not in _tuple(types)
        ):
            self.err(where, f"{key!r} should be {_tname(types)}, got {type(obj[key]).__name__}")
            return False
        return True

    def opt(self, obj: dict, key: str, types, where: str) -> bool:
        if key not in obj:
            return False
        return self.need(obj, key, types, where)

    def date(self, obj: dict, key: str, where: str, required: bool) -> None:
        if key not in obj:
            if required:
                self.err(where, f"missing key {key!r}")
            return
        v = obj[key]
        if not isinstance(v, str) or not DATE_RE.match(v):
            self.err(where, f"{key!r} should be YYYY[-MM[-DD]], got {v!r}")

    def quoted(self, obj: dict, where: str) -> None:
        self.need(obj, "quote", str, where)

    # sections
    def check(self, gold: dict) -> None:
        for key, types in (("document", str), ("about", str), ("incident", dict)):
            self.need(gold, key, types, "top")
        self.opt(gold, "entry", str, "top")
        inc = gold.get("incident")
        if isinstance(inc, dict):
            self.incident(inc)
        if self.opt(gold, "not_this_incident", list, "top"):
            for i, n in enumerate(gold["not_this_incident"]):
                w = f"not_this_incident[{i}]"
                if not isinstance(n, dict):
                    self.err(w, "should be an object")
                    continue
                self.need(n, "what", str, w)
                self.date(n, "date", w, required=False)
                self.opt(n, "killed", int, w)
                self.opt(n, "injured", int, w)
                self.quoted(n, w)
        if self.opt(gold, "boilerplate", dict, "top"):
            self.opt(gold["boilerplate"], "note", str, "boilerplate")

    def incident(self, inc: dict) -> None:
        w = "incident"
        self.need(inc, "title", str, w)
        if self.need(inc, "type", str, w) and inc["type"] not in TYPES:
            self.err(w, f"type {inc['type']!r} not in {sorted(TYPES)}")
        if self.need(inc, "date", dict, w):
            d = inc["date"]
            self.date(d, "value", "incident.date", required=True)
            if self.need(d, "precision", str, "incident.date") and d["precision"] not in PRECISIONS:
                self.err(
                    "incident.date", f"precision {d['precision']!r} not in {sorted(PRECISIONS)}"
                )
            self.quoted(d, "incident.date")
        if self.need(inc, "location", dict, w):
            loc = inc["location"]
            lw = "incident.location"
            self.need(loc, "country", str, lw)
            if self.need(loc, "country_code", str, lw) and not re.fullmatch(
                r"[A-Z]{2}", loc["country_code"]
            ):
                self.err(lw, f"country_code {loc['country_code']!r} is not ISO 3166 alpha-2")
            self.opt(loc, "admin1", str, lw)
            self.opt(loc, "city", str, lw)
            if self.opt(loc, "sites", list, lw) and not all(
                isinstance(s, str) for s in loc["sites"]
            ):
                self.err(lw, "sites should be a list of strings")
            self.quoted(loc, lw)
        if self.need(inc, "killed", dict, w):
            self.counts(inc["killed"], "incident.killed")
        if self.opt(inc, "injured", dict, w):
            self.counts(inc["injured"], "incident.injured")
        if self.opt(inc, "victim_breakdown", list, w):
            for i, v in enumerate(inc["victim_breakdown"]):
                vw = f"incident.victim_breakdown[{i}]"
                self.need(v, "group", str, vw)
                self.need(v, "count", int, vw)
                self.quoted(v, vw)
        if self.opt(inc, "weapons", dict, w):
            wp = inc["weapons"]
            self.need(wp, "conflict", bool, "incident.weapons")
            if self.need(wp, "claims", list, "incident.weapons"):
                for i, c in enumerate(wp["claims"]):
                    cw = f"incident.weapons.claims[{i}]"
                    self.need(c, "value", str, cw)
                    self.opt(c, "attributed_to", str, cw)
                    self.quoted(c, cw)
        if self.opt(inc, "perpetrators", list, w):
            for i, p in enumerate(inc["perpetrators"]):
                pw = f"incident.perpetrators[{i}]"
                self.need(p, "name", str, pw)
                if self.need(p, "role", str, pw) and p["role"] not in ROLES:
                    self.err(pw, f"role {p['role']!r} not in {sorted(ROLES)}")
                if "by" in p and not (
                    isinstance(p["by"], str)
                    or isinstance(p["by"], list)
                    and all(isinstance(b, str) for b in p["by"])
                ):
                    self.err(pw, "'by' should be a string or a list of strings")
                self.opt(p, "attributed_to", str, pw)
                self.date(p, "date", pw, required=False)
                self.quoted(p, pw)
        if self.opt(inc, "persons", list, w):
            for i, p in enumerate(inc["persons"]):
                pw = f"incident.persons[{i}]"
                self.opt(p, "name", str, pw)
                self.need(p, "role", str, pw)
                self.opt(p, "age", int, pw)
                self.date(p, "date", pw, required=False)
                self.quoted(p, pw)
        if self.opt(inc, "arrests", list, w):
            for i, a in enumerate(inc["arrests"]):
                aw = f"incident.arrests[{i}]"
                self.need(a, "count", int, aw)
                self.date(a, "date", aw, required=False)
                self.quoted(a, aw)
        if self.opt(inc, "timeline", list, w):
            for i, t in enumerate(inc["timeline"]):
                tw = f"incident.timeline[{i}]"
                self.date(t, "date", tw, required=True)
                self.date(t, "date_end", tw, required=False)
                self.need(t, "kind", str, tw)
                self.quoted(t, tw)
        if self.opt(inc, "reactions", list, w):
            for i, r in enumerate(inc["reactions"]):
                rw = f"incident.reactions[{i}]"
                self.need(r, "actor", str, rw)
                self.opt(r, "person", str, rw)
                if self.need(r, "stance", str, rw) and r["stance"] not in STANCES:
                    self.err(rw, f"stance {r['stance']!r} not in {sorted(STANCES)}")
                self.quoted(r, rw)

    def counts(self, block: dict, w: str) -> None:
        if "best" in block and block["best"] is not None and not _is_int(block["best"]):
            self.err(w, "best should be an integer or null")
        if "qualifier" in block and block["qualifier"] not in QUALIFIERS:
            self.err(w, f"qualifier {block['qualifier']!r} not in {sorted(QUALIFIERS)}")
        for k in ("low", "high"):
            if k in block and not _is_int(block[k]):
                self.err(w, f"{k} should be an integer")
        self.opt(block, "conflict", bool, w)
        if not self.need(block, "claims", list, w):
            return
        current: list[tuple[int, int, str]] = []  # (low, high, qualifier)
        every: list[tuple[int, int, str]] = []
        for i, c in enumerate(block["claims"]):
            cw = f"{w}.claims[{i}]"
            if not isinstance(c, dict):
                self.err(cw, "should be an object")
                continue
            q = c.get("qualifier")
            if q not in QUALIFIERS:
                self.err(cw, f"qualifier {q!r} not in {sorted(QUALIFIERS)}")
            if q == "range":
                if not (_is_int(c.get("low")) and _is_int(c.get("high"))):
                    self.err(cw, "a range claim needs integer low and high")
                    continue
                span = (c["low"], c["high"], q)
            else:
                if not _is_int(c.get("value")):
                    self.err(cw, "value should be an integer")
                    continue
                span = (c["value"], c["value"], q)
            self.opt(c, "status", str, cw)
            self.opt(c, "attributed_to", str, cw)
            self.date(c, "reported_at", cw, required=False)
            self.quoted(c, cw)
            every.append(span)
            if not any(tag in str(c.get("status", "")).lower() for tag in NOT_CURRENT):
                current.append(span)
        if not every:
            return
        pool = current or every
        best = block.get("best")
        if _is_int(best):
            if not any(lo <= best <= hi for lo, hi, _ in pool):
                self.err(w, f"best {best} is not the value of any current claim")
            elif block.get("qualifier") and not any(
                lo == best == hi and q == block["qualifier"] or q == "range" and lo <= best <= hi
                for lo, hi, q in pool
            ):
                self.warn(
                    w, f"no current claim states {best} with qualifier {block['qualifier']!r}"
                )
        # low/high span every figure the report gave, superseded ones included (docs/reconciliation.md)
        lo_a, hi_a = min(s[0] for s in every), max(s[1] for s in every)
        for key, want in (("low", lo_a), ("high", hi_a)):
            if key in block and _is_int(block[key]) and block[key] != want:
                self.err(w, f"{key} is {block[key]}, expected {want} (min/max of all claims)")
        if isinstance(block.get("conflict"), bool):
            disagree = len({(lo, hi) for lo, hi, _ in pool}) > 1
            if block["conflict"] != disagree:
                self.warn(
                    w,
                    f"conflict is {block['conflict']} but current claims "
                    f"{'disagree' if disagree else 'agree'}",
                )


def _tuple(t):
    return t if isinstance(t, tuple) else (t,)


def _tname(t) -> str:
    return " or ".join(x.__name__ for x in _tuple(t))


def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def iter_quotes(node, path="$"):
    """Yield (json path, quote) for every 'quote' / '*_quote' string value."""
    if isinstance(node, dict):
        for k, v in node.items():
            p = f"{path}.{k}"
            if (k == "quote" or k.endswith("_quote")) and isinstance(v, str):
                yield p, v
            elif k == "quotes" and isinstance(v, list):
                for i, q in enumerate(v):
                    if isinstance(q, str):
                        yield f"{p}[{i}]", q
            else:
                yield from iter_quotes(v, p)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from iter_quotes(v, f"{path}[{i}]")


# --------------------------------------------------------------------------- main


def resolve_document(gold_path: Path, document: str) -> Path | None:
    for base in (gold_path.parent, REPORTS, gold_path.parent.parent / "reports"):
        cand = base / document
        if cand.is_file():
            return cand
    return None


def check_file(gold_path: Path) -> Checker:
    ck = Checker()
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        ck.err("file", f"cannot read JSON: {exc}")
        return ck
    if not isinstance(gold, dict):
        ck.err("file", "top level should be an object")
        return ck
    ck.check(gold)
    doc = gold.get("document")
    if not isinstance(doc, str):
        return ck
    entry = gold.get("entry")
    doc_path = resolve_document(gold_path, doc)
    if doc_path is None:
        ck.err("document", f"report {doc!r} not found")
        return ck
    if doc_path.suffix.lower() in (".xml", ".rss", ".atom", ".jsonl") and not entry:
        ck.err("top", "feed/jsonl documents need an 'entry' key")
    if gold_path.parent.resolve() == GOLD.resolve():
        want = Path(doc).stem + (f".{entry}" if entry else "") + ".gold.json"
        if gold_path.name != want:
            ck.err("file", f"name should be {want!r}")
    try:
        text, whole = report_texts(doc_path, entry)
    except (KeyError, ValueError, ET.ParseError) as exc:
        ck.err("document", str(exc))
        return ck
    furniture_allowed = doc_path.suffix.lower() not in (".html", ".htm", ".wiki")
    for where, quote in iter_quotes(gold):
        if not quote.strip():
            ck.err(where, "empty quote")
        elif "\n" in quote:
            ck.err(where, "quote spans a line break")
        elif where.startswith("$.boilerplate"):
            if quote not in whole:
                ck.err(where, f"boilerplate quote not in the document: {quote!r}")
            elif quote in text and not furniture_allowed:
                ck.err(where, f"boilerplate quote is inside the report text: {quote!r}")
        elif quote not in text:
            hint = " (it is in page furniture, not the report text)" if quote in whole else ""
            ck.err(where, f"quote not found in report text{hint}: {quote!r}")
    return ck


def collect(args: list[str]) -> list[Path]:
    if not args:
        return sorted(GOLD.glob("*.gold.json"))
    out: list[Path] = []
    for a in args:
        p = Path(a)
        if p.is_dir():
            out.extend(sorted(p.glob("*.gold.json")))
        elif p.is_file():
            out.append(p)
        else:
            print(f"no such file or folder: {a}", file=sys.stderr)
            sys.exit(2)
    return out


def main(argv: list[str]) -> int:
    if any(a in ("-h", "--help") for a in argv):
        print(__doc__)
        return 0
    files = collect(argv)
    if not files:
        print("no gold files found", file=sys.stderr)
        return 2
    bad = 0
    for f in files:
        ck = check_file(f)
        label = f.name
        if ck.problems:
            bad += 1
            print(f"FAIL {label} ({len(ck.problems)} problem(s))")
            for p in ck.problems:
                print(f"  - {p}")
        else:
            print(f"OK   {label}")
        for wmsg in ck.warnings:
            print(f"  warn: {wmsg}")
    print(f"{len(files) - bad}/{len(files)} gold files clean")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
