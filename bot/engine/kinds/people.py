"""Questions about one athlete that a result answers as yes or no, and ages the report states."""

from __future__ import annotations

import re

from bot.engine.describe import FUNCTION_WORDS, Described, describes
from bot.engine.findings import (
    Age,
    AgesCompared,
    DescribedAs,
    Finished,
    NotInRace,
    People,
    Person,
    Runner,
)
from bot.engine.knowledge import Athlete
from bot.engine.lexicon import ROLE_WORDS, stop_told
from bot.engine.route import Context, Fit
from bot.engine.search import Doc, stem, words_of

FINISH_WORDS = frozenset("finish finished complete completed".split())
DROP_WORDS = frozenset("drop dropped dnf quit withdraw withdrew pull pulled abandon retire".split())
AGE_WORDS = frozenset("old age aged years".split())


def finished(ctx: Context) -> Fit | None:
    """ "did rupp finish?", "did kipsang drop out?"."""
    reading = ctx.reading
    words = set(reading.free)
    if reading.form != "yes_no" or len(ctx.athletes) != 1:
        return None
    asks_finish, asks_drop = bool(words & FINISH_WORDS), bool(words & DROP_WORDS)
    if not (asks_finish or asks_drop) or words & {"where", "place", "position", "top", "podium"}:
        return None  # "did farah finish in the top 5": a place, not whether he finished
    athlete = ctx.athletes[0]
    if athlete.status == "finished" and athlete.position is None and athlete.time is None:
        return None  # nothing known either way
    if athlete.status == "unknown":
        return None
    told = _stop_told(ctx, athlete) if athlete.status != "finished" else None
    found = Finished(athlete, athlete.status == "finished", asks_drop, told.text if told else None)
    explained = frozenset(w for w in reading.topic if w in FINISH_WORDS | DROP_WORDS | {"out"})
    sources = (athlete.source_for("position"), *((told.source,) if told else ()))
    return Fit("position", found, explained, 1.0, athletes=(athlete,), sources=sources)


def _stop_told(ctx: Context, athlete: Athlete) -> Doc | None:
    """The report's sentence telling how someone stopped ("Cherono dropped out at around 30k")."""
    ranked = [
        (rank, d.order, d)
        for d in ctx.text.docs
        if athlete.key in d.about and d.kind != "quote" and (rank := stop_told(d.text)) is not None
    ]
    return min(ranked, key=lambda r: r[:2])[2] if ranked else None


def age(ctx: Context) -> Fit | None:
    """ "how old is cherono?": an age the report states ("Cherono, 35," or "the 34-year-old")."""
    reading = ctx.reading
    words = set(reading.free)
    if len(ctx.athletes) == 2 and words & COMPARED_AGE_WORDS:
        return _ages_compared(ctx, words)
    asks = words & {"age", "aged"} or ("old" in words and reading.form == "how")
    if len(ctx.athletes) == 2 and asks:  # "how old are kirui and chumba": both, side by side
        return _ages_compared(ctx, words | {"older"})
    athletes = ctx.athletes or _winner_asked(ctx, words)
    if len(athletes) != 1 or not asks:
        return None
    athlete = athletes[0]
    if athlete.key in ctx.text.ages:
        years, doc = ctx.text.ages[athlete.key]
        explained = frozenset(w for w in reading.topic if w in AGE_WORDS)
        source = doc.source if doc is not None else athlete.source_for("name")
        return Fit("age", Age(athlete, years, doc.text if doc else None), explained, 1.0,
                   athletes=(athlete,), sources=(source,))  # fmt: skip
    explained = frozenset(w for w in reading.topic if w in AGE_WORDS)  # never a neighbour
    return Fit("age", Age(athlete, None, None), explained, 1.5, kind="unknown",
               athletes=(athlete,))  # fmt: skip


