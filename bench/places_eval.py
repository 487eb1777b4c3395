"""Accuracy and precision of places.locate() on the shared corpora; speed and memory.

    .venv/bin/python bench/places_eval.py [--misses]

accuracy = right / documents with a gold value; precision = right / documents where locate()
gave a value (among those with a gold value). Skips, saying why, without ../shared/corpora.
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time
import unicodedata
from pathlib import Path

from incidentkb.extract.places import _gazetteer, find_places, locate

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
# RDWTI files some incidents under a region or a people, or a country's old name
RDWTI_COUNTRIES = {
    "west bank/gaza": "palestine",
    "federal republic of germany": "germany",
    "kashmir": "india",
    "chechnya": "russia",
    "croatians": "croatia",
}
SUFFIXES = (" province", " governorate", " state", " region")


def norm(value: str | None) -> str | None:
    if value is None:
        return None
    s = unicodedata.normalize("NFKD", value)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold().replace("-", " ")
    s = s.removeprefix("the ").replace("st. ", "saint ").replace("'", "")
    for suffix in SUFFIXES:
        s = s.removesuffix(suffix)
    return RDWTI_COUNTRIES.get(s, s)


def score(path: Path, fields: tuple[str, ...], misses: bool) -> None:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    tally = {f: [0, 0, 0] for f in fields}  # right, returned, gold
    started = time.perf_counter()
    for row in rows:
        found = locate(row["text"])
        place = found[0] if found else None
        for field in fields:
            gold = norm(row["gold"].get(field))
            if gold is None:
                continue
            got = norm(getattr(place, field)) if place else None
            # a city counts as right under the gazetteer's name or the report's spelling of it
            spelled = norm(found[1].text) if found and field == "city" and got else None
            tally[field][2] += 1
            tally[field][1] += got is not None
            tally[field][0] += gold in (got, spelled)
            if misses and gold not in (got, spelled):
                quote = found[1].text if found else ""
                print(f"  miss {row['id']} {field}: gold={gold!r} got={got!r} quote={quote!r}")
    elapsed = time.perf_counter() - started
    print(f"{path.parent.name}: {len(rows)} documents, {len(rows) / elapsed:.0f} docs/s")
    for field, (right, returned, gold) in tally.items():
        acc = right / gold if gold else float("nan")
        prec = right / returned if returned else float("nan")
        print(
            f"  {field:8} accuracy {acc:.3f} ({right}/{gold})"
            f"  precision {prec:.3f} ({right}/{returned})"
        )


def speed(path: Path) -> None:
    """Milliseconds of find_places per 500 words, warmed up; median and spread."""
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    per_500 = []
    for text in texts:
        started = time.perf_counter()
        find_places(text)
        per_500.append((time.perf_counter() - started) * 1000 * 500 / max(1, len(text.split())))
    q = statistics.quantiles(per_500, n=10)
    print(
        f"find_places: {statistics.median(per_500):.2f} ms per 500 words"
        f" (p10 {q[0]:.2f}, p90 {q[-1]:.2f})"
    )


def main() -> None:
    if not CORPORA.is_dir():
        print(f"skipped: no corpora at {CORPORA}")
        return
    misses = "--misses" in sys.argv
    started = time.perf_counter()
    _gazetteer()
    load = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"gazetteer load {load:.2f} s, peak RSS {rss:.0f} MB")
    score(CORPORA / "gva-news" / "dev.jsonl", ("country", "admin1", "city"), misses)
    score(CORPORA / "rand-rdwti" / "dev.jsonl", ("country", "city"), misses)
    seed = (CORPORA / "seed" / "kerman-2024.txt").read_text(encoding="utf-8")
    found = locate(seed)
    print(
        f"seed kerman-2024: {found[0] if found else None};"
        f" quote {found[1].text if found else None!r}"
    )
    speed(CORPORA / "gva-news" / "dev.jsonl")


if __name__ == "__main__":
    main()
