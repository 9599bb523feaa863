from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.discord_app import RaceBot, create_bot
from bot.engine import Engine
from bot.settings import Settings
from tests.conftest import KNOWLEDGE
from tests.discord_app.fake_discord import Harness


def make_settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "knowledge_dir": KNOWLEDGE,
        "answer_channels": [Harness.ANSWER_CHANNEL_ID],
        "cooldown_rate": 1000,
        "cooldown_seconds": 10.0,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture
def settings() -> Settings:
    return make_settings()


@pytest.fixture
def bot(settings: Settings, engine: Engine) -> RaceBot:
    return create_bot(settings, engine)


@pytest.fixture
async def harness(bot: RaceBot) -> AsyncIterator[Harness]:
    async with Harness(bot) as running:
        yield running
        assert not running.errors, running.errors
