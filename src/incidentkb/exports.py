"""Export formats, one place: json, jsonl, csv, geojson and GTD-style rows."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from incidentkb.present import ROW_COLUMNS, row

Records = Sequence[dict[str, Any]]


def _json(records: Records, out: TextIO) -> None:
    json.dump(list(records), out, ensure_ascii=False, indent=1)
    out.write("\n")


def _jsonl(records: Records, out: TextIO) -> None:
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")


def _csv(records: Records, out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=ROW_COLUMNS)
    writer.writeheader()
    writer.writerows(row(r) for r in records)


def _geojson(records: Records, out: TextIO) -> None:
    features = []
    for r in records:
        loc = r.get("location") or {}
        if loc.get("lat") is None or loc.get("lon") is None:
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
                "properties": {**row(r), "precision": loc.get("precision")},
            }
        )
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")


GTD_COLUMNS = (
    "eventid",
    "iyear",
    "imonth",
    "iday",
    "country_txt",
    "provstate",
    "city",
    "latitude",
    "longitude",
    "attacktype1",
    "attacktype1_txt",
    "weaptype1",
    "weaptype1_txt",
    "gname",
    "claimed",
    "nkill",
    "nkillter",
    "nwound",
    "summary",
)


def _gtd_row(r: dict[str, Any]) -> dict[str, Any]:
    """GTD codebook columns; unknown day/month are 0, as in the GTD."""
    day = (r.get("date") or {}).get("value") or ""
    precision = (r.get("date") or {}).get("precision")
    loc, gtd = r.get("location") or {}, r.get("gtd") or {}
    perps = r.get("perpetrators") or []
    claimed = [p for p in perps if p.get("role") == "claimed"]
    named = claimed or [p for p in perps if p.get("role") in ("assessed", "arrested")]
    return {
        "eventid": r["id"],
        "iyear": day[:4] or None,
        "imonth": int(day[5:7]) if day and precision in ("day", "month") else 0,
        "iday": int(day[8:10]) if day and precision == "day" else 0,
        "country_txt": loc.get("country"),
        "provstate": loc.get("admin1"),
        "city": loc.get("city"),
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "attacktype1": gtd.get("attacktype1"),
        "attacktype1_txt": gtd.get("attacktype1_txt"),
        "weaptype1": gtd.get("weaptype1"),
        "weaptype1_txt": gtd.get("weaptype1_txt"),
        "gname": named[0]["name"] if named else "Unknown",
        "claimed": 1 if claimed else 0,
        "nkill": _nkill(r),
        "nkillter": (r.get("attackers_killed") or {}).get("best"),
        "nwound": (r.get("injured") or {}).get("best"),
        "summary": r.get("title"),
    }


def _nkill(r: dict[str, Any]) -> int | None:
    """GTD's nkill counts the perpetrators who died too; nkillter is theirs alone."""
    victims = (r.get("killed") or {}).get("best")
    attackers = (r.get("attackers_killed") or {}).get("best")
    if victims is None:
        return None
    return victims + (attackers or 0)


def _gtd(records: Records, out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=GTD_COLUMNS)
    writer.writeheader()
    writer.writerows(_gtd_row(r) for r in records)


EXPORTERS: dict[str, Callable[[Records, TextIO], None]] = {
    "json": _json,
    "jsonl": _jsonl,
    "csv": _csv,
    "geojson": _geojson,
    "gtd": _gtd,
}
EXPORT_FORMATS = tuple(EXPORTERS)


def write_export(records: Records, fmt: str, out: TextIO) -> None:
    EXPORTERS[fmt](records, out)
