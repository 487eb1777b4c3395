"""Matching frames and grouping them: the rules of resolve/match.py and resolve/cluster.py on
keys written by hand, and the grouping metrics on hand-made assignments."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest

from incidentkb.resolve import Correction, FrameKey, all_links, cluster, links_between, resolve_keys
from incidentkb.resolve.match import score
from incidentkb.resolve.scoring import b_cubed, pairwise


def key(doc: str, n: int = 0, **kw: object) -> FrameKey:
    day = kw.pop("day", date(2024, 3, 22))
    base = FrameKey(
        frame_id=f"{doc}:{n}",
        document_id=doc,
        published=kw.pop("published", day),
        type="shooting",
        country="RU",
        city="krasnogorsk",
        day_lo=day,
        day_hi=day,
        exact_day=True,
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def test_same_day_same_city_links() -> None:
    assert score(key("a"), key("b")) == pytest.approx(5.0)


@pytest.mark.parametrize(
    "change",
    [
        {"document_id": "a"},  # one report's frames are different incidents
        {"country": "UA"},
        {"city": "moscow"},
        {"type": "bombing"},
        {"day": date(2024, 3, 26)},
    ],
)
def test_ruled_out(change: dict[str, object]) -> None:
    assert score(key("a"), key("b", **change)) is None


def test_undated_report_needs_a_third_agreement() -> None:
    undated = key(
        "b",
        day_lo=date(2024, 3, 16),
        day_hi=date(2024, 3, 23),
        exact_day=False,
        published=date(2024, 3, 23),
    )
    assert not links_between([undated], [key("a")])
    assert links_between([replace(undated, killed=(133,))], [key("a", killed=(133,))])


def test_past_attack_by_year_links_only_in_its_city() -> None:
    past = key("b", 1, background=True, day_lo=date(2024, 1, 1), day_hi=date(2024, 12, 31))
    past = replace(past, exact_day=False, killed=(145,))
    assert links_between([past], [key("a", killed=(145,))])
    assert not links_between([replace(past, city=None)], [key("a", killed=(145,))])


def test_a_report_with_no_date_cannot_chain_two_attacks_in_one_city() -> None:
    first = key("a", day=date(2018, 1, 20), killed=(22,), names=("#intercontinental",))
    second = key("b", day=date(2018, 1, 23), killed=(103,))
    vague = key(
        "c",
        day_lo=date(2018, 1, 16),
        day_hi=date(2018, 1, 23),
        exact_day=False,
        published=date(2018, 1, 23),
        killed=(22, 103),
    )
    links = links_between([vague], [first, second])
    assert len(links) == 2  # it fits both...
    groups = cluster([first, second, vague], links)
    assert len(groups) == 2  # ...but joins only one of them


def test_grouping_ignores_arrival_order() -> None:
    keys = [key(f"d{n}", day=date(2024, 3, 4 + 8 * (n % 3)), killed=(n % 3,)) for n in range(12)]
    keys += [key(f"e{n}", city="moscow", killed=(7,)) for n in range(3)]
    expected = resolve_keys(keys)
    for seed in range(3):
        shuffled = keys[:]
        random.Random(seed).shuffle(shuffled)
        assert resolve_keys(shuffled) == expected
    assert len(expected) == 4


def test_batch_links_equal_pairwise_links() -> None:
    rng = random.Random(3)
    keys = [
        key(
            f"d{n}",
            day=date(2024, 3, rng.randrange(1, 28)),
            city=rng.choice(["x", "y", None]),
            country=rng.choice(["RU", "RU", None]),
            killed=(rng.randrange(3),),
        )
        for n in range(60)
    ]
    slow = {(a, b) for i, k in enumerate(keys) for a, b, _ in links_between([k], keys[i + 1 :])}
    assert {(a, b) for a, b, _ in all_links(keys)} == slow


def test_merge_and_split_corrections() -> None:
    a, b, c = key("a"), key("b"), key("c", city="moscow")
    links = links_between([a, b, c], [])
    assert len(cluster([a, b, c], links)) == 2
    merged = Correction("merge", ("a:0", "b:0", "c:0"))  # two incidents' frames, all of them
    assert len(cluster([a, b, c], links, [merged])) == 1
    split = Correction("split", ("b:0",), ("a:0", "c:0"))
    groups = cluster([a, b, c], links, [merged, split])
    assert [[k.frame_id for k in g] for g in groups] == [["a:0", "c:0"], ["b:0"]]
    # a merge after the split joins them back
    again = Correction("merge", ("a:0", "b:0", "c:0"))
    assert len(cluster([a, b, c], links, [merged, split, again])) == 1


def test_pairwise_and_b_cubed_on_hand_made_groupings() -> None:
    gold = {1: "x", 2: "x", 3: "x", 4: "y"}
    assert pairwise(gold, gold)["f1"] == 1.0 and b_cubed(gold, gold)["f1"] == 1.0
    apart = {1: "p", 2: "q", 3: "r", 4: "s"}
    assert pairwise(gold, apart)["recall"] == 0.0
    assert pairwise(gold, apart)["precision"] == 1.0
    assert b_cubed(gold, apart)["precision"] == 1.0
    assert b_cubed(gold, apart)["recall"] == pytest.approx((1 / 3 * 3 + 1) / 4)
    together = {1: "p", 2: "p", 3: "p", 4: "p"}
    assert pairwise(gold, together)["precision"] == pytest.approx(3 / 6)
    assert pairwise(gold, together)["recall"] == 1.0


def test_a_siege_reported_by_its_start_and_its_end_is_one_incident() -> None:
    start = key("a", type="hostage", day=date(2013, 1, 16), killed=(2,))
    end = key("b", type="hostage", day=date(2013, 1, 19), killed=(2,))
    assert score(start, end) is not None
    assert len(cluster([start, end], links_between([start], [end]))) == 1
    # two shootings three days apart are two incidents
    assert score(replace(start, type="shooting"), replace(end, type="shooting")) is None


def test_two_lead_names_in_common_are_evidence_one_is_not() -> None:
    a = key("a", type="hostage", city=None, names=("~amenas", "~sonatrach"))
    b = key("b", type="hostage", city=None, names=("~amenas", "~sonatrach", "~algerian"))
    one = replace(b, names=("~amenas",))
    assert score(a, b) == pytest.approx(score(a, one) + 1.0)  # type: ignore[operator]
    # a headline's proper name alone is enough
    assert score(replace(a, names=("#amenas",)), replace(b, names=("#amenas",))) == score(a, b)
