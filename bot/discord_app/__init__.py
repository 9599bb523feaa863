"""The Discord front end: the only package that imports discord.py."""

from bot.discord_app.app import RaceBot, create_bot

__all__ = ["RaceBot", "create_bot"]
