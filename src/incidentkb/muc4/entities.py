"""Candidate entities of a document and what is known about each, for the entity classifier.

A candidate is a (role, string) pair: a span the role tagger gives that role at a low
threshold, or a string the train split's lexicon knows as a filler of that role (found
again as a run of whole tokens). Mentions with the same normalised string are one
candidate. Each gets a row of document-level features: the tagger's scores over all its
occurrences, how often and where it occurs, the train-split prior that the string is a filler
of the role, the incident-type scores, trigger words around it, and its shape.

The lexicon keeps no strings: a mention is looked up by an 8-byte BLAKE2b hash of its
lower-cased text, so no corpus text travels with the model.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy

from incidentkb.muc4.corpus import INCIDENT_TYPES, ROLES
from incidentkb.muc4.score import normalize
from incidentkb.muc4.tagger import OUTSIDE

MAX_TOKENS = 8  # the longest lexicon string looked for, in tokens
WINDOW = 4  # tokens either side of a mention where trigger words count
LEFT_TRIGGERS: tuple[str, ...] = (
    "by",
    "of",
    "against",
    "on",
    "accused",
    "attributed",
    "blamed",
    "claimed",
    "killed",
    "murdered",
    "assassinated",
    "kidnapped",
    "attacked",
    "bombed",
    "destroyed",
    "damaged",
    "with",
    "used",
    "planted",
    "hurled",
    "threw",
    "members",
    "said",
    "named",
    "identified",
    "leader",
    "mayor",
    "judge",
    "mr",
    "police",
    "to",
    "at",
    "in",
    "from",
)
RIGHT_TRIGGERS: tuple[str, ...] = (
    "claimed",
    "responsibility",
    "responsible",
    "carried",
    "perpetrated",
    "committed",
    "attacked",
    "killed",
    "murdered",
    "kidnapped",
    "shot",
    "set",
    "exploded",
    "blew",
    "destroyed",
    "damaged",
    "was",
    "were",
    "who",
    "members",
    "command",
    "commando",
    "unit",
    "guerrillas",
    "said",
    "reported",
    "denied",
    "died",
    "wounded",
    "injured",
    "of",
    "in",
    "and",
)
_SENTENCE_END = frozenset({".", "?", "!"})
# word groups looked for in the sentences where a candidate occurs
SENTENCE_GROUPS: dict[str, frozenset[str]] = {
    "attack": frozenset(
        "attack attacked attacks attacking killed murdered murder assassinated assassination "
        "massacre massacred shot machinegunned ambushed ambush raided".split()
    ),
    "bomb": frozenset(
        "bomb bombs bombing bombed exploded explosion dynamite explosive explosives "
        "blew blown destroyed damaged set fire burned".split()
    ),
    "kidnap": frozenset("kidnapped kidnapping kidnappers abducted abduction hostage".split()),
    "claim": frozenset("claimed claim responsibility responsible perpetrated".split()),
    "blame": frozenset("accused blamed attributed charged suspected alleged".split()),
    "deny": frozenset("denied deny rejected condemned repudiated".split()),
    "report": frozenset("said reported announced stated according sources spokesman".split()),
    "victim": frozenset("victim victims dead died wounded injured bodies body".split()),
    "future": frozenset("will would could may might threatened threat warned".split()),
}
_VOWELS = frozenset("aeiou")
_ACRONYM_SKIP = frozenset({"of", "the", "for", "and", "de", "del", "la", "los", "las", "y", "el"})
_STOP = frozenset(
    "a an the and or of in on at to by for from with as was were is are that which who "
    "said de del la el".split()
)
NAMED = "Victim"  # the role whose mentions are names: its words teach what a name is made of
NAME_JOINERS = frozenset({"de", "del", "la", "las", "los", "y"})  # inside a name, never at its ends
NAME_WORD_SHARE = 0.2  # a name word occurs in at most this share of train documents


def mention_key(text: str) -> str:
    """The lexicon's key of a lower-cased mention: 8 bytes of BLAKE2b, in hex."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Per hashed mention: in how many train documents it is a filler of each role, and in
    how many it occurs at all (as a run of whole tokens); per hashed first word, the most
    tokens a known mention starting with it has. Per hashed word: in how many train
    documents it occurs (`words`), in how many victims' names it is a word (`name_words`),
    and of how many entities of each role it is the last word of a mention (`heads`)."""

    counts: Mapping[str, tuple[int, ...]]  # key -> (n per role..., documents it occurs in)
    starts: Mapping[str, int]  # key of a first word -> longest mention, in tokens
    documents: int = 0
    words: Mapping[str, int] = field(default_factory=dict)
    name_words: Mapping[str, int] = field(default_factory=dict)
    heads: Mapping[str, tuple[int, ...]] = field(default_factory=dict)

    def get(self, text: str) -> tuple[int, ...] | None:
        return self.counts.get(mention_key(text))

    def share(self, word: str) -> float:
        """The share of train documents in which the word occurs."""
        return self.words.get(mention_key(word), 0) / max(self.documents, 1)

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "roles": list(ROLES),
            "counts": dict(sorted(self.counts.items())),
            "starts": dict(sorted(self.starts.items())),
            "words": dict(sorted(self.words.items())),
            "name_words": dict(sorted(self.name_words.items())),
            "heads": dict(sorted(self.heads.items())),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Lexicon:
        if list(data["roles"]) != list(ROLES):
            raise ValueError(f"lexicon roles {data['roles']} are not {ROLES}")
        counts = {k: tuple(int(x) for x in v) for k, v in data["counts"].items()}
        starts = {k: int(v) for k, v in data["starts"].items()}
        words = {k: int(v) for k, v in data.get("words", {}).items()}
        name_words = {k: int(v) for k, v in data.get("name_words", {}).items()}
        heads = {k: tuple(int(x) for x in v) for k, v in data.get("heads", {}).items()}
        return cls(counts, starts, int(data["documents"]), words, name_words, heads)

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), separators=(",", ":")) + "\n")

    @classmethod
    def load(cls, path: Path) -> Lexicon:
        return cls.from_json(json.loads(path.read_text(encoding="utf-8")))

    @classmethod
    def build(
        cls,
        docs: Sequence[Mapping[str, Any]],
        tokens: Sequence[Sequence[tuple[int, int]]],
    ) -> Lexicon:
        """From train documents (with role_fillers) and their token offsets."""
        fillers: dict[str, list[int]] = {}
        name_words: Counter[str] = Counter()
        heads: dict[str, list[int]] = {}
        for doc in docs:
            for key, roles in gold_keys(doc).items():
                row = fillers.setdefault(key, [0] * (len(ROLES) + 1))
                for i in roles:
                    row[i] += 1
            for r, role in enumerate(ROLES):
                for entity in doc["role_fillers"].get(role, []):
                    last = {m.split()[-1].lower() for m in entity if m.split()}
                    for word in last:
                        heads.setdefault(mention_key(word), [0] * len(ROLES))[r] += 1
                    if role == NAMED:
                        name_words.update(
                            {mention_key(w) for m in entity for w in m.lower().split()}
                            - {mention_key(w) for w in NAME_JOINERS}
                        )
        starts: dict[str, int] = {}
        words: Counter[str] = Counter()
        for doc, offsets in zip(docs, tokens, strict=True):
            text = doc["text"].lower()
            words.update({mention_key(text[s:e]) for s, e in offsets})
            present: set[str] = set()
            for i, (start, _) in enumerate(offsets):
                for j in range(i, min(i + MAX_TOKENS, len(offsets))):
                    key = mention_key(text[start : offsets[j][1]])
                    if key in fillers:
                        present.add(key)
                        first = mention_key(text[start : offsets[i][1]])
                        starts[first] = max(starts.get(first, 0), j + 1 - i)
            for key in present:
                fillers[key][-1] += 1
        return cls(
            {k: tuple(v) for k, v in fillers.items()},
            starts,
            len(docs),
            dict(words),
            dict(name_words),
            {k: tuple(v) for k, v in heads.items()},
        )


def gold_keys(doc: Mapping[str, Any]) -> dict[str, set[int]]:
    """Hashed lower-cased gold mentions of a document -> the indices of their roles."""
    keys: dict[str, set[int]] = {}
    for i, role in enumerate(ROLES):
        for entity in doc["role_fillers"].get(role, []):
            for mention in entity:
                if mention.strip():
                    keys.setdefault(mention_key(mention.lower()), set()).add(i)
    return keys


@dataclass(slots=True)
class Candidate:
    """One (role, normalised string) of a document, with every place it occurs."""

    role: str
    key: str  # normalised text
    occurrences: list[tuple[int, int]] = field(default_factory=list)  # token ranges
    texts: set[str] = field(default_factory=set)  # lower-cased surface forms
    from_tagger: bool = False
    from_lexicon: bool = False
    baseline: bool = False  # the old aggregation step would have kept it
    variant: bool = False  # only a tagger span widened by a word or two
    from_names: bool = False  # a run of words that names are made of (name_runs)


@dataclass(frozen=True, slots=True)
class Document:
    """A tagged document, as the candidate step needs it (scores as plain lists, prefix
    sums so that a span's mean is two lookups)."""

    lowered: str
    tokens: tuple[tuple[int, int], ...]
    role_scores: Any  # numpy, tokens x roles: P(B-role) + P(I-role)
    begin_scores: Any  # numpy, tokens x roles: P(B-role)
    role_sums: list[list[float]]  # (tokens + 1) x roles: prefix sums of role_scores
    outside_sums: list[float]  # tokens + 1: prefix sums of P(O)
    begin: list[list[float]]  # tokens x roles: P(B-role)
    cats: Mapping[str, float]
    words: tuple[str, ...]
    sentence: tuple[int, ...]  # sentence number of each token
    at: dict[str, list[int]]  # word -> the tokens that are it

    def mean(self, i: int, j: int, r: int) -> float:
        """Mean score of role r over tokens i..j-1."""
        return (self.role_sums[j][r] - self.role_sums[i][r]) / (j - i)

    def outside(self, i: int, j: int) -> float:
        return (self.outside_sums[j] - self.outside_sums[i]) / (j - i)

    def text(self, i: int, j: int) -> str:
        return self.lowered[self.tokens[i][0] : self.tokens[j - 1][1]]

    def occurrences(self, i: int, j: int) -> list[tuple[int, int]]:
        """Every run of tokens with the same words as tokens i..j-1."""
        words, n = self.words[i:j], j - i
        return [(p, p + n) for p in self.at.get(words[0], ()) if self.words[p : p + n] == words]


def document(
    lowered: str,
    tokens: Sequence[tuple[int, int]],
    scores: Any,
    labels: Sequence[str],
    cats: Mapping[str, float],
) -> Document:
    scores = numpy.asarray(scores, dtype="float64").reshape(len(tokens), len(labels))
    role_scores = numpy.zeros((len(tokens), len(ROLES)))
    begin_scores = numpy.zeros((len(tokens), len(ROLES)))
    for j, label in enumerate(labels):
        bio, _, role = label.partition("-")
        if role in ROLES:
            role_scores[:, ROLES.index(role)] += scores[:, j]
            if bio == "B":
                begin_scores[:, ROLES.index(role)] += scores[:, j]
    outside = scores[:, list(labels).index(OUTSIDE)]
    zero = numpy.zeros((1, len(ROLES)))
    role_sums = numpy.concatenate([zero, numpy.cumsum(role_scores, axis=0)]).tolist()
    outside_sums = numpy.concatenate([[0.0], numpy.cumsum(outside)]).tolist()
    words = tuple(lowered[s:e] for s, e in tokens)
    sentence, n = [], 0
    at: dict[str, list[int]] = {}
    for i, word in enumerate(words):
        sentence.append(n)
        at.setdefault(word, []).append(i)
        if word in _SENTENCE_END:
            n += 1
    return Document(
        lowered,
        tuple(tokens),
        role_scores,
        begin_scores,
        role_sums,
        outside_sums,
        begin_scores.tolist(),
        dict(cats),
        words,
        tuple(sentence),
        at,
    )


def role_spans(doc: Document, threshold: float) -> list[tuple[int, int, int]]:
    """(first token, last token + 1, role index) runs where the role's score >= threshold;
    a token likelier to begin the role than to continue it starts a new run."""
    spans: list[tuple[int, int, int]] = []
    on_all = doc.role_scores >= threshold
    begin_all = doc.begin_scores * 2 > doc.role_scores
    for r in range(len(ROLES)):
        on, begin = on_all[:, r], begin_all[:, r]
        if not on.any():
            continue
        start = last = -1
        for i in numpy.flatnonzero(on).tolist() + [len(doc.tokens) + 1]:
            if start >= 0 and (i != last + 1 or begin[i]):
                spans.append((start, last + 1, r))
                start = -1
            if i < len(doc.tokens) and start < 0:
                start = i
            last = i
    return spans


def lexicon_matches(doc: Document, lexicon: Lexicon) -> list[tuple[int, int, tuple[int, ...]]]:
    """(first token, last token + 1, counts) of every lexicon mention in the document."""
    found = []
    for i, word in enumerate(doc.words):
        longest = lexicon.starts.get(mention_key(word))
        if not longest:
            continue
        for j in range(i + 1, min(i + longest, len(doc.words)) + 1):
            counts = lexicon.counts.get(mention_key(doc.text(i, j)))
            if counts is not None:
                found.append((i, j, counts))
    return found


def name_runs(doc: Document, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Runs of two or more words that look like a person's name: each word one that train
    victims' names are made of (and rare in train documents) or one the train split never
    has, at least one of the first kind, "de" / "del" / "la" ... only inside. A run of three
    words or more also gives itself without its first word and without its last."""
    known = [
        lexicon.name_words.get(mention_key(w), 0) > 0 and lexicon.share(w) <= NAME_WORD_SHARE
        for w in doc.words
    ]
    fits = [
        k or (w.isalpha() and mention_key(w) not in lexicon.words)
        for k, w in zip(known, doc.words, strict=True)
    ]
    n, i = len(doc.words), 0
    runs: list[tuple[int, int]] = []
    while i < n:
        if not fits[i]:
            i += 1
            continue
        j = i + 1
        while j < n and (fits[j] or (doc.words[j] in NAME_JOINERS and j + 1 < n and fits[j + 1])):
            j += 1
        if j - i >= 2 and any(known[i:j]):
            runs.append((i, j))
            if j - i >= 3:
                runs.extend(_trim(doc.words, a, b) for a, b in ((i + 1, j), (i, j - 1)))
        i = j
    return runs


def _trim(words: Sequence[str], i: int, j: int) -> tuple[int, int]:
    """Tokens i..j-1 without the joiners ("de", "la") at their ends."""
    while i < j and words[i] in NAME_JOINERS:
        i += 1
    while j > i and words[j - 1] in NAME_JOINERS:
        j -= 1
    return i, j


def candidates(
    doc: Document,
    lexicon: Lexicon,
    threshold: float,
    baseline_spans: Iterable[tuple[int, int, int]] = (),
    widen: bool = True,
    names: bool = False,
) -> list[Candidate]:
    """Tagger runs at threshold (and, with widen, the same runs with a word or two more),
    the baseline spans, the strings the lexicon knows as fillers of a role, and (with names)
    runs of name words as victims and perpetrators."""
    found: dict[tuple[int, str], Candidate] = {}

    def add(i: int, j: int, r: int) -> Candidate | None:
        text = doc.text(i, j)
        key = normalize(text)
        if not key:
            return None
        cand = found.get((r, key))
        if cand is None:
            cand = found[r, key] = Candidate(ROLES[r], key)
        if text not in cand.texts:
            cand.texts.add(text)
            cand.occurrences.extend(doc.occurrences(i, j))
        return cand

    spans = role_spans(doc, threshold)
    for i, j, r in spans:
        if (cand := add(i, j, r)) is not None:
            cand.from_tagger = True
    if widen:  # "store" -> "vicas store", "units" -> "militia units", "hall" -> "city hall"
        for i, j, r in spans:
            for a, b in ((i - 1, j), (i - 2, j), (i, j + 1)):
                if (
                    a < 0
                    or b > len(doc.words)
                    or not all(_is_word(w) for w in doc.words[a:i] + doc.words[j:b])
                ):
                    continue
                if (r, normalize(doc.text(a, b))) not in found:
                    if (cand := add(a, b, r)) is not None:
                        cand.variant = True
    for i, j, r in baseline_spans:
        if (cand := add(i, j, r)) is not None:
            cand.baseline = True
    for i, j, counts in lexicon_matches(doc, lexicon):
        for r in range(len(ROLES)):
            if counts[r] > 0 and (cand := add(i, j, r)) is not None:
                cand.from_lexicon = True
    if names:
        for i, j in name_runs(doc, lexicon):
            for role in (NAMED, "PerpInd"):
                if (cand := add(i, j, ROLES.index(role))) is not None:
                    cand.from_names = True
    out = list(found.values())
    for cand in out:
        cand.occurrences = sorted(set(cand.occurrences))
    return out


def aliases(doc: Document, cands: Sequence[Candidate]) -> set[frozenset[str]]:
    """Pairs of normalised strings that name one thing: an acronym and its expansion, by
    initials ("fmln") or by the text ("army of national liberation (eln)")."""
    pairs: set[frozenset[str]] = set()
    short = {c.key for c in cands if " " not in c.key and 2 <= len(c.key) <= 8}
    for cand in cands:
        words = cand.key.split()
        if len(words) < 2:
            continue
        initials = {
            "".join(w[0] for w in words),
            "".join(w[0] for w in words if w not in _ACRONYM_SKIP),
        }
        for acronym in short & initials:
            pairs.add(frozenset((cand.key, acronym)))
        for _, j in cand.occurrences:
            if j + 2 < len(doc.words) and doc.words[j] == "(" and doc.words[j + 2] == ")":
                if (inner := normalize(doc.words[j + 1])) in short:
                    pairs.add(frozenset((cand.key, inner)))
    return pairs


def _is_word(word: str) -> bool:
    return word.isalpha() and word not in _STOP


def prior(cand: Candidate, lexicon: Lexicon) -> tuple[float, float, float]:
    """Train counts of the candidate's best-known surface form: documents where it is a
    filler of this role, of any role, and where it occurs at all."""
    r = ROLES.index(cand.role)
    best = (0.0, 0.0, 0.0)
    for text in cand.texts:
        key = mention_key(text)
        counts = lexicon.counts.get(key)
        if counts is None:
            continue
        row = (float(counts[r]), float(max(counts[:-1])), float(max(counts[-1], counts[r])))
        if row > best:
            best = row
    return best


FEATURES: tuple[str, ...] = (
    *(f"role={r}" for r in ROLES),
    "tag_max",
    "tag_mean",
    "tag_first",
    "tag_begin_max",
    "tag_rank",
    "tag_gap_to_best",
    *(f"other_max_{r}" for r in ROLES),
    "outside_min",
    "occurrences",
    "log_occurrences",
    "first_position",
    "last_position",
    "first_sentence",
    "in_first_sentence",
    "sentences_with",
    *(f"sentence_{g}" for g in SENTENCE_GROUPS),
    *(f"first_sentence_{g}" for g in SENTENCE_GROUPS),
    "from_tagger",
    "from_lexicon",
    "baseline",
    "variant",
    "from_names",
    "head_n",
    "word_share_min",
    "word_share_max",
    "unseen_words",
    "token_min",
    "edge_left",
    "edge_right",
    "edge_right_begin",
    "prior_role_n",
    "prior_any_n",
    "prior_docs",
    "prior_rate",
    "prior_role_share",
    *(f"cat_{c}" for c in INCIDENT_TYPES),
    "cat_max",
    "tokens",
    "chars",
    "is_acronym",
    "has_digit",
    "parenthesised",
    "inside_other",
    "contains_other",
    "role_candidates",
    "doc_tokens",
    *(f"doc_best_{r}" for r in ROLES),
)


@dataclass(frozen=True, slots=True)
class Context:
    """The words whose presence just left / right of a mention are features."""

    left: tuple[str, ...] = LEFT_TRIGGERS
    right: tuple[str, ...] = RIGHT_TRIGGERS

    def names(self) -> tuple[str, ...]:
        return (
            *FEATURES,
            *(f"left_{w}" for w in self.left),
            *(f"right_{w}" for w in self.right),
        )

    @classmethod
    def frequent(cls, found: Iterable[tuple[Document, Sequence[Candidate]]], n: int) -> Context:
        """The trigger lists, then the n words found most often (in the most candidates)
        either side of the candidates' mentions."""
        left: Counter[str] = Counter()
        right: Counter[str] = Counter()
        for doc, cands in found:
            for cand in cands:
                left.update(
                    {w for i, _ in cand.occurrences for w in doc.words[max(0, i - WINDOW) : i]}
                )
                right.update({w for _, j in cand.occurrences for w in doc.words[j : j + WINDOW]})

        def top(counts: Counter[str], first: tuple[str, ...]) -> tuple[str, ...]:
            extra = [
                w for w, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0])) if w not in first
            ]
            return (*first, *extra[:n])

        return cls(top(left, LEFT_TRIGGERS), top(right, RIGHT_TRIGGERS))


