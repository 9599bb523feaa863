"""Questions about one record: was it broken here, by how much, what was the old mark."""

from __future__ import annotations

import re

from bot.engine.findings import (
    RecordBroken,
    RecordMargin,
    RecordMissed,
    RecordTime,
    RecordYear,
    TextFound,
)
from bot.engine.kinds.computed import ABBREVIATIONS, COMPARE_WORDS, records_asked
from bot.engine.kinds.computed import RECORD_KIND_WORDS as RECORD_KINDS
from bot.engine.kinds.text import passage_of
from bot.engine.knowledge import Athlete
from bot.engine.models import RecordIn
from bot.engine.normalize import normalize
from bot.engine.route import Context, Fit
from bot.engine.search import stem

RECORD_WORDS = frozenset("record records wr cr nr pb pr best".split())
OLD_WORDS = frozenset("old previous former prior before".split())
BREAK_WORDS = frozenset(
    "break broke broken beat beaten smash smashed set better improve improved lower".split()
)


def _topic_explained(ctx: Context, record: RecordIn) -> frozenset[str]:
    """The question's words a record accounts for: by its title, or its kind ("national" for
    the "Ethiopian men's marathon record")."""
    title = {stem(w) for w in f"{record.title} {record.kind.replace('_', ' ')}".lower().split()}
    return frozenset(
        w
        for w in ctx.reading.topic
        if w in RECORD_WORDS | BREAK_WORDS or stem(w) in title or w in ("old", "previous")
    )


DOING_WORDS = frozenset("run ran set get got achieve achieved clock clocked".split())
"""What a record is done with: "did he run a pb", "did she set a course record"."""


def broken(ctx: Context) -> Fit | None:
    """ "was it a world record?", "did farah break the british record?"."""
    reading = ctx.reading
    words = set(reading.free)
    if reading.form != "yes_no" or not words & RECORD_WORDS:
        return None
    asked = records_asked(ctx, strict=True)
    if not asked:
        return _fell_short(ctx)
    keys = {a.key for a in ctx.athletes}
    if keys and not any(r.holder in keys or r.holder is None for r in asked):
        # "did bekele break the world record": Kipchoge's stands
        return _missed(ctx, asked) or _compared(ctx, asked, keys)
    record = next((r for r in asked if r.set_here and (not keys or r.holder in keys)), asked[0])
    holder = ctx.race.athletes.get(record.holder) if record.holder else None
    yes = record.set_here and (not keys or record.holder in keys)
    if keys and not yes and (missed := _missed(ctx, asked)) is not None:
        return missed  # "was legese's time a course record": no, and by how much
    explained = _topic_explained(ctx, record) | (set(reading.topic) & DOING_WORDS)
    if not keys and not yes and (winner := _winner_of(ctx, record)) is not None:
        # "was it a wr?": the winning time of the record's race, against the record
        return _missed_fit(ctx, winner, record, frozenset(explained), asked_broken=True)
    if not yes and (compared := _compared(ctx, [record], keys)) is not None:
        return compared  # "did she get the wr": "three minutes slower than Radcliffe's record"
    found = RecordBroken(record, ctx.race.holder_of(record), yes)
    return Fit("records", found, frozenset(explained), 1.0,
               athletes=(holder,) if holder else (), sources=(record.source,))  # fmt: skip


def _compared(ctx: Context, asked: list[RecordIn], keys: set[str]) -> Fit | None:
    """No, as the report compares the athlete asked about (or the record's event winner) with
    the record, when it gives no time to measure against."""
    for record in asked:
        event = next((e for e in ctx.race.events if e.id == record.event), None)
        winner = event.by_position.get(1) if event is not None else None
        whose = keys or ({winner.key} if winner is not None else set())
        for comparison in ctx.race.comparisons:
            if comparison.record == record.id and comparison.athlete in whose:
                athlete = ctx.race.athletes[comparison.athlete]
                found = RecordBroken(record, ctx.race.holder_of(record), False,
                                     compared=(athlete.name, comparison.text))  # fmt: skip
                explained = _topic_explained(ctx, record) | (set(ctx.reading.topic) & DOING_WORDS)
                return Fit("records", found, explained, 1.0, athletes=(athlete,),
                           sources=(comparison.source or record.source,))  # fmt: skip
    return None


