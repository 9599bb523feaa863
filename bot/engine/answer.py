"""Structured answers and per-person conversation context."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Literal

from bot.engine.countries import display_country
from bot.engine.durations import format_time
from bot.engine.knowledge import Athlete

Kind = Literal["answer", "unknown", "clarify", "help", "error"]


@dataclass(frozen=True, slots=True)
class AthleteRef:
    """What an adapter needs to show an athlete, without holding the knowledge base."""

    key: str
    name: str
    race_id: str
    race_name: str
    event_id: str
    event_name: str
    position: int | None
    position_implied: bool
    time: float | None
    country: str | None
    status: str
    club: str | None = None
    bib: str | None = None
    category: str | None = None

    @classmethod
    def of(cls, athlete: Athlete) -> AthleteRef:
        event = athlete.event
        return cls(
            key=athlete.key,
            name=athlete.name,
            race_id=event.race.id,
            race_name=event.race.name,
            event_id=event.id,
            event_name=event.name,
            position=athlete.position,
            position_implied=athlete.position_implied,
            time=athlete.time,
            country=display_country(athlete.country),
            status=athlete.status,
            club=athlete.club,
            bib=athlete.bib,
            category=athlete.category,
        )

    @property
    def time_text(self) -> str | None:
        return format_time(self.time) if self.time is not None else None

    def label(self) -> str:
        """``"Mo Farah (Great Britain)"``."""
        return f"{self.name} ({self.country})" if self.country else self.name


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a results table in an answer."""

    position: int | None
    name: str
    country: str | None
    time: float | None
    implied: bool = False
    note: str | None = None

    @property
    def time_text(self) -> str:
        return format_time(self.time) if self.time is not None else "time not given"


@dataclass(frozen=True, slots=True)
class Answer:
    """The engine's reply: the text plus everything it was built from."""

    question: str
    text: str
    intent: str
    kind: Kind = "answer"
    title: str | None = None
    race_id: str | None = None
    race_name: str | None = None
    event_id: str | None = None
    athletes: tuple[AthleteRef, ...] = ()
    rows: tuple[Row, ...] = ()
    facts: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()
    document: str | None = None

    @property
    def ok(self) -> bool:
        return self.kind == "answer"

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "reply": self.text,
            "intent": self.intent,
            "kind": self.kind,
            "race": self.race_id,
            "event": self.event_id,
            "athletes": [a.name for a in self.athletes],
            "facts": list(self.facts),
            "sources": list(self.sources),
        }


CONTEXT_TTL_SECONDS = 15 * 60


@dataclass(slots=True)
class Conversation:
    """What one person's recent questions were about, for follow-ups ("and his time?")."""

    ttl: float = CONTEXT_TTL_SECONDS
    race_id: str | None = None
    event_id: str | None = None
    athlete_keys: tuple[str, ...] = ()
    intent: str | None = None
    updated: float = field(default_factory=time.monotonic)
    pending: tuple[str, ...] = ()  # candidates offered in a "which one?" question
    record_words: tuple[str, ...] = ()  # "world record": the record the last question was about
    last_words: tuple[str, ...] = ()  # the last question's words, for "why tho?" after it
    passages: tuple[str, ...] = ()  # the report's sentences the last answer quoted, for "it"

    def expired(self, now: float | None = None) -> bool:
        return ((now if now is not None else time.monotonic()) - self.updated) > self.ttl

    def forget(self) -> None:
        self.race_id = self.event_id = self.intent = None
        self.athlete_keys = ()
        self.pending = ()
        self.record_words = ()
        self.last_words = ()
        self.passages = ()

    def remember(self, answer: Answer, now: float | None = None) -> None:
        self.updated = now if now is not None else time.monotonic()
        if answer.race_id:
            self.race_id = answer.race_id
        if answer.kind == "clarify" and answer.athletes:
            self.pending = tuple(a.key for a in answer.athletes)
            return
        self.pending = ()
        if answer.kind not in ("answer", "unknown"):
            return
        if answer.event_id:
            self.event_id = answer.event_id
        if answer.athletes:
            self.athlete_keys = tuple(a.key for a in answer.athletes)
        if answer.intent not in ("help", "unknown"):
            self.intent = answer.intent
