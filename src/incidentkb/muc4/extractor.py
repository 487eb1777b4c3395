"""The learned extractor: a spaCy pipeline tags role spans, then a document-level step
groups them into entities and keeps those the document is likely to be about.

The pipeline (models/muc4/pipeline, trained by scripts/train_muc4.py) sees lower-cased text,
as in the corpus; normally cased reports are lower-cased character by character first, so
every offset it gives is an offset of the original text.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import numpy

from incidentkb.muc4 import entities
from incidentkb.muc4.classifier import EntityModel
from incidentkb.muc4.corpus import INCIDENT_TYPES, ROLES
from incidentkb.muc4.entities import Lexicon
from incidentkb.muc4.score import normalize, score
from incidentkb.muc4.tagger import OUTSIDE, SCORES_KEY

DEFAULT_MODEL = Path(__file__).resolve().parents[3] / "models" / "muc4"
ENTITY_MODEL = "entities.json"
LEXICON = "lexicon.json"
_STOP = frozenset({"of", "the", "for", "and", "de", "del", "la", "los", "las", "y", "el"})

Choice = Literal["first", "longest", "frequent"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A filler as the text states it: text == the report's text[start:end]."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Settings:
    """Document-level choices, tuned on held-out train documents (scripts/train_muc4.py)."""

    token_threshold: float = 0.5  # 1 - P(O) a token needs to be part of a filler
    min_confidence: float = 0.0  # the best mean token score an entity needs
    min_relevance: float = 0.0  # the highest incident-type score a document needs
    merge_substrings: bool = True  # "explosive charges" joins "four explosive charges"
    representative: Choice = "frequent"  # which mention speaks for an entity
    min_mentions: int = 1  # tagged occurrences an entity needs
    incident_threshold: float = 0.5

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Tagged:
    """What the pipeline says about one document, before aggregation."""

    text: str
    tokens: tuple[tuple[int, int], ...]  # character offsets of each token
    scores: Any  # numpy array, tokens x labels: the role tagger's probabilities
    labels: tuple[str, ...]  # "O", "B-PerpInd", "I-PerpInd", ...
    cats: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Reading:
    """One document's role fillers (entities of mentions) and incident type."""

    fillers: dict[str, list[list[Mention]]]
    incident_type: str | None

    def strings(self) -> dict[str, list[list[str]]]:
        return {role: [[m.text for m in e] for e in ents] for role, ents in self.fillers.items()}


