"""The in-memory knowledge base built from validated knowledge files.

The file schema (:mod:`bot.engine.models`) is for validation; what the engine keeps in memory are
the small slotted objects below, so that a race of 100,000 finishers stays compact.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from operator import attrgetter, lt
from pathlib import Path
from typing import Any

from bot.engine.durations import parse_duration
from bot.engine.errors import DurationError
from bot.engine.models import (
    ComparisonIn,
    EventIn,
    FactIn,
    PersonIn,
    QuoteIn,
    RaceFile,
    RaceInfo,
    RecordIn,
    ResultIn,
    ResultSources,
)
from bot.engine.normalize import normalize
from bot.engine.rows import Columns, PlainRow, Row

MARATHON_KM = 42.195

Stamp = tuple[tuple[int, int, int], ...]
"""(size, modification time in ns, inode) of a knowledge file and of the report beside it."""


@dataclass(slots=True, eq=False)
class Athlete:
    """One entry of one event. ``key`` is unique within the race."""

    key: str
    name: str
    event: Event
    position: int | None = None
    position_implied: bool = False
    time: float | None = None
    chip_time: float | None = None
    status: str = "finished"
    country: str | None = None
    club: str | None = None
    bib: str | None = None
    category: str | None = None
    gender: str | None = None
    aliases: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()
    sources: ResultSources | None = None

    @property
    def race(self) -> Race:
        return self.event.race

    def source_for(self, part: str) -> str | None:
        """The sentence that states ``part`` (position, time, country, name) of this result."""
        if self.sources is not None:
            value = getattr(self.sources, part, None)
            if isinstance(value, str):
                return value
        return self.event.source

    def __repr__(self) -> str:
        return f"Athlete({self.name!r}, {self.event.id!r}, position={self.position})"


@dataclass(slots=True, eq=False)
class Event:
    id: str
    name: str
    race: Race
    gender: str | None = None
    kind: str | None = None
    aliases: tuple[str, ...] = ()
    distance_km: float | None = None
    complete: bool = False
    source: str | None = None
    athletes: list[Athlete] = field(default_factory=list)
    by_position: dict[int, Athlete] = field(default_factory=dict)

    @property
    def finishers(self) -> list[Athlete]:
        """Finishers in order of position (those with a known position first)."""
        return [a for a in self.athletes if a.status == "finished"]

    @property
    def distance(self) -> float | None:
        return self.distance_km or self.race.info.distance_km

    def __repr__(self) -> str:
        return f"Event({self.race.id!r}, {self.id!r}, {len(self.athletes)} athletes)"


@dataclass(slots=True, eq=False)
class Race:
    info: RaceInfo
    file: str
    events: list[Event] = field(default_factory=list)
    athletes: dict[str, Athlete] = field(default_factory=dict)
    records: list[RecordIn] = field(default_factory=list)
    comparisons: list[ComparisonIn] = field(default_factory=list)
    facts: list[FactIn] = field(default_factory=list)
    quotes: list[QuoteIn] = field(default_factory=list)
    people: list[PersonIn] = field(default_factory=list)
    report: str | None = None
    """The report text the knowledge comes from, searched for narrative questions."""
    warnings: list[str] = field(default_factory=list)
    _bibs: dict[str, Athlete] | None = None

    def by_bib(self) -> dict[str, Athlete]:
        """Athletes by bib number (built on first use)."""
        if self._bibs is None:
            self._bibs = {a.bib: a for a in self.all_athletes() if a.bib}
        return self._bibs

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def name(self) -> str:
        return self.info.name

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)

    def holder_of(self, record: RecordIn) -> str | None:
        """The name of whoever holds ``record``: an athlete of the race, a person who did not
        run it, or a holder named only in the record; ``None`` when the source doesn't say."""
        if record.holder in self.athletes:
            return self.athletes[record.holder].name
        person = next((p for p in self.people if p.id == record.holder), None)
        return person.name if person is not None else record.holder_name

    def all_athletes(self) -> Iterator[Athlete]:
        for event in self.events:
            yield from event.athletes

    def __repr__(self) -> str:
        return f"Race({self.id!r}, {len(self.athletes)} athletes)"

    @classmethod
    def build(
        cls,
        data: RaceFile,
        file: str,
        report: str | None = None,
        results: dict[int, list[Row] | Columns] | None = None,
    ) -> Race:
        """The race of a validated file. ``results`` (by event index) replace the events'
        own results when the loader checked them apart (see :mod:`bot.engine.rows`)."""
        race = cls(
            info=data.race,
            file=file,
            records=_with_previous_times(list(data.records), data.comparisons),
            comparisons=list(data.comparisons),
            facts=list(data.facts),
            quotes=list(data.quotes),
            people=list(data.people),
            report=report if report is not None else data.race.report_text,
        )
        for index, event_in in enumerate(data.events):
            rows = results.get(index) if results is not None else None
            race.events.append(
                _build_event(event_in, race, event_in.results if rows is None else rows)
            )
        for event in race.events:
            race.athletes.update(zip(map(_key, event.athletes), event.athletes, strict=True))
        return race


