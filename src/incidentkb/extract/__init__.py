"""Extract: a pure function Document -> list[Frame]. Extractors register by name."""

from __future__ import annotations

from collections.abc import Callable

from incidentkb.extract.frames import extract as rules_v1
from incidentkb.model import Document, Frame

Extractor = Callable[[Document], list[Frame]]
EXTRACTORS: dict[str, Extractor] = {"rules.v1": rules_v1}
DEFAULT = "rules.v1"


def extract(doc: Document, extractor: str = DEFAULT) -> list[Frame]:
    """The frames a document states: its main incident first, then each background incident."""
    if extractor not in EXTRACTORS:
        raise ValueError(
            f"unknown extractor {extractor!r}; use one of: {', '.join(sorted(EXTRACTORS))}"
        )
    return EXTRACTORS[extractor](doc)


__all__ = ["EXTRACTORS", "Extractor", "extract"]
