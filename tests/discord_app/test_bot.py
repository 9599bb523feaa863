"""The Discord bot, driven through real gateway payloads and checked on the JSON it sends."""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

import discord
import pytest

from bot.discord_app import RaceBot, create_bot
from bot.engine import Engine
from tests.discord_app.conftest import make_settings
from tests.discord_app.fake_discord import Harness, Sent

PING = re.compile(r"@(everyone|here)\b|<@[!&]?\d+>")


def assert_safe(sent: Sent) -> None:
    """Every message disables all mentions, and nothing in it can ping."""
    assert sent.messages, "the bot sent nothing"
    for message in sent.messages:
        mentions = message.get("allowed_mentions")
        assert mentions is not None and mentions.get("parse") == [], message
        assert not mentions.get("replied_user"), message
    assert not PING.search(sent.text), sent.text


# --------------------------------------------------------------------------- construction


def test_create_bot_has_every_command_without_network(engine: Engine) -> None:
    bot = create_bot(make_settings(), engine)
    commands = {c.name: c for c in bot.tree.get_commands()}
    assert set(commands) >= {"ask", "result", "podium", "top", "compare", "records", "race",
                             "help", "reload"}  # fmt: skip
    for command in commands.values():
        assert isinstance(command, discord.app_commands.Command)
        assert command.description
        for parameter in command.parameters:
            assert parameter.description and parameter.description != "…", (command.name,)
    assert isinstance(bot, discord.ext.commands.AutoShardedBot)
    assert bot.allowed_mentions is not None and bot.allowed_mentions.everyone is False


def test_intents_and_sharding_follow_settings(engine: Engine) -> None:
    plain = create_bot(make_settings(answer_channels=[]), engine)
    assert plain.intents.message_content is False
    assert create_bot(make_settings(), engine).intents.message_content is True
    sharded = create_bot(make_settings(shard_count=4, shard_ids=[1, 3]), engine)
    assert sharded.shard_count == 4 and sharded.shard_ids == [1, 3]
    assert create_bot(make_settings(), engine).shard_count is None


# --------------------------------------------------------------------------- slash commands


async def test_result_farah(harness: Harness) -> None:
    sent = await harness.slash("result", {"athlete": "farah"})
    assert sent.callback["type"] == 4
    embed = sent.callback["data"]["embeds"][0]
    assert embed["title"] == "Mo Farah"
    assert "2:06:21" in embed["description"] and "2 min 4 s" in embed["description"]
    assert {"name": "Place", "value": "3rd", "inline": True} in embed["fields"]
    assert "Source:" in embed["footer"]["text"]
    assert_safe(sent)


async def test_result_from_an_autocomplete_value(harness: Harness) -> None:
    sent = await harness.slash("result", {"athlete": "london-marathon-2018/vivian-cheruiyot"})
    assert "2:18:31" in sent.text


@pytest.mark.parametrize(
    ("command", "options", "expected"),
    [
        ("ask", {"question": "who won the womens race"}, ["Cheruiyot", "2:18:31"]),
        ("podium", {"event": "women"}, ["Cheruiyot", "Kosgei", "Bekele"]),
        ("podium", {}, ["Kipchoge", "Cheruiyot"]),
        ("top", {"event": "women", "count": 8}, ["Partridge", "8th"]),
        ("compare", {"athlete": "farah", "other": "kipchoge"}, ["2 min 4 s", "faster"]),
        ("records", {}, ["British marathon record", "Steve Jones"]),
        ("race", {}, ["Kipchoge", "Cheruiyot"]),
        ("race", {"race": "london"}, ["Kipchoge"]),
        ("help", {}, ["who won"]),
    ],
)
async def test_every_command(
    harness: Harness, command: str, options: dict[str, Any], expected: list[str]
) -> None:
    sent = await harness.slash(command, options)
    assert sent.callback["type"] == 4
    for fragment in expected:
        assert fragment in sent.text, sent.text
    assert_safe(sent)
    assert not harness.discord.violations


async def test_podium_is_an_embed_with_the_source(harness: Harness) -> None:
    sent = await harness.slash("podium", {"event": "men"})
    embed = sent.callback["data"]["embeds"][0]
    assert "1st: Eliud Kipchoge, 2:04:17" in embed["description"]
    assert embed["footer"]["text"].startswith("London Marathon 2018")


async def test_unknown_athlete_is_private_with_suggestions(harness: Harness) -> None:
    sent = await harness.slash("result", {"athlete": "kipchoj"})
    assert "Kipchoge" in sent.text
    sent = await harness.slash("result", {"athlete": "usain bolt"})
    assert sent.ephemeral
    assert "usain bolt" in sent.text and "Mo Farah" in sent.text


