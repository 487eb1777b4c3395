"""Each reader on a realistic fixture: the report's words in, the page furniture out."""

from datetime import date
from pathlib import Path

import pytest

from incidentkb.errors import InputError
from incidentkb.ingest import Reader, read_feed, read_html, read_jsonl, read_text, read_wikitext
from incidentkb.model import Document, content_id


def _docs(items: list[Document | InputError]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def _errors(items: list[Document | InputError]) -> list[InputError]:
    return [item for item in items if isinstance(item, InputError)]


def _one(items: list[Document | InputError]) -> Document:
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


# --- html ---------------------------------------------------------------------------------


def test_read_html_keeps_article_sentences(fixtures: Path) -> None:
    doc = _one(list(read_html(fixtures / "news-page.html")))
    for sentence in [
        "killing at least 12 people and wounding 40 others, regional police said.",
        '"We are treating this as a deliberate attack on civilians," he said.',
        "No group had claimed responsibility by Thursday evening.",
    ]:
        assert sentence in doc.text


@pytest.mark.parametrize(
    "furniture",
    [
        "cookies",
        "Accept all",
        "Weather",
        "Transport strike",
        "Advertisement",
        "Share on Facebook",
        "Photo: Staff photographer",
        "Related stories",
        "Dalreth mayor calls for calm",
        "Tags:",
        "thoughts with the families",
        "Leave a comment",
        "Most read",
        "Ten recipes",
        "newsletter",
        "in your inbox",
        "Copyright",
        "All rights reserved",
        "Privacy",
    ],
)
def test_read_html_leaves_page_furniture_out(fixtures: Path, furniture: str) -> None:
    doc = _one(list(read_html(fixtures / "news-page.html")))
    assert furniture not in doc.text


def test_read_html_reads_title_date_url(fixtures: Path) -> None:
    doc = _one(list(read_html(fixtures / "news-page.html")))
    assert doc.title == "Market blast in Dalreth kills 12, police say"
    assert doc.published == date(2024, 3, 14)
    assert doc.url == "https://ledger.example.org/world/2024/03/dalreth-market-blast"
    assert (doc.format, doc.source) == ("html", str(fixtures / "news-page.html"))


def test_read_html_page_without_article_is_an_error(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    [error] = list(read_html(page))
    assert isinstance(error, InputError)
    assert str(error) == f"{page}: no article text found in the HTML page"


# --- wikitext -----------------------------------------------------------------------------


def test_read_wikitext_keeps_body_and_headings(fixtures: Path) -> None:
    doc = _one(list(read_wikitext(fixtures / "ferry-bombing.wiki")))
    assert doc.text.startswith("The 2023 Porto Vell ferry bombing was an attack on 21 May 2023")
    assert "Officials said 31 people were killed and 77 were injured" in doc.text
    assert [s.title for s in doc.sections] == ["Attack", "Casualties", "Investigation"]
    for section in doc.sections:
        assert doc.text[section.start :].startswith(section.title + "\n")


@pytest.mark.parametrize(
    "absent",
    [
        "cite news",
        "Calvera Herald",
        "citation needed",
        "Infobox",
        "Short description",
        "See also",
        "List of ferry disasters",
        "References",
        "External links",
        "Official inquiry page",
        "Category",
        "Ferry map.png",
        "Route of the ferry",
        "==",
    ],
)
def test_read_wikitext_drops_refs_templates_and_link_lists(fixtures: Path, absent: str) -> None:
    doc = _one(list(read_wikitext(fixtures / "ferry-bombing.wiki")))
    assert absent not in doc.text


def test_read_wikitext_takes_title_from_infobox_and_no_publication_date(fixtures: Path) -> None:
    doc = _one(list(read_wikitext(fixtures / "ferry-bombing.wiki")))
    assert doc.title == "2023 Porto Vell ferry bombing"
    # the infobox date is the incident's, not the article's
    assert doc.published is None
    assert doc.format == "wikitext"


# --- feeds --------------------------------------------------------------------------------


def test_read_feed_rss_gives_one_document_per_item(fixtures: Path) -> None:
    items = list(read_feed(fixtures / "wire.rss"))
    assert len(items) == 2
    first, second = _docs(items)
    assert first.title == "Gunmen attack checkpoint near Ardmoor, six soldiers killed"
    assert first.ref == "cw-2024-0412-ardmoor"
    assert first.url == "https://wire.example.net/security/ardmoor-checkpoint"
    assert first.published == date(2024, 4, 12)
    assert "gunmen on motorcycles attacked an army checkpoint outside Ardmoor" in first.text
    assert second.ref == "https://wire.example.net/security/lenholm-fire"
    assert second.published == date(2024, 4, 13)
    assert "was started deliberately. Nobody was hurt." in second.text
    assert {first.format, second.format} == {"feed"}
    assert {first.source, second.source} == {str(fixtures / "wire.rss")}


def test_read_feed_uses_full_content_cleaned_of_html_and_furniture(fixtures: Path) -> None:
    first = list(read_feed(fixtures / "wire.rss"))[0]
    assert isinstance(first, Document)
    assert "according to a local official." in first.text
    assert "<p>" not in first.text
    assert "Share this" not in first.text


def test_read_feed_atom_entries_with_published_or_updated_date(fixtures: Path) -> None:
    docs = _docs(list(read_feed(fixtures / "bulletins.atom")))
    assert [d.title for d in docs] == [
        "Stabbing on Quay Street: one man arrested",
        "Appeal for witnesses after Dock Road collision",
    ]
    assert [d.published for d in docs] == [date(2024, 5, 1), date(2024, 5, 2)]
    assert docs[0].url == "https://police.example.com/bulletins/quay-street"
    assert docs[0].ref == "urn:uuid:5a1f0c55-22b7-4c1e-9a3b-000000000002"
    assert "A 34-year-old man was arrested at the scene." in docs[0].text


def test_read_feed_entry_without_text_is_an_error_at_its_line(fixtures: Path) -> None:
    path = fixtures / "feed-with-empty-item.xml"
    items = list(read_feed(path))
    assert len(_docs(items)) == 1
    [error] = _errors(items)
    assert error.line == 12
    assert str(error) == (
        f"{path}:12: entry 2 ('Untitled bulletin') has no text; it needs a summary or content"
    )


def test_read_feed_keeps_a_non_url_guid_as_ref_but_not_as_url(fixtures: Path) -> None:
    doc = _docs(list(read_feed(fixtures / "feed-with-empty-item.xml")))[0]
    assert (doc.ref, doc.url) == ("valley-1", None)


def test_read_feed_that_is_not_xml_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("this is not a feed\nat all\n")
    [error] = list(read_feed(path))
    assert isinstance(error, InputError)
    assert str(error).startswith(f"{path}:")
    assert "not a readable RSS or Atom feed" in str(error)


def test_read_feed_truncated_item_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "truncated.rss"
    path.write_text("<rss><channel><title>x</title><item><title>a</tit")
    [error] = list(read_feed(path))
    assert isinstance(error, InputError)
    assert "entry 1 has no text" in str(error)


# --- jsonl --------------------------------------------------------------------------------


def test_read_jsonl_loads_good_lines_with_their_fields(fixtures: Path) -> None:
    docs = _docs(list(read_jsonl(fixtures / "reports.jsonl")))
    assert [d.ref for d in docs] == ["r-1", "r-2", "4"]
    first = docs[0]
    assert first.title == "Grenade attack at Tesla Street market"
    assert first.url == "https://news.example.org/r1"
    assert first.published == date(2023, 11, 2)
    assert first.source == "Example Newswire"
    assert docs[1].published == date(2023, 11, 7)
    assert docs[1].source == str(fixtures / "reports.jsonl")


def test_read_jsonl_extracts_text_from_html_when_text_is_missing(fixtures: Path) -> None:
    doc = _docs(list(read_jsonl(fixtures / "reports.jsonl")))[2]
    assert "Gunmen attacked a guard post at the Orva dam on Sunday night" in doc.text
    assert doc.title == "Dam guard post attacked"
    assert "<p>" not in doc.text


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        (3, "not JSON (Expecting value); one object per line"),
        (5, 'no "text"; each line needs a "text" string'),
        (6, "\"published\" is not an ISO date or datetime: 'last Tuesday'"),
    ],
)
def test_read_jsonl_bad_line_names_file_and_line(fixtures: Path, line: int, problem: str) -> None:
    path = fixtures / "reports.jsonl"
    errors = {e.line: e for e in _errors(list(read_jsonl(path)))}
    assert str(errors[line]) == f"{path}:{line}: {problem}"


