"""The shipped MUC-4 model, loaded once per session; tests that need it skip without it."""

from __future__ import annotations

import pytest

from incidentkb.muc4.extractor import DEFAULT_MODEL, Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    if not (DEFAULT_MODEL / "pipeline").exists():
        pytest.skip(f"{DEFAULT_MODEL}/pipeline absent: train it with scripts/train_muc4.py")
    pytest.importorskip("spacy", reason="the nlp extra (spaCy) is not installed")
    from incidentkb.muc4.predict import load_extractor

    return load_extractor()