def _build_event(data: EventIn, race: Race, results: Sequence[Row] | Columns) -> Event:
    event = Event(
        id=data.id,
        name=data.name,
        race=race,
        gender=data.gender,
        kind=data.kind,
        aliases=tuple(data.aliases),
        distance_km=data.distance_km,
        complete=data.complete,
        source=data.source,
    )
    gender = event.gender
    if isinstance(results, Columns):
        athletes = _from_columns(results, event)
        if _placed_then_unplaced(results):
            placed = len(athletes) - results.positions.count(None)
            athletes = athletes[:placed] + sorted(athletes[placed:], key=_order)
        else:
            athletes = _sorted(athletes)
    else:
        athletes = [
            Athlete(row.key, row.name, event, row.position, False, row.time, row.chip_time,
                    row.status, _intern(row.country), _intern(row.club), row.bib,
                    _intern(row.category), row.gender or gender)
            if type(row) is PlainRow
            else _build_athlete(row, event)  # type: ignore[arg-type]
            for row in results
        ]  # fmt: skip
        athletes = _sorted(athletes)
    event.athletes = athletes
    event.by_position = {a.position: a for a in athletes if a.position is not None}
    return event


_key = attrgetter("key")


def _from_columns(c: Columns, event: Event) -> list[Athlete]:
    genders = c.genders
    if event.gender is not None:
        genders = [g or event.gender for g in genders]
    return list(
        map(Athlete, c.keys, c.names, repeat(event), c.positions, repeat(False), c.times,
            c.chip_times, c.statuses, c.countries, c.clubs, c.bibs, c.categories, genders)
    )  # fmt: skip


def _placed_then_unplaced(c: Columns) -> bool:
    """Whether a results table lists its placed finishers first, by place, then those without
    a place (checked at C speed: it is how an imported table comes)."""
    positions = c.positions
    placed = len(positions) - positions.count(None)
    head: list[Any] = positions[:placed]
    return (
        None not in head
        and c.statuses[:placed].count("finished") == placed
        and all(map(lt, head, head[1:]))
    )


def _sorted(athletes: list[Athlete]) -> list[Athlete]:
    """``athletes`` in :func:`_order`, sorting only what is not already in order: a results table
    lists its finishers by place, and only a few non-finishers follow."""
    placed, previous = 0, 0
    for athlete in athletes:
        position = athlete.position
        if athlete.status != "finished" or position is None or position <= previous:
            break
        placed, previous = placed + 1, position
    tail = athletes[placed:]
    if any(
        a.status == "finished" and a.position is not None and a.position <= previous for a in tail
    ):
        return sorted(athletes, key=_order)
    return athletes[:placed] + sorted(tail, key=_order)


def _order(athlete: Athlete) -> tuple[int, float, float]:
    position = athlete.position if athlete.position is not None else 10**9
    time = athlete.time if athlete.time is not None else float("inf")
    status = 0 if athlete.status == "finished" else 1
    return (status, position, time)


def _intern(value: str | None) -> str | None:
    """Countries, clubs and categories repeat across thousands of athletes: share one copy."""
    return sys.intern(value) if value is not None else None


def _build_athlete(result: ResultIn, event: Event) -> Athlete:
    return Athlete(
        key=result.key,
        name=result.name,
        event=event,
        position=result.position,
        position_implied=result.position_implied,
        time=result.time,
        chip_time=result.chip_time,
        status=result.status,
        country=_intern(result.country),
        club=_intern(result.club),
        bib=result.bib,
        category=_intern(result.category),
        gender=result.gender or event.gender,
        aliases=tuple(result.aliases),
        descriptions=tuple(result.descriptions),
        sources=result.sources,
    )


