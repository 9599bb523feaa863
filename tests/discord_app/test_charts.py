"""Finish-time charts: attached to /result and /race for fields of 50+, and from the CLI."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from benchmarks.synthetic import make_field, write_csv
from bot.discord_app import create_bot
from bot.engine import Engine
from bot.engine.importer import import_results
from tests.discord_app.conftest import make_settings
from tests.discord_app.fake_discord import Harness
from tests.test_cli import racebot

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def big_kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("charts")
    source = write_csv(make_field(300, seed=4), directory / "field.csv")
    import_results(source, race="Park Marathon", date=dt.date(2024, 3, 3), event="Marathon",
                   output=directory / "kb" / "park.yaml")  # fmt: skip
    return directory / "kb"


@pytest.fixture
async def big(big_kb: Path) -> AsyncIterator[Harness]:
    bot = create_bot(make_settings(knowledge_dir=big_kb), Engine.from_path(big_kb))
    async with Harness(bot) as harness:
        yield harness


async def test_result_attaches_the_distribution_with_the_athlete_marked(big: Harness) -> None:
    athlete = next(iter(big.bot.engine.races[0].all_athletes()))  # type: ignore[attr-defined]
    sent = await big.slash("result", {"athlete": athlete.name})
    assert sent.callback["type"] == 5  # deferred while the chart is drawn off the event loop
    [(name, data)] = sent.files
    assert name == "finish-times.png" and data.startswith(PNG)
    [message] = [m for m in sent.messages if m.get("embeds")]
    assert message["embeds"][0]["image"]["url"] == "attachment://finish-times.png"
    assert not big.discord.violations


async def test_race_attaches_the_distribution(big: Harness) -> None:
    sent = await big.slash("race", {})
    assert sent.files and sent.files[0][1].startswith(PNG)


async def test_small_fields_get_no_chart(harness: Harness) -> None:
    sent = await harness.slash("result", {"athlete": "farah"})
    assert sent.callback["type"] == 4 and not sent.files


def test_cli_chart(big_kb: Path, tmp_path: Path) -> None:
    out = tmp_path / "chart.png"
    result = racebot("--knowledge", str(big_kb), "ask", "--chart", str(out), "who won")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(PNG)
    small = racebot("ask", "--chart", str(tmp_path / "x.png"), "farah time")
    assert small.returncode == 1 and "no chart" in small.stderr
