"""Reports written for the store tests, their frames and claims made by hand, and records in
the public format. The Kerman figures follow the seed article; the other reports are invented
in the style of wire copy."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from incidentkb.model import Claim, Document, Frame, Section

Entry = tuple[str, list[int], dict[str, Any]]

KERMAN_ID = "9f2c4e1a0b7d3e55"
STAMPEDE_ID = "9f2c4e77c1d2a0b4"  # shares its first 6 characters with KERMAN_ID, on purpose
RAMMING_ID = "51be0c9d7a3f2e18"
SHOOTING_ID = "c3a7d2e90f4b6a11"

KERMAN_TEXT = """\
Blasts kill scores at Soleimani memorial in Kerman

KERMAN, Iran (Jan 4) - Two explosions tore through crowds marking the anniversary of the \
killing of General Qassem Soleimani in the southeastern city of Kerman on Wednesday, \
killing at least 84 people and wounding 284, Iranian state media said.
Early reports had put the death toll at 103 before officials revised it down. Witnesses \
said the bombs were hidden in briefcases left near the road to the cemetery.
Islamic State claimed responsibility for the attack in a statement on Telegram.
In 2020, 56 people died in a stampede at Soleimani's funeral procession in the same city.

See also: Iran - Middle East - World
"""


def span(doc: Document, words: str, after: str = "") -> tuple[int, int]:
    """The offsets of `words` in the text (the first after `after`), so claims are sliced."""
    start = doc.text.index(words, doc.text.index(after) if after else 0)
    return start, start + len(words)


def kerman_document() -> Document:
    body_end = KERMAN_TEXT.index("See also")
    return Document.make(
        KERMAN_TEXT,
        source="tests/store/kerman.txt",
        ref="wire-2024-0104-17",
        url="https://example.org/news/kerman-blasts",
        title="Blasts kill scores at Soleimani memorial in Kerman",
        published=date(2024, 1, 4),
        sections=(Section("", 0, body_end),),
    )


def kerman_frames(doc: Document) -> list[Frame]:
    main = (
        Claim.at(doc, *span(doc, "Two explosions"), "type", "bombing"),
        Claim.at(
            doc,
            *span(doc, "Kerman", "southeastern"),
            "location",
            "Kerman",
            detail={"country_code": "IR", "lat": 30.2839, "lon": 57.0834},
        ),
        Claim.at(doc, *span(doc, "Wednesday"), "date", "2024-01-03", detail={"precision": "day"}),
        Claim.at(
            doc,
            *span(doc, "killing at least 84 people"),
            "killed",
            84,
            qualifier="at_least",
            attributed_to="Iranian state media",
        ),
        Claim.at(
            doc, *span(doc, "wounding 284"), "injured", 284, attributed_to="Iranian state media"
        ),
        Claim.at(doc, *span(doc, "death toll at 103"), "killed", 103, status="superseded"),
        Claim.at(
            doc,
            *span(doc, "bombs were hidden in briefcases"),
            "weapon",
            "briefcase bomb",
            attributed_to="Witnesses",
        ),
        Claim.at(
            doc,
            *span(doc, "Islamic State claimed responsibility"),
            "perpetrator",
            "Islamic State",
            role="claimed",
            detail={"by": "Islamic State"},
        ),
    )
    background = (
        Claim.at(
            doc,
            *span(doc, "In 2020"),
            "date",
            "2020-01-07",
            detail={"precision": "year"},
            reported_at=date(2020, 1, 7),
        ),
        Claim.at(doc, *span(doc, "56 people died"), "killed", 56),
        Claim.at(doc, *span(doc, "stampede"), "type", "crowd_crush"),
    )
    return [
        Frame(doc.id, main, summary="Two explosions"),
        Frame(doc.id, background, background=True, summary="a stampede at Soleimani's funeral"),
    ]


def record(
    incident_id: str,
    title: str,
    type: str,
    day: str,
    country_code: str | None,
    killed: int | None,
    background: bool = False,
) -> dict[str, Any]:
    """A public record (DESIGN.md, "The incident record") with the keys the store indexes."""
    return {
        "id": incident_id,
        "title": title,
        "type": type,
        "date": {"value": day, "precision": "day" if len(day) == 10 else "month"},
        "location": {"country": None, "country_code": country_code, "city": None},
        "killed": {
            "best": killed,
            "low": killed,
            "high": killed,
            "qualifier": "exact",
            "conflict": False,
            "claims": [],
        },
        "injured": {
            "best": None,
            "low": None,
            "high": None,
            "qualifier": None,
            "conflict": False,
            "claims": [],
        },
        "perpetrators": [],
        "weapons": [],
        "targets": [],
        "victims": [],
        "timeline": [],
        "reactions": [],
        "documents": [],
        "background": background,
    }


def kerman_report() -> tuple[Document, list[Frame], list[Entry]]:
    doc = kerman_document()
    main = record(KERMAN_ID, "Kerman bombings", "bombing", "2024-01-03", "IR", 84)
    main["injured"]["best"] = 284
    main["documents"] = [
        {
            "id": doc.id,
            "ref": doc.ref,
            "url": doc.url,
            "title": doc.title,
            "published": "2024-01-04",
        }
    ]
    stampede = record(
        STAMPEDE_ID,
        "Soleimani funeral stampede",
        "crowd_crush",
        "2020-01-07",
        "IR",
        56,
        background=True,
    )
    return doc, kerman_frames(doc), [(KERMAN_ID, [0], main), (STAMPEDE_ID, [1], stampede)]


RAMMING_TEXT = """\
NAIROBI (March) - A minibus drove into a crowd of commuters outside a bus terminal in \
Nairobi, Kenya, killing 7 people, police said. The driver was arrested at the scene.
"""

SHOOTING_TEXT = """\
A gunman opened fire in a shopping centre in Dayton, Ohio, on Saturday February 10, 2024, \
killing 3 people before police shot him, the city's police chief said.
"""


def ramming_report() -> tuple[Document, list[Frame], list[Entry]]:
    """Dated only to its month: the record's date is "2023-03"."""
    doc = Document.make(RAMMING_TEXT, title="Minibus drives into Nairobi crowd")
    frame = Frame(
        doc.id,
        (
            Claim.at(doc, *span(doc, "drove into a crowd"), "type", "ramming"),
            Claim.at(doc, *span(doc, "killing 7 people"), "killed", 7, attributed_to="police"),
            Claim.at(doc, *span(doc, "March"), "date", "2023-03", detail={"precision": "month"}),
        ),
        summary="A minibus drove into a crowd",
    )
    entry = record(RAMMING_ID, "Nairobi bus terminal ramming", "ramming", "2023-03", "KE", 7)
    return doc, [frame], [(RAMMING_ID, [0], entry)]


