"""Property tests through Discord: any text in /ask, /result or a mention gets a reply within
Discord's limits (the fake enforces them) that cannot ping anyone."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings

from bot.discord_app import create_bot
from bot.engine import Engine
from tests.discord_app.conftest import make_settings
from tests.discord_app.fake_discord import Harness, Sent
from tests.engine.test_fuzz import text

PING = re.compile(r"@(everyone|here)\b|<@[!&]?\d+>")


@pytest.fixture(scope="module")
def running(engine: Engine) -> Iterator[tuple[asyncio.AbstractEventLoop, Harness]]:
    loop = asyncio.new_event_loop()
    harness = Harness(create_bot(make_settings(cooldown_rate=10**9), engine))
    loop.run_until_complete(harness.start())
    yield loop, harness
    loop.run_until_complete(harness.close())
    loop.close()


def check(sent: Sent, harness: Harness) -> None:
    assert sent.messages, "no reply"
    for message in sent.messages:
        assert message.get("allowed_mentions", {}).get("parse") == []
    assert not PING.search(sent.text), sent.text
    assert not harness.discord.violations, harness.discord.violations
    assert not harness.errors, harness.errors
    harness.discord.requests.clear()


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(question=text)
def test_any_mention_is_answered_safely(
    running: tuple[asyncio.AbstractEventLoop, Harness], question: str
) -> None:
    loop, harness = running
    question = question.replace("\x00", "")[:1990]
    sent = loop.run_until_complete(harness.mention(question, user=harness.user(2)))
    check(sent, harness)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(value=text.filter(lambda t: len(t.strip()) > 0 and "\x00" not in t))
def test_any_option_value_is_answered_safely(
    running: tuple[asyncio.AbstractEventLoop, Harness], value: str
) -> None:
    loop, harness = running
    for command, option in (("ask", "question"), ("result", "athlete")):
        sent = loop.run_until_complete(harness.slash(command, {option: value[:200]}))
        check(sent, harness)
