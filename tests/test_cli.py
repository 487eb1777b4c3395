"""The command line, as users' scripts call it: exit codes, the summary and error lines on
stderr, data on stdout in the formats DESIGN.md promises. Real SQLite files in tmp_path."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from incidentkb.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "reports"
SEED_GOLD = ROOT.parent / "shared" / "corpora" / "seed" / "kerman-2024.gold.json"
EXECUTABLE = ROOT / ".venv" / "bin" / "incidentkb"
HEADLINE = (
    "date", "country", "city", "type", "killed.best", "killed.low", "killed.high",
    "killed.claims", "injured.best", "perpetrators",
)  # fmt: skip

runner = CliRunner()


def invoke(*args: str | Path) -> Any:
    result = runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
    return result


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 14 sample reports ingested once into a SQLite file."""
    db = tmp_path_factory.mktemp("cli") / "samples.db"
    result = invoke("ingest", SAMPLES, "--db", db)
    assert result.exit_code == 0, result.stderr
    assert lines(result.stderr)[-1] == "14 documents read, 14 new, 0 skipped, 0 failed"
    return db


def ids(db: Path, *options: str) -> list[str]:
    result = invoke("incidents", "--format", "ids", "--db", db, *options)
    assert result.exit_code == 0, result.stderr
    return lines(result.stdout)


# -- ingest --------------------------------------------------------------------------------


def test_cli_ingest_samples_prints_summary(sample_db: Path) -> None:
    assert len(ids(sample_db)) == 14


def test_cli_reingest_skips_everything(sample_db: Path) -> None:
    result = invoke("ingest", SAMPLES, "--db", sample_db)
    assert result.exit_code == 0, result.stderr
    assert lines(result.stderr) == ["14 documents read, 0 new, 14 skipped, 0 failed"]
    assert result.stdout == ""
    assert len(ids(sample_db)) == 14


GOOD_LINE = {
    "id": "wire-0306-1",
    "text": "A bomb exploded in a market in Quetta, Pakistan, on 5 March 2023, killing at least "
    "12 people, police said.",
    "published": "2023-03-06",
}
OTHER_LINE = {
    "id": "wire-0328-4",
    "text": "A gunman killed six people at a school in Nashville, Tennessee, on Monday, police said.",
    "published": "2023-03-28",
}
GOOD_REPORT = (
    "Hotel siege in Mogadishu\n"
    "Published: 2022-08-21\n\n"
    "Gunmen stormed a hotel in Mogadishu, Somalia, on Friday, killing at least 21 people, "
    "police said. Al-Shabaab claimed responsibility for the attack.\n"
)


def bad_batch(folder: Path) -> list[Path]:
    jsonl = folder / "wire.jsonl"
    jsonl.write_text(
        json.dumps(GOOD_LINE) + "\n{not json, the feed was cut\n" + json.dumps(OTHER_LINE) + "\n",
        encoding="utf-8",
    )
    binary = folder / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 8)
    report = folder / "mogadishu.txt"
    report.write_text(GOOD_REPORT, encoding="utf-8")
    return [jsonl, binary, report]


def test_cli_ingest_bad_inputs_named_and_the_rest_go_in(tmp_path: Path) -> None:
    db = tmp_path / "batch.db"
    jsonl, binary, report = bad_batch(tmp_path)
    result = invoke("ingest", jsonl, binary, report, "--db", db)
    assert result.exit_code == 1
    err = result.stderr
    assert f"{jsonl}:2: " in err
    assert str(binary) in err
    assert lines(err)[-1] == "3 documents read, 3 new, 0 skipped, 2 failed"
    assert len(ids(db)) == 3