async def test_unknown_race_and_event_are_friendly(harness: Harness) -> None:
    sent = await harness.slash("podium", {"race": "boston 1999"})
    assert sent.ephemeral and "I don't know a race called" in sent.text
    assert "London Marathon 2018" in sent.text
    sent = await harness.slash("podium", {"event": "juniors"})
    assert sent.ephemeral and "Men's race" in sent.text


async def test_everyone_and_markdown_come_back_inert(harness: Harness) -> None:
    for value in ("@everyone", "**bold** <@&123456789012345678>", "<@800000000000000001> @here"):
        sent = await harness.slash("result", {"athlete": value})
        assert_safe(sent)
        assert "**bold**" not in sent.text
        sent = await harness.slash("ask", {"question": f"where did {value} finish"})
        assert_safe(sent)


# --------------------------------------------------------------------------- autocomplete


async def test_autocomplete_kip(harness: Harness) -> None:
    choices = await harness.autocomplete("result", {"athlete": "kip"}, focused="athlete")
    assert choices[0] == {"name": "Eliud Kipchoge · Men's race",
                          "value": "london-marathon-2018/eliud-kipchoge"}  # fmt: skip
    assert not harness.discord.violations


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("", "Eliud Kipchoge"), ("CHERU", "Vivian Cheruiyot"), ("kéitany", "Mary Keitany"),
     ("farrah", "Mo Farah"), ("lily p", "Lily Partridge"), ("x" * 300, None)],
)  # fmt: skip
async def test_autocomplete_is_fuzzy_and_accent_blind(
    harness: Harness, typed: str, expected: str | None
) -> None:
    choices = await harness.autocomplete("compare", {"athlete": typed}, focused="athlete")
    assert len(choices) <= 25
    names = [c["name"] for c in choices]
    if expected is None:
        assert names == []
    else:
        assert any(n.startswith(expected) for n in names), names
    assert all(1 <= len(n) <= 100 for n in names)
    assert not harness.discord.violations


async def test_race_and_event_autocomplete(harness: Harness) -> None:
    races = await harness.autocomplete("podium", {"race": "lond"}, focused="race")
    assert races == [{"name": "London Marathon 2018", "value": "london-marathon-2018"}]
    events = await harness.autocomplete("podium", {"event": "wom"}, focused="event")
    assert events == [{"name": "Women's race", "value": "women"}]


# --------------------------------------------------------------------------- free text


async def test_mention_reply(harness: Harness) -> None:
    sent = await harness.mention("who won the women's race?")
    [reply] = sent.of("message")
    body = reply.json
    assert "Vivian Cheruiyot" in body["content"] and "2:18:31" in body["content"]
    assert body["message_reference"]["channel_id"] == Harness.CHANNEL_ID
    assert body["allowed_mentions"] == {"parse": [], "replied_user": False}


async def test_bare_mention_gets_short_help(harness: Harness) -> None:
    sent = await harness.mention("")
    assert "Ask me about a race" in sent.text or "Hi!" in sent.text
    assert_safe(sent)


async def test_dm_and_answer_channel(harness: Harness) -> None:
    sent = await harness.dm("farrah time?")
    assert "2:06:21" in sent.text
    sent = await harness.message("kipchoge time", channel_id=Harness.ANSWER_CHANNEL_ID)
    assert "2:04:17" in sent.text


async def test_other_channels_bots_and_itself_are_ignored(harness: Harness) -> None:
    assert (await harness.message("kipchoge time")).requests == []
    bot_user = harness.user(5, bot=True)
    sent = await harness.message("kipchoge time", channel_id=Harness.ANSWER_CHANNEL_ID,
                                 user=bot_user)  # fmt: skip
    assert sent.requests == []
    sent = await harness.message(f"<@{Harness.BOT_ID}> hi", user=harness.bot_user)
    assert sent.requests == []


async def test_follow_ups_per_person_and_channel(harness: Harness) -> None:
    alice, bob = harness.user(1), harness.user(2)
    await harness.mention("where did farah finish?", user=alice)
    await harness.mention("where did cheruiyot finish?", user=bob)
    assert "2:06:21" in (await harness.mention("and his time?", user=alice)).text
    assert "2:18:31" in (await harness.mention("and her time?", user=bob)).text
    in_dm = await harness.dm("and his time?", user=alice)  # another channel: no context
    assert "2:06:21" not in in_dm.text
    assert "2:04:17" in (await harness.mention("what about kipchoge?", user=alice)).text