@dataclass(slots=True)
class KnowledgeBase:
    """Every loaded race, by id."""

    races: dict[str, Race] = field(default_factory=dict)
    directory: Path | None = None
    stamps: dict[str, Stamp] = field(default_factory=dict)
    """What each file (by name) was like when it was read, so a reload can keep what did not
    change (see :func:`bot.engine.loader.load_directory`)."""

    @classmethod
    def of(
        cls,
        races: Iterable[Race],
        directory: Path | None = None,
        stamps: dict[str, Stamp] | None = None,
    ) -> KnowledgeBase:
        return cls({race.id: race for race in races}, directory, stamps or {})

    def race_names(self) -> list[str]:
        return [race.name for race in self.races.values()]

    def race_keys(self, race: Race) -> list[str]:
        """Normalised words a question may use to name ``race``."""
        info = race.info
        keys = {normalize(info.name), normalize(info.id.replace("-", " "))}
        if info.official_name:
            keys.add(normalize(info.official_name))
        keys.update(normalize(alias) for alias in info.aliases)
        generic = {"marathon", "race", "the", "half", "run", "10k", "5k", str(info.year)}
        for key in list(keys):  # "big city" for "Big City Marathon 2024"
            short = " ".join(w for w in key.split() if w not in generic)
            if short and short not in generic:
                keys.add(short)
                if short.count(" ") and short.replace(" ", "").isalpha():
                    keys.add("".join(w[0] for w in short.split()))  # "nyc", "ny"
        return sorted(k for k in keys if k)


def _with_previous_times(
    records: list[RecordIn], comparisons: Sequence[ComparisonIn] = ()
) -> list[RecordIn]:
    """A record set in the race with no previous time takes the one its file or sentence gives:
    the record it replaced, given as a record of its own (same kind and event, held by the
    previous holder, with a time: "by how much did bekele beat the old ethiopian record"), the
    old mark its sentence or the sentence of a comparison with it names (:func:`_time_after`),
    or its time and margin together."""
    found = []
    for record in records:
        if record.set_here and record.previous_time is None:
            replaced = next((r for r in records if _replaces(record, r)), None)
            told = [c.source or "" for c in comparisons if c.record == record.id]
            time = replaced.time if replaced is not None else _time_after(record, told)
            margin = _exact_margin(record)
            if time is None and record.time is not None and margin is not None:
                time = record.time + margin  # "improving his previous best by 20 s"
            if time is not None:
                record = record.model_copy(update={"previous_time": time})
        found.append(record)
    return found


def _exact_margin(record: RecordIn) -> float | None:
    """How far the record beat the old one, when that is exact: its margin, else its words
    when they count to the second ("26 seconds", "by two minutes and nine seconds"; not "almost
    two minutes" or "two minutes", which a report may have rounded)."""
    if record.margin is not None:
        return None if record.margin_approx else record.margin
    text = (record.margin_text or "").lower().removeprefix("by ").strip()
    if not re.search(r"\bsec(?:ond)?s?\b", text):
        return None
    try:
        return parse_duration(text)
    except DurationError:
        return None


def _replaces(record: RecordIn, old: RecordIn) -> bool:
    """Whether ``old`` is the mark ``record`` replaced, given as a record of its own: of the
    same kind and event, held by the previous holder it names, or (naming none) by the same
    athlete under the same title ("Turkish marathon record before 2019")."""
    if old is record or old.set_here or old.time is None:
        return False
    if (old.kind, old.event) != (record.kind, record.event):
        return False
    before = normalize(record.previous_holder or "")
    if before:
        return before in (normalize(old.holder_name or ""), normalize(old.holder or ""))
    return old.holder == record.holder and normalize(old.title).startswith(normalize(record.title))


_CLOCK_AFTER = re.compile(r"\b(\d{1,2}[:.]\d\d[:.]\d\d)\b")


_OLD_MARK = re.compile(
    rf"\b(?:pb|pr|personal best|personal record|record|best) of {_CLOCK_AFTER.pattern}", re.I
)


def _time_after(record: RecordIn, told: Sequence[str] = ()) -> float | None:
    """The old record's time as the record's own sentence (or another sentence ``told`` of
    it) gives it: just after the previous holder's name ("broke Josh Cassidy's record of
    1:18:25 set in 2012"), or as the mark it bettered ("who improved on his PB of 2:06:56")."""
    for source in filter(None, (record.source, *told)):
        m = None
        if record.previous_holder:
            surname = record.previous_holder.split()[-1]
            at = source.find(surname)
            if at >= 0:
                m = _CLOCK_AFTER.search(source[at : at + len(surname) + 40])
        else:
            m = _OLD_MARK.search(source)
        if m is None:
            continue
        try:
            time = parse_duration(m.group(1).replace(".", ":"))
        except DurationError:  # "a 1,500m PB of 3:31.98": no marathon time
            continue
        if time != record.time:
            return time
    return None
