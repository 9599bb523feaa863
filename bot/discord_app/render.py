"""Answers to Discord messages: plain text for short replies, embeds for tables and results.

Everything stays inside Discord's limits, and every text that may echo user input is escaped so
that markdown and mentions come back inert.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import discord

from bot.engine import Answer
from bot.engine.phrase import ordinal

MESSAGE_LIMIT = 2000
EMBED_DESCRIPTION_LIMIT = 4096
EMBED_TITLE_LIMIT = 256
FOOTER_LIMIT = 2048
FIELD_VALUE_LIMIT = 1024
EMBED_TOTAL_LIMIT = 6000
COLOUR = discord.Colour.from_rgb(227, 66, 52)
TABLE_INTENTS = frozenset({"podium", "top", "compare", "result", "country", "threshold"})
NO_MENTIONS = discord.AllowedMentions.none()
CHART_NAME = "finish-times.png"


def inert(text: str) -> str:
    """Escape markdown and neutralise mentions (``@everyone``, ``<@123>``, ``<@&role>``)."""
    text = discord.utils.escape_markdown(text, ignore_links=False)
    return discord.utils.escape_mentions(text).replace("<@", "<\u200b@")


def truncate(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Split at line breaks (then spaces) so that each part fits one message."""
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            if current:
                parts.append(current)
                current = ""
            parts.append(line[:cut])
            line = line[cut:].lstrip()
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            parts.append(current)
            current = line
        else:
            current = candidate
    if current or not parts:
        parts.append(current)
    return [p for p in parts if p.strip()] or ["…"]


@dataclass
class Reply:
    """What to send: message parts (the first one carries the embed, if any)."""

    contents: list[str] = field(default_factory=list)
    embed: discord.Embed | None = None
    chart: bytes | None = None  # a PNG attached to the first part

    def attach_chart(self, png: bytes) -> None:
        self.chart = png
        if self.embed is not None:
            self.embed.set_image(url=f"attachment://{CHART_NAME}")

    def file(self) -> discord.File | None:
        if self.chart is None:
            return None
        return discord.File(io.BytesIO(self.chart), filename=CHART_NAME)


def render(answer: Answer, *, prefer_embed: bool = False) -> Reply:
    text = inert(answer.text)
    source = answer.sources[0] if answer.sources else None
    wants_embed = prefer_embed or answer.intent in TABLE_INTENTS or len(text) > MESSAGE_LIMIT
    if answer.kind != "answer" or not wants_embed:
        body = text
        if source and answer.kind == "answer" and len(body) + len(source) < 600:
            body += f"\n-# Source: “{inert(truncate(source, 400))}”"
        return Reply(contents=split_message(body))
    return Reply(embed=embed_for(answer, text, source))


def embed_for(answer: Answer, text: str, source: str | None) -> discord.Embed:
    title = answer.title or (answer.athletes[0].name if answer.athletes else None) or "Answer"
    embed = discord.Embed(
        title=truncate(inert(title), EMBED_TITLE_LIMIT),
        description=truncate(text, EMBED_DESCRIPTION_LIMIT),
        colour=COLOUR,
    )
    if answer.intent == "result" and answer.athletes:
        athlete = answer.athletes[0]
        if athlete.position is not None:
            place = ordinal(athlete.position) + (" (implied)" if athlete.position_implied else "")
            embed.add_field(name="Place", value=place, inline=True)
        embed.add_field(name="Time", value=athlete.time_text or "not given", inline=True)
        embed.add_field(name="Event", value=truncate(inert(athlete.event_name), 200), inline=True)
    footer_parts = []
    if answer.race_name:
        footer_parts.append(answer.race_name)
    if source:
        footer_parts.append(f"Source: “{truncate(source, 1500)}”")
    if footer_parts:
        embed.set_footer(text=truncate(" · ".join(footer_parts), FOOTER_LIMIT))
    while len(embed) > EMBED_TOTAL_LIMIT and embed.description:
        embed.description = truncate(embed.description, len(embed.description) // 2)
    return embed


def help_embed(text: str) -> discord.Embed:
    return discord.Embed(title="What you can ask", description=inert(text), colour=COLOUR)