async def test_long_answers_are_split_within_limits(harness: Harness) -> None:
    sent = await harness.mention("what did farah say " + "x" * 1900)
    assert all(len(m.get("content") or "") <= 2000 for m in sent.messages)
    assert not harness.discord.violations


# --------------------------------------------------------------------------- cooldowns


async def test_cooldown_on_commands_and_free_text(engine: Engine) -> None:
    bot = create_bot(make_settings(cooldown_rate=2, cooldown_seconds=60), engine)
    async with Harness(bot) as harness:
        alice, bob = harness.user(1), harness.user(2)
        for _ in range(2):
            assert "2:06:21" in (await harness.slash("result", {"athlete": "farah"},
                                                     user=alice)).text  # fmt: skip
        blocked = await harness.slash("result", {"athlete": "farah"}, user=alice)
        assert blocked.ephemeral and "Slow down" in blocked.text
        assert "2:06:21" in (await harness.slash("result", {"athlete": "farah"}, user=bob)).text
        # autocomplete is never rate limited
        assert await harness.autocomplete("result", {"athlete": "kip"}, "athlete", user=alice)
        warned = await harness.mention("farah time", user=alice)
        assert "Slow down" in warned.text
        silent = await harness.mention("farah time", user=alice)
        assert silent.requests == []  # warned once per period, not on every message
        assert not harness.discord.violations


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize("status", [403, 404, 500])
async def test_http_error_during_a_reply_is_logged_and_the_bot_keeps_serving(
    harness: Harness, status: int, caplog: pytest.LogCaptureFixture, monkeypatch: Any
) -> None:
    real_sleep = asyncio.sleep

    async def quick_sleep(delay: float, *args: Any) -> Any:  # discord.py backs off 1+2n s
        return await real_sleep(min(delay, 0.01), *args)

    monkeypatch.setattr(asyncio, "sleep", quick_sleep)
    harness.discord.fail("POST", r"/callback$", status, times=5 if status == 500 else 1)
    with caplog.at_level(logging.WARNING):
        await harness.slash("result", {"athlete": "farah"})
    assert any(r.levelno >= logging.WARNING for r in caplog.records)
    after = await harness.slash("result", {"athlete": "kipchoge"})
    assert "2:04:17" in after.text


async def test_one_500_is_retried_and_the_reply_arrives(harness: Harness) -> None:
    harness.discord.fail("POST", r"/callback$", 500, times=1)
    sent = await harness.slash("result", {"athlete": "farah"})
    assert [r.kind for r in sent.requests].count("callback") == 2
    assert "2:06:21" in sent.text


async def test_429_is_waited_out(harness: Harness) -> None:
    harness.discord.fail("POST", r"/channels/\d+/messages$", 429, times=1)
    sent = await harness.mention("farah time")
    assert len(sent.of("message")) == 2
    assert "2:06:21" in sent.text


