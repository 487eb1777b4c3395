"""A 'Related stories' teaser line is furniture: its headline is another story's. Lines written
for this test."""

from __future__ import annotations

import pytest

from incidentkb.ingest.boilerplate import clean


@pytest.mark.issue(4)
def test_related_teaser_line_is_cut_and_a_sentence_about_related_stories_stays() -> None:
    text = (
        "A man was shot on Main Street on Friday.\n"
        "Related stories 2 killed, 22 injured in shooting at lake party\n"
        "Related coverage: three hurt in downtown crash\n"
        "Related stories about the feud were published last year, police said.\n"
        "Police said he died in hospital."
    )
    kept = clean(text)[0].splitlines()
    assert kept == [
        "A man was shot on Main Street on Friday.",
        "Related stories about the feud were published last year, police said.",
        "Police said he died in hospital.",
    ]
