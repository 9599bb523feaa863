"""What a kind of question found, without English. :mod:`bot.engine.phrase` words them."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.knowledge import Athlete
from bot.engine.models import RecordIn


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence of the report (or a fact or record) that answers the question."""

    text: str
    source: str | None
    about: tuple[str, ...]  # athlete and person keys it names


@dataclass(frozen=True, slots=True)
class TextFound:
    passages: tuple[Passage, ...]


@dataclass(frozen=True, slots=True)
class Said:
    """Quotes of one speaker, the best fitting first."""

    speaker: str  # display name
    quotes: tuple[Passage, ...]
    topic: tuple[str, ...] = ()  # what the question asked them about


@dataclass(frozen=True, slots=True)
class NotCovered:
    """The question asks about something this race's knowledge does not hold."""

    words: tuple[str, ...]
    race_name: str
    event_kind: bool = False  # "wheelchair": an event the race doesn't have
    events: tuple[str, ...] = ()  # the events it has


@dataclass(frozen=True, slots=True)
class Threshold:
    """Whether an athlete's time was under a figure ("did kipchoge break 2:05?")."""

    athlete: Athlete
    limit: float
    under: bool | None  # the time is under the limit (None: my source gives no time)
    asked_under: bool  # the question asks "under" (break, sub, below), not "over"
    by_how_much: bool = False  # "how far under 2:10 did he go": the margin, no yes or no


@dataclass(frozen=True, slots=True)
class DescribedAs:
    """Whether an athlete is the one a description names ("was cheruiyot the defending
    champion?"): ``holder`` is the one my source describes so."""

    athlete: Athlete
    holder: str  # display name of the person described
    description: str  # the description, in my source's words
    sentence: str | None  # where my source says so


@dataclass(frozen=True, slots=True)
class YearsSince:
    """ "how many years since an american woman won it": the race's year less the year the report
    names ("not since ... 1985"), or a span it states ("ended 33 years of frustration")."""

    years: int
    since: int | None
    sentence: str


@dataclass(frozen=True, slots=True)
class SameTime:
    """ "did any women finish with the same time": the finishers given equal times."""

    ties: tuple[tuple[Athlete, ...], ...]  # each: those of one time, in place order
    event_name: str


@dataclass(frozen=True, slots=True)
class PlacesApart:
    first: Athlete
    second: Athlete
    places: int


@dataclass(frozen=True, slots=True)
class RecordAge:
    """How long a record stood: set in ``since``, broken in ``until``."""

    record: RecordIn
    holder: str | None
    since: int
    until: int


@dataclass(frozen=True, slots=True)
class OldRecordTime:
    """A record's previous time worked out from the new time and the stated margin."""

    record: RecordIn
    holder: str
    time: float
    approx: bool


@dataclass(frozen=True, slots=True)
class RecordBroken:
    """Whether a record was set in this race (by the athlete asked about)."""

    record: RecordIn
    holder: str | None
    yes: bool
    compared: tuple[str, str] | None = None  # (athlete, how the report compares them with it)


@dataclass(frozen=True, slots=True)
class RecordMargin:
    record: RecordIn
    holder: str | None
    amount: float | None  # seconds; None when only the report's words give it


@dataclass(frozen=True, slots=True)
class RecordMissed:
    """An athlete's time against a record they did not set: how far outside it (or inside)."""

    athlete: Athlete
    record: RecordIn
    holder: str | None
    gap: float  # seconds: the athlete's time less the record's; negative when faster
    asked_broken: bool = False  # "did bekele break the world record?": a yes or no first
    asked_faster: bool = False  # "who was faster, degefa or keitany?": who, first


@dataclass(frozen=True, slots=True)
class StatedDifference:
    """An athlete's time against another of theirs the report states ("won here last year in
    2:18:35", "improved her PB to 2:18:20")."""

    athlete: Athlete
    other: float  # seconds, as the report gives it
    sentence: str


