#!/usr/bin/env python3
"""Check samples/stream/gold.json against the report files in samples/stream/reports/.

Standard library only. Run from anywhere:

    .venv/bin/python scripts/check_stream_gold.py [path/to/gold.json]

Checks that every document file (or JSON Lines entry) exists and carries the gold
publication date, that every quote occurs verbatim in the report text, that every
incident key used is defined, that each incident's final killed/injured figure is
quoted by some claim and is the latest current figure, and that the set is large enough
(at least 40 documents and 10 news incidents). Exits 1, naming each problem, otherwise 0.
"""

from __future__ import annotations

import html
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

MIN_DOCUMENTS = 40
MIN_INCIDENTS = 10
FIELDS = ("killed", "injured")
STATUSES = {"current", "superseded"}
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
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HEADER = re.compile(r"^\s*(published|date)\s*:\s*(.+?)\s*$", re.IGNORECASE)
MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november december".split(),
        1,
    )
}


class _Text(HTMLParser):
    """Visible text of a page (script and style dropped), with its published_time meta."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.published: str | None = None
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "meta":
            a = dict(attrs)
            if a.get("property") == "article:published_time" and a.get("content"):
                self.published = a["content"][:10]
        if tag in ("p", "div", "li", "h1", "h2", "br", "title"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _normalise(text: str) -> str:
    return re.sub(r"[ \t\r\f\v]+", " ", html.unescape(text))


def _txt_published(text: str) -> str | None:
    """The date in a "Published:"/"Date:" header line among the first six non-empty lines."""
    lines = [line for line in text.splitlines() if line.strip()][:6]
    for line in lines:
        m = HEADER.match(line)
        if not m:
            continue
        value = m.group(2).strip()
        if DATE.match(value):
            return value
        d = re.match(r"^(\d{1,2}) ([A-Za-z]+) (\d{4})$", value)
        if d and d.group(2).lower() in MONTHS:
            return f"{d.group(3)}-{MONTHS[d.group(2).lower()]:02d}-{int(d.group(1)):02d}"
    return None


def load_report(base: Path, ref: str, errors: list[str]) -> tuple[str, str | None] | None:
    """(text, published found in the file) for "reports/x.txt" or "reports/x.jsonl#id"."""
    name, _, entry = ref.partition("#")
    path = base / name
    if not path.is_file():
        errors.append(f"{ref}: file {path} does not exist")
        return None
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        if not entry:
            errors.append(f"{ref}: a .jsonl document needs '#<id>'")
            return None
        for n, line in enumerate(raw.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                errors.append(f"{name} line {n}: not JSON ({err.msg})")
                continue
            if obj.get("id") == entry:
                for key in ("id", "title", "published", "url", "text"):
                    if key not in obj:
                        errors.append(f"{ref}: line has no {key!r}")
                return str(obj.get("text", "")), obj.get("published")
        errors.append(f"{ref}: no line with id {entry!r} in {name}")
        return None
    if path.suffix in (".html", ".htm"):
        parser = _Text()
        parser.feed(raw)
        return _normalise("".join(parser.parts)), parser.published
    return raw, _txt_published(raw)


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parent.parent
    gold_path = Path(argv[1]) if len(argv) > 1 else root / "samples" / "stream" / "gold.json"
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        print(f"check_stream_gold: cannot read {gold_path}: {err}", file=sys.stderr)
        return 1
    base = gold_path.parent
    errors: list[str] = []

    incidents = {}
    for inc in gold.get("incidents", []):
        key = inc.get("key")
        if not key:
            errors.append(f"incident without a key: {inc}")
            continue
        if key in incidents:
            errors.append(f"incident {key}: defined twice")
        incidents[key] = inc
        if inc.get("type") not in TYPES:
            errors.append(f"incident {key}: type {inc.get('type')!r} is not one of {sorted(TYPES)}")
        if not DATE.match(str(inc.get("date", ""))):
            errors.append(f"incident {key}: date {inc.get('date')!r} is not YYYY-MM-DD")
        if not re.match(r"^[A-Z]{2}$", str(inc.get("country_code", ""))):
            errors.append(
                f"incident {key}: country_code {inc.get('country_code')!r} is not two capitals"
            )
        for field in FIELDS:
            if field not in inc:
                errors.append(f"incident {key}: no {field!r} (use null when no report states one)")

    # (incident, field) -> list of (published, order, claim, doc best or None)
    support: dict[tuple[str, str], list[tuple[str, int, dict, object]]] = {}
    seen_files: set[str] = set()
    documents = gold.get("documents", [])

    def use_key(key: str, where: str) -> None:
        if key not in incidents:
            errors.append(f"{where}: incident key {key!r} is not defined in 'incidents'")

    for order, doc in enumerate(documents):
        ref = doc.get("file", "")
        where = ref or f"document #{order}"
        if ref in seen_files:
            errors.append(f"{where}: listed twice")
        seen_files.add(ref)
        published = str(doc.get("published", ""))
        if not DATE.match(published):
            errors.append(f"{where}: published {published!r} is not YYYY-MM-DD")
        loaded = load_report(base, ref, errors)
        text, found = loaded if loaded else (None, None)
        if loaded and found != published:
            errors.append(
                f"{where}: the file says it was published {found!r}, gold says {published!r}"
            )

        main = doc.get("incidents") or []
        if not main:
            errors.append(f"{where}: 'incidents' is empty")
        for key in main:
            use_key(key, where)
        for key in doc.get("background", []):
            use_key(key, where)
            if key in main:
                errors.append(f"{where}: {key} is both a main and a background incident")

        by_incident: dict[str, dict] = {}
        bests: dict[str, dict] = {}
        if "claims_by_incident" in doc:
            by_incident = doc["claims_by_incident"]
            bests = doc.get("best_by_incident", {})
            if set(by_incident) != set(main):
                errors.append(
                    f"{where}: claims_by_incident keys {sorted(by_incident)} differ from incidents {sorted(main)}"
                )
        elif "claims" in doc:
            if len(main) != 1:
                errors.append(
                    f"{where}: 'claims' is for one main incident; use 'claims_by_incident' for {len(main)}"
                )
            elif main:
                by_incident = {main[0]: doc["claims"]}
                if "best" in doc:
                    bests = {main[0]: doc["best"]}
        else:
            errors.append(f"{where}: neither 'claims' nor 'claims_by_incident'")
        background_claims = doc.get("background_claims", {})
        for key in background_claims:
            use_key(key, where)
            if key not in doc.get("background", []):
                errors.append(f"{where}: background_claims for {key}, which is not in 'background'")

        for key, claims, is_main in [(k, v, True) for k, v in by_incident.items()] + [
            (k, v, False) for k, v in background_claims.items()
        ]:
            use_key(key, where)
            best = bests.get(key, {}) if is_main else {}
            for field in FIELDS:
                current = []
                for claim in claims.get(field, []):
                    quote = claim.get("quote", "")
                    if not isinstance(claim.get("value"), int):
                        errors.append(
                            f"{where}: {key} {field} claim {quote!r} has a non-integer value"
                        )
                    if claim.get("status") not in STATUSES:
                        errors.append(
                            f"{where}: {key} {field} claim {quote!r} has status {claim.get('status')!r}"
                        )
                    if not quote:
                        errors.append(f"{where}: {key} {field} claim without a quote")
                    elif text is not None and quote not in text:
                        errors.append(f"{where}: quote not found verbatim in the text: {quote!r}")
                    if claim.get("status") == "current":
                        current.append(claim["value"])
                    support.setdefault((key, field), []).append(
                        (published, order, claim, best.get(field))
                    )
                if is_main and best.get(field) is not None and best[field] not in current:
                    errors.append(
                        f"{where}: best {field} {best[field]} is not among its current claims {current}"
                    )
                if is_main and field in best and best[field] is None and current:
                    errors.append(
                        f"{where}: best {field} is null but current claims state {current}"
                    )

    # every report in the folder (and every JSON line) should be in the gold
    reports = base / "reports"
    if reports.is_dir():
        for path in sorted(reports.iterdir()):
            rel = f"reports/{path.name}"
            if path.suffix == ".jsonl":
                for line in path.read_text(encoding="utf-8").splitlines():
                    if line.strip():
                        ident = json.loads(line).get("id")
                        if f"{rel}#{ident}" not in seen_files:
                            errors.append(f"{rel}#{ident}: in the folder but not in the gold")
            elif path.is_file() and rel not in seen_files:
                errors.append(f"{rel}: in the folder but not in the gold")

    for key, inc in incidents.items():
        for field in FIELDS:
            final = inc.get(field)
            rows = support.get((key, field), [])
            if final is None:
                if any(r[2].get("status") == "current" for r in rows):
                    errors.append(
                        f"incident {key}: {field} is null but reports state {sorted({r[2]['value'] for r in rows})}"
                    )
                continue
            if not any(r[2].get("value") == final for r in rows):
                errors.append(
                    f"incident {key}: final {field} {final} is not the value of any claim quoting it"
                )
                continue
            # the latest report with a current figure must give the final one
            latest_date = max((r[0] for r in rows if r[2].get("status") == "current"), default=None)
            if latest_date is None:
                errors.append(f"incident {key}: no current {field} claim supports {final}")
                continue
            latest = {
                (r[3] if r[3] is not None else r[2]["value"])
                for r in rows
                if r[0] == latest_date and r[2].get("status") == "current"
            }
            if final not in latest:
                errors.append(
                    f"incident {key}: final {field} {final} is not the latest current figure "
                    f"({sorted(latest)} on {latest_date})"
                )

    news = [k for k, v in incidents.items() if not v.get("background")]
    described = {k for d in documents for k in d.get("incidents", [])}
    for key in news:
        if key not in described:
            errors.append(f"incident {key}: no document describes it as news")
    if len(documents) < MIN_DOCUMENTS:
        errors.append(f"only {len(documents)} documents; at least {MIN_DOCUMENTS} are needed")
    if len(news) < MIN_INCIDENTS:
        errors.append(f"only {len(news)} news incidents; at least {MIN_INCIDENTS} are needed")

    if errors:
        for message in errors:
            print(f"check_stream_gold: {message}", file=sys.stderr)
        print(f"check_stream_gold: {len(errors)} problem(s) in {gold_path}", file=sys.stderr)
        return 1
    countries = {incidents[k].get("country_code") for k in news}
    types = {incidents[k].get("type") for k in news}
    print(
        f"ok: {len(documents)} documents, {len(news)} incidents "
        f"({len(incidents) - len(news)} background), {len(countries)} countries, {len(types)} types"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
