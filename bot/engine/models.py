"""The knowledge-file schema (pydantic v2).

A knowledge file describes one race: its events, each event's results, records, background facts
and quotes. Every model forbids unknown fields, so a typo in a file is an error, not silently
ignored data. Times are read with :func:`bot.engine.durations.parse_duration` and held as seconds.
Each fact may carry ``source``: the sentence of the source document it comes from.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    model_validator,
)

from bot.engine.durations import parse_duration
from bot.engine.normalize import slugify


def _to_seconds(value: object) -> object:
    if value is None:
        return None
    return parse_duration(value)


Seconds = Annotated[float, BeforeValidator(_to_seconds)]
"""A time or gap, written as ``"2:06:21"``, ``"2:04.17"``, ``"two hours, six minutes..."``."""

MAX_TEXT = 4000
"""The longest text a knowledge file may hold in one field (a fact, a source, a quote)."""
Text = Annotated[str, Field(min_length=1, max_length=MAX_TEXT)]
Status = Literal["finished", "dnf", "dns", "dq", "unknown"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class ResultSources(Model):
    """The source sentence for each part of a result the source document states."""

    name: Text | None = None
    position: Text | None = None
    time: Text | None = None
    country: Text | None = None


class ResultIn(Model):
    """One athlete's entry in an event."""

    name: Text
    id: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9-]*$")
    aliases: list[Text] = []
    position: int | None = Field(default=None, ge=1, le=10_000_000)
    position_implied: bool = False
    time: Seconds | None = None
    chip_time: Seconds | None = None
    status: Status = "finished"
    country: str | None = Field(default=None, max_length=60)
    club: str | None = Field(default=None, max_length=200)
    bib: str | None = Field(default=None, max_length=20)
    category: str | None = Field(default=None, max_length=40)
    gender: Literal["M", "F", "X"] | None = None
    descriptions: list[Text] = Field(
        default=[], description='how reports describe them: "defending champion", "2017 runner-up"'
    )
    sources: ResultSources | None = None

    @model_validator(mode="before")
    @classmethod
    def _default_id(cls, data: object) -> object:
        if isinstance(data, dict) and not data.get("id") and isinstance(data.get("name"), str):
            slug = slugify(data["name"])
            if not slug:
                raise ValueError("name has no letters or digits")
            data = {**data, "id": slug}
        return data

    @property
    def key(self) -> str:
        """The athlete's id: ``id`` if given, else the slug of the name."""
        return self.id or slugify(self.name)

    @model_validator(mode="after")
    def _consistent(self) -> ResultIn:
        if self.position_implied and self.position is None:
            raise ValueError("position_implied is set but no position is given")
        if self.status in ("dnf", "dns", "dq") and self.position is not None:
            raise ValueError(f"a {self.status.upper()} entry cannot have a position")
        return self


class EventIn(Model):
    """One event of a race (elite men, elite women, a 10K...)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: Text
    gender: Literal["M", "F", "X"] | None = None
    kind: str | None = Field(
        default=None, max_length=60, description="elite, wheelchair, mass, age group..."
    )
    aliases: list[Text] = []
    distance_km: float | None = Field(default=None, gt=0, le=1000)
    complete: bool = Field(
        default=False,
        description="True when results list the whole field (a results table); False when only "
        "the finishers a report mentions are known.",
    )
    source: Text | None = None
    results: list[ResultIn] = []

    @model_validator(mode="after")
    def _unique(self) -> EventIn:
        seen_positions: dict[int, str] = {}
        seen_keys: set[str] = set()
        for index, result in enumerate(self.results):
            if result.position is not None:
                other = seen_positions.get(result.position)
                if other is not None:
                    raise ValueError(
                        f"results[{index}]: position {result.position} is given to both "
                        f"{other} and {result.name}"
                    )
                seen_positions[result.position] = result.name
            if result.key in seen_keys:
                raise ValueError(
                    f"results[{index}]: athlete id {result.key!r} appears twice "
                    "(give one of them a distinct id)"
                )
            seen_keys.add(result.key)
        return self


class RecordIn(Model):
    """A record relevant to the race: set here, missed, or held by someone in the race."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: Text
    kind: Literal["world", "national", "course", "personal_best", "other"]
    event: str | None = None
    holder: str | None = Field(default=None, description="id of an athlete or person of this race")
    holder_name: Text | None = Field(default=None, description="a holder not in this race")
    time: Seconds | None = None
    set_here: bool = False
    previous_holder: Text | None = None
    previous_year: int | None = Field(default=None, ge=1800, le=2200)
    previous_time: Seconds | None = None
    margin: Seconds | None = Field(default=None, description="how far the new record beat the old")
    margin_approx: bool = False
    margin_text: Text | None = None
    source: Text | None = None