def test_read_jsonl_bad_utf8_on_one_line_spares_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'{"text": "A first report of a shooting."}\n'
        b'{"text": "Caf\xe9 attack."}\n'
        b'{"text": "A third report of a stabbing."}\n'
    )
    items = list(read_jsonl(path))
    assert len(_docs(items)) == 2
    [error] = _errors(items)
    assert error.line == 2 and "not UTF-8" in str(error)


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("[1, 2]", "a JSON list, not an object"),
        ('{"text": 5}', '"text" is a int, not a string'),
        ('{"text": "A report.", "title": ["x"]}', '"title" is a list, not a string'),
        ('{"text": "Advertisement"}', "the line has no report text"),
    ],
)
def test_read_jsonl_rejects_wrong_shapes(tmp_path: Path, raw: str, problem: str) -> None:
    path = tmp_path / "shapes.jsonl"
    path.write_text(raw + "\n")
    [error] = list(read_jsonl(path))
    assert isinstance(error, InputError)
    assert str(error).startswith(f"{path}:1: {problem}")


# --- text ---------------------------------------------------------------------------------


def test_read_text_keeps_report_and_drops_furniture(fixtures: Path) -> None:
    doc = _one(list(read_text(fixtures / "bridge-report.txt")))
    assert doc.text.split("\n") == [
        "Truck driven into crowd on Harrow Bridge",
        "A truck was driven into pedestrians on Harrow Bridge on Thursday evening, killing four"
        " people and injuring at least 19, city police said.",
        "The driver was detained at the scene after the truck struck a railing, police"
        " spokeswoman Ada Quill said. Investigators were questioning him on Friday.",
        "Witnesses",
        "One witness said the truck accelerated as it reached the middle of the bridge. Another"
        " said people jumped onto the tram tracks to escape.",
        "The council said the bridge would stay closed until Monday. Officials said comments"
        " from the public would be collected at a hearing next week.",
    ]