def _winner_asked(ctx: Context, words: set[str]) -> tuple[Athlete, ...]:
    """ "how old is the men's winner": the winner of the one event asked, when no description
    names someone else."""
    event = getattr(ctx.query, "event", None)
    if ctx.description is not None or event is None or not words & WINNER_WORDS:
        return ()
    winner = event.by_position.get(1)
    return (winner,) if winner is not None else ()


WINNER_WORDS = frozenset("winner won champion champ".split())

COMPARED_AGE_WORDS = frozenset("older younger oldest youngest".split())


def _ages_compared(ctx: Context, words: set[str]) -> Fit:
    """ "who's older, rupp or dibaba", "is kosgei younger than cheruiyot"."""
    ages = []
    sources = []
    for athlete in ctx.athletes:
        years, doc = ctx.text.ages.get(athlete.key, (None, None))
        ages.append(Age(athlete, years, doc.text if doc is not None else None))
        if doc is not None:
            sources.append(doc.source)
    older = bool(words & {"older", "oldest"})
    found = AgesCompared((ages[0], ages[1]), older, yes_no=ctx.reading.form == "yes_no")
    known = all(a.years is not None for a in ages)
    explained = frozenset(w for w in ctx.reading.topic if w in COMPARED_AGE_WORDS | AGE_WORDS)
    return Fit("age", found, explained, 1.5, kind="answer" if known else "unknown",
               athletes=tuple(ctx.athletes), sources=tuple(sources))  # fmt: skip


RAN_WORDS = frozenset(
    "run ran race raced racing compete competed competing start started enter entered there "
    "participate participated take part".split()
)


def _said_of(ctx: Context, key: str, name: str) -> list[Doc]:
    """What my source says of someone (not their own words), sentences that name them first."""
    surname = name.split()[-1].lower()
    said = [d for d in ctx.text.docs if key in d.about and d.kind != "quote"]
    said.sort(key=lambda d: surname not in d.text.lower())
    return said


def did_not_run(ctx: Context) -> Fit | None:
    """ "did kipchoge run chicago?", "was radcliffe there?": no, of someone my source names who
    was not in the race, with what it says of them."""
    reading = ctx.reading
    if reading.form != "yes_no" or not ctx.people or ctx.athletes:
        return None
    if not set(reading.free) & RAN_WORDS:
        return None
    key, name = ctx.people[0], ctx.people_names[0]
    said = _said_of(ctx, key, name)
    # what tells of their not running ("skipped Sunday's race to focus on ...") first
    said.sort(key=lambda d: not {stem(w) for w in d.words} & ABSENCE)
    found = NotInRace(name, ctx.race.name, said[0].text if said else None)
    explained = frozenset(w for w in reading.topic if w in RAN_WORDS)
    return Fit("person", found, explained, 1.5, sources=(said[0].source,) if said else ())


ABSENCE = frozenset(
    stem(w)
    for w in "skipped skip skipping absent absence withdrew withdrawn instead injured ill".split()
)
"""Words telling why someone was not in a race."""


def who_is(ctx: Context) -> Fit | None:
    """ "who is carey pinkowski?": someone who did not run, by their role and what is said."""
    reading = ctx.reading
    if reading.form != "who" or not ctx.people or ctx.athletes or set(reading.topic) - {"is"}:
        return None
    key, name = ctx.people[0], ctx.people_names[0]
    person = next((p for p in ctx.race.people if p.id == key), None)
    said = _said_of(ctx, key, name)
    role = person.role if person is not None else None
    found = Person(name, role, said[0].text if said else None)
    if role is None and not said:
        return None
    source = said[0].source if said else (person.source if person is not None else None)
    return Fit("person", found, frozenset({"is"}), 1.5, sources=(source,))


