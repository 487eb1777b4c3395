"""Picking readers (by extension, by content), walking folders, and the public API."""

from pathlib import Path

import pytest

import incidentkb.ingest as ingest
from incidentkb.errors import IncidentKBError, InputError
from incidentkb.ingest import READERS, read_paths, reader_for, reader_named
from incidentkb.model import Document

NAMES = "feed, html, jsonl, text, wikitext"


@pytest.mark.parametrize(
    ("name", "reader"),
    [
        ("a.txt", "text"),
        ("a.md", "text"),
        ("a.HTML", "html"),
        ("a.htm", "html"),
        ("a.wiki", "wikitext"),
        ("a.wikitext", "wikitext"),
        ("a.mediawiki", "wikitext"),
        ("a.xml", "feed"),
        ("a.rss", "feed"),
        ("a.atom", "feed"),
        ("a.jsonl", "jsonl"),
    ],
)
def test_reader_for_picks_by_extension(tmp_path: Path, name: str, reader: str) -> None:
    assert reader_for(tmp_path / name) is READERS[reader]


@pytest.mark.parametrize(
    ("content", "reader"),
    [
        ("A bomb went off in the market on Monday.\n", "text"),
        ('<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>', "feed"),
        ('<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "feed"),
        ("<!DOCTYPE html>\n<html><body><p>Hi.</p></body></html>", "html"),
        ("<html lang='en'><body></body></html>", "html"),
        ('{"text": "A report."}\n{"text": "Another."}\n', "jsonl"),
        ("{{Infobox attack\n| title = X\n}}\nThe '''X''' was an attack.", "wikitext"),
        ("Lead sentence.\n\n== Aftermath ==\nMore text.", "wikitext"),
    ],
)
def test_reader_for_sniffs_files_without_a_known_extension(
    tmp_path: Path, content: str, reader: str
) -> None:
    path = tmp_path / "report.data"
    path.write_text(content)
    assert reader_for(path) is READERS[reader]


def test_reader_for_extensionless_text_file(fixtures: Path) -> None:
    assert reader_for(fixtures / "storm-note") is READERS["text"]


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"%PDF-1.4\n\x00\x01\x02", "a binary file"),
        (b'[{"text": "a"}]', "a JSON array"),
        (b'{\n  "text": "pretty printed"\n}\n', "JSON, but not one object per line"),
    ],
)
def test_reader_for_unknown_format_names_the_valid_ones(
    tmp_path: Path, content: bytes, kind: str
) -> None:
    path = tmp_path / "thing.bin"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        reader_for(path)
    assert str(caught.value) == f"{path}: unknown format ({kind}); use one of: {NAMES}"


def test_reader_named_unknown_name_lists_the_readers() -> None:
    with pytest.raises(IncidentKBError, match=f"unknown reader 'rss2'; use one of: {NAMES}"):
        reader_named("rss2")


def test_read_paths_binary_file_is_an_error_and_the_rest_load(fixtures: Path) -> None:
    items = list(read_paths([fixtures / "scan.pdf", fixtures / "storm-note"]))
    assert isinstance(items[0], InputError)
    assert (
        str(items[0])
        == f"{fixtures / 'scan.pdf'}: unknown format (a binary file); use one of: {NAMES}"
    )
    assert isinstance(items[1], Document) and items[1].title == "Overnight storm report"


def test_read_paths_missing_path_is_an_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    [error] = list(read_paths([missing]))
    assert isinstance(error, InputError)
    assert str(error) == f"{missing}: no such file or folder"


def _report(path: Path, words: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"Police said {words} on Monday.\n")


def test_read_paths_walks_folders_sorted_skipping_hidden(tmp_path: Path) -> None:
    _report(tmp_path / "b.txt", "b")
    _report(tmp_path / "a" / "z.txt", "az")
    _report(tmp_path / "a" / "c" / "d.md", "acd")
    _report(tmp_path / ".git" / "x.txt", "hidden folder")
    _report(tmp_path / "a" / ".draft.txt", "hidden file")
    docs = list(read_paths([tmp_path]))
    assert [d.source for d in docs if isinstance(d, Document)] == [
        str(tmp_path / "a" / "c" / "d.md"),
        str(tmp_path / "a" / "z.txt"),
        str(tmp_path / "b.txt"),
    ]


def test_read_paths_forced_reader(tmp_path: Path) -> None:
    path = tmp_path / "feed.txt"
    path.write_text(
        '<rss version="2.0"><channel><item><title>A</title>'
        "<description>A fire broke out.</description></item></channel></rss>"
    )
    [doc] = list(read_paths([path], reader="feed"))
    assert isinstance(doc, Document) and doc.format == "feed"


def test_read_paths_reads_every_fixture_without_raising(fixtures: Path) -> None:
    items = list(read_paths([fixtures]))
    assert sum(isinstance(i, Document) for i in items) == 13
    assert sum(isinstance(i, InputError) for i in items) == 6


def test_public_api_is_exported() -> None:
    for name in ingest.__all__:
        assert hasattr(ingest, name), name
    assert {"read_paths", "reader_for", "READERS", "clean"} <= set(ingest.__all__)
    assert sorted(READERS) == NAMES.split(", ")