def casefold_same_length(text: str) -> str:
    """Lower case, character by character, keeping any character whose lower case is longer."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


class Extractor:
    """The tagger, then either the entity classifier (when the model has one: entities.json
    and lexicon.json) or the threshold-based aggregation of `settings`."""

    def __init__(
        self,
        nlp: Any,
        settings: Settings,
        entity_model: EntityModel | None = None,
        lexicon: Lexicon | None = None,
    ) -> None:
        self.nlp = nlp
        self.settings = settings
        self.entity_model = entity_model
        self.lexicon = lexicon

    @classmethod
    def load(cls, path: Path = DEFAULT_MODEL) -> Extractor:
        import spacy  # the optional nlp dependency, needed only here

        settings_path = path / "settings.json"
        settings = Settings()
        if settings_path.exists():
            settings = Settings(**json.loads(settings_path.read_text(encoding="utf-8")))
        entity_model, lexicon = None, None
        if (path / ENTITY_MODEL).exists() and (path / LEXICON).exists():
            entity_model = EntityModel.load(path / ENTITY_MODEL)
            lexicon = Lexicon.load(path / LEXICON)
        return cls(spacy.load(path / "pipeline"), settings, entity_model, lexicon)

    def tag(self, texts: Iterable[str], n_process: int = 1) -> Iterable[Tagged]:
        texts_a, texts_b = itertools.tee(texts)
        lowered = (casefold_same_length(t) for t in texts_a)
        labels = tuple(self.nlp.get_pipe("muc4_role_tagger").labels)
        docs = self.nlp.pipe(lowered, batch_size=32, n_process=n_process)
        for text, doc in zip(texts_b, docs, strict=True):
            tokens = tuple((t.idx, t.idx + len(t)) for t in doc)
            yield Tagged(text, tokens, doc.user_data[SCORES_KEY], labels, dict(doc.cats))

    def read(self, texts: Iterable[str], n_process: int = 1) -> Iterable[Reading]:
        model, lexicon = self.entity_model, self.lexicon
        for tagged in self.tag(texts, n_process):
            if model is None or lexicon is None:
                yield aggregate(tagged, self.settings)
            else:
                yield classify(tagged, self.settings, model, lexicon)

    def extract(self, text: str) -> Reading:
        return next(iter(self.read([text])))


def aggregate(tagged: Tagged, settings: Settings) -> Reading:
    """Tagged spans -> entities per role, one mention each; nothing if the doc seems off-topic."""
    cats = {k: v for k, v in tagged.cats.items() if k in INCIDENT_TYPES}
    relevance = max(cats.values(), default=1.0)
    fillers: dict[str, list[list[Mention]]] = {role: [] for role in ROLES}
    if relevance < settings.min_relevance:
        return Reading(fillers, None)
    spans = decode(tagged, settings.token_threshold)
    for role in ROLES:
        mentions = [Mention(tagged.text[s:e], s, e) for s, e, r, _ in spans if r == role]
        confidence = {(s, e): c for s, e, r, c in spans if r == role}
        for group in _group(mentions, tagged.text, settings.merge_substrings):
            best = max(confidence[m.start, m.end] for m in group)
            if len(group) >= settings.min_mentions and best >= settings.min_confidence:
                fillers[role].append([_representative(group, settings.representative)])
    found = any(fillers.values())
    kind = max(cats, key=cats.__getitem__) if cats else None
    if kind is not None and not found and cats[kind] < settings.incident_threshold:
        kind = None
    return Reading(fillers, kind)


def entity_candidates(
    tagged: Tagged,
    settings: Settings,
    lexicon: Lexicon,
    candidate_threshold: float,
    widen: bool = True,
    names: bool = False,
) -> tuple[entities.Document, list[entities.Candidate]]:
    """A tagged document's candidates."""
    doc = entities.document(
        casefold_same_length(tagged.text), tagged.tokens, tagged.scores, tagged.labels, tagged.cats
    )
    first = {start: i for i, (start, _) in enumerate(tagged.tokens)}
    last = {end: i for i, (_, end) in enumerate(tagged.tokens)}
    kept = [  # what the threshold-based aggregation would keep, as a feature
        (first[s], last[e] + 1, ROLES.index(role))
        for s, e, role, confidence in decode(tagged, settings.token_threshold)
        if confidence >= settings.min_confidence and s in first and e in last
    ]
    return doc, entities.candidates(
        doc, lexicon, candidate_threshold, kept, widen=widen, names=names
    )


def classify(tagged: Tagged, settings: Settings, model: EntityModel, lexicon: Lexicon) -> Reading:
    """Candidates -> the entity classifier -> one mention (the first) per kept entity."""
    doc, cands = entity_candidates(
        tagged, settings, lexicon, model.candidate_threshold, model.widen, model.names
    )
    rows = entities.features(doc, cands, lexicon, model.context)
    probs = model.probability(rows).tolist() if cands else []
    fillers: dict[str, list[list[Mention]]] = {role: [] for role in ROLES}
    for role, chosen in model.choose(cands, probs, entities.aliases(doc, cands)).items():
        for k in sorted(chosen, key=lambda k: cands[k].occurrences[0]):
            i, j = cands[k].occurrences[0]
            start, end = doc.tokens[i][0], doc.tokens[j - 1][1]
            fillers[role].append([Mention(tagged.text[start:end], start, end)])
    cats = {k: v for k, v in tagged.cats.items() if k in INCIDENT_TYPES}
    kind = max(cats, key=cats.__getitem__) if cats else None
    if kind is not None and not any(fillers.values()) and cats[kind] < settings.incident_threshold:
        kind = None
    return Reading(fillers, kind)