def who_is_runner(ctx: Context) -> Fit | None:
    """ "who is gebre?? never heard of him": a runner of the race, as the report tells of them."""
    reading = ctx.reading
    words = reading.words
    if len(ctx.athletes) != 1 or words[:1] not in (("who",), ("whos",)):
        return None
    opening = 2 if words[:2] in (("who", "is"), ("who", "was")) else 1  # "who's x" reads "who x"
    if opening not in reading.names or reading.explained or set(reading.topic) & ROLE_WORDS:
        return None  # "who beat farah", "who was kipchoge's pacemaker": someone else
    if words[-1] in STRANDED:
        return None  # "who is masai married to": the one she is married to
    athlete = ctx.athletes[0]
    surname = re.escape(athlete.name.split()[-1])
    telling = re.compile(rf"\b{surname}\b[^.]{{0,40}}?{_IS_A.pattern}", re.I)
    said = [d for d in _said_of(ctx, athlete.key, athlete.name) if telling.search(d.text)]
    sentence = said[0] if said else None
    found = Runner(athlete, tuple(athlete.descriptions), sentence.text if sentence else None)
    sources = (athlete.source_for("position"), *((sentence.source,) if sentence else ()))
    return Fit("person", found, frozenset(reading.topic) - {"is", "was"}, 1.0,
               athletes=(athlete,), sources=sources)  # fmt: skip


STRANDED = frozenset("to with by for from behind after before".split())
"""A preposition that ends a question leaves its object to "who": "who is masai married to"."""

_IS_A = re.compile(r"(?:\b(?:is|was) (?:a|an|the)|, (?:a|an|the)|\bwho|\bknown as)\b", re.I)
"""What tells of someone after their name: "Gebre is a sub-elite runner", "Kosgei, the 25-year-
old"."""


def _describing(ctx: Context, found: Described) -> list[Doc]:
    """The passages about ``found``'s person that hold the description, in order."""
    text = " ".join(words_of(found.text))
    return [d for d in ctx.text.docs if found.key in d.about and text in " ".join(words_of(d.text))]


def described(ctx: Context) -> Fit | None:
    """ "who's the olympic marathon champ?": the person the description names, and where my
    source describes them so; one in each event when it names one per event."""
    reading = ctx.reading
    each = (ctx.description,) if ctx.description is not None else ctx.described_each
    named_as = reading.words[:1] in (("last",), ("previous",))  # "last us woman to win before"
    if not each or not (reading.form == "who" or (reading.form == "other" and named_as)):
        return None
    if ctx.description is not None and len(set(reading.topic) - FUNCTION_WORDS) > 1:
        return None
    people, sources, athletes = [], [], []
    for found in each:
        docs = _describing(ctx, found)
        person_in = next((p for p in ctx.race.people if p.id == found.key), None)
        source = docs[0].source if docs else (person_in.source if person_in is not None else None)
        athlete = ctx.race.athletes.get(found.key)
        event = athlete.event.name if athlete is not None and len(each) > 1 else None
        people.append(
            Person(found.name, None, docs[0].text if docs else source, bool(athlete), event)
        )
        sources.append(source)
        athletes.extend([athlete] if athlete is not None else [])
    finding = people[0] if len(people) == 1 else People(tuple(people))
    return Fit("person", finding, frozenset(reading.topic), 1.5, athletes=tuple(athletes),
               sources=tuple(sources))  # fmt: skip


def is_described(ctx: Context) -> Fit | None:
    """ "was cheruiyot the defending champion?", "is she the course record holder?": yes when
    my source describes the athlete so, and otherwise who it does describe so."""
    found = ctx.checked
    if found is None or ctx.reading.form != "yes_no" or len(ctx.athletes) != 1:
        return None
    athlete = ctx.athletes[0]
    docs = _describing(ctx, found)
    sentence = docs[0].text if docs else None
    described_as = DescribedAs(athlete, found.name, found.text, sentence)
    explained = frozenset(w for w in ctx.reading.topic if describes(found, w))
    sources = (docs[0].source,) if docs else ()
    return Fit("person", described_as, explained, 2.5, athletes=(athlete,), sources=sources)
