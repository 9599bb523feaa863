"""Starting the bot and syncing commands, with one-line errors instead of tracebacks."""

from __future__ import annotations

import asyncio
import logging
import sys

import discord

from bot.discord_app.app import create_bot
from bot.engine import Engine
from bot.settings import Settings

log = logging.getLogger("racebot.discord")


def _fail(message: str) -> int:
    print(f"racebot: {message}", file=sys.stderr)
    return 1


def _token(settings: Settings) -> str:
    assert settings.discord_token is not None
    return settings.discord_token.get_secret_value().strip()


def run_bot(settings: Settings, engine: Engine) -> int:
    """Run until stopped. Returns the exit code."""
    bot = create_bot(settings, engine)

    async def main() -> None:
        async with bot:
            await bot.start(_token(settings))

    try:
        asyncio.run(main())
    except discord.LoginFailure:
        return _fail(
            "Discord rejected the token (DISCORD_TOKEN). Reset it in the Developer Portal."
        )
    except discord.PrivilegedIntentsRequired:
        return _fail(
            "ANSWER_CHANNELS needs the Message Content intent: enable it in the Developer Portal "
            "(Bot > Privileged Gateway Intents), or leave ANSWER_CHANNELS empty."
        )
    except (discord.GatewayNotFound, discord.ConnectionClosed, OSError) as exc:
        return _fail(f"could not connect to Discord ({type(exc).__name__}).")
    except KeyboardInterrupt:
        return 0
    return 0


def sync_commands(settings: Settings, engine: Engine, guild: int | None) -> int:
    """Register the slash commands globally, or in one guild (instant)."""
    bot = create_bot(settings, engine)

    async def main() -> int:
        async with bot:
            await bot.login(_token(settings))
            if guild is not None:
                target = discord.Object(id=guild)
                bot.tree.copy_global_to(guild=target)
                synced = await bot.tree.sync(guild=target)
                print(f"synced {len(synced)} commands to guild {guild}")
            else:
                synced = await bot.tree.sync()
                print(f"synced {len(synced)} commands globally (may take up to an hour to show)")
        return 0

    try:
        return asyncio.run(main())
    except discord.LoginFailure:
        return _fail(
            "Discord rejected the token (DISCORD_TOKEN). Reset it in the Developer Portal."
        )
    except discord.HTTPException as exc:
        return _fail(f"Discord refused the sync: {exc.status} {exc.text}")
    except OSError as exc:
        return _fail(f"could not reach Discord ({type(exc).__name__}).")
