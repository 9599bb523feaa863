"""Starting, syncing and secrets: one-line errors, and the token never shows anywhere."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from unittest import mock

import pytest

from bot.discord_app.runner import run_bot, sync_commands
from bot.engine import Engine
from tests.discord_app.conftest import make_settings
from tests.discord_app.fake_discord import FakeDiscord, FakeSession, Harness

TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.secret-token-value"


@pytest.fixture
def fake() -> Iterator[FakeDiscord]:
    harness_user = {"id": str(Harness.BOT_ID), "username": "racebot", "discriminator": "0",
                    "avatar": None, "bot": True}  # fmt: skip
    discord_ = FakeDiscord(harness_user, Harness.APPLICATION_ID, Harness.OWNER_ID)
    with mock.patch("discord.http.aiohttp.ClientSession", lambda **_: FakeSession(discord_)):
        yield discord_


def test_settings_never_show_the_token() -> None:
    settings = make_settings(discord_token=TOKEN)
    for text in (repr(settings), str(settings), settings.model_dump_json()):
        assert TOKEN not in text
    assert settings.discord_token is not None
    assert settings.discord_token.get_secret_value() == TOKEN


def test_rejected_token_is_one_line_and_never_logged(
    fake: FakeDiscord,
    engine: Engine,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake.fail("GET", r"^/users/@me$", 401, body={"message": "401: Unauthorized", "code": 0})
    with caplog.at_level(logging.DEBUG):
        code = run_bot(make_settings(discord_token=TOKEN), engine)
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "rejected the token" in err
    everything = err + caplog.text + "".join(str(r.__dict__) for r in caplog.records)
    assert TOKEN not in everything
    assert "secret-token-value" not in everything


def test_sync_to_a_guild(
    fake: FakeDiscord, engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    assert sync_commands(make_settings(discord_token=TOKEN), engine, 123456789012345678) == 0
    assert "synced 9 commands to guild 123456789012345678" in capsys.readouterr().out
    [put] = [r for r in fake.requests if r.method == "PUT"]
    assert put.path.endswith("/guilds/123456789012345678/commands")
    assert {c["name"] for c in put.json} >= {"result", "podium", "ask", "help"}


def test_sync_refused_is_one_line(
    fake: FakeDiscord, engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.fail("PUT", r"/commands$", 403)
    assert sync_commands(make_settings(discord_token=TOKEN), engine, None) == 1
    assert capsys.readouterr().err.count("\n") == 1


def test_env_file_is_git_ignored() -> None:
    from tests.conftest import ROOT

    assert ".env" in (ROOT / ".gitignore").read_text().split()