@dataclass(frozen=True, slots=True)
class TimeThen:
    """An athlete's time of another year, worked out from this race's time and the margin a
    sentence states between them ("42 seconds faster than his victorious time in 2018")."""

    athlete: Athlete
    then: float  # seconds
    gap: float  # seconds this race's time was faster (negative: slower)
    sentence: str


@dataclass(frozen=True, slots=True)
class ToTheLine:
    """The rest of a race from a point the report gives a time at: the finish less that time."""

    athlete: Athlete
    at: float  # seconds on the clock at the point
    sentence: str


@dataclass(frozen=True, slots=True)
class Finished:
    athlete: Athlete
    finished: bool
    asked_drop: bool  # "did he drop out" rather than "did he finish"
    told: str | None = None  # the report's sentence telling how they stopped


@dataclass(frozen=True, slots=True)
class Age:
    athlete: Athlete
    years: int | None  # None: my source gives no age for them
    sentence: str | None


@dataclass(frozen=True, slots=True)
class AgesCompared:
    """ "who's older, rupp or dibaba": the ages the report gives of two athletes."""

    ages: tuple[Age, Age]
    older: bool  # asked who is older (else younger)
    yes_no: bool  # "is kosgei younger than hasay": of the first, yes or no


@dataclass(frozen=True, slots=True)
class RecordYear:
    record: RecordIn
    holder: str | None
    year: int


@dataclass(frozen=True, slots=True)
class RecordTime:
    record: RecordIn
    holder: str | None
    old: bool = False  # the mark the record broke, not the new one
    who: bool = False  # "who held it before": the holder first


@dataclass(frozen=True, slots=True)
class Count:
    """A number of runners the report states, in its sentence."""

    number: str
    sentence: str


@dataclass(frozen=True, slots=True)
class NotSaid:
    """A why- or who-question no passage answers: no passage gives a reason, or names anyone."""

    words: tuple[str, ...]
    race_name: str
    asked: str  # "why" or "who"
    said: Passage | None = None  # what my source does say of it, without the answer


@dataclass(frozen=True, slots=True)
class Titles:
    athlete: Athlete
    count: int
    sentence: str


@dataclass(frozen=True, slots=True)
class Person:
    """Someone who did not run: their role and a sentence about them."""

    name: str
    role: str | None
    sentence: str | None
    ran: bool = False
    event: str | None = None  # the event they ran, when one description names one per event


@dataclass(frozen=True, slots=True)
class NotInRace:
    """ "did kipchoge run chicago?" of someone my source names who did not run it."""

    name: str
    race_name: str
    sentence: str | None


@dataclass(frozen=True, slots=True)
class People:
    """One description that names a person in each of several events ("the defending
    champion": one for the men, one for the women)."""

    found: tuple[Person, ...]


@dataclass(frozen=True, slots=True)
class HalfSplit:
    """The two halves of a race: the halfway split the report gives, the rest worked out."""

    athlete: Athlete
    first: float  # seconds at halfway
    asked_first: bool
    sentence: str
    asked_negative: bool = False  # "did she run a negative split?"
    second: float | None = None  # the second half as the report gives it, if it does
    asked_both: bool = False  # "what were her splits", "how much quicker was the second half"
    asked_margin: bool = False  # "by how much", "how much quicker": the halves' difference

    @property
    def rest(self) -> float:
        """The second half: as given, else the finish less the first."""
        assert self.athlete.time is not None
        return self.second if self.second is not None else self.athlete.time - self.first


@dataclass(frozen=True, slots=True)
class Runner:
    """Who a runner of the race is: their result, how the report describes them, and a sentence
    telling of them."""

    athlete: Athlete
    descriptions: tuple[str, ...]
    sentence: str | None


Finding = (
    TextFound | Said | NotCovered | Threshold | PlacesApart | RecordAge | OldRecordTime
    | RecordBroken | RecordMargin | RecordMissed | StatedDifference | Finished | Age | RecordYear
    | AgesCompared
    | RecordTime | Count | NotSaid | Titles | Person | People | NotInRace | HalfSplit | YearsSince
    | DescribedAs | Runner | SameTime | ToTheLine | TimeThen
)  # fmt: skip