def test_cli_ingest_missing_path_fails_with_its_name(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    result = invoke("ingest", missing, "--db", tmp_path / "x.db")
    assert result.exit_code != 0
    assert "nowhere.txt" in result.stderr


def test_cli_ingest_real_process(tmp_path: Path) -> None:
    if not EXECUTABLE.exists():
        pytest.skip(f"{EXECUTABLE} not found: run `make test` to set up .venv")
    db = tmp_path / "proc.db"
    env = {k: v for k, v in os.environ.items() if k not in ("INCIDENTKB_DB", "COLUMNS")}
    done = subprocess.run(
        [EXECUTABLE, "ingest", SAMPLES / "kongsberg-2021.txt", SAMPLES / "incident-notes.jsonl",
         "--db", db],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert lines(done.stderr) == ["3 documents read, 3 new, 0 skipped, 0 failed"]


# -- extract -------------------------------------------------------------------------------


def test_cli_extract_prints_one_json_line_per_document() -> None:
    result = invoke("extract", SAMPLES / "incident-notes.jsonl", SAMPLES / "kongsberg-2021.txt")
    assert result.exit_code == 0, result.stderr
    docs = [json.loads(line) for line in lines(result.stdout)]
    assert len(docs) == 3
    for d in docs:
        assert d.keys() >= {"document", "incidents"}
        assert d["document"].keys() >= {"id", "ref", "url", "title", "published"}
    assert {d["document"]["ref"] for d in docs[:2]} == {"kunduz-msf-2015", "solingen-2024"}


def test_cli_extract_main_incident_first_background_after() -> None:
    result = invoke("extract", SAMPLES / "kongsberg-2021.txt")
    (doc,) = [json.loads(line) for line in lines(result.stdout)]
    main, *background = doc["incidents"]
    assert not main.get("background")
    assert main["location"]["city"] == "Kongsberg"
    assert background and all(r["background"] is True for r in background)
    # the 2011 attacks in Norway are background: their 77 dead are not Kongsberg's
    assert 77 not in [c["value"] for c in (main["killed"] or {}).get("claims", [])]


def test_cli_extract_bad_input_exit_1_rest_printed(tmp_path: Path) -> None:
    jsonl, binary, report = bad_batch(tmp_path)
    result = invoke("extract", jsonl, report)
    assert result.exit_code == 1
    assert f"{jsonl}:2: " in result.stderr
    assert len(lines(result.stdout)) == 3


# -- incidents, show -----------------------------------------------------------------------


def test_cli_incidents_filters(sample_db: Path) -> None:
    assert len(ids(sample_db, "--country", "NZ")) == 1
    assert len(ids(sample_db, "--since", "2022-01-01")) == 4
    assert len(ids(sample_db, "--q", "Christchurch")) == 1


def test_cli_incidents_since_bad_date_is_usage_error(sample_db: Path) -> None:
    result = invoke("incidents", "--since", "2020-13-45", "--db", sample_db)
    assert result.exit_code == 2
    words = " ".join(re.sub(r"[│╭╮╰╯─]", " ", result.stderr).split())
    assert "'2020-13-45' is not a date; use YYYY-MM-DD" in words


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_cli_incidents_rows_parse(sample_db: Path, fmt: str) -> None:
    result = invoke("incidents", "--format", fmt, "--db", sample_db)
    if fmt == "json":
        rows = [json.loads(line) for line in lines(result.stdout)]
    else:
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 14 and all(r["id"] for r in rows)


def test_cli_show_prints_toll_history(sample_db: Path) -> None:
    (incident,) = ids(sample_db, "--q", "Christchurch")
    result = invoke("show", incident, "--db", sample_db)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert incident in out
    assert re.search(r"reported\s+value\s+qualifier\s+status\s+said by\s+quote", out)
    assert re.search(r"2019-03-15\s+49\s+exact\s+superseded", out)
    assert re.search(r"2019-03-17\s+50\s+exact\s+current", out)


def test_cli_show_json_is_the_record(sample_db: Path) -> None:
    (incident,) = ids(sample_db, "--q", "Christchurch")
    record = json.loads(invoke("show", incident[:8], "--format", "json", "--db", sample_db).stdout)
    assert record["id"] == incident and record["type"] == "shooting"


def test_cli_show_unknown_id_exit_1_one_error_line(sample_db: Path) -> None:
    result = invoke("show", "0123456789abcdef", "--db", sample_db)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert lines(result.stderr) == [
        f"error: no incident with id '0123456789abcdef' in sqlite:///{sample_db}"
    ]


def test_cli_show_unknown_id_real_process_one_line(sample_db: Path) -> None:
    if not EXECUTABLE.exists():
        pytest.skip(f"{EXECUTABLE} not found: run `make test` to set up .venv")
    env = {k: v for k, v in os.environ.items() if k not in ("INCIDENTKB_DB", "COLUMNS")}
    done = subprocess.run(
        [EXECUTABLE, "show", "0123456789abcdef", "--db", sample_db],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert lines(done.stderr) == [
        f"error: no incident with id '0123456789abcdef' in sqlite:///{sample_db}"
    ]


# -- export --------------------------------------------------------------------------------


def _parse(fmt: str, text: str) -> list[dict[str, Any]]:
    if fmt == "json":
        return json.loads(text)
    if fmt == "jsonl":
        return [json.loads(line) for line in lines(text)]
    if fmt == "geojson":
        collection = json.loads(text)
        assert collection["type"] == "FeatureCollection"
        return collection["features"]
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "geojson", "gtd"])
def test_cli_export_formats_parse(sample_db: Path, fmt: str) -> None:
    result = invoke("export", "--format", fmt, "--db", sample_db)
    assert result.exit_code == 0, result.stderr
    rows = _parse(fmt, result.stdout)
    if fmt == "geojson":
        assert rows and all(f["geometry"]["type"] == "Point" for f in rows)
        assert all(len(f["geometry"]["coordinates"]) == 2 for f in rows)
    else:
        assert len(rows) == 14
    if fmt in ("json", "jsonl"):
        assert all({"id", "killed", "location", "documents"} <= r.keys() for r in rows)
    if fmt == "gtd":
        columns = {"eventid", "iyear", "attacktype1", "weaptype1", "nkill", "nkillter"}
        assert columns <= rows[0].keys()


def test_cli_export_to_file(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "incidents.json"
    result = invoke("export", "--format", "json", "-o", out, "--db", sample_db)
    assert result.exit_code == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 14
    assert lines(result.stderr) == [f"14 incidents written to {out}"]


def test_cli_export_unknown_format_is_usage_error(sample_db: Path) -> None:
    result = invoke("export", "--format", "xml", "--db", sample_db)
    assert result.exit_code == 2
    # a usage error is typer's boxed panel; its words, whatever the wrapping
    words = " ".join(re.sub(r"[│╭╮╰╯─]", " ", result.stderr).split())
    assert "unknown format 'xml'; use one of: json, jsonl, csv, geojson, gtd" in words


# -- eval ----------------------------------------------------------------------------------


def test_cli_eval_seed_scores_headline_fields_at_100() -> None:
    if not SEED_GOLD.exists():
        pytest.skip(f"{SEED_GOLD} absent: ../shared/corpora is not checked out next to the repo")
    table = invoke("eval", SEED_GOLD)
    assert table.exit_code == 0, table.stderr
    for field in HEADLINE:
        assert re.search(rf"{re.escape(field)}\s*│\s*100\.0\s*│\s*100\.0", table.stdout), field


def test_cli_eval_errors_groups_misses_by_cause(tmp_path: Path) -> None:
    lines = [
        {
            "id": "r1",
            "published": "2019-05-06",
            "text": "Three people were shot at a park in Dayton, Ohio, on Sunday. All three are "
            "expected to recover, police said.",
            "gold": {"date": "2019-05-05", "killed": 0, "injured": 3, "city": "Kettering"},
        },
        {
            "id": "r2",
            "published": "2019-05-06",
            "text": "Two men were shot and killed in Toledo, Ohio, on Sunday night, police said.",
            "gold": {"date": "2019-05-04", "killed": 2, "city": "Toledo"},
        },
    ]
    corpus = tmp_path / "mine.jsonl"
    corpus.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    result = invoke("eval", corpus, "--errors")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "date — a day off (a night that crosses midnight, or a weekday read a day off): 1" in out
    assert re.search(r"^  r2  date: .*\"want\": \"2019-05-04\"", out, re.M)
    assert "killed —" not in out and "injured —" not in out  # every toll is right
    assert "city — missed" not in out
    assert "labels no text states, not scored: city 1" in out  # Kettering: not in the text


# -- help and README -----------------------------------------------------------------------

COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


def test_cli_has_the_documented_commands() -> None:
    assert {"ingest", "extract", "incidents", "show", "export", "eval"} <= set(COMMANDS)
    assert {"merge", "split", "reject"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_command_has_help(command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0
    summary = get_command(app).commands[command].help  # type: ignore[attr-defined]
    assert summary and summary.strip()
    shown = " ".join(re.sub(r"[│╭╮╰╯─]", " ", result.stdout).split())
    assert "Usage:" in shown and " ".join(summary.split()[:5]) in shown


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_command_in_readme(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"^incidentkb {command}\b", readme, re.MULTILINE), command


def test_cli_corrections_merge_split_reject(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    stream = ROOT / "samples" / "stream" / "reports"
    for name in ("prague-university-1.txt", "kabul-intercontinental-1.txt"):
        assert invoke("ingest", str(stream / name), "--db", db).exit_code == 0
    first, second = ids(Path(db))
    merged = invoke("merge", first, second, "--by", "ana", "--db", db)
    assert merged.exit_code == 0, merged.stderr
    (one,) = ids(Path(db))
    assert merged.stdout.strip() == one
    record = json.loads(invoke("show", one, "--format", "json", "--db", db).stdout)
    doc = record["documents"][0]["id"]
    split = invoke("split", one, "--documents", doc[:8], "--db", db)
    assert split.exit_code == 0, split.stderr
    assert len(ids(Path(db))) == 2
    assert invoke("split", one[:8], "--documents", "abc", "--db", db).exit_code in (1, 2)
    claim = next(
        c
        for r in json.loads(invoke("export", "--db", db).stdout)
        for c in (r["killed"] or {}).get("claims", [])
    )
    ref = f"{claim['document']}:{claim['start']}-{claim['end']}"
    assert invoke("reject", ref, "--field", "killed", "--db", db).exit_code == 0
    bad = invoke("reject", "0000000000:1-2", "--db", db)
    assert bad.exit_code == 1 and "no claim at" in bad.stderr
    assert invoke("reject", "garbage", "--db", db).exit_code == 2
    shown = (
        invoke("show", ids(Path(db))[0], "--db", db).stdout
        + invoke("show", ids(Path(db))[1], "--db", db).stdout
    )
    assert "rejected" in shown


def test_cli_muc4_prints_a_line_per_document_and_eval_scores_it(tmp_path: Path) -> None:
    pytest.importorskip("spacy")
    if not (ROOT / "models" / "muc4").is_dir():
        pytest.skip("models/muc4 is not built (make muc4-model)")
    fillers = {
        "PerpInd": [["urban commandos"]],
        "PerpOrg": [["popular liberation army"]],
        "Target": [["power pylon"]],
        "Victim": [],
        "Weapon": [["dynamite"]],
    }
    text = (
        "san jose, 4 may 90 -- urban commandos of the popular liberation army blew up a power "
        "pylon with dynamite last night, police said."
    )
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"id": "DOC-1", "text": text, "templates": [], "role_fillers": fillers})
        + "\n"
        + '{"id": "DOC-2"}\n',
        encoding="utf-8",
    )
    result = invoke("muc4", gold)
    assert result.exit_code == 1  # DOC-2 has no text: named, the rest printed
    assert "DOC-2" in result.stderr
    (line,) = [json.loads(x) for x in result.stdout.splitlines()]
    assert line["id"] == "DOC-1" and isinstance(line["templates"], list)
    for template in line["templates"]:
        for role in fillers:
            assert all(m in text for entity in template[role] for m in entity)
    perfect = tmp_path / "perfect.jsonl"
    perfect.write_text(
        json.dumps({"id": "DOC-1", "templates": [{"incident_type": "bombing", **fillers}]}) + "\n",
        encoding="utf-8",
    )
    labelled = tmp_path / "labelled.jsonl"
    labelled.write_text(gold.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    unlabelled = invoke("eval", "--muc4", gold, perfect)
    assert unlabelled.exit_code == 1 and "no role_fillers for DOC-2" in unlabelled.stderr
    scored = invoke("eval", "--muc4", labelled, perfect, "--format", "json")
    assert scored.exit_code == 0, scored.stderr
    assert json.loads(scored.stdout)["micro"]["f1"] == 100.0
    assert invoke("eval", "--muc4", gold).exit_code == 2
