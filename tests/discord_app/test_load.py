"""Load and long sessions: nothing lost, cooldowns per user, bounded memory."""

from __future__ import annotations

import gc
import tracemalloc

from bot.discord_app import create_bot
from bot.discord_app.limits import Conversations, Cooldown
from bot.engine import Engine
from tests.discord_app.conftest import make_settings
from tests.discord_app.fake_discord import Harness
from tests.discord_app.load import run_load


async def test_parallel_users_nothing_lost_cooldowns_per_user(engine: Engine) -> None:
    bot = create_bot(make_settings(cooldown_rate=4, cooldown_seconds=60), engine)
    async with Harness(bot) as harness:
        report = await run_load(harness, users=50, events=400)
        print(report.summary())
        assert report.lost == []
        assert not harness.discord.violations, harness.discord.violations[:3]
        assert not harness.errors
        assert max(report.per_user.values()) <= 4  # nobody got past their cooldown
        assert len(report.per_user) == 50  # and everybody got answers
        assert report.answered == 50 * 4
        after = await harness.slash("result", {"athlete": "farah"}, user=harness.user(5000))
        assert "2:06:21" in after.text


def test_cooldown_windows_slide() -> None:
    now = [0.0]
    cooldown = Cooldown(2, 10.0, clock=lambda: now[0])
    assert cooldown.hit(1) is None and cooldown.hit(1) is None
    assert cooldown.hit(1) == 10.0
    assert cooldown.hit(2) is None
    now[0] = 10.0
    assert cooldown.hit(1) is None


def test_conversations_expire_and_are_bounded() -> None:
    now = [0.0]
    conversations = Conversations(ttl=60, clock=lambda: now[0], max_keys=100)
    first = conversations.get(("channel", 1))
    first.athlete_keys = ("mo-farah",)
    assert conversations.get(("channel", 1)) is first
    now[0] = 61
    assert conversations.get(("channel", 1)) is not first
    for user in range(1000):
        conversations.get(("channel", user))
    assert len(conversations) <= 100
    now[0] = 200
    conversations.get(("other", 0))
    assert len(conversations) == 1  # everything older than the lifetime is gone


async def test_memory_stays_flat_over_a_long_session(engine: Engine) -> None:
    bot = create_bot(make_settings(cooldown_rate=1000), engine)
    bot.conversations.max_keys = 200
    bot.cooldown.max_keys = 200
    async with Harness(bot) as harness:
        await run_load(harness, users=200, events=200, seed=1)
        harness.discord.requests.clear()
        gc.collect()
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        for round_number in range(3):
            await run_load(harness, users=200, events=300, seed=round_number + 2)
            harness.discord.requests.clear()
            harness.discord.interactions.clear()
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - before
        tracemalloc.stop()
        assert len(bot.conversations) <= 200 and len(bot.cooldown) <= 200
        assert grown < 3 * 2**20, f"grew {grown / 2**20:.1f} MiB over 900 events"
