"""The bot: construction, free-text questions, and sending replies safely."""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.limits import Conversations, Cooldown
from bot.discord_app.render import NO_MENTIONS, Reply, help_embed, render
from bot.engine import Engine, KnowledgeError
from bot.engine.engine import MAX_QUESTION_CHARS
from bot.engine.loader import load_directory
from bot.settings import Settings

log = logging.getLogger("racebot.discord")
MENTION_RE = re.compile(r"<@!?(\d+)>")
BARE_MENTION_HELP = (
    "Hi! Ask me about a race, e.g. “who won the women's race?” or “farah time?”. "
    "Slash commands: /result, /podium, /top, /compare, /records, /race, /ask, /help."
)


class RaceTree(app_commands.CommandTree["RaceBot"]):
    """Applies the per-user cooldown to slash commands and turns errors into replies."""

    async def interaction_check(self, interaction: discord.Interaction[RaceBot]) -> bool:
        if interaction.type is not discord.InteractionType.application_command:
            return True
        retry = self.client.cooldown.hit(interaction.user.id)
        if retry is None:
            return True
        await interaction.response.send_message(
            f"Slow down a little: you can ask again in {retry:.0f} s.",
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )
        return False

    async def on_error(
        self, interaction: discord.Interaction[RaceBot], error: app_commands.AppCommandError
    ) -> None:
        from bot.discord_app.errors import handle_command_error

        await handle_command_error(interaction, error)


class RaceBot(commands.AutoShardedBot):
    """racebot on Discord. Built by :func:`create_bot`; started with ``await bot.start(token)``."""

    def __init__(self, settings: Settings, engine: Engine, **options: Any) -> None:
        intents = discord.Intents.default()
        intents.message_content = bool(settings.answer_channels)
        options.setdefault("shard_count", settings.shard_count)
        if settings.shard_ids:
            options.setdefault("shard_ids", settings.shard_ids)
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            intents=intents,
            allowed_mentions=NO_MENTIONS,
            tree_cls=RaceTree,
            **options,
        )
        self.settings = settings
        self.engine = engine
        self.cooldown = Cooldown(settings.cooldown_rate, settings.cooldown_seconds)
        self.conversations = Conversations(settings.context_minutes * 60)
        self.answer_channels = frozenset(settings.answer_channels)
        self._cooldown_warned: Cooldown = Cooldown(1, settings.cooldown_seconds)
        from bot.discord_app.commands import register

        register(self)

    async def setup_hook(self) -> None:
        guild_id = self.settings.dev_guild_id
        if guild_id is not None:
            guild = discord.Object(id=guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d commands to the development guild %s", len(synced), guild_id)

    async def on_ready(self) -> None:
        user = self.user
        log.info(
            "ready as %s (%s) in %d guilds; %d races loaded",
            user,
            user.id if user else "?",
            len(self.guilds),
            len(self.engine.races),
        )

    # ------------------------------------------------------------------ free text

    def should_answer(self, message: discord.Message) -> bool:
        if message.author.bot or self.user is None or message.author.id == self.user.id:
            return False
        if message.guild is None:
            return True
        if self.user in message.mentions:
            return True
        return message.channel.id in self.answer_channels

    def question_text(self, message: discord.Message) -> str:
        bot_id = str(self.user.id) if self.user else ""
        text = MENTION_RE.sub(lambda m: "" if m.group(1) == bot_id else m.group(0), message.content)
        return text.strip()[:MAX_QUESTION_CHARS]

    async def on_message(self, message: discord.Message) -> None:
        if not self.should_answer(message):
            return
        try:
            await self.answer_message(message)
        except Exception:
            log.exception(
                "failed to answer message %s in channel %s", message.id, message.channel.id
            )
            try:
                await message.reply(
                    "Sorry, something went wrong while answering that. Please try again.",
                    mention_author=False,
                    allowed_mentions=NO_MENTIONS,
                )
            except discord.HTTPException:
                log.warning("could not send the apology for message %s", message.id)

    async def answer_message(self, message: discord.Message) -> None:
        question = self.question_text(message)
        if not question:
            await self.send_reply(message, Reply(contents=[BARE_MENTION_HELP]))
            return
        retry = self.cooldown.hit(message.author.id)
        if retry is not None:
            if self._cooldown_warned.hit(message.author.id) is None:
                await self.send_reply(
                    message,
                    Reply(contents=[f"Slow down a little: you can ask again in {retry:.0f} s."]),
                )
            return
        conversation = self.conversations.get((message.channel.id, message.author.id))
        answer = self.engine.ask(question, conversation)
        if answer.kind == "help":
            reply = Reply(embed=help_embed(answer.text))
        else:
            reply = render(answer)
        await self.send_reply(message, reply)

    async def send_reply(self, message: discord.Message, reply: Reply) -> None:
        """Reply to ``message``; extra parts of a long reply follow in the same channel."""
        first = reply.contents[0] if reply.contents else None
        await message.reply(
            content=first,
            embed=reply.embed if reply.embed is not None else discord.utils.MISSING,
            mention_author=False,
            allowed_mentions=NO_MENTIONS,
        )
        for part in reply.contents[1:]:
            await message.channel.send(part, allowed_mentions=NO_MENTIONS)

    async def reload_knowledge(self) -> str:
        """Load the knowledge directory again; an invalid new version is refused and the old
        one keeps serving. Returns a message for the person who asked."""
        directory = self.settings.knowledge_path()
        try:
            # files unchanged since the last load are kept as they are, not read again
            kb = await asyncio.to_thread(load_directory, directory, self.engine.kb)
            engine = await asyncio.to_thread(Engine, kb)
        except KnowledgeError as exc:
            log.warning("reload refused: %s", "; ".join(exc.problems))
            shown = "\n".join(f"• {p}" for p in exc.problems[:10])
            more = f"\n…and {len(exc.problems) - 10} more" if len(exc.problems) > 10 else ""
            return f"Reload refused; still serving the previous knowledge.\n{shown}{more}"
        previous = set(map(id, self.engine.races))
        read = sum(1 for race in engine.races if id(race) not in previous)
        self.engine = engine
        names = ", ".join(r.name for r in engine.races)
        log.info("reloaded %d races from %s (%d files read again)", len(engine.races), directory,
                 read)  # fmt: skip
        return f"Reloaded {len(engine.races)} race(s): {names}. Files read again: {read}."

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        log.exception("unhandled error in %s", event_method)


def create_bot(
    settings: Settings | None = None, engine: Engine | None = None, **options: Any
) -> RaceBot:
    """Build the bot, with every app command on ``bot.tree``, without touching the network."""
    settings = settings or Settings()
    engine = engine or Engine.from_path(settings.knowledge_path())
    return RaceBot(settings, engine, **options)
