"""The spaCy component behind the learned extractor: a BIO role tagger that keeps its scores.

spaCy's tagger keeps only the best tag of each token; the document-level step needs how sure
the model is, so this one also leaves the per-token probabilities in
doc.user_data["muc4_role_scores"] (tokens x labels, labels as the component's `labels`).
Importing this module registers the factory, which loading the shipped model needs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy
from spacy.language import Language
from spacy.pipeline.tagger import Tagger
from spacy.tokens import Doc
from thinc.api import Model, get_current_ops

SCORES_KEY = "muc4_role_scores"
OUTSIDE = "O"


class RoleTagger(Tagger):
    def predict(self, docs: Iterable[Doc]) -> list[numpy.ndarray]:
        docs = list(docs)
        if not any(len(doc) for doc in docs):
            return [numpy.zeros((len(doc), len(self.labels)), dtype="f") for doc in docs]
        ops = get_current_ops()
        return [ops.to_numpy(scores) for scores in self.model.predict(docs)]

    def set_annotations(self, docs: Iterable[Doc], batch_scores: list[numpy.ndarray]) -> None:
        labels = self.labels
        for doc, scores in zip(docs, batch_scores, strict=True):
            doc.user_data[SCORES_KEY] = numpy.asarray(scores, dtype="float32")
            for token, tag_id in zip(doc, scores.argmax(axis=1), strict=True):
                token.tag_ = labels[int(tag_id)]


@Language.factory(
    "muc4_role_tagger",
    default_config={
        "overwrite": True,
        "scorer": {"@scorers": "spacy.tagger_scorer.v1"},
        "neg_prefix": "!",
        "label_smoothing": 0.0,
    },
)
def make_role_tagger(
    nlp: Language,
    name: str,
    model: Model,
    overwrite: bool,
    scorer: Callable[..., Any] | None,
    neg_prefix: str,
    label_smoothing: float,
) -> RoleTagger:
    return RoleTagger(
        nlp.vocab,
        model,
        name,
        overwrite=overwrite,
        scorer=scorer,
        neg_prefix=neg_prefix,
        label_smoothing=label_smoothing,
    )