def shooting_report() -> tuple[Document, list[Frame], list[Entry]]:
    doc = Document.make(
        SHOOTING_TEXT, title="Three killed in Dayton mall shooting", published=date(2024, 2, 11)
    )
    frame = Frame(
        doc.id,
        (
            Claim.at(doc, *span(doc, "opened fire"), "type", "shooting"),
            Claim.at(
                doc,
                *span(doc, "killing 3 people"),
                "killed",
                3,
                attributed_to="the city's police chief",
            ),
        ),
        summary="A gunman opened fire",
    )
    entry = record(
        SHOOTING_ID, "Dayton shopping centre shooting", "shooting", "2024-02-10", "US", 3
    )
    return doc, [frame], [(SHOOTING_ID, [0], entry)]


def numbered_report(n: int) -> tuple[Document, list[Frame], list[Entry]]:
    """Many small distinct reports, for the concurrency tests."""
    text = f"Report {n}: an explosion at a market killed {n + 1} people, officials said.\n"
    doc = Document.make(text, title=f"Market explosion {n}")
    killed = Claim.at(doc, *span(doc, f"killed {n + 1} people"), "killed", n + 1)
    frame = Frame(doc.id, (killed,), summary="an explosion at a market")
    incident_id = f"inc{n:05d}"
    entry = record(incident_id, f"Market explosion {n}", "bombing", "2024-05-01", "PK", n + 1)
    return doc, [frame], [(incident_id, [0], entry)]


class Given:
    """A resolver that links nothing and stores the incidents it was given, as (id, frame
    ordinals, record): the store's part tested apart from the resolver's."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.doc_id = ""

    def keys(self, doc: Document, found: Sequence[Frame]) -> list[dict[str, Any]]:
        self.doc_id = doc.id
        return [{"frame_id": f"{doc.id}:{n}"} for n in range(len(found))]

    def links(self, new: Sequence[dict[str, Any]], known: Sequence[dict[str, Any]]) -> list[Any]:
        return []

    def regroup(self, *_: Any) -> list[tuple[str, list[str], dict[str, Any]]]:
        return [(i, [f"{self.doc_id}:{n}" for n in ns], r) for i, ns, r in self.entries]


def given(report: tuple[Document, list[Frame], list[Entry]]) -> tuple[Document, list[Frame], Given]:
    doc, found, entries = report
    return doc, found, Given(entries)