async def test_a_timeout_during_a_reply_is_logged(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    harness.discord.fail("POST", r"/channels/\d+/messages$", 0, timeout=True, times=2)
    with caplog.at_level(logging.ERROR):
        await harness.mention("farah time")
    assert any("failed to answer" in r.getMessage() for r in caplog.records)
    assert "2:04:17" in (await harness.mention("kipchoge time")).text


async def test_http_error_on_a_message_reply_is_logged(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    harness.discord.fail("POST", r"/channels/\d+/messages$", 403, times=2)
    with caplog.at_level(logging.ERROR):
        await harness.mention("farah time")
    assert any("failed to answer" in r.getMessage() for r in caplog.records)
    assert "2:04:17" in (await harness.mention("kipchoge time")).text


async def test_unexpected_error_gets_an_apology_and_a_log(
    harness: Harness, bot: RaceBot, caplog: pytest.LogCaptureFixture, monkeypatch: Any
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(bot.engine, "command", broken)
    with caplog.at_level(logging.ERROR):
        sent = await harness.slash("podium", {})
    assert sent.ephemeral and "Sorry" in sent.text
    assert any(r.exc_info for r in caplog.records)
    monkeypatch.setattr(bot.engine, "ask", broken)
    sent = await harness.mention("who won")
    assert "Sorry" in sent.text


async def test_slow_first_response_is_a_violation_the_fake_catches(harness: Harness) -> None:
    harness.discord.deadline = 0.0  # every response is now "late"
    await harness.slash("help", {})
    assert any("first response" in v for v in harness.discord.violations)
    harness.discord.violations.clear()


# --------------------------------------------------------------------------- reload


async def test_reload_is_for_the_owner_and_refuses_a_bad_directory(
    harness: Harness, bot: RaceBot, tmp_path: Any
) -> None:
    sent = await harness.slash("reload", {}, user=harness.user(3))
    assert sent.ephemeral and "Only the bot owner" in sent.text
    owner = {**harness.user(99), "id": str(Harness.OWNER_ID)}
    bot.settings.knowledge_dir = tmp_path / "missing"
    sent = await harness.slash("reload", {}, user=owner)
    assert "Reload refused" in sent.text and "no such directory" in sent.text
    assert "2:06:21" in (await harness.slash("result", {"athlete": "farah"})).text


# --------------------------------------------------------------------------- faults


async def test_gateway_reconnect_during_replies(harness: Harness) -> None:
    payload = harness.interaction_payload(2, "result", {"athlete": "farah"})
    harness.feed("INTERACTION_CREATE", payload)
    harness.feed("RESUMED", {})
    harness.connect("session-2")  # a new session, as after a dropped connection
    await harness.settle()
    assert any(r.kind == "callback" and "2:06:21" in str(r.json) for r in harness.discord.requests)
    assert "2:04:17" in (await harness.mention("kipchoge time")).text


async def test_knowledge_deleted_or_unreadable_while_running(tmp_path: Any, engine: Engine) -> None:
    import shutil

    from tests.conftest import KNOWLEDGE

    directory = tmp_path / "kb"
    shutil.copytree(KNOWLEDGE, directory)
    bot = create_bot(make_settings(knowledge_dir=directory), Engine.from_path(directory))
    bot.owner_id = Harness.OWNER_ID
    owner = {**bot_user_like(Harness.OWNER_ID)}
    async with Harness(bot) as harness:
        shutil.rmtree(directory)
        assert "2:06:21" in (await harness.slash("result", {"athlete": "farah"})).text
        sent = await harness.slash("reload", {}, user=owner)
        assert "Reload refused" in sent.text and "no such directory" in sent.text
        directory.mkdir()
        (directory / "london.yaml").symlink_to(tmp_path / "nowhere.yaml")
        sent = await harness.slash("reload", {}, user=owner)
        assert "Reload refused" in sent.text
        assert "2:04:17" in (await harness.mention("kipchoge time")).text
        shutil.copy(KNOWLEDGE / "london-marathon-2018.yaml", directory / "london.yaml.tmp")
        (directory / "london.yaml").unlink()
        (directory / "london.yaml.tmp").rename(directory / "london.yaml")
        sent = await harness.slash("reload", {}, user=owner)
        assert "Reloaded 1 race(s): London Marathon 2018" in sent.text


async def test_reload_reads_again_only_the_files_that_changed(tmp_path: Any) -> None:
    import datetime as dt
    import shutil

    from benchmarks.synthetic import make_field, write_csv
    from bot.engine.importer import import_results
    from tests.conftest import KNOWLEDGE

    directory = tmp_path / "kb"
    directory.mkdir()
    shutil.copy(KNOWLEDGE / "london-marathon-2018.yaml", directory)
    field = make_field(300, seed=4)
    source = write_csv(field, tmp_path / "big.csv")
    big = directory / "big-city.yaml"
    import_results(source, race="Big City Marathon", date=dt.date(2024, 4, 21),
                   event="Marathon", output=big)  # fmt: skip
    bot = create_bot(make_settings(knowledge_dir=directory), Engine.from_path(directory))
    bot.owner_id = Harness.OWNER_ID
    owner = {**bot_user_like(Harness.OWNER_ID)}
    london = next(r for r in bot.engine.races if r.id == "london-marathon-2018")
    async with Harness(bot) as harness:
        sent = await harness.slash("reload", {}, user=owner)
        assert "Reloaded 2 race(s)" in sent.text and "Files read again: 0." in sent.text
        winner = field[0]
        big.write_text(big.read_text(encoding="utf-8").replace(winner.name, "Zed Quill"), "utf-8")
        sent = await harness.slash("reload", {}, user=owner)
        assert "Files read again: 1." in sent.text
        assert "Zed Quill" in (await harness.mention("who won the big city marathon")).text
        assert "2:04:17" in (await harness.mention("kipchoge time in london 2018")).text
    assert next(r for r in bot.engine.races if r.id == "london-marathon-2018") is london


def bot_user_like(user_id: int) -> dict[str, Any]:
    return {"id": str(user_id), "username": "owner", "discriminator": "0", "avatar": None,
            "global_name": "Owner"}  # fmt: skip