def test_read_text_reads_title_and_published_header(fixtures: Path) -> None:
    doc = _one(list(read_text(fixtures / "bridge-report.txt")))
    assert doc.title == "Truck driven into crowd on Harrow Bridge"
    assert doc.published == date(2024, 2, 9)
    assert "Published" not in doc.text
    assert [(s.title, doc.text[s.start : s.end].split("\n")[0]) for s in doc.sections] == [
        ("Witnesses", "Witnesses")
    ]


def test_read_text_markdown_title_date_and_hard_wrapped_paragraphs(fixtures: Path) -> None:
    doc = _one(list(read_text(fixtures / "wrapped-report.md")))
    assert doc.title == "Shooting at Fenwick depot"
    assert doc.published == date(2023, 6, 12)
    assert (
        "at a freight depot in Fenwick early on Monday, the county sheriff said. One of them"
        in doc.text
    )
    assert len(doc.text.split("\n")) == 3


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        (
            "Bus attack in Merrow\nA bus was set on fire in Merrow on Sunday.\n",
            "Bus attack in Merrow",
        ),
        ("A bus was set on fire in Merrow on Sunday.\nNobody was hurt.\n", None),
        ("Title: Merrow bus fire\nA bus was set on fire in Merrow on Sunday.\n", "Merrow bus fire"),
        ("Bus attack in Merrow\n", None),
    ],
)
def test_read_text_title_only_when_the_first_line_looks_like_one(
    tmp_path: Path, raw: str, title: str | None
) -> None:
    path = tmp_path / "report.txt"
    path.write_text(raw)
    assert _one(list(read_text(path))).title == title


def test_read_text_unparseable_date_header_stays_in_the_text(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Date: sometime last week\nA bus was set on fire in Merrow.\n")
    doc = _one(list(read_text(path)))
    assert doc.published is None
    assert doc.text.startswith("Date: sometime last week")


def test_read_text_latin1_file_is_an_error_naming_the_line(fixtures: Path) -> None:
    path = fixtures / "latin1-report.txt"
    [error] = list(read_text(path))
    assert isinstance(error, InputError)
    assert str(error) == (
        f"{path}:1: not UTF-8 (byte 0xe9 cannot be decoded); save the file as UTF-8"
    )


def test_read_text_binary_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    [error] = list(read_text(path))
    assert isinstance(error, InputError)
    assert str(error) == f"{path}: binary file (it contains NUL bytes), not a text report"


def test_read_text_empty_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("\n  \n")
    [error] = list(read_text(path))
    assert isinstance(error, InputError)
    assert "has no report text" in str(error)


# --- every reader -------------------------------------------------------------------------

ALL = [
    (read_html, "news-page.html"),
    (read_wikitext, "ferry-bombing.wiki"),
    (read_feed, "wire.rss"),
    (read_feed, "bulletins.atom"),
    (read_jsonl, "reports.jsonl"),
    (read_text, "bridge-report.txt"),
    (read_text, "wrapped-report.md"),
]


@pytest.mark.parametrize(("reader", "name"), ALL)
def test_reading_twice_gives_the_same_ids(reader: Reader, name: str, fixtures: Path) -> None:
    first = [d.id for d in _docs(list(reader(fixtures / name)))]
    again = [d.id for d in _docs(list(reader(fixtures / name)))]
    assert first and first == again


@pytest.mark.parametrize(("reader", "name"), ALL)
def test_ids_hash_the_cleaned_text(reader: Reader, name: str, fixtures: Path) -> None:
    for doc in _docs(list(reader(fixtures / name))):
        assert doc.id == content_id(doc.text)
        for section in doc.sections:
            assert doc.text[section.start :].startswith(section.title)
