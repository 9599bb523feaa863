"""Grading the engine on question sets written as fans type them (``tests/data/questions/``).

A question passes when the reply is of the expected kind (``answer``: the source says it;
``unknown``: it says it does not know), contains every ``says`` fragment (``a|b``: either) and
none of the ``not`` fragments, case and accents ignored. Independently of passing, every figure
in a reply (``2:04:17``, ``4:44``, ``2 min 4 s``) must be one the race's knowledge holds, states
in its text, or that is computed from those (a gap, a pace, a record plus a stated margin, two
halves of a finish time compared, amounts one paragraph states added together or to a time it
gives or names) or from the question's own figures; any other figure is counted as invented.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.engine import Conversation, Engine
from bot.engine.durations import parse_duration
from bot.engine.errors import DurationError
from bot.engine.knowledge import Race
from bot.engine.normalize import strip_accents

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "tests" / "data" / "questions"
RACES = ROOT / "tests" / "data" / "races"
SEED_RACE = "london-marathon-2018"
MILE_KM = 1.609344

_CLOCK = re.compile(r"(?<![\d:.])(\d{1,3}):(\d\d)(?::(\d\d))?(?:\.(\d))?(?![\d:])")
_UNITS = re.compile(
    r"(?:(\d+)\s*h(?:ours?|rs?)?\s*)?(\d+)\s*min(?:utes?|s)?(?:\s*(?:and\s*)?(\d+)\s*s(?:ec(?:ond)?s?)?)?\b"
)


@dataclass(frozen=True)
class Question:
    id: str
    split: str
    ask: str
    expect: str
    says: tuple[str, ...]
    not_: tuple[str, ...]
    after: tuple[str, ...]


@dataclass
class Outcome:
    question: Question
    reply: str
    kind: str
    passed: bool
    invented: list[str] = field(default_factory=list)
    why: str = ""


def load_questions(path: Path) -> tuple[str, list[Question]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    questions = []
    for item in data["questions"]:
        questions.append(
            Question(
                id=str(item["id"]),
                split=str(item.get("split", "dev")),
                ask=str(item["ask"]),
                expect=str(item.get("expect", "answer")),
                says=tuple(str(s) for s in item.get("says") or ()),
                not_=tuple(str(s) for s in item.get("not") or ()),
                after=tuple(str(s) for s in item.get("after") or ()),
            )
        )
    return str(data["race"]), questions


def knowledge_dir(race_id: str) -> Path:
    """The seed race is served from ``knowledge/``; test races from their own folder."""
    return ROOT / "knowledge" if race_id == SEED_RACE else RACES / race_id


def _fold(text: str) -> str:
    return " ".join(strip_accents(text).casefold().replace("’", "'").split())


def _contains(reply: str, fragment: str) -> bool:
    return any(_fold(option) in reply for option in fragment.split("|") if option.strip())


def figures(text: str) -> list[tuple[str, list[float]]]:
    """Figures in ``text``, each with the values in seconds it may stand for."""
    found: list[tuple[str, list[float]]] = []
    for m in _CLOCK.finditer(text):
        a, b, c, tenth = m.groups()
        frac = int(tenth) / 10 if tenth else 0.0
        if c is not None:
            found.append((m.group(0), [int(a) * 3600 + int(b) * 60 + int(c) + frac]))
        else:  # m:ss or h:mm
            found.append((m.group(0), [int(a) * 60 + int(b) + frac, int(a) * 3600 + int(b) * 60]))
    for m in _UNITS.finditer(text):
        h, mins, secs = m.groups()
        value = int(h or 0) * 3600 + int(mins) * 60 + int(secs or 0)
        found.append((m.group(0), [float(value)]))
    return found


def _text_figures(texts: Iterable[str]) -> set[float]:
    values: set[float] = set()
    for text in texts:
        for _, options in figures(text):
            values.update(options)
        for m in re.finditer(r"\d[\d:.]*\d", text):
            with contextlib.suppress(ValueError, TypeError):
                values.add(parse_duration(m.group(0)))
    return values


def allowed_figures(engine: Engine, question: str) -> set[float]:
    """Every figure a reply about these races may hold without having invented it."""
    base, stored, allowed = _race_figures(engine)
    asked = _text_figures([question])
    allowed = allowed | asked
    for a in asked:
        allowed.update(abs(a - b) for b in base | asked)
    for finish in stored:  # (a figure asked as one half)
        allowed.update(abs(finish - 2 * half) for half in asked if finish / 3 < half < finish / 1.5)
    return allowed


@functools.lru_cache(maxsize=4)
def _race_figures(engine: Engine) -> tuple[set[float], set[float], set[float]]:
    """What the races' knowledge and text allow, whatever the question: the figures they give
    (all, and those stored as times), and every figure allowed from them alone. Read once per
    engine, not once per question."""
    stored: set[float] = set()
    distances: set[float] = set()
    texts: list[str] = []
    for race in engine.races:
        texts.extend(filter(None, [race.report, race.info.summary]))
        for event in race.events:
            if event.distance:
                distances.add(event.distance)
            for athlete in event.athletes:
                stored.update(t for t in (athlete.time, athlete.chip_time) if t is not None)
        for record in race.records:
            stored.update(
                t for t in (record.time, record.previous_time, record.margin) if t is not None
            )
            texts.extend(filter(None, [record.source, record.margin_text, record.title]))
        for comparison in race.comparisons:
            if comparison.amount is not None:
                stored.add(comparison.amount)
                athlete = race.athletes.get(comparison.athlete)
                if athlete is not None and athlete.time is not None:
                    stored.add(athlete.time - comparison.amount)
                    stored.add(athlete.time + comparison.amount)
        texts.extend(f.text for f in race.facts)
        texts.extend(f.source or "" for f in race.facts)
        texts.extend(q.text for q in race.quotes)
    base = stored | _text_figures(texts)
    allowed = set(base)
    for a, b in itertools.combinations(sorted(base), 2):
        allowed.add(abs(a - b))
    for race in engine.races:
        allowed |= _told_together(race)
    for finish in stored:  # two halves compared: the finish less twice the first half
        allowed.update(abs(finish - 2 * half) for half in base if finish / 3 < half < finish / 1.5)
    for value in stored:
        for km in distances:
            allowed.add(value / km)
            allowed.add(value / (km / MILE_KM))
    return base, stored, allowed


_AMOUNT = re.compile(r"\b(?:[a-z]+|\d+)[ -](?:seconds?|secs?|minutes?|mins?)\b", re.I)


def _told_together(race: Race) -> set[float]:
    """Figures worked out from amounts one paragraph of the report states together: two margins
    added ("by nine seconds, with Dibaba a further 17 seconds back"), and a margin added to a
    time it gives or to the time of a runner it names ("won in 2:23:31. Kiplagat was second,
    ... 42 seconds at the finish")."""
    found: set[float] = set()
    times = {a.name.split()[-1].lower(): a.time for a in race.all_athletes() if a.time}
    for paragraph in (race.report or "").splitlines():
        amounts: set[float] = set()
        for m in _AMOUNT.finditer(paragraph):
            with contextlib.suppress(DurationError):
                amounts.add(parse_duration(m.group(0)))
        stated = _text_figures([paragraph])
        amounts |= {v for v in stated if v < 1800}
        amounts |= {a + b for a, b in itertools.combinations(amounts, 2)}
        times_told = {v for v in stated if v >= 1800}
        times_told |= {t for name, t in times.items() if name in paragraph.lower()}
        found |= amounts | {t + a for t in times_told for a in amounts}
    return found


def invented(reply: str, allowed: set[float]) -> list[str]:
    wrong = []
    for text, options in figures(reply):
        if not any(abs(option - value) <= 1.0 for option in options for value in allowed):
            wrong.append(text)
    return wrong


def grade(engine: Engine, question: Question) -> Outcome:
    conversation = Conversation()
    for turn in question.after:
        engine.ask(turn, conversation)
    answer = engine.ask(question.ask, conversation)
    reply = _fold(answer.text)
    problems = []
    expected_kind = "unknown" if question.expect == "unknown" else "answer"
    if answer.kind != expected_kind:
        problems.append(f"kind {answer.kind}, expected {expected_kind}")
    missing = [s for s in question.says if not _contains(reply, s)]
    if missing:
        problems.append("missing " + ", ".join(missing))
    present = [s for s in question.not_ if _contains(reply, s)]
    if present:
        problems.append("should not say " + ", ".join(present))
    made_up = invented(answer.text, allowed_figures(engine, question.ask))
    if made_up:
        problems.append("invented " + ", ".join(made_up))
    return Outcome(question, answer.text, answer.kind, not problems, made_up, "; ".join(problems))


def run_set(path: Path, knowledge: Path | None = None) -> tuple[str, list[Outcome]]:
    """Grade every question of the set at ``path`` against ``knowledge`` (default: its race)."""
    race_id, questions = load_questions(path)
    engine = Engine.from_path(knowledge or knowledge_dir(race_id))
    return race_id, [grade(engine, q) for q in questions]


def rate(outcomes: list[Outcome], split: str | None = None) -> tuple[int, int]:
    chosen = [o for o in outcomes if split is None or o.question.split == split]
    return sum(o.passed for o in chosen), len(chosen)