def features(
    doc: Document,
    cands: Sequence[Candidate],
    lexicon: Lexicon,
    context: Context | None = None,
) -> numpy.ndarray:
    """One row of context.names() per candidate."""
    context = context or Context()
    rows = numpy.zeros(
        (len(cands), len(FEATURES) + len(context.left) + len(context.right)), dtype="float32"
    )
    n_tokens = max(len(doc.tokens), 1)
    best_by_role: dict[str, float] = {}
    tag_max: list[float] = []
    for cand in cands:
        r = ROLES.index(cand.role)
        scores = [doc.mean(i, j, r) for i, j in cand.occurrences] or [0.0]
        tag_max.append(max(scores))
        best_by_role[cand.role] = max(best_by_role.get(cand.role, 0.0), max(scores))
    keys_by_role: dict[str, list[str]] = {}
    for cand in cands:
        keys_by_role.setdefault(cand.role, []).append(cand.key)
    cats = [float(doc.cats.get(c, 0.0)) for c in INCIDENT_TYPES]
    left_index = {w: k for k, w in enumerate(context.left)}
    right_index = {w: k for k, w in enumerate(context.right)}
    left_at = len(FEATURES)
    right_at = left_at + len(context.left)
    sentence_at = FEATURE_INDEX[f"sentence_{next(iter(SENTENCE_GROUPS))}"]
    first_sentence_at = FEATURE_INDEX[f"first_sentence_{next(iter(SENTENCE_GROUPS))}"]
    sentence_words: dict[int, set[str]] = {}
    for word, n in zip(doc.words, doc.sentence, strict=True):
        sentence_words.setdefault(n, set()).add(word)
    for row, cand, best in zip(rows, cands, tag_max, strict=True):
        r = ROLES.index(cand.role)
        occ = cand.occurrences
        scores = [doc.mean(i, j, r) for i, j in occ] or [0.0]
        others = [max((doc.mean(i, j, o) for i, j in occ), default=0.0) for o in range(len(ROLES))]
        role_rank = sorted(
            (t for c, t in zip(cands, tag_max, strict=True) if c.role == cand.role),
            reverse=True,
        )
        role_n, any_n, occurs = prior(cand, lexicon)
        first = occ[0][0] if occ else 0
        words = cand.key.split()
        shares = [lexicon.share(w) for w in words]
        others_keys = [k for k in keys_by_role[cand.role] if k != cand.key]
        padded = f" {cand.key} "
        values: dict[str, float] = {
            f"role={cand.role}": 1.0,
            "tag_max": best,
            "tag_mean": sum(scores) / len(scores),
            "tag_first": scores[0],
            "tag_begin_max": max((doc.begin[i][r] for i, _ in occ), default=0.0),
            "tag_rank": float(role_rank.index(best)),
            "tag_gap_to_best": best_by_role[cand.role] - best,
            **{f"other_max_{ROLES[o]}": others[o] for o in range(len(ROLES))},
            "outside_min": min((doc.outside(i, j) for i, j in occ), default=1.0),
            "occurrences": float(len(occ)),
            "log_occurrences": math.log1p(len(occ)),
            "first_position": first / n_tokens,
            "last_position": (occ[-1][0] if occ else 0) / n_tokens,
            "first_sentence": float(doc.sentence[first]) if occ else 0.0,
            "in_first_sentence": float(bool(occ) and doc.sentence[first] == 0),
            "sentences_with": float(len({doc.sentence[i] for i, _ in occ})),
            "from_tagger": float(cand.from_tagger),
            "from_lexicon": float(cand.from_lexicon),
            "baseline": float(cand.baseline),
            "variant": float(cand.variant),
            "from_names": float(cand.from_names),
            "head_n": float((lexicon.heads.get(mention_key(words[-1])) or (0,) * len(ROLES))[r]),
            "word_share_min": min(shares),
            "word_share_max": max(shares),
            "unseen_words": float(sum(mention_key(w) not in lexicon.words for w in words)),
            "token_min": max(
                (float(doc.role_scores[i:j, r].min()) for i, j in occ[:3]), default=0.0
            ),
            "edge_left": max((doc.role_scores[i - 1, r] for i, _ in occ if i > 0), default=0.0),
            "edge_right": max((doc.role_scores[j, r] for _, j in occ if j < n_tokens), default=0.0),
            "edge_right_begin": max((doc.begin[j][r] for _, j in occ if j < n_tokens), default=0.0),
            "prior_role_n": role_n,
            "prior_any_n": any_n,
            "prior_docs": occurs,
            "prior_rate": role_n / (occurs + 1.0),
            "prior_role_share": role_n / (any_n + 1.0),
            **{f"cat_{c}": v for c, v in zip(INCIDENT_TYPES, cats, strict=True)},
            "cat_max": max(cats),
            "tokens": float(len(words)),
            "chars": float(len(cand.key)),
            "is_acronym": float(
                len(words) == 1 and 2 <= len(cand.key) <= 6 and not _VOWELS & set(cand.key[1:])
            ),
            "has_digit": float(any(ch.isdigit() for ch in cand.key)),
            "parenthesised": float(
                any(
                    0 < i and j < len(doc.words) and doc.words[i - 1] == "(" and doc.words[j] == ")"
                    for i, j in occ
                )
            ),
            "inside_other": float(any(padded in f" {k} " for k in others_keys)),
            "contains_other": float(any(f" {k} " in padded for k in others_keys)),
            "role_candidates": float(len(keys_by_role[cand.role])),
            "doc_tokens": float(len(doc.tokens)),
            **{f"doc_best_{role}": best_by_role.get(role, 0.0) for role in ROLES},
        }
        for name, value in values.items():
            row[FEATURE_INDEX[name]] = value
        if occ:
            where = {doc.sentence[i] for i, _ in occ}
            first_words = sentence_words[doc.sentence[first]]
            for g, group in enumerate(SENTENCE_GROUPS.values()):
                hits = sum(bool(sentence_words[n] & group) for n in where)
                row[sentence_at + g] = hits / len(where)
                row[first_sentence_at + g] = float(bool(first_words & group))
        for i, j in occ:
            for word in doc.words[max(0, i - WINDOW) : i]:
                if (k := left_index.get(word)) is not None:
                    row[left_at + k] = 1.0
            for word in doc.words[j : j + WINDOW]:
                if (k := right_index.get(word)) is not None:
                    row[right_at + k] = 1.0
    return rows


FEATURE_INDEX: dict[str, int] = {name: i for i, name in enumerate(FEATURES)}
