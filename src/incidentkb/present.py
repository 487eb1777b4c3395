"""Records as text for people: the incidents table and one incident with its claims."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

ROW_COLUMNS = ("id", "date", "type", "country", "city", "killed", "injured", "documents", "title")


def row(record: dict[str, Any]) -> dict[str, Any]:
    """The one-line summary of a record, as `incidents` prints it."""
    loc = record.get("location") or {}
    date = record.get("date") or {}
    return {
        "id": record["id"],
        "date": date.get("value"),
        "type": record.get("type"),
        "country": loc.get("country_code"),
        "city": loc.get("city"),
        "killed": _figure(record.get("killed")),
        "injured": _figure(record.get("injured")),
        "documents": len(record.get("documents") or []),
        "title": record.get("title"),
    }


def _figure(count: dict[str, Any] | None) -> str | None:
    if not count:
        return None
    sign = {"at_least": "≥", "more_than": ">", "about": "~", "up_to": "≤"}.get(
        count.get("qualifier") or "", ""
    )
    spread = f" ({count['low']}–{count['high']})" if count.get("low") != count.get("high") else ""
    return f"{sign}{count['best']}{spread}"


def incident_rows(records: Sequence[dict[str, Any]], fmt: str, console: Console) -> None:
    rows = [row(r) for r in records]
    if fmt == "ids":
        for r in rows:
            console.print(r["id"], markup=False, highlight=False)
    elif fmt == "json":
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=ROW_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    else:
        table = Table(*ROW_COLUMNS, title=f"{len(rows)} incidents")
        for r in rows:
            cells = {**r, "id": r["id"][:12], "title": _short(r["title"], 60)}
            table.add_row(*("" if cells[c] is None else str(cells[c]) for c in ROW_COLUMNS))
        console.print(table)


def _short(text: str | None, n: int) -> str | None:
    return text if text is None or len(text) <= n else text[: n - 1] + "…"


def show_record(record: dict[str, Any], console: Console) -> None:
    """The record as a person reads it: headline values, then each field's claims and quotes."""
    r = row(record)
    console.print(f"[bold]{record.get('title')}[/bold]  ({record['id']})", highlight=False)
    loc = record.get("location") or {}
    place = ", ".join(str(x) for x in (loc.get("city"), loc.get("admin1"), loc.get("country")) if x)
    console.print(f"type: {r['type']}   date: {r['date']}   place: {place or '-'}", markup=False)
    for field in ("killed", "injured"):
        _show_count(field, record.get(field), console)
    if record.get("attackers_killed"):
        _show_count("attackers_killed", record["attackers_killed"], console)
    for key, label in (
        ("perpetrators", "name"),
        ("weapons", "value"),
        ("victims", "group"),
        ("reactions", "actor"),
        ("timeline", "kind"),
        ("arrests", "count"),
    ):
        _show_list(key, label, record.get(key) or [], console)
    console.print("documents:", markup=False)
    for d in record.get("documents") or []:
        console.print(
            f"  {d['id']}  {d.get('published') or '-'}  {d.get('title') or d.get('source')}",
            markup=False,
        )


def _show_count(field: str, count: dict[str, Any] | None, console: Console) -> None:
    if not count:
        console.print(f"{field}: not stated", markup=False)
        return
    flag = "  CONFLICT" if count.get("conflict") else ""
    console.print(
        f"{field}: best {count['best']} ({count['qualifier']}), low {count['low']}, high {count['high']}{flag}",
        markup=False,
    )
    console.print(f"  why: {count.get('reason')}", markup=False)
    table = Table(
        "reported",
        "value",
        "qualifier",
        "status",
        "said by",
        "quote",
        "claim",
        box=None,
        pad_edge=False,
    )
    for h in count.get("history") or []:
        table.add_row(
            h["reported_at"] or "-",
            str(h["value"]),
            h["qualifier"],
            h["status"],
            h["attributed_to"] or "",
            h["quote"],
            f"{h['document']}:{h.get('start')}-{h.get('end')}",
        )
    console.print(table)


def _show_list(key: str, label: str, entries: list[dict[str, Any]], console: Console) -> None:
    if not entries:
        return
    console.print(f"{key}:", markup=False)
    for e in entries:
        extra = ", ".join(
            f"{k}={v}"
            for k, v in e.items()
            if k not in ("claims", label, "summary") and v not in (None, [], "")
        )
        console.print(f"  {e.get(label)}  {extra}", markup=False, highlight=False)
        for c in e.get("claims") or []:
            console.print(f"      “{c['quote']}”", markup=False, highlight=False)