_FELL_SHORT = re.compile(
    r"\b(?:fell|falls?|falling|came|comes|was|finished) short of\b|\bmiss(?:ed|ing)?\b"
    r"|\bshy of\b|\boutside (?:the|her|his)\b|\bjust off\b",
    re.I,
)


def _fell_short(ctx: Context) -> Fit | None:
    """ "did keitany break the cr", with no such record in the knowledge: the report's sentence
    about her that says she fell short of it ("Though she fell short of the course record")."""
    if len(ctx.athletes) != 1:
        return None
    words = set(ctx.reading.free)
    kinds = {k for w in words for k in ABBREVIATIONS.get(w, (w,)) if k in RECORD_KINDS}
    if not kinds:
        return None
    athlete = ctx.athletes[0]
    for doc in ctx.text.docs:
        text = doc.text.lower()
        if athlete.key not in doc.about or doc.kind == "quote" or not _FELL_SHORT.search(text):
            continue
        if any(f"{kind} record" in text for kind in kinds):
            explained = frozenset(
                w for w in ctx.reading.topic if w in RECORD_WORDS | BREAK_WORDS | RECORD_KINDS
            )
            found = TextFound((passage_of(doc),))
            return Fit("fact", found, explained, 1.0, athletes=(athlete,),
                       sources=(doc.source,), facts=(doc.text,))  # fmt: skip
    return None


def _winner_of(ctx: Context, record: RecordIn) -> Athlete | None:
    """The winner of the event a record is of, with a time to set against it."""
    event = next((e for e in ctx.race.events if e.id == record.event), None)
    winner = event.by_position.get(1) if event is not None else None
    if winner is None or winner.time is None or record.time is None:
        return None
    if record.kind == "personal_best" or winner.key == record.holder:
        return None
    return winner


IMPROVE_WORDS = (COMPARE_WORDS - {"slower", "worse"}) | {"take", "took", "taken", "down"}
"""How a record is lowered: "knocked off", "improved", "shaved", "took it down"."""
FASTER_WORDS = frozenset("faster quicker better under inside ahead".split())
RUN_WORDS = frozenset("run ran time".split())


def _missed(ctx: Context, asked: list[RecordIn]) -> Fit | None:
    """No, and by how much: the athlete's time against someone else's record, both stated."""
    athlete = ctx.athletes[0] if len(ctx.athletes) == 1 else None
    record = next(
        (
            r
            for r in asked
            if r.time is not None
            # someone else's best is no record to break; their own one set elsewhere is
            and (r.kind != "personal_best" or (athlete is not None and r.holder == athlete.key))
        ),
        None,
    )
    if athlete is None or athlete.time is None or record is None or record.time is None:
        return None
    if record.event not in (None, athlete.event.id):
        return None
    topic = set(ctx.reading.topic)
    explained = _topic_explained(ctx, record) | (topic & ({"time"} | DOING_WORDS))
    return _missed_fit(ctx, athlete, record, frozenset(explained), asked_broken=True)


def _missed_fit(
    ctx: Context, athlete: Athlete, record: RecordIn, explained: frozenset[str],
    asked_broken: bool = False, asked_faster: bool = False,
) -> Fit:  # fmt: skip
    assert athlete.time is not None and record.time is not None
    gap = athlete.time - record.time
    holder = ctx.race.holder_of(record)
    found = RecordMissed(athlete, record, holder, gap, asked_broken, asked_faster)
    return Fit("records", found, explained, 1.0, athletes=(athlete,),
               sources=(record.source, athlete.source_for("time")))  # fmt: skip


MISS_WORDS = frozenset(
    "miss missed missing off short outside close closer near behind slower".split()
)


