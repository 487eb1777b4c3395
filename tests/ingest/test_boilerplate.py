"""clean(): furniture out, report sentences kept, headings as Sections with true offsets."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from incidentkb.ingest import clean

LEAD = "Three people were killed when a bomb exploded outside the court house, police said."
TAIL = "The mayor said the square would reopen on Monday."


def _around(furniture: str) -> str:
    return f"{LEAD}\n\n{furniture}\n\n{TAIL}"


@pytest.mark.parametrize(
    "furniture",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "Share this",
        "Share on Facebook",
        "Share this story\nFacebook\nTwitter\nEmail",
        "Sign up for our newsletter",
        "Subscribe to our daily newsletter for the latest updates.",
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "This website uses cookies.\nAccept all\nManage settings",
        "We and our partners use cookies to personalise ads.\nAccept\nReject all",
        "Share this:\nFacebook\nCopy link\nWhatsApp",
        "Click here to get breaking news alerts on your phone.",
        "Copyright © 2024 Example Media Group. All rights reserved.",
        "© 2023 The Daily Example",
        "Photo: Jana Field / Example Agency",
        "Credit: Jana Field / Example Agency",
        "Related stories\nMayor calls for calm\nElection date announced",
        "Related articles:\n- Mayor calls for calm\n- Election date announced",
        "More from Example News\nWeather warning for the coast",
        "READ MORE: Mayor calls for calm after protests",
        "Keywords:\n- Bom\n- Pengadilan",
        "Tags: courts, police, bombing",
        "Please enable Javascript to watch this video",
    ],
)
def test_clean_removes_furniture_line_or_block(furniture: str) -> None:
    text, _ = clean(_around(furniture))
    assert text == f"{LEAD}\n{TAIL}"


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister declined to make further comments on the investigation.",
        "Comments made by the suspect online were passed to prosecutors.",
        "Police said the attacker had left cookies and a note at the shrine.",
        '"We found cookies and a lighter in his bag," the officer said.',
        "We brought cookies to the families of the victims, a neighbour said.",
        "Share prices of the bus operator fell after the attack.",
        "An advertisement for the rally had been posted a week earlier.",
        "Photographs of the scene were shared widely on social media.",
        "References to the group appeared in graffiti near the station.",
        "See also the earlier statement, officials told reporters.",
        "Click-through rates on the appeal page rose sharply, the police said.",
        "The newsletter of the local church listed the names of the victims.",
        "More from the scene: rescuers were still searching the rubble at midnight.",
    ],
)
def test_clean_keeps_report_sentences_that_mention_furniture_words(sentence: str) -> None:
    text, _ = clean(_around(sentence))
    assert sentence in text.split("\n")


@pytest.mark.parametrize(
    "heading", ["See also", "References", "External links", "Gallery", "Further reading", "Notes"]
)
def test_clean_cuts_furniture_section_up_to_next_heading(heading: str) -> None:
    raw = f"{LEAD}\n{heading}\nList of attacks in 2024\nAnother related page\nAftermath\n{TAIL}"
    text, sections = clean(raw)
    assert text == f"{LEAD}\nAftermath\n{TAIL}"
    assert [s.title for s in sections] == ["Aftermath"]


def test_clean_cuts_furniture_sections_to_the_end_when_no_heading_follows() -> None:
    raw = f"{LEAD}\nSee also\nList of attacks\nReferences\nExternal links\nMedia at Commons"
    assert clean(raw)[0] == LEAD


def test_clean_cuts_comment_thread_to_the_end() -> None:
    raw = (
        f"{LEAD}\n{TAIL}\nComments\nJo Bloggs\nTerrible news. Thoughts with everyone.\nSam K\nWhy?"
    )
    assert clean(raw)[0] == f"{LEAD}\n{TAIL}"


def test_clean_turns_seed_style_equals_lines_into_heading_and_paragraph() -> None:
    raw = f"{LEAD}\n= U.S. warning to Iran\n=Prior to the attack, a warning was passed on.\n{TAIL}"
    text, sections = clean(raw)
    assert text.split("\n") == [
        LEAD,
        "U.S. warning to Iran",
        "Prior to the attack, a warning was passed on.",
        TAIL,
    ]
    assert [s.title for s in sections] == ["U.S. warning to Iran"]


def test_clean_splits_a_wikitext_heading_glued_to_a_sentence() -> None:
    raw = f"{LEAD} ==See also==\n* List of attacks\n* Another page"
    assert clean(raw) == (LEAD, ())


@pytest.mark.parametrize("marked", ["== Aftermath ==", "=== Aftermath ===", "## Aftermath"])
def test_clean_strips_heading_markers(marked: str) -> None:
    text, sections = clean(f"{LEAD}\n\n{marked}\n\n{TAIL}")
    assert text == f"{LEAD}\nAftermath\n{TAIL}"
    assert sections[0].title == "Aftermath"


def test_clean_sections_have_offsets_into_the_cleaned_text() -> None:
    raw = "\n".join(
        [
            "Headline of the day",
            LEAD,
            "Background",
            TAIL,
            "Reactions",
            "Domestic",
            LEAD,
            "Last",
            TAIL,
        ]
    )
    text, sections = clean(raw)
    assert [s.title for s in sections] == ["Background", "Reactions", "Domestic", "Last"]
    for section, after in zip(sections, [*sections[1:], None], strict=True):
        assert text[section.start :].startswith(section.title)
        assert section.end == (after.start if after else len(text))


def test_clean_does_not_take_list_items_after_an_intro_as_headings() -> None:
    raw = f"{LEAD}\nThe victims were:\nAnna Berg\nTomas Lund\n{TAIL}"
    assert clean(raw)[1] == ()


def test_clean_normalises_whitespace_inside_lines_and_between_paragraphs() -> None:
    raw = "  Police\u00a0said   the\tblast  was\r\nheard far away.\r\n\r\n\r\n\fIt was 9 a.m.  "
    assert clean(raw)[0] == "Police said the blast was\nheard far away.\nIt was 9 a.m."


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_clean_is_idempotent_and_never_raises(raw: str) -> None:
    text, sections = clean(raw)
    assert clean(text) == (text, sections)


_LINES = st.sampled_from(
    [
        LEAD,
        TAIL,
        "Aftermath",
        "See also",
        "= Reactions",
        "=Domestic",
        "Advertisement",
        "Comments",
        "Related stories",
        "- a list item",
        "Share this",
        "Keywords:",
        "They were:",
        "Twitter",
        "",
        "  ",
        "References",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES | st.text(max_size=30), max_size=25))
def test_clean_is_idempotent_on_report_like_lines(lines: list[str]) -> None:
    text, sections = clean("\n".join(lines))
    assert clean(text) == (text, sections)
    for section in sections:
        assert text[section.start :].startswith(section.title)
        assert 0 <= section.start <= section.end <= len(text)
