"""The question sets of tests/data/questions, graded as benchmarks/bench_questions.py grades them.

No reply may hold a figure the race's knowledge does not give or support (the hard rule), and no
race's pass rate may fall below what it reached when these floors were set (a ratchet against
regressions; the targets and the first-run figures are in benchmarks/results/accuracy.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.questions import QUESTIONS, rate, run_set

FLOORS = {  # by question set: a race's set, its fresh held-out set (all test), its dev-only set
    "amsterdam-marathon-2019": 0.82,
    "amsterdam-marathon-2019.dev": 0.96,
    "berlin-european-championships-marathon-2018": 0.79,
    "berlin-european-championships-marathon-2018.dev": 0.78,
    "berlin-marathon-2016": 0.92,
    "berlin-marathon-2016.dev": 0.95,
    "berlin-marathon-2017": 0.96,
    "berlin-marathon-2017.dev": 0.96,
    "berlin-marathon-2018": 0.95,
    "berlin-marathon-2018.fresh": 0.77,
    "berlin-marathon-2019": 1.0,
    "berlin-marathon-2019.dev": 0.95,
    "boston-marathon-2017": 0.95,
    "boston-marathon-2017.dev": 0.90,
    "boston-marathon-2018": 0.92,
    "boston-marathon-2018.dev": 0.93,
    "boston-marathon-2018.fresh": 0.87,
    "boston-marathon-2019": 0.93,
    "boston-marathon-2019.dev": 0.85,
    "chicago-marathon-2016": 0.92,
    "chicago-marathon-2016.dev": 0.91,
    "chicago-marathon-2017": 0.95,
    "chicago-marathon-2017.dev": 0.95,
    "chicago-marathon-2018": 0.95,
    "chicago-marathon-2018.dev": 0.93,
    "chicago-marathon-2019": 0.91,
    "chicago-marathon-2019.dev": 0.91,
    "chicago-marathon-2019.fresh": 0.82,
    "commonwealth-games-marathon-2018": 0.82,
    "commonwealth-games-marathon-2018.dev": 0.88,
    "copenhagen-marathon-2019": 0.75,
    "copenhagen-marathon-2019.dev": 0.68,
    "doha-world-championships-marathon-2019": 0.90,
    "doha-world-championships-marathon-2019.dev": 0.95,
    "dubai-marathon-2019": 0.93,
    "dubai-marathon-2019.dev": 0.91,
    "frankfurt-marathon-2019": 0.95,
    "frankfurt-marathon-2019.dev": 0.90,
    "fukuoka-marathon-2019": 0.87,
    "fukuoka-marathon-2019.dev": 0.76,
    "gold-coast-marathon-2019": 0.92,
    "gold-coast-marathon-2019.dev": 0.93,
    "hamburg-marathon-2019": 0.85,
    "hamburg-marathon-2019.dev": 0.83,
    "honolulu-marathon-2018": 0.89,
    "honolulu-marathon-2018.dev": 0.88,
    "houston-marathon-2020": 0.93,
    "houston-marathon-2020.dev": 0.93,
    "lake-biwa-marathon-2020": 0.87,
    "london-marathon-2018": 0.96,
    "london-marathon-2018.dev": 0.98,
    "london-marathon-2018.fresh": 0.87,
    "london-marathon-2018.more.dev": 0.96,
    "london-world-championships-marathon-2017": 0.90,
    "london-world-championships-marathon-2017.dev": 0.90,
    "los-angeles-marathon-2019": 0.92,
    "los-angeles-marathon-2019.dev": 0.86,
    "mumbai-marathon-2020": 0.85,
    "mumbai-marathon-2020.dev": 0.85,
    "nagoya-womens-marathon-2019": 0.89,
    "nagoya-womens-marathon-2019.dev": 0.90,
    "new-york-marathon-2016": 0.95,
    "new-york-marathon-2016.dev": 0.95,
    "new-york-marathon-2017": 0.89,
    "new-york-marathon-2017.dev": 0.93,
    "new-york-marathon-2018": 0.92,
    "new-york-marathon-2018.dev": 0.93,
    "new-york-marathon-2019": 0.96,
    "new-york-marathon-2019.dev": 0.98,
    "osaka-womens-marathon-2020": 0.78,
    "osaka-womens-marathon-2020.dev": 0.78,
    "ottawa-marathon-2019": 0.92,
    "ottawa-marathon-2019.dev": 0.91,
    "paris-marathon-2019": 0.93,
    "paris-marathon-2019.dev": 0.95,
    "prague-marathon-2019": 0.93,
    "prague-marathon-2019.dev": 0.91,
    "rio-olympic-marathon-2016": 0.89,
    "rio-olympic-marathon-2016.dev": 0.86,
    "rotterdam-marathon-2019": 0.82,
    "rotterdam-marathon-2019.dev": 0.90,
    "sydney-marathon-2019": 0.85,
    "sydney-marathon-2019.dev": 0.83,
    "tokyo-marathon-2018": 0.87,
    "tokyo-marathon-2018.dev": 0.88,
    "tokyo-marathon-2019": 0.96,
    "tokyo-marathon-2019.dev": 0.96,
    "tokyo-olympic-marathon-2021": 0.82,
    "toronto-waterfront-marathon-2019": 0.90,
    "toronto-waterfront-marathon-2019.dev": 0.83,
    "twin-cities-marathon-2019": 0.78,
    "twin-cities-marathon-2019.dev": 0.86,
}


def _fresh(path: Path) -> bool:
    return path.stem.endswith(".fresh")


def _dev_only(path: Path) -> bool:
    return path.stem.endswith(".dev")


@pytest.mark.parametrize("path", sorted(QUESTIONS.glob("*.yaml")), ids=lambda p: p.stem)
def test_question_set(path: Path) -> None:
    _, outcomes = run_set(path)
    invented = [(o.question.ask, o.invented) for o in outcomes if o.invented]
    assert not invented, invented
    passed, total = rate(outcomes)
    assert total >= (40 if _fresh(path) or _dev_only(path) else 60)
    assert passed / total >= FLOORS[path.stem], f"{path.stem}: {passed}/{total}"


def test_each_set_has_both_splits() -> None:
    for path in QUESTIONS.glob("*.yaml"):
        _, outcomes = run_set(path)
        if _fresh(path):  # held out whole
            assert {o.question.split for o in outcomes} == {"test"}, path.stem
            continue
        if _dev_only(path):  # more questions to tune on, written apart from the engine
            assert {o.question.split for o in outcomes} == {"dev"}, path.stem
            continue
        splits = [o.question.split for o in outcomes]
        assert abs(splits.count("dev") - splits.count("test")) <= 2, path.stem
