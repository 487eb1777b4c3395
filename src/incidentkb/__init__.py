"""incidentkb: a sourced incident database from reports, every value tied to the words that state it."""

from incidentkb.errors import IncidentKBError, InputError, NotFound, StoreError
from incidentkb.extract import extract
from incidentkb.model import Claim, Document, Frame, Incident, Section
from incidentkb.record import to_record
from incidentkb.resolve import resolve

__all__ = [
    "Claim",
    "Document",
    "Frame",
    "Incident",
    "IncidentKBError",
    "InputError",
    "NotFound",
    "Section",
    "StoreError",
    "extract",
    "resolve",
    "to_record",
]
