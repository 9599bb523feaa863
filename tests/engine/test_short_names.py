"""One-letter slips in short names, in a big field full of namesakes.

The field is a synthetic results table (thousands of finishers sharing first names and surnames)
with a few runners added whose names have short words, imported and loaded like any race.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from benchmarks.synthetic import HEADER, make_field, write_csv
from bot.engine import Engine
from bot.engine.importer import import_results
from tests.test_cli import racebot

ADDED = [  # first, last, and namesakes who share one of the words
    ("George", "Webb"), ("George", "Weber"), ("George", "Smith"), ("Tom", "Webb"),
    ("Oliver", "King"), ("Oliver", "Kingston"), ("Oliver", "Kent"), ("Mary", "King"),
    ("Sian", "Wilson"), ("Sean", "Wilson"), ("Sam", "Wilson"), ("Sian", "Jones"),
    ("Isla", "Roberts"), ("Ian", "Roberts"), ("Isla", "Robertson"),
    ("Juan", "Phillips"), ("Jun", "Davis"),
]  # fmt: skip


@pytest.fixture(scope="module")
def knowledge(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("short-names")
    source = write_csv(make_field(6000, seed=11), directory / "field.csv")
    lines = source.read_text(encoding="utf-8").splitlines()
    assert lines[0].split(",") == HEADER
    finished = sum(1 for line in lines[1:] if line.split(",")[0].isdigit())
    rows = [
        f"{finished + n},{90000 + n},{first},{last},M,M40-44,GBR,,4:{n:02d}:00,4:{n:02d}:30"
        for n, (first, last) in enumerate(ADDED, start=1)
    ]
    place = 1 + next(i for i, line in enumerate(lines[1:]) if not line.split(",")[0].isdigit())
    source.write_text("\n".join([*lines[:place], *rows, *lines[place:]]) + "\n", "utf-8")
    kb = directory / "kb"
    import_results(source, race="Big City Marathon", date=dt.date(2024, 4, 21),
                   event="Marathon", output=kb / "big-city.yaml")  # fmt: skip
    return kb


@pytest.fixture(scope="module")
def engine(knowledge: Path) -> Engine:
    return Engine.from_path(knowledge)


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("george web time", "George Webb"),
        ("where did oliver kng finish", "Oliver King"),
        ("sin wilson result", "Sian Wilson"),
        ("isa robertss pace", "Isla Roberts"),
        ("what was george webbs time", "George Webb"),
        ("kng oliver place", "Oliver King"),
        ("wilson sain time", "Sian Wilson"),
        ("juan phillps time", "Juan Phillips"),
        ("jun phillips time", "Juan Phillips"),  # no Jun Phillips ran
    ],
)
def test_a_slip_in_a_short_name_finds_the_athlete(engine: Engine, question: str, name: str) -> None:
    answer = engine.ask(question)
    assert answer.kind != "clarify", answer.text
    assert answer.athletes and answer.athletes[0].name == name, answer.text


def test_exact_names_still_win_over_slips(engine: Engine) -> None:
    assert engine.ask("sean wilson time").athletes[0].name == "Sean Wilson"
    assert engine.ask("ian roberts time").athletes[0].name == "Ian Roberts"
    assert engine.ask("oliver kent time").athletes[0].name == "Oliver Kent"
    answer = engine.ask("jun davis time")
    assert answer.athletes[0].name == "Jun Davis"


def test_namesakes_are_offered_only_when_the_words_fit_several(engine: Engine) -> None:
    answer = engine.ask("sian time")  # a first name alone fits every Sian
    assert answer.kind == "clarify" and "Sian Wilson" in answer.text and "Sian Jones" in answer.text
    answer = engine.ask("s wilson time")  # one letter is not a name
    assert answer.kind == "clarify"


def test_racebot_ask_finds_a_short_name_slip(knowledge: Path) -> None:
    result = racebot("--knowledge", str(knowledge), "ask", "oliver kng time?")
    assert result.returncode == 0, result.stderr
    assert "Oliver King" in result.stdout and "Kingston" not in result.stdout


def test_a_reload_keeps_the_index_of_a_race_it_kept(knowledge: Path) -> None:
    from bot.engine.loader import load_directory

    first = load_directory(knowledge)
    before = Engine(first)
    again = Engine(load_directory(knowledge, first))  # nothing changed
    race_id = next(iter(first.races))
    assert again.indexes[race_id].names._postings is before.indexes[race_id].names._postings
    assert again.ask("oliver kng time").athletes[0].name == "Oliver King"
    fresh = Engine(load_directory(knowledge))  # read again: new athletes, a new index
    assert fresh.indexes[race_id].names._postings is not before.indexes[race_id].names._postings
