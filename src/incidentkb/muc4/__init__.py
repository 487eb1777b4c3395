"""MUC-4 role-filler extraction (PerpInd, PerpOrg, Target, Victim, Weapon) and its scorer."""

from incidentkb.muc4.baseline import Gazetteer
from incidentkb.muc4.corpus import ROLES
from incidentkb.muc4.extractor import Extractor, Mention, Reading, Settings
from incidentkb.muc4.predict import extract, extract_spans, load_extractor, predict_jsonl
from incidentkb.muc4.score import normalize, score, score_files

__all__ = [
    "ROLES",
    "Extractor",
    "Gazetteer",
    "Mention",
    "Reading",
    "Settings",
    "extract",
    "extract_spans",
    "load_extractor",
    "normalize",
    "predict_jsonl",
    "score",
    "score_files",
]