class ComparisonIn(Model):
    """A stated comparison of an athlete's time with a record ("three minutes slower than...")."""

    athlete: str
    record: str
    relation: Literal["faster", "slower"]
    amount: Seconds | None = None
    approx: bool = False
    text: Text
    source: Text | None = None


class FactIn(Model):
    """A background fact, in a sentence of its own. ``topics`` are optional keywords that only
    boost it: facts are found by their text."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    about: list[str] = []
    event: str | None = None
    topics: list[Text] = []
    text: Text
    source: Text | None = None


class QuoteIn(Model):
    """Something an athlete or person of this race said."""

    by: str
    text: Text
    source: Text | None = None


class PersonIn(Model):
    """Someone who did not run this race but is quoted or written about: a coach, a pacemaker, a
    past record holder, a rival who withdrew."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: Text
    aliases: list[Text] = []
    role: Text | None = None
    country: str | None = Field(default=None, max_length=60)
    descriptions: list[Text] = []
    source: Text | None = None


class RaceInfo(Model):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: Text
    official_name: Text | None = None
    year: int | None = Field(default=None, ge=1800, le=2200)
    date: dt.date | None = None
    city: Text | None = None
    distance_km: float | None = Field(default=None, gt=0, le=1000)
    aliases: list[Text] = []
    document: Text | None = Field(default=None, description="what the knowledge comes from")
    summary: Text | None = None
    year_source: Text | None = None
    report_file: str | None = Field(
        default=None,
        max_length=255,
        pattern=r"^[^/\\]+$",
        description="the report text, a file beside this one; searched for narrative questions",
    )
    report_text: str | None = Field(default=None, min_length=1, max_length=2_000_000)

    @model_validator(mode="after")
    def _year_matches_date(self) -> RaceInfo:
        if self.date is not None and self.year is not None and self.date.year != self.year:
            raise ValueError(f"date {self.date} is not in year {self.year}")
        return self


CHECKED_RESULT_KEYS = "checked_result_keys"
"""Validation context: ``{event index: athlete keys}`` of results validated outside the model."""


class RaceFile(Model):
    """A whole knowledge file."""

    race: RaceInfo
    events: list[EventIn] = Field(min_length=1)
    people: list[PersonIn] = []
    records: list[RecordIn] = []
    comparisons: list[ComparisonIn] = []
    facts: list[FactIn] = []
    quotes: list[QuoteIn] = []

    @model_validator(mode="after")
    def _references(self, info: ValidationInfo) -> RaceFile:
        event_ids = [event.id for event in self.events]
        problems: list[str] = []
        if len(set(event_ids)) != len(event_ids):
            problems.append("events: two events share an id")
        # Results the loader checked on its own (see bot.engine.loader): their keys, by event.
        checked: dict[int, list[str]] = (info.context or {}).get(CHECKED_RESULT_KEYS, {})
        athletes: dict[str, str] = {}
        for e_index, event in enumerate(self.events):
            keys = checked.get(e_index) or [result.key for result in event.results]
            if athletes.keys().isdisjoint(keys):  # the usual case, checked at C speed
                athletes.update(dict.fromkeys(keys, event.id))
                continue
            for r_index, key in enumerate(keys):
                if key in athletes and athletes[key] != event.id:
                    problems.append(
                        f"events[{e_index}].results[{r_index}]: athlete id {key!r} is "
                        f"already used in event {athletes[key]!r}"
                    )
                athletes.setdefault(key, event.id)
        record_ids = {record.id for record in self.records}
        people: set[str] = set()
        for index, person in enumerate(self.people):
            if person.id in athletes or person.id in people:
                problems.append(f"people[{index}].id: {person.id!r} is already used")
            people.add(person.id)
        anyone = set(athletes) | people
        known_ids = {"athlete": anyone, "record": record_ids, "event": set(event_ids)}

        def check(path: str, ref: str | None, kind: str = "athlete") -> None:
            if ref is not None and ref not in known_ids[kind]:
                problems.append(f"{path}: {kind} {ref!r} is not in this race")

        for index, record in enumerate(self.records):
            check(f"records[{index}].holder", record.holder)
            check(f"records[{index}].event", record.event, "event")
        if self.race.report_file and self.race.report_text:
            problems.append("race: give report_file or report_text, not both")
        for index, comparison in enumerate(self.comparisons):
            check(f"comparisons[{index}].athlete", comparison.athlete)
            check(f"comparisons[{index}].record", comparison.record, "record")
        for index, fact in enumerate(self.facts):
            for ref in fact.about:
                check(f"facts[{index}].about", ref)
            check(f"facts[{index}].event", fact.event, "event")
        for index, quote in enumerate(self.quotes):
            check(f"quotes[{index}].by", quote.by)
        if problems:
            raise ValueError("; ".join(problems))
        return self
