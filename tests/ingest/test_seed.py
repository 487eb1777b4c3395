"""The seed article: its furniture tail goes, its report sections and gold quotes stay."""

import json
from pathlib import Path

import pytest

from incidentkb.ingest import read_text
from incidentkb.model import Document

SEED = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "seed"
pytestmark = pytest.mark.skipif(
    not (SEED / "kerman-2024.txt").exists(),
    reason=f"the seed corpus is not at {SEED} (it lives in ../shared/corpora/seed)",
)


@pytest.fixture(scope="module")
def seed() -> Document:
    [doc] = list(read_text(SEED / "kerman-2024.txt"))
    assert isinstance(doc, Document)
    return doc


def _furniture_lines() -> list[str]:
    """The page's tail, read from the corpus: link lists, the media note and the tag cloud."""
    raw = (SEED / "kerman-2024.txt").read_text(encoding="utf-8").splitlines()
    tail = raw[raw.index("See also") :]
    return [line.strip("- ").strip() for line in tail if len(line.strip("- ").strip()) > 3]


def test_seed_loses_its_furniture(seed: Document) -> None:
    lines = set(seed.text.split("\n"))
    furniture = _furniture_lines()
    assert len(furniture) > 10
    assert [line for line in furniture if line in lines] == []
    assert "Source:" not in seed.text


def test_seed_ends_with_the_last_report_paragraph(seed: Document) -> None:
    assert seed.text.endswith(
        "trained by Islamic State in Afghanistan before entering Iran "
        "through its southeastern border."
    )


@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        ("Suspect arrested", 'it had apprehended "one of the ring leaders and main plotters"'),
        ("Responsibility", "On 4 January, the Islamic State claimed responsibility"),
        ("U.S. warning to Iran", "Prior to ISIS' terrorist attack on 3 January 2024"),
        ("Bombings", "At least 94 people were killed and at least another 284 were injured"),
    ],
)
def test_seed_keeps_report_sections(seed: Document, title: str, sentence: str) -> None:
    [section] = [s for s in seed.sections if s.title == title]
    assert seed.text[section.start :].startswith(title + "\n")
    assert sentence in seed.text[section.start : section.end]


def test_seed_turns_equals_lines_into_heading_and_paragraph(seed: Document) -> None:
    assert "\nU.S. warning to Iran\nPrior to ISIS' terrorist attack" in seed.text
    assert "=" not in seed.text


def test_seed_title_comes_from_its_source_line(seed: Document) -> None:
    assert seed.title == "2024 Kerman bombings"


def test_seed_keeps_every_gold_quote(seed: Document) -> None:
    gold = json.loads((SEED / "kerman-2024.gold.json").read_text())
    gold.pop("boilerplate")  # the one quote that must go
    quotes: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            quotes.extend(v for k, v in node.items() if k == "quote" and isinstance(v, str))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(gold)
    assert len(quotes) > 50
    assert [q for q in quotes if q not in seed.text] == []