def missed_by(ctx: Context) -> Fit | None:
    """ "by how many seconds did keitany miss the course record?": her time against a record
    she did not set, both stated."""
    reading = ctx.reading
    words = set(reading.free)
    if len(ctx.athletes) != 1 or not words & RECORD_WORDS or not words & MISS_WORDS:
        return None
    if reading.asks_quote:
        return None  # "what did ondoro say about missing the record": his words
    if reading.form not in ("how_much", "how_far", "how_many", "how_long", "what", "other", "how"):
        return None
    athlete = ctx.athletes[0]
    if athlete.time is None:
        return None
    for record in records_asked(ctx, strict=True):
        if record.time is None or (record.holder == athlete.key and record.set_here):
            continue  # (her own best of before the race is one she may have missed)
        if record.event not in (None, athlete.event.id):
            continue
        explained = _topic_explained(ctx, record) | (words & (MISS_WORDS | {"far", "much"}))
        return _missed_fit(
            ctx, athlete, record, frozenset(w for w in explained if w in reading.topic)
        )
    return None


AGAINST_WORDS = MISS_WORDS | COMPARE_WORDS | frozenset("far much faster than".split())
"""Words that set one time against another: "how far off", "who was faster"."""


def against_holder(ctx: Context) -> Fit | None:
    """ "how far off radcliffe's debut time was azimeraw", "who was faster, degefa or keitany":
    an athlete's time against the mark of someone who did not run, as a record gives it."""
    reading = ctx.reading
    words = set(reading.free)
    if len(ctx.athletes) != 1 or not ctx.people or not words & AGAINST_WORDS:
        return None
    if reading.form == "who" and "or" not in words:
        return None  # "who else ran faster than her besides radcliffe": a third person
    athlete = ctx.athletes[0]
    if athlete.time is None:
        return None
    marks = [
        r
        for r in ctx.race.records
        if r.time is not None
        and r.holder in ctx.people
        and r.event in (None, athlete.event.id)
        and r.kind != "personal_best"
    ]
    if not marks:
        return None
    # the mark the question names by its words ("debut", "wr"), else the holder's fastest
    record = max(marks, key=lambda r: (len(_topic_explained(ctx, r)), -(r.time or 0)))
    explained = _topic_explained(ctx, record) | frozenset(
        w for w in reading.topic if w in AGAINST_WORDS or stem(w) == "time"
    )
    return _missed_fit(ctx, athlete, record, explained, asked_faster=reading.form == "who")


def margin(ctx: Context) -> Fit | None:
    """ "how much did she smash the record by?"."""
    reading = ctx.reading
    words = set(reading.free)
    if reading.form not in ("how_much", "how_far") or not (words & RECORD_WORDS or ctx.people):
        return None
    keys = {a.key for a in ctx.athletes}
    for record in records_asked(ctx) or _most_notable_broken(ctx):
        if not record.set_here or (keys and record.holder not in keys):
            continue
        amount = record.margin
        if amount is None and record.previous_time is not None and record.time is not None:
            amount = record.previous_time - record.time
        if amount is None and not record.margin_text:
            continue
        holder = ctx.race.athletes.get(record.holder) if record.holder else None
        found = RecordMargin(record, ctx.race.holder_of(record), amount)
        explained = _topic_explained(ctx, record)
        named = {normalize(n) for n in ctx.people_names}
        strength = 1.0
        improved = set(reading.topic) & IMPROVE_WORDS
        if improved and amount is not None:  # "how much did she knock off her pb"
            explained |= improved
            strength = 1.5
        if record.previous_holder and normalize(record.previous_holder) in named:
            # "how much faster was kosgei than radcliffe": the old holder named as the rival
            explained |= frozenset(w for w in reading.topic if w in FASTER_WORDS | RUN_WORDS)
            strength = 1.5
        return Fit("records", found, explained, strength,
                   athletes=(holder,) if holder else (), sources=(record.source,))  # fmt: skip
    return None


NOTABLE = {"world": 0, "national": 1, "course": 2, "other": 3, "personal_best": 4}