def decode(tagged: Tagged, threshold: float) -> list[tuple[int, int, str, float]]:
    """Spans (start, end, role, mean token score) from BIO scores: a token is in a filler
    when 1 - P(O) >= threshold, with the likeliest of the other tags; I- of another role or
    after O opens a span, as B- does."""
    scores = numpy.asarray(tagged.scores)
    if not len(scores):
        return []
    outside = tagged.labels.index(OUTSIDE)
    inside = 1.0 - scores[:, outside]
    rest = scores.copy()
    rest[:, outside] = -1.0
    best = rest.argmax(axis=1)
    spans: list[tuple[int, int, str, float]] = []
    open_: list[int] = []  # token indices of the span being read
    role = ""

    def close() -> None:
        if open_:
            start, end = tagged.tokens[open_[0]][0], tagged.tokens[open_[-1]][1]
            spans.append((start, end, role, float(inside[open_].mean())))
            open_.clear()

    for i, label_id in enumerate(best):
        if inside[i] < threshold:
            close()
            continue
        bio, _, label_role = tagged.labels[label_id].partition("-")
        if bio == "B" or label_role != role:
            close()
        role = label_role
        open_.append(i)
    close()
    return spans


def _group(mentions: Sequence[Mention], text: str, merge_substrings: bool) -> list[list[Mention]]:
    """Mentions of one role that name the same thing: same normalised string, an acronym
    and its expansion, or (optionally) a string inside a longer one."""
    by_key: dict[str, list[Mention]] = {}
    for mention in mentions:
        key = normalize(mention.text)
        if key:
            by_key.setdefault(key, []).append(mention)
    keys = sorted(by_key, key=len, reverse=True)  # longest absorbs shorter
    flat = normalize(text)
    target: dict[str, str] = {}
    for i, short in enumerate(keys):
        for long in keys[:i]:
            if long in target:
                continue
            if _is_acronym(short, long, flat) or (merge_substrings and _is_inside(short, long)):
                target[short] = long
                break
    groups: dict[str, list[Mention]] = {}
    for key in keys:
        root = key
        while root in target:
            root = target[root]
        groups.setdefault(root, []).extend(by_key[key])
    return [sorted(g, key=lambda m: m.start) for g in sorted(groups.values(), key=_first)]


def _first(group: list[Mention]) -> int:
    return min(m.start for m in group)


def _is_acronym(short: str, long: str, flat_text: str) -> bool:
    """ "eln" for "army of national liberation (eln)" (Spanish initials), or plain initials."""
    if " " in short or len(short) < 2:
        return False
    if f"{long} {short} " in f"{flat_text} ":
        return True
    initials = "".join(w[0] for w in long.split() if w not in _STOP)
    every = "".join(w[0] for w in long.split())
    return short in (initials, every)


def _is_inside(short: str, long: str) -> bool:
    return re.search(rf"(?<!\S){re.escape(short)}(?!\S)", long) is not None


def _representative(group: list[Mention], choice: Choice) -> Mention:
    if choice == "first":
        return group[0]
    if choice == "longest":
        return max(group, key=lambda m: (len(m.text), -m.start))
    counts: dict[str, int] = {}
    for m in group:
        counts[normalize(m.text)] = counts.get(normalize(m.text), 0) + 1
    return max(group, key=lambda m: (counts[normalize(m.text)], len(m.text), -m.start))


def tune_settings(
    extractor: Extractor, docs: Sequence[dict[str, Any]]
) -> tuple[Settings, dict[str, dict[str, float | int]]]:
    """The settings with the best CEAF-REE micro F1 on docs (held-out train documents)."""
    tagged = list(extractor.tag(d["text"] for d in docs))
    gold = {d["id"]: d["role_fillers"] for d in docs}
    best: tuple[float, Settings, dict[str, dict[str, float | int]]] | None = None
    grid = itertools.product(
        (0.2, 0.3, 0.4, 0.5),  # token_threshold
        (0.0, 0.4, 0.5, 0.6, 0.7),  # min_confidence
        (0.0, 0.1, 0.2, 0.3),  # min_relevance
        (True, False),  # merge_substrings
        ("first", "longest", "frequent"),  # representative
    )
    for token, confidence, relevance, merge, choice in grid:
        settings = replace(
            extractor.settings,
            token_threshold=token,
            min_confidence=confidence,
            min_relevance=relevance,
            merge_substrings=merge,
            representative=choice,
        )
        predicted = {
            d["id"]: aggregate(t, settings).strings() for d, t in zip(docs, tagged, strict=True)
        }
        scores = score(gold, predicted)
        if best is None or scores["micro"]["f1"] > best[0]:
            best = (float(scores["micro"]["f1"]), settings, scores)
    assert best is not None
    return best[1], best[2]
