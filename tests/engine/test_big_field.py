"""Several races, one of them a big imported field: race choice and big-field questions."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from benchmarks.synthetic import Runner, make_field, write_csv
from bot.engine import Conversation, Engine
from bot.engine.durations import format_time
from bot.engine.importer import import_results
from tests.conftest import KNOWLEDGE


@pytest.fixture(scope="module")
def field() -> list[Runner]:
    return make_field(2000, seed=5)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, field: list[Runner]) -> Engine:
    directory = tmp_path_factory.mktemp("kb")
    shutil.copy(KNOWLEDGE / "london-marathon-2018.yaml", directory)
    source = write_csv(field, directory.parent / "big.csv")
    import_results(source, race="Big City Marathon", date=dt.date(2024, 4, 21),
                   event="Marathon", output=directory / "big-city.yaml")  # fmt: skip
    return Engine.from_path(directory)


def finishers(field: list[Runner]) -> list[Runner]:
    return [r for r in field if r.position is not None]


def test_several_races_ask_which_one(engine: Engine) -> None:
    answer = engine.ask("who won?")
    assert answer.kind == "clarify"
    assert "London Marathon 2018" in answer.text and "Big City Marathon 2024" in answer.text


def test_race_named_by_name_or_year(engine: Engine, field: list[Runner]) -> None:
    assert "Kipchoge" in engine.ask("who won london 2018?").text
    winner = finishers(field)[0]
    assert winner.name in engine.ask("who won the big city marathon").text
    assert winner.name in engine.ask("who won in 2024").text
    assert engine.ask("who won in 1999").kind in ("unknown", "clarify")


def test_a_name_picks_its_race_and_the_conversation_keeps_it(
    engine: Engine, field: list[Runner]
) -> None:
    assert "2:06:21" in engine.ask("farah time").text
    conversation = Conversation()
    engine.ask("who won the big city marathon", conversation)
    second = finishers(field)[1]
    assert second.name in engine.ask("who was 2nd?", conversation).text


def test_big_field_questions(engine: Engine, field: list[Runner]) -> None:
    done = finishers(field)
    assert "2,000 finished" in engine.ask("how many finished big city 2024").text
    hundredth = done[99]
    assert hundredth.name in engine.ask("who was 100th in the big city marathon").text
    under = sum(1 for r in done if r.gun is not None and r.gun < 3 * 3600)
    assert f"{under:,} of 2,000" in engine.ask("who finished under 3 hours in big city").text
    kenyan = next(r for r in done if r.country == "KEN")
    assert kenyan.name in engine.ask("fastest kenyan in the big city marathon").text
    club = next(r for r in done if r.club)
    answer = engine.ask(f"fastest from {club.club} big city marathon")
    assert club.name in answer.text, answer.text
    runner = done[250]
    answer = engine.ask(f"what position was bib {runner.bib} in big city")
    assert f"{runner.position:,}" in answer.text and runner.name in answer.text
    woman = next(r for r in done if r.gender == "F")
    assert woman.name in engine.ask("who was the first woman in big city").text
    category = done[10].category
    first_in_category = next(r for r in done if r.category == category)
    answer = engine.ask(f"who won the {category} category in big city")
    assert first_in_category.name in answer.text, answer.text
    assert "Category winners" in engine.ask("age group winners big city marathon").text


def test_shared_names_are_disambiguated(engine: Engine, field: list[Runner]) -> None:
    smiths = [r for r in field if r.name == "John Smith"]
    assert len(smiths) >= 2
    answer = engine.ask("john smith time big city")
    assert answer.kind == "clarify"
    assert f"There are {len(smiths)} finishers called John Smith" in answer.text
    conversation = Conversation()
    engine.ask("john smith time big city", conversation)
    picked = smiths[0]
    follow = engine.ask(f"john smith bib {picked.bib}", conversation)
    assert format_time(picked.gun or 0) in follow.text
