"""Slash commands and their autocomplete. Each command asks the engine and renders the answer."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.charts import chart_event, chart_for_answer
from bot.discord_app.render import NO_MENTIONS, Reply, help_embed, inert, render, truncate
from bot.engine import Answer, Athlete, Race
from bot.engine.countries import display_country
from bot.engine.engine import MAX_QUESTION_CHARS
from bot.engine.errors import UnknownRaceError

if TYPE_CHECKING:
    from bot.discord_app.app import RaceBot

MAX_CHOICES = 25
CHOICE_NAME_LIMIT = 100
Interaction = discord.Interaction["RaceBot"]


async def send(interaction: Interaction, reply: Reply, *, ephemeral: bool = False) -> None:
    """The first response, then followups for the remaining parts of a long reply."""
    first = reply.contents[0] if reply.contents else None
    embed = reply.embed if reply.embed is not None else discord.utils.MISSING
    file = reply.file() or discord.utils.MISSING
    if interaction.response.is_done():
        await interaction.followup.send(
            content=first or discord.utils.MISSING,
            embed=embed,
            file=file,
            ephemeral=ephemeral,
            allowed_mentions=NO_MENTIONS,
        )
    else:
        await interaction.response.send_message(
            content=first,
            embed=embed,
            file=file,
            ephemeral=ephemeral,
            allowed_mentions=NO_MENTIONS,
        )
    for part in reply.contents[1:]:
        await interaction.followup.send(part, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS)


async def reply_with(
    interaction: Interaction, answer: Answer, *, embed: bool = False, chart: bool = False
) -> None:
    """Render an answer; mistakes in the user's input (unknown athlete...) reply privately.

    With ``chart``, a finish-time distribution is attached when the event is big enough; it is
    drawn in a worker thread after deferring, so the 3-second first response is never missed.
    """
    if answer.kind == "help":
        await send(interaction, Reply(embed=help_embed(answer.text)))
        return
    private = answer.intent in ("unknown_athlete", "unknown_event", "which_race", "clarify")
    reply = render(answer, prefer_embed=embed)
    if chart and not private and chart_event(interaction.client.engine, answer) is not None:
        await interaction.response.defer(thinking=True)
        png = await asyncio.to_thread(chart_for_answer, interaction.client.engine, answer)
        if png is not None:
            reply.attach_chart(png)
    await send(interaction, reply, ephemeral=private)


def athlete_choice(athlete: Athlete, several_races: bool) -> app_commands.Choice[str]:
    bits = [athlete.name]
    country = display_country(athlete.country)
    if country:
        bits.append(country)
    bits.append(athlete.event.name)
    if several_races:
        bits.append(athlete.race.name)
    name = truncate(" · ".join(bits), CHOICE_NAME_LIMIT)
    return app_commands.Choice(name=name, value=f"{athlete.race.id}/{athlete.key}"[:100])


def register(bot: RaceBot) -> None:
    """Add every slash command to ``bot.tree``."""
    tree = bot.tree

    def chosen_race(interaction: Interaction) -> Race | None:
        """The race already filled in the command's ``race`` option, if any and known."""
        value = getattr(interaction.namespace, "race", None)
        try:
            return bot.engine.race(value if isinstance(value, str) and value else None)
        except UnknownRaceError:
            return None

    async def athlete_autocomplete(
        interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        race = chosen_race(interaction)
        athletes = bot.engine.search_athletes(current[:MAX_QUESTION_CHARS], race, MAX_CHOICES)
        several = len(bot.engine.races) > 1 and race is None
        return [athlete_choice(a, several) for a in athletes[:MAX_CHOICES]]

    async def race_autocomplete(
        interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return [
            app_commands.Choice(name=truncate(r.name, CHOICE_NAME_LIMIT), value=r.id[:100])
            for r in bot.engine.search_races(current[:200], MAX_CHOICES)
        ]

    async def event_autocomplete(
        interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        race = chosen_race(interaction)
        several = race is None and len(bot.engine.races) > 1
        choices = []
        for event in bot.engine.search_events(current[:200], race)[:MAX_CHOICES]:
            name = f"{event.name} · {event.race.name}" if several else event.name
            choices.append(app_commands.Choice(name=truncate(name, 100), value=event.id[:100]))
        return choices

    @tree.command(name="ask", description="Ask anything about a race, in plain words")
    @app_commands.describe(question="e.g. who won the women's race? / farah time?")
    async def ask(
        interaction: Interaction, question: app_commands.Range[str, 1, MAX_QUESTION_CHARS]
    ) -> None:
        conversation = bot.conversations.get((interaction.channel_id, interaction.user.id))
        answer = bot.engine.ask(question, conversation)
        await reply_with(interaction, answer)

    @tree.command(name="result", description="An athlete's place, time, gap to the winner, records")
    @app_commands.describe(athlete="athlete name (fuzzy)", race="race (optional)")
    @app_commands.autocomplete(athlete=athlete_autocomplete, race=race_autocomplete)
    async def result(
        interaction: Interaction,
        athlete: app_commands.Range[str, 1, 200],
        race: str | None = None,
    ) -> None:
        answer = bot.engine.command("result", athlete=athlete, race=race)
        await reply_with(interaction, answer, embed=True, chart=True)

    @tree.command(name="podium", description="The first three of an event")
    @app_commands.describe(event="e.g. men or women (default: every event)", race="race")
    @app_commands.autocomplete(event=event_autocomplete, race=race_autocomplete)
    async def podium(
        interaction: Interaction, event: str | None = None, race: str | None = None
    ) -> None:
        await reply_with(
            interaction, bot.engine.command("podium", event=event, race=race), embed=True
        )

    @tree.command(name="top", description="The top finishers of an event")
    @app_commands.describe(event="e.g. men or women", count="how many (1-25)", race="race")
    @app_commands.autocomplete(event=event_autocomplete, race=race_autocomplete)
    async def top(
        interaction: Interaction,
        event: str | None = None,
        count: app_commands.Range[int, 1, 25] = 10,
        race: str | None = None,
    ) -> None:
        answer = bot.engine.command("top", event=event, count=count, race=race)
        await reply_with(interaction, answer, embed=True)

    @tree.command(name="compare", description="Gap, who was faster, and paces of two athletes")
    @app_commands.describe(athlete="first athlete", other="second athlete", race="race")
    @app_commands.autocomplete(
        athlete=athlete_autocomplete, other=athlete_autocomplete, race=race_autocomplete
    )
    async def compare(
        interaction: Interaction,
        athlete: app_commands.Range[str, 1, 200],
        other: app_commands.Range[str, 1, 200],
        race: str | None = None,
    ) -> None:
        answer = bot.engine.command("compare", athlete=athlete, other=other, race=race)
        await reply_with(interaction, answer, embed=True)

    @tree.command(name="records", description="Records set, missed or held in a race")
    @app_commands.describe(race="race (optional)")
    @app_commands.autocomplete(race=race_autocomplete)
    async def records(interaction: Interaction, race: str | None = None) -> None:
        await reply_with(interaction, bot.engine.command("records", race=race), embed=True)

    @tree.command(name="race", description="A summary of a race")
    @app_commands.describe(race="race (optional)")
    @app_commands.autocomplete(race=race_autocomplete)
    async def race_summary(interaction: Interaction, race: str | None = None) -> None:
        answer = bot.engine.command("race", race=race)
        await reply_with(interaction, answer, embed=True, chart=True)

    race_summary.name = "race"

    @tree.command(name="reload", description="Reload the knowledge files (bot owner only)")
    async def reload(interaction: Interaction) -> None:
        if not await bot.is_owner(interaction.user):
            await send(
                interaction, Reply(contents=["Only the bot owner can reload."]), ephemeral=True
            )
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        message = await bot.reload_knowledge()
        await send(interaction, Reply(contents=[inert(message)]), ephemeral=True)

    @tree.command(name="help", description="What racebot can answer, with examples")
    async def help_command(interaction: Interaction) -> None:
        await reply_with(interaction, bot.engine.command("help"))
