"""reconcile_count and history: the reconciliation rule of resolve/reconcile.py, on claims
made with Claim.at over a report written for these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from incidentkb.model import Claim, Document
from incidentkb.resolve import history, reconcile_count

TEXT = (
    "Two bombs exploded near a cemetery in Kerman on 3 January. A first report said 30 people "
    "died. Early reports put the toll at 103. Officials later said 84 people were killed. By 5 January at least 94 people had died, "
    "and some outlets said at least 95. Up to 120 people may have died, one witness said. "
    "Between 80 and 100 people were killed, a medic said. Exactly 95 people were killed."
)
DOC = Document.make(TEXT, published=date(2024, 1, 5))


def claim(quote: str, value: int, reported: date | None = date(2024, 1, 5), **kw: Any) -> Claim:
    start = TEXT.index(quote)
    return Claim.at(DOC, start, start + len(quote), "killed", value, reported_at=reported, **kw)


EARLY_103 = claim("toll at 103", 103, date(2024, 1, 3), status="superseded")
OFFICIAL_84 = claim("84 people were killed", 84, date(2024, 1, 4))
LEAST_94 = claim("at least 94 people had died", 94, qualifier="at_least")
LEAST_95 = claim("at least 95", 95, qualifier="at_least")
EXACT_95 = claim("Exactly 95 people were killed", 95)
UP_TO_120 = claim("Up to 120 people may have died", 120, qualifier="up_to")
RANGE = claim("Between 80 and 100 people were killed", 80, qualifier="range", low=80, high=100)


def summary(*claims: Claim) -> dict[str, Any]:
    out = reconcile_count(claims)
    assert out is not None
    return out


def test_reconcile_quotes_are_cut_from_the_text() -> None:
    for c in (EARLY_103, OFFICIAL_84, LEAST_94, LEAST_95, EXACT_95, UP_TO_120, RANGE):
        assert DOC.text[c.start : c.end] == c.quote


def test_reconcile_nothing_to_reconcile() -> None:
    assert reconcile_count([]) is None


def test_reconcile_superseded_is_never_best_but_widens_high() -> None:
    out = summary(EARLY_103, LEAST_94)
    assert out["best"] == 94
    assert (out["low"], out["high"]) == (94, 103)


def test_reconcile_superseded_widens_low() -> None:
    early = claim("30 people died", 30, date(2024, 1, 3), status="superseded")
    out = summary(early, LEAST_94)
    assert (out["best"], out["low"], out["high"]) == (94, 30, 94)


def test_reconcile_latest_report_wins_over_earlier_current_claims() -> None:
    later = Document.make(TEXT + " Officials said on Saturday that 84 people were killed.")
    start = later.text.rindex("84 people were killed")
    later_84 = Claim.at(
        later,
        start,
        start + len("84 people were killed"),
        "killed",
        84,
        reported_at=date(2024, 1, 6),
    )
    assert summary(later_84, LEAST_94)["best"] == 84
    assert summary(later_84, LEAST_94)["conflict"] is False  # 94 is an earlier report's


def test_reconcile_within_one_report_every_current_claim_counts() -> None:
    # status.py says which of a report's own figures a later one replaces; the ones it left
    # current all count, whatever time each gives ("two were killed early Monday" beside a
    # single death told as of publication)
    out = summary(OFFICIAL_84, LEAST_94)  # 84 reported on 4 January, 94 on 5 January
    assert out["best"] == 94
    assert summary(claim("84 people were killed", 84, date(2024, 1, 6)), LEAST_94)["best"] == 94


def test_reconcile_highest_lower_bound_among_latest_is_best() -> None:
    out = summary(LEAST_94, LEAST_95)
    assert (out["best"], out["qualifier"]) == (95, "at_least")
    assert (out["low"], out["high"]) == (94, 95)


@pytest.mark.parametrize("bound", [UP_TO_120, RANGE], ids=["up_to", "range"])
def test_reconcile_bounds_do_not_beat_a_stated_figure(bound: Claim) -> None:
    out = summary(bound, LEAST_94)
    assert (out["best"], out["qualifier"]) == (94, "at_least")


def test_reconcile_up_to_is_best_only_when_nothing_else() -> None:
    out = summary(UP_TO_120)
    assert (out["best"], out["qualifier"]) == (120, "up_to")


def test_reconcile_range_alone_gives_its_low_end_and_spans_low_high() -> None:
    out = summary(RANGE)
    assert (out["best"], out["qualifier"], out["low"], out["high"]) == (80, "range", 80, 100)


def test_reconcile_range_widens_low_high_next_to_a_figure() -> None:
    out = summary(RANGE, LEAST_94)
    assert (out["low"], out["high"]) == (80, 100)


@pytest.mark.parametrize("order", ["exact_first", "qualified_first"])
def test_reconcile_equal_values_prefer_the_qualified_claim(order: str) -> None:
    claims = (EXACT_95, LEAST_95) if order == "exact_first" else (LEAST_95, EXACT_95)
    out = summary(*claims)
    assert (out["best"], out["qualifier"]) == (95, "at_least")
    assert '"at least 95"' in out["reason"]


def test_reconcile_conflict_when_current_claims_differ() -> None:
    assert summary(LEAST_94, LEAST_95)["conflict"] is True


def test_reconcile_no_conflict_when_only_superseded_differs() -> None:
    assert summary(EARLY_103, LEAST_94)["conflict"] is False


def test_reconcile_no_conflict_for_one_figure() -> None:
    assert summary(EXACT_95)["conflict"] is False


def test_reconcile_reason_quotes_the_best_claim_and_its_speaker() -> None:
    said = claim("84 people were killed", 84, date(2024, 1, 6), attributed_to="Officials")
    reason = summary(said)["reason"]
    assert '"84 people were killed"' in reason and "(Officials)" in reason
    assert "2024-01-06" in reason


def test_reconcile_denied_claim_is_never_best() -> None:
    denied = claim("at least 95", 95, qualifier="at_least", status="denied")
    assert summary(denied, LEAST_94)["best"] == 94


def test_history_ordered_by_reported_at() -> None:
    rows = history([LEAST_94, EARLY_103, OFFICIAL_84])
    assert [(r["reported_at"], r["value"]) for r in rows] == [
        ("2024-01-03", 103),
        ("2024-01-04", 84),
        ("2024-01-05", 94),
    ]
    assert rows[0]["status"] == "superseded" and rows[0]["quote"] == "toll at 103"


def test_history_undated_claims_come_first() -> None:
    undated = claim("at least 95", 95, None, qualifier="at_least")
    rows = history([LEAST_94, undated])
    assert [r["reported_at"] for r in rows] == [None, "2024-01-05"]


def test_history_keeps_every_claim_with_its_quote_and_speaker() -> None:
    said = claim("84 people were killed", 84, date(2024, 1, 4), attributed_to="Officials")
    (row,) = history([said])
    assert row == {
        "reported_at": "2024-01-04",
        "value": 84,
        "qualifier": "exact",
        "status": "current",
        "attributed_to": "Officials",
        "document": DOC.id,
        "start": said.start,
        "end": said.end,
        "quote": "84 people were killed",
    }


def _said(doc: str, value: int, day: date) -> Claim:
    quote = f"{value} people were killed"
    return Claim("killed", value, doc, 0, len(quote), quote, reported_at=day)


def test_a_later_report_supersedes_an_earlier_one() -> None:
    first = _said("report-a", 40, date(2024, 3, 22))
    later = _said("report-b", 133, date(2024, 3, 23))
    summary = reconcile_count([first, later])
    assert summary is not None
    assert (summary["best"], summary["low"], summary["high"]) == (133, 40, 133)
    assert summary["conflict"] is False
    assert [(h["value"], h["status"]) for h in history([first, later])] == [
        (40, "superseded"),
        (133, "current"),
    ]


def test_reports_of_the_same_day_that_disagree_are_a_conflict() -> None:
    one = _said("report-a", 133, date(2024, 3, 23))
    other = _said("report-b", 137, date(2024, 3, 23))
    summary = reconcile_count([one, other])
    assert summary is not None and summary["conflict"] is True and summary["best"] == 137
