"""One place where slash-command errors become replies: friendly for users, logged for us."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.discord_app.render import NO_MENTIONS, inert
from bot.engine.errors import RacebotError, UnknownRaceError

if TYPE_CHECKING:
    from bot.discord_app.app import RaceBot

log = logging.getLogger("racebot.discord")
APOLOGY = "Sorry, something went wrong while answering that. It has been logged; please try again."


def message_for(error: app_commands.AppCommandError) -> str | None:
    """The friendly text for an error a user caused, or ``None`` for our own bugs."""
    original = error.original if isinstance(error, app_commands.CommandInvokeError) else error
    if isinstance(original, UnknownRaceError):
        known = ", ".join(original.known) or "none"
        return f"I don't know a race called “{inert(original.name)}”. Races I know: {inert(known)}."
    if isinstance(original, RacebotError):
        return inert(str(original))
    if isinstance(error, app_commands.TransformerError):
        return f"“{inert(str(error.value))}” isn't a valid value there."
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down a little: you can ask again in {error.retry_after:.0f} s."
    if isinstance(error, app_commands.CheckFailure):
        return "You can't use that command here."
    if isinstance(error, app_commands.CommandNotFound):
        return "I don't know that command any more; it may take a minute for Discord to update."
    return None


async def handle_command_error(
    interaction: discord.Interaction[RaceBot], error: app_commands.AppCommandError
) -> None:
    text = message_for(error)
    if text is None:
        command = interaction.command.qualified_name if interaction.command else "?"
        log.error("error in /%s", command, exc_info=error)
        text = APOLOGY
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
        else:
            await interaction.response.send_message(
                text, ephemeral=True, allowed_mentions=NO_MENTIONS
            )
    except discord.HTTPException as exc:
        log.warning("could not send the error reply: %s", exc)
