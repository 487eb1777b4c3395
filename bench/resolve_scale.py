"""Resolve many synthetic frames: time, peak memory and grouping quality at growing sizes.

    .venv/bin/python bench/resolve_scale.py [--sizes 10000 30000 100000] [--seed 7]

Frames are generated here, as the resolve stage sees them (incidentkb.resolve.FrameKey): incidents
spread over 60 countries (a third of them in one big country, as news is), 300 towns per country
and as many days as keep the stream at FRAMES_PER_DAY (a bigger database covers a longer time,
not a denser one: 100,000 frames are about 14 years of 20 reports a day), each reported 1-8 times; a report dates its incident to the day (70%), or not at
all so that only its publication date (0-3 days later) places it (30%); 15% name no town;
tolls rise from report to report; one report in ten also mentions a past incident by year.
Each size runs in its own subprocess, so its peak RSS is its own. Cost should grow near-linearly:
the table shows microseconds per frame, which should stay roughly flat.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta

from incidentkb.resolve import FrameKey, all_links, cluster
from incidentkb.resolve.scoring import b_cubed, pairwise

TYPES = ("shooting", "bombing", "stabbing", "ramming", "arson", "airstrike")
START = date(2000, 1, 1)
FRAMES_PER_DAY = 20


def synthetic(n_frames: int, seed: int) -> tuple[list[FrameKey], dict[str, int]]:
    """n_frames keys and, per frame, the incident it truly belongs to."""
    rng = random.Random(seed)
    countries = [f"C{i:02d}" for i in range(60)]
    weights = [20] + [1] * 59
    keys: list[FrameKey] = []
    truth: dict[str, int] = {}
    incident = 0
    while len(keys) < n_frames:
        incident += 1
        country = rng.choices(countries, weights)[0]
        city = f"{country.lower()} town {rng.randrange(300)}"
        day = START + timedelta(days=rng.randrange(max(1, n_frames // FRAMES_PER_DAY)))
        kind = rng.choice(TYPES)
        toll = rng.randrange(1, 40)
        for r in range(rng.randint(1, 8)):
            if len(keys) >= n_frames:
                break
            doc = f"d{len(keys):07d}"
            published = day + timedelta(days=rng.randrange(4) + r)
            toll += rng.randrange(3)
            dated = rng.random() < 0.7
            lo = day if dated else published - timedelta(days=7)
            key = FrameKey(
                frame_id=f"{doc}:0",
                document_id=doc,
                published=published,
                type=kind if rng.random() < 0.9 else None,
                country=country,
                city=city if rng.random() < 0.85 else None,
                day_lo=lo,
                day_hi=day if dated else published,
                exact_day=dated,
                killed=(toll,),
                words=f"{kind} in {city}",
            )
            keys.append(key)
            truth[key.frame_id] = incident
            if rng.random() < 0.1 and len(keys) < n_frames:
                year = max(START.year, day.year - rng.randrange(3))
                past = FrameKey(
                    frame_id=f"{doc}:1",
                    document_id=doc,
                    background=True,
                    published=published,
                    country=country,
                    city=f"{country.lower()} town {rng.randrange(300)}",
                    day_lo=date(year, 1, 1),
                    day_hi=date(year, 12, 31),
                    killed=(rng.randrange(1, 60),),
                )
                keys.append(past)
                truth[past.frame_id] = -len(keys)  # its own incident, as far as we know
    return keys, truth


def run_one(n: int, seed: int) -> dict[str, float]:
    keys, truth = synthetic(n, seed)
    started = time.perf_counter()
    links = list(all_links(keys))
    linked = time.perf_counter()
    groups = cluster(keys, links)
    done = time.perf_counter()
    pred = {k.frame_id: n for n, members in enumerate(groups) for k in members}
    return {
        "frames": n,
        "links": len(links),
        "incidents": len(groups),
        "true_incidents": len(set(truth.values())),
        "link_s": linked - started,
        "cluster_s": done - linked,
        "total_s": done - started,
        "us_per_frame": (done - started) / n * 1e6,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "pairwise_f1": pairwise(truth, pred)["f1"],
        "b3_f1": b_cubed(truth, pred)["f1"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.seed)))
        return
    print(
        f"{'frames':>8} {'links':>8} {'incidents':>9} {'true':>7} {'link s':>7} {'group s':>7}"
        f" {'total s':>7} {'µs/frame':>8} {'peak MiB':>8} {'pair F1':>7} {'B³ F1':>6}"
    )
    for n in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n), "--seed", str(args.seed)],
            check=True,
            capture_output=True,
            text=True,
        )
        r = json.loads(out.stdout)
        print(
            f"{r['frames']:>8} {r['links']:>8} {r['incidents']:>9} {r['true_incidents']:>7}"
            f" {r['link_s']:>7.2f} {r['cluster_s']:>7.2f} {r['total_s']:>7.2f}"
            f" {r['us_per_frame']:>8.1f} {r['peak_mib']:>8.0f} {r['pairwise_f1']:>7.3f}"
            f" {r['b3_f1']:>6.3f}"
        )


if __name__ == "__main__":
    main()