def _most_notable_broken(ctx: Context) -> list[RecordIn]:
    """ "how much did she smash the record by", no record named: the most notable one broken
    here (a world record before a course record), of her event when the pronoun says whose."""
    pronoun = getattr(getattr(ctx.query, "parsed", None), "pronoun", None)
    genders = {e.id: e.gender for e in ctx.race.events}
    broken = [
        r
        for r in ctx.race.records
        if r.set_here and (pronoun not in ("M", "F") or genders.get(r.event or "") == pronoun)
    ]
    return sorted(broken, key=lambda r: NOTABLE.get(r.kind, 5))[:1]


def when_set(ctx: Context) -> Fit | None:
    """ "when was the old british record set?": the year my source gives the old mark."""
    reading = ctx.reading
    words = set(reading.free)
    if reading.form != "when" or not words & RECORD_WORDS or not words & OLD_WORDS:
        return None
    for record in records_asked(ctx, strict=True):
        if record.previous_year is not None:
            found = RecordYear(record, record.previous_holder, record.previous_year)
            return Fit("records", found, _topic_explained(ctx, record), 1.0,
                       sources=(record.source,))  # fmt: skip
    return None


def held_before(ctx: Context) -> Fit | None:
    """ "who held the debut record before molla": the previous holder of a record set here,
    with the old mark when my source gives it."""
    reading = ctx.reading
    words = set(reading.free)
    if reading.form != "who" or not words & RECORD_WORDS or not words & OLD_WORDS:
        return None
    keys = {a.key for a in ctx.athletes}
    asked = [
        r
        for r in records_asked(ctx, strict=True)
        if r.set_here and r.previous_holder and (not keys or r.holder in keys)
    ]
    if len(asked) != 1:
        return None
    record = asked[0]
    holder = ctx.race.athletes.get(record.holder) if record.holder else None
    explained = _topic_explained(ctx, record) | (words & OLD_WORDS & set(reading.topic))
    found = RecordTime(record, record.previous_holder, old=True, who=True)
    return Fit("records", found, explained, 1.0,
               athletes=(holder,) if holder else (), sources=(record.source,))  # fmt: skip


def time_of(ctx: Context) -> Fit | None:
    """ "what is the course record time?": a record's time, or that my source doesn't give it."""
    reading = ctx.reading
    words = set(reading.free)
    if not (words & RECORD_WORDS or ctx.people) or reading.asks_quote:
        return None
    asks_time = bool(words & {"time", "mark", "fast"})
    bare = reading.form == "what" and set(reading.topic) <= (
        RECORD_WORDS | RECORD_KINDS | OLD_WORDS | {"now", "current", "currently"}
    )
    if not (asks_time or bare) or reading.form not in ("what", "other", "how", "yes_no"):
        return None
    if reading.form == "yes_no" and ctx.athletes:
        return None  # "was legese's time a course record": whether he broke it, not its time
    asked = records_asked(ctx, strict=True)
    if len(asked) != 1:
        return None
    record = asked[0]
    named = {normalize(n) for n in ctx.people_names}
    old = bool(record.previous_holder and normalize(record.previous_holder) in named) or bool(
        words & OLD_WORDS and (record.previous_time is not None or record.set_here)
    )  # "what was his old pb" (one set here: the best before it), "radcliffe's record"
    holder = ctx.race.athletes.get(record.holder) if record.holder else None
    name = ctx.race.holder_of(record)
    if old and record.kind != "personal_best":  # an old pb is still the same athlete's
        name = record.previous_holder
    known = (record.previous_time if old else record.time) is not None
    found = RecordTime(record, name, old)
    timing = frozenset(
        w
        for w in reading.topic
        if w in {"time", "mark", "fast", "now", "current"} | (RUN_WORDS if asks_time else set())
        or (old and w in OLD_WORDS)
    )  # "what time did roeger run for his wr": the record's time is what he ran
    return Fit("records", found, _topic_explained(ctx, record) | timing, 1.0,
               kind="answer" if known else "unknown",
               athletes=(holder,) if holder else (), sources=(record.source,))  # fmt: skip
