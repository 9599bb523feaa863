"""The fast path for results tables reads every table exactly as the schema does.

Whatever the rows hold, loading through the fast path (plain columns, then plain rows, then the
model) must give the same athletes as validating the whole file with the model, and a table the
model refuses must be refused with the same problems.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from bot.engine import KnowledgeError, load_file
from bot.engine.knowledge import Race
from bot.engine.loader import validation_problems
from bot.engine.models import RaceFile
from bot.engine.normalize import _normalize_any, normalize, slugify
from bot.engine.rows import Columns, _slugs, check_results

RACE = {"id": "club-10k-2024", "name": "Club 10K 2024", "year": 2024, "distance_km": 10}

NAMES = ["Ann Lee", "Bo Ray", "José Müller", "Séan O'Brien", "Anne-Marie van der Berg",
         " Ann Lee", "Ann Lee ", "Ann  Lee", "", "!!!", "Ann\x00Lee", "a" * 4001, "ÅSA ÆGIR",
         "Ｆｕｌｌ Ｗｉｄｔｈ", "Kelvin \u212a", "x\u00a0y", "İzmir Kaya", 7, None,
         ["Ann"]]  # fmt: skip
TIMES = ["2:06:21", "0:31:02", "0:31:02.4", "1:02:03,25", "31:02", "2:61:00", "2:04.17",
         " 2:06:21", "2:06:21\n", "100:00:00", "٢:٠٦:٢١", "", "DNF", 7600, 7600.5, True, None,
         "2 hours, 6 minutes"]  # fmt: skip
TEXTS = ["GBR", "Riverside RC", "", " GBR", "GBR ", "x" * 61, "M40-44", "\u3000GBR", 44, None]


def _row() -> st.SearchStrategy[dict[str, Any]]:
    optional = {
        "id": st.sampled_from(["ann-lee", "x", "Ann", "-x", "", None, 0, "a-b-2"]),
        "position": st.one_of(st.integers(-2, 12), st.sampled_from([10_000_001, 2.0, "3", True])),
        "time": st.sampled_from(TIMES),
        "chip_time": st.sampled_from(TIMES),
        "status": st.sampled_from(["finished", "dnf", "dns", "dq", "unknown", "DNF", None, 1]),
        "country": st.sampled_from(TEXTS),
        "club": st.sampled_from(TEXTS),
        "bib": st.sampled_from([*TEXTS, "1" * 21]),
        "category": st.sampled_from(TEXTS),
        "gender": st.sampled_from(["M", "F", "X", "m", "", None, 1]),
        "aliases": st.sampled_from([[], ["Annie"], "Annie"]),
        "position_implied": st.booleans(),
        "nickname": st.just("stray field"),
    }
    return st.fixed_dictionaries(
        {"name": st.sampled_from(NAMES)},
        optional={key: value for key, value in optional.items()},
    )


def _plain_row() -> st.SearchStrategy[dict[str, Any]]:
    """Rows as the importer writes them, with now and then something odd."""
    return st.fixed_dictionaries(
        {"name": st.sampled_from(NAMES[:5] + NAMES[12:18])},
        optional={
            "position": st.integers(1, 400),
            "time": st.sampled_from(TIMES[:4]),
            "chip_time": st.sampled_from(TIMES[:4]),
            "country": st.sampled_from(TEXTS[:2]),
            "bib": st.text("0123456789", min_size=1, max_size=5),
            "gender": st.sampled_from(["M", "F"]),
        },
    )


def _athletes(race: Race) -> list[tuple[object, ...]]:
    return [
        (a.key, a.name, a.event.id, a.position, a.position_implied, a.time, a.chip_time,
         a.status, a.country, a.club, a.bib, a.category, a.gender, a.aliases)
        for a in race.all_athletes()
    ]  # fmt: skip


def _compare(tmp_path: Path, events: list[dict[str, Any]]) -> None:
    data = {"race": RACE, "events": events}
    path = tmp_path / "race.yaml"
    path.write_text(json.dumps(data), encoding="utf-8")
    try:
        expected = Race.build(RaceFile.model_validate(data), "race.yaml")
    except ValidationError as exc:
        with pytest.raises(KnowledgeError) as info:
            load_file(path)
        assert info.value.problems == validation_problems("race.yaml", exc)
        return
    assert _athletes(load_file(path)) == _athletes(expected)


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(_row(), min_size=1, max_size=6))
def test_any_rows_load_as_the_schema_reads_them(tmp_path: Path, rows: list[dict[str, Any]]) -> None:
    _compare(tmp_path, [{"id": "open", "name": "Open", "results": rows}])


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    first=st.lists(_plain_row(), min_size=1, max_size=8),
    second=st.lists(_plain_row(), max_size=4),
    gender=st.sampled_from([None, "F"]),
)
def test_plain_tables_load_as_the_schema_reads_them(
    tmp_path: Path, first: list[dict[str, Any]], second: list[dict[str, Any]], gender: str | None
) -> None:
    women = {"id": "women", "name": "Women", "results": second}
    if gender:
        women["gender"] = gender
    _compare(tmp_path, [{"id": "open", "name": "Open", "results": first}, women])


def test_a_plain_table_takes_the_column_path() -> None:
    rows = [{"name": "Ann Lee", "position": 1, "time": "0:31:02", "gender": "F"},
            {"name": "José Müller", "position": 2, "time": "0:31:40.4", "club": "Riverside RC"},
            {"name": "Ann Lee", "id": "ann-lee-2", "status": "dnf"}]  # fmt: skip
    checked = check_results(rows)
    assert checked is not None and isinstance(checked[0], Columns)
    assert checked[1] == ["ann-lee", "jose-muller", "ann-lee-2"]
    assert checked[0].times == [1862.0, pytest.approx(1900.4), None]


def test_a_duplicate_or_an_odd_row_leaves_the_columns() -> None:
    rows = [{"name": "Ann Lee", "position": 1}, {"name": "Bo Ray", "position": 1}]
    assert check_results(rows) is None  # the model words the error
    odd = [{"name": "Ann Lee", "position": 1}, {"name": "Bo Ray", "aliases": ["Bobby"]}]
    checked = check_results(odd)
    assert checked is not None and not isinstance(checked[0], Columns)


@settings(max_examples=500, deadline=None)
@given(
    text=st.text(
        st.one_of(
            st.sampled_from(list("aZ09 -'`’ʼ\u00a0\u200b\u0301ßøİ\u212aΣ\x1c\t")),
            st.characters(),
        ),
        max_size=20,
    )
)
def test_word_by_word_normal_form_is_the_whole_text_normal_form(text: str) -> None:
    assert normalize(text) == _normalize_any(text)
    assert slugify(text) == "-".join(_normalize_any(text).split())


@settings(max_examples=300, deadline=None)
@given(
    texts=st.lists(
        st.text(st.sampled_from(list("aZ09 -'é\u00a0ßİ")), min_size=1, max_size=8)
        | st.sampled_from(["Ann Lee", "Anne-Marie van der Berg", "José Müller", "O'Brien's"]),
        min_size=1,
        max_size=12,
    )
)
def test_slugs_of_a_column_are_the_slugs_of_each_name(texts: list[str]) -> None:
    assert _slugs(texts) == [slugify(text) for text in texts]
