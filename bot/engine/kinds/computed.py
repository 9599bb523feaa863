"""Answers worked out from stated figures: thresholds, places apart, how long a record stood,
an old record's time from the new one and the margin."""

from __future__ import annotations

import re

from bot.engine.countries import country_word
from bot.engine.durations import parse_duration
from bot.engine.errors import DurationError
from bot.engine.findings import (
    HalfSplit,
    OldRecordTime,
    PlacesApart,
    RecordAge,
    SameTime,
    StatedDifference,
    Threshold,
    TimeThen,
    ToTheLine,
    YearsSince,
)
from bot.engine.knowledge import Athlete
from bot.engine.lexicon import NUMBER_WORDS
from bot.engine.models import RecordIn
from bot.engine.normalize import normalize
from bot.engine.route import Context, Fit
from bot.engine.search import POINT_WORD, name_parts, stem

UNDER_WORDS = frozenset("break broke broken under sub below beat inside quicker faster".split())
OVER_WORDS = frozenset("over above slower outside".split())
PLACE_WORDS = frozenset("places place spots spot positions position".split())
STOOD_WORDS = frozenset("stand stood last lasted survive survived old since".split())
TIME_WORDS = frozenset("time times".split())
HOURS = frozenset("hour hours hrs hr h".split())
ABBREVIATIONS = {
    "wr": ("world", "record"), "cr": ("course", "record"), "pb": ("personal", "best"),
    "pr": ("personal", "best"), "nr": ("national", "record"),
}  # fmt: skip
APART_WORDS = frozenset("between separated apart behind ahead finish finished".split())
RECORD_KIND_WORDS = frozenset(
    """world course national british american european african asian commonwealth area
    continental personal event championship""".split()
)


def threshold(ctx: Context) -> Fit | None:
    """ "did kipchoge break 2:05?": the athlete's time against the figure asked."""
    reading = ctx.reading
    words = set(reading.free)
    parsed = getattr(ctx.query, "parsed", None)
    marked = bool(getattr(parsed, "threshold_named", None))  # "did he hit the worlds standard"
    asked_under = bool(words & (UNDER_WORDS | (MET_WORDS if marked else set())))
    hours = getattr(parsed, "threshold", None)  # "sub 2 hours"
    figures = reading.figures or ([(hours,)] if hours is not None else [])
    over = words & (OVER_WORDS | (MISSED if marked else set()))
    if not figures or len(ctx.athletes) != 1 or not (asked_under or over):
        return None
    if reading.form == "who":
        return None  # "who else went under 2:23 besides matsuda": the others, no yes or no
    athlete = ctx.athletes[0]
    # a time to read the figure by (h:mm or m:ss): theirs, or their event's winner's
    winner = athlete.event.by_position.get(1)
    reference = athlete.time if athlete.time is not None else winner.time if winner else None
    options = figures[0]
    limit = min(options, key=lambda value: abs(value - (reference or value)))
    # (the margin, which the answer tells: "how far under 2:10 did limo go")
    explained = frozenset(
        w for w in reading.topic if w in UNDER_WORDS | OVER_WORDS | HOURS | MARGIN_ASKED
    )
    if not reading.figures:  # "did eshete go under the old cr": the line an old record drew
        explained |= {w for w in reading.topic if w in OLD_RECORD_WORDS}
        named: frozenset[str] = getattr(parsed, "threshold_named", frozenset())
        explained |= {w for w in reading.topic if w in named}  # "the olympic standard"
        if named:  # "did he hit it", "by how much did he miss it"
            explained |= {w for w in reading.topic if w in MET_WORDS | MISSED}
    if athlete.time is None:  # "did kitata go under 2:05": not given, whatever his place
        found = Threshold(athlete, limit, None, asked_under)
        return Fit("threshold", found, explained, 1.0, kind="unknown", athletes=(athlete,))
    margin = reading.form in ("how_far", "how_much")  # "how far under 2:10 did limo go"
    found = Threshold(athlete, limit, athlete.time < limit, asked_under, by_how_much=margin)
    return Fit("threshold", found, explained, 1.0, athletes=(athlete,),
               sources=(athlete.source_for("time"),))  # fmt: skip


MET_WORDS = frozenset("hit hits make made meet met achieve achieved reach reached".split())
"""What is done to a mark, as running under it: "did he hit the worlds standard"."""
MISSED = frozenset({"miss", "missed"})
"""What is done to a mark, as running over it: "by how much did he miss it"."""

OLD_RECORD_WORDS = (
    RECORD_KIND_WORDS | set(ABBREVIATIONS) | {"record", "records", "old", "previous", "former"}
)
"""Words of an old record read as a line to run under ("the old course record")."""

HALF_TIMED = frozenset("fast quick quickly long run ran time take took cover covered".split())
MARGIN_ASKED = frozenset("far much margin close closer".split())

SAME_WORDS = frozenset("same identical tied tie ties".split())
FINISH_WORDS = frozenset("finish finished finishing time times ran run clocked".split())


def same_time(ctx: Context) -> Fit | None:
    """ "did any women finish with the same time", "any ties": finishers given equal times."""
    reading = ctx.reading
    words = set(reading.words)
    asked = SAME_WORDS & words
    tied = bool(asked - {"same", "identical"}) or "dead heat" in " ".join(reading.words)
    if ctx.athletes or not (tied or (asked and {"time", "times"} & words)):
        return None
    event = getattr(ctx.query, "event", None)
    events = [event] if event is not None else list(ctx.race.events)
    ties: list[tuple[Athlete, ...]] = []
    for each in events:
        by_time: dict[float, list[Athlete]] = {}
        for athlete in sorted(each.finishers, key=lambda a: a.position or 0):
            if athlete.time is not None:
                by_time.setdefault(athlete.time, []).append(athlete)
        ties += [tuple(group) for group in by_time.values() if len(group) > 1]
    found = SameTime(tuple(ties), f"the {event.name.lower()}" if event is not None else "this race")
    explained = frozenset(w for w in reading.topic if w in SAME_WORDS | FINISH_WORDS)
    athletes = tuple(a for tie in ties for a in tie)
    return Fit("same_time", found, explained, 1.0, athletes=athletes,
               sources=tuple(a.source_for("time") for a in athletes))  # fmt: skip


def places_apart(ctx: Context) -> Fit | None:
    """ "how many places between keitany and partridge"."""
    reading = ctx.reading
    if len(ctx.athletes) != 2 or not set(reading.words) & PLACE_WORDS:
        return None
    if reading.form not in ("how_many", "how_far", "how_much", "other", "what"):
        return None
    first, second = sorted(ctx.athletes, key=lambda a: a.position or 0)
    if first.position is None or second.position is None or first.event is not second.event:
        return None
    found = PlacesApart(first, second, second.position - first.position)
    explained = frozenset(w for w in reading.topic if w in PLACE_WORDS | APART_WORDS)
    return Fit("places_apart", found, explained, 1.0, athletes=(first, second),
               sources=(first.source_for("position"), second.source_for("position")))  # fmt: skip


def records_asked(ctx: Context, strict: bool = False) -> list[RecordIn]:
    """Records the question names: by a person named (the old holder) or by title words; with
    ``strict``, a kind word the question uses (world, course, british...) must be in the title."""
    race = ctx.race
    names = {normalize(n) for n in ctx.people_names}
    keys = {a.key for a in ctx.athletes}
    by_person = [
        r
        for r in race.records
        if (r.previous_holder and normalize(r.previous_holder) in names)
        or (r.holder_name and normalize(r.holder_name) in names)
        or (r.holder is not None and r.holder in ctx.people)  # "kipchoge's record"
    ]
    if by_person:
        return by_person
    said = [w for word in ctx.reading.free for w in ABBREVIATIONS.get(word, (word,))]
    topic = {stem(w) for w in said if w in ctx.reading.topic or w in RECORD_KIND_WORDS}
    kinds = {stem(w) for w in said if w in RECORD_KIND_WORDS}
    asks_record = "record" in said or "records" in said
    countries = {stem(w) for w in said if country_word(w) is not None}  # a national record's
    scored = []
    for record in race.records:
        raw = normalize(f"{record.title} {record.kind}").split()
        title = {stem(w) for w in raw} - {stem("record")}
        own = title & (topic - {stem(w) for w in RECORD_KIND_WORDS} - countries)
        if asks_record and record.kind == "other" and "record" not in raw and not own:
            continue  # "the world record" is no "world lead", nor a "second fastest ever"; but
            # a "debut record" is the "fastest marathon debut" (and "the japanese record" no
            # "sixth on the japanese all-time list")
        if strict and not (kinds | countries) <= title:
            continue  # "did she break the japanese record": not her own best
        event = getattr(ctx.query, "event", None)
        if event is not None and record.event not in (None, event.id):
            continue  # "was the wheelchair race a world record too": that event's records
        if keys and record.kind == "personal_best" and record.holder not in keys:
            continue  # "teferas pb": his, never another's
        overlap = len(title & topic) + (1 if record.holder in keys else 0)
        if overlap:
            scored.append((overlap, record))
    scored.sort(key=lambda item: -item[0])
    return [r for score, r in scored if score == scored[0][0]] if scored else []


_YEARS_AGO = re.compile(r"\b(\d{1,3}|[a-z]+(?:-[a-z]+)?) years? (?:ago|earlier|before)\b", re.I)


def _count(word: str) -> int | None:
    """ "16" or "sixteen" as a number."""
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower())


YEAR_WORDS = frozenset("years year".split())
_SINCE_YEAR = re.compile(r"\bsince\b[^.;]*?\b((?:18|19|20)\d\d)\b", re.I)
_SPAN = re.compile(r"\b(\d{1,3}|[a-z]+(?:-[a-z]+)?) years\b", re.I)


def years_since(ctx: Context) -> Fit | None:
    """ "how many years since an american woman won it": the span a passage gives."""
    reading = ctx.reading
    words = set(reading.free)
    since_asked = reading.form == "how_long" and "since" in words  # "how long since..."
    if reading.form not in ("how_many", "how_long") or not (words & YEAR_WORDS or since_asked):
        return None
    if not words & {"since", "ago", "last", "before"} or ctx.race.info.year is None:
        return None
    subject = [w for w in reading.topic if w not in YEAR_WORDS | {"since", "ago", "last"}]
    about = [a.key for a in ctx.athletes]
    for hit in ctx.text.search(subject or list(reading.topic), about=about, limit=5):
        text = hit.doc.text
        if m := _SINCE_YEAR.search(text):
            since = int(m.group(1))
            found = YearsSince(ctx.race.info.year - since, since, text)
        elif (span := _SPAN.search(text)) and (n := _count(span.group(1))):
            found = YearsSince(n, None, text)
        else:
            continue
        explained = frozenset(
            w for w in reading.topic if w in YEAR_WORDS | {"since", "ago", "long"}
        )
        return Fit("years_since", found, explained | hit.matched, 1.0,
                   sources=(hit.doc.source,))  # fmt: skip
    return None


def record_age(ctx: Context) -> Fit | None:
    """ "how many years did steve jones's record stand"."""
    reading = ctx.reading
    words = set(reading.free)
    asks = reading.form in ("how_long", "how_many") and (words & STOOD_WORDS or "years" in words)
    if not asks or not (words & {"record", "records", "wr"} or ctx.people_names):
        return None
    year = ctx.race.info.year
    for record in records_asked(ctx):
        since = record.previous_year
        if since is None and year is not None:  # "set by Paula Radcliffe ... 16 years ago"
            ago = _YEARS_AGO.search(record.source or "")
            years = _count(ago.group(1)) if ago else None
            since = year - years if years else None
        if since is not None and record.set_here and year is not None:
            found = RecordAge(record, record.previous_holder, since, year)
            explained = frozenset(
                w for w in reading.topic if w in STOOD_WORDS | {"years", "record", "wr", "long"}
            )
            return Fit("record_age", found, explained, 1.0,
                       sources=(record.source,))  # fmt: skip
    return None


def old_record_time(ctx: Context) -> Fit | None:
    """ "what was the old world record": the new time plus the stated margin."""
    reading = ctx.reading
    words = set(reading.free)
    if not words & {"old", "previous", "former", "before"} or not words & (
        TIME_WORDS | {"record", "wr"}
    ):
        return None
    for record in records_asked(ctx):
        if (
            record.set_here
            and record.previous_time is None
            and record.time is not None
            and record.margin is not None
            and record.previous_holder
        ):
            found = OldRecordTime(
                record, record.previous_holder, record.time + record.margin, record.margin_approx
            )
            title = {stem(w) for w in normalize(record.title).split()}
            explained = frozenset(
                w
                for w in reading.topic
                if w in {"old", "previous", "former", "record", "wr"} | TIME_WORDS
                or stem(w) in title
            )
            return Fit("old_record_time", found, explained, 1.0,
                       sources=(record.source,))  # fmt: skip
    return None


_HALFWAY = re.compile(r"\b(?:half[- ]?way|halfway|half[- ]marathon|21(?:\.1)?\s?km)\b", re.I)
_CLOCK = re.compile(r"(?<![\d:.])(\d{1,2}:\d{2}(?::\d{2})?)(?![\d:])")


ORDINAL_HALVES = {"1st": "first", "2nd": "second", "halves": "half"}
SPLIT_WORDS = frozenset("split splits".split())
HALFWAY_WORDS = frozenset("halfway midway".split())


LINE_WORDS = frozenset("line finish end home".split())
"""Where a race ends: "from there to the line"."""


def to_the_line(ctx: Context) -> Fit | None:
    """ "how long did he take from there to the line", after a passage giving his time at a
    point: the finish time less that time."""
    reading = ctx.reading
    words = set(reading.free)
    if len(ctx.athletes) != 1 or not ctx.leaned_on or not words & LINE_WORDS:
        return None
    athlete = ctx.athletes[0]
    if athlete.time is None:
        return None
    for doc in ctx.text.docs:
        if doc.source not in ctx.leaned_on or athlete.key not in doc.about:
            continue
        clocks = [parse_duration(m.group(1)) for m in _CLOCK_TIME.finditer(doc.text)]
        at = [c for c in clocks if athlete.time / 2 < c < athlete.time]  # on the way, not done
        if len(at) != 1:
            continue
        found = ToTheLine(athlete, at[0], doc.text)
        explained = frozenset(w for w in reading.topic if w in LINE_WORDS | {"long", "take"})
        return Fit("split", found, explained, 1.5, athletes=(athlete,),
                   sources=(doc.source, athlete.source_for("time")))  # fmt: skip
    return None


def second_half(ctx: Context) -> Fit | None:
    """ "how fast was his second half?", "what were her splits": the halves a sentence gives,
    the one it doesn't worked out from the finish time."""
    reading = ctx.reading
    words = {ORDINAL_HALVES.get(w, w) for w in reading.free}
    negative = bool(words & {"negative", "positive", "even"}) and bool(words & SPLIT_WORDS)
    # "her splits", "his half splits": both halves, when no point of the course is asked
    both = "halves" in reading.free or (
        bool(words & SPLIT_WORDS)
        and ("half" in words or "splits" in words)
        and not words & ({"first", "second", "back"} | HALFWAY_WORDS)
        and not any(POINT_WORD.match(w) for w in reading.topic)
    )
    halves = both or ("half" in words and bool(words & {"second", "back", "first"}))
    at_halfway = bool(words & HALFWAY_WORDS) and bool(words & (SPLIT_WORDS | {"time"}))
    halves = halves or at_halfway  # "her halfway split": the first half
    if not (halves or negative) or len(ctx.athletes) != 1:
        return None
    athlete = ctx.athletes[0]
    if athlete.time is None:
        return None
    asked_first = ("first" in words or at_halfway) and "second" not in words
    # "how much quicker was his second half than his first": the two against each other
    both = both or ("first" in words and "second" in words) or bool(words & COMPARE_WORDS)
    given = [
        (doc, told)
        for doc in ctx.text.docs
        if athlete.key in doc.about and (told := _halves_given(doc.text, athlete.time))
    ]
    if not given:
        return None
    # each half as a sentence gives it, before one worked out from the other
    firsts = [(doc, h) for doc, h in given if h[2]]
    seconds = [(doc, h) for doc, h in given if h[1] is not None]
    doc, (split, _, _) = (firsts or seconds)[0]
    second = seconds[0][1][1] if seconds else None
    if seconds and not (asked_first or both):
        doc = seconds[0][0]  # the sentence of the half asked
    margin = bool(words & (MARGIN_ASKED | COMPARE_WORDS))  # "and by how much"
    found = HalfSplit(athlete, split, asked_first, doc.text, negative, second, both, margin)
    explained = frozenset(
        w
        for w in reading.topic
        if ORDINAL_HALVES.get(w, w) in {"half", "second", "first", "back", "negative", "positive"}
        or w in SPLIT_WORDS  # "her second half split": the split of a half
        or w in HALFWAY_WORDS
        or w in HALF_TIMED  # "how fast did ekiru run the second half": its time
        or (both and w in COMPARE_WORDS)
    )
    # the half the sentence doesn't give, worked out, answers better than the sentence
    first_given = bool(firsts)
    told_both = second is not None and first_given
    strength = 1.0 if asked_first == first_given or negative or told_both else 1.5
    return Fit("split", found, explained, strength, athletes=(athlete,),
               sources=(doc.source, athlete.source_for("time")))  # fmt: skip


def _halves_given(text: str, finish: float) -> tuple[float, float | None, bool] | None:
    """The halves a sentence gives: both ("splits of 65:55 and 62:49", "2:08:03 (63:36/64:27)"),
    the first (the clock just after "halfway": "through halfway in 1:01:05"; or beside "first
    half": "after a 1:03:02 first half"), or the second ("clocked 1:06:58 for the second half"):
    the first half, the second as given (``None`` when it is to be worked out), and whether the
    first is given."""
    for pair in _PAIR.finditer(text):
        first, second = (parse_duration(h) for h in pair.groups())
        if abs(first + second - finish) <= 2:
            return first, second, True
    where = _HALFWAY.search(text)
    clock = _CLOCK.search(text, where.end()) if where else None
    if where is not None and clock is not None and clock.start() - where.end() <= 40:
        split = parse_duration(clock.group(1))
        return (split, None, True) if 0 < split < finish else None
    for pattern, is_first in ((_FIRST_HALF, True), (_SECOND_HALF, False)):
        where = pattern.search(text)
        if where is None:
            continue
        near = [c for c in _CLOCK.finditer(text) if abs(c.start() - where.start()) <= 40]
        # (a clock of half the race, not the finish beside it: "in 2:09:36 after a 1:03:02
        # first half")
        halves = [h for c in near if finish / 3 < (h := parse_duration(c.group(1))) < finish / 1.5]
        if len(halves) != 1:
            continue
        return (halves[0], None, True) if is_first else (finish - halves[0], halves[0], False)
    return None


_FIRST_HALF = re.compile(r"\b(?:first|1st|opening) half\b", re.I)
_HALF_CLOCK = r"(\d{1,2}:\d{2}(?::\d{2})?)"
_PAIR = re.compile(rf"(?<![\d:.]){_HALF_CLOCK}\s*(?:/|,|and)\s*{_HALF_CLOCK}(?![\d:])")
"""Two clocks side by side, which are a finish time's halves when they add up to it: "splits of
65:55 and 62:49", "2:08:03 (63:36/64:27)"."""
_SECOND_HALF = re.compile(r"\b(?:second|back|2nd) half\b", re.I)

COMPARE_WORDS = frozenset(
    """faster slower quicker improve improved improvement better worse lower lowered cut
    knock knocked off shave shaved slash slashed trim trimmed""".split()
)
_CLOCK_TIME = re.compile(r"(?<![\d:.])(\d{1,2}:\d{2}:\d{2}|\d{1,2}:\d{2}\.\d{2}(?!\d))")


def nearer_someone_else(ctx: Context, about: set[str], text: str, at: int) -> bool:
    """Whether another athlete's name stands nearer the figure at ``at`` than the one asked."""

    def distance(key: str) -> int:
        athlete = ctx.race.athletes.get(key)
        if athlete is None:
            return 10_000
        spots = [
            m.start() for p in name_parts(athlete.name) for m in re.finditer(rf"\b{p}\b", text)
        ]
        return min((abs(at - s) for s in spots), default=10_000)

    own = distance(ctx.athletes[0].key)
    return any(distance(k) < own for k in about if k != ctx.athletes[0].key)


PLAIN_RUN_WORDS = frozenset("run ran runs race raced time finish finished do did".split())
"""Words any time of hers is about: they name no other time of hers."""


def stated_difference(ctx: Context) -> Fit | None:
    """ "how much faster was kosgei than when she won here last year", "by how much did she
    improve her pb": her time against another of hers the report states, near what the
    question names."""
    reading = ctx.reading
    words = set(reading.free)
    if len(ctx.athletes) != 1 or not words & COMPARE_WORDS or ctx.people:
        return None  # "than radcliffe": against someone else, not another time of hers
    if reading.form not in ("how_much", "how_far", "how_long", "how_many", "what", "other"):
        return None
    athlete = ctx.athletes[0]
    if athlete.time is None:
        return None
    subject = [w for w in reading.topic if w not in COMPARE_WORDS and w not in PLAIN_RUN_WORDS]
    then: set[str] = set()  # "than when he won last year": that year, as the report writes it
    if "last year" in " ".join(reading.words) and ctx.race.info.year is not None:
        then = {"last", "year"}
        subject.append(str(ctx.race.info.year - 1))
    hits = ctx.text.search(subject or list(words), about=[athlete.key], limit=5) if subject else []
    for hit in hits:
        text = hit.doc.text
        near = [stem(w) for w in hit.matched]
        places = [m.start() for w in near for m in re.finditer(re.escape(w), text.lower())]
        best: tuple[int, float] | None = None
        for m in _CLOCK_TIME.finditer(text):
            value = parse_duration(m.group(1).replace(".", ":"))
            if abs(value - athlete.time) < 1 or not 0.5 * athlete.time < value < 1.5 * athlete.time:
                continue  # the race's own time, or a split
            if nearer_someone_else(ctx, hit.doc.about, text, m.start()):
                continue  # "Legese took second with 2:02:48": his time, not another of hers
            distance = min((abs(m.start() - p) for p in places), default=10_000)
            if best is None or distance < best[0]:
                best = (distance, value)
        if best is not None:
            found = StatedDifference(athlete, best[1], text)
            taken_off = {"take", "took", "taken"} if "off" in words else set()  # "take off it"
            told_then = then if hit.matched & {subject[-1], "last", "year"} else set()
            explained = frozenset(reading.topic) & (
                COMPARE_WORDS | hit.matched | taken_off | told_then
            )
            return Fit("stated_difference", found, explained, 1.0, athletes=(athlete,),
                       sources=(hit.doc.source, athlete.source_for("time")))  # fmt: skip
    return None


_AMOUNT = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty"
    r"|forty|fifty)"
)
_MARGIN_THAN = re.compile(
    rf"\b({_AMOUNT}[ -](?:minutes?|mins?|seconds?|secs?)"
    rf"(?:,? (?:and )?{_AMOUNT}[ -](?:seconds?|secs?))?)"
    r" (faster|quicker|better|slower) than (?:his|her|their)\b([^.;]*)",
    re.I,
)
"""A margin to a time of the athlete's own that the sentence does not give: "42 seconds faster
than his victorious time in 2018"."""
TIME_ASKED = frozenset("time times run ran clock clocked".split())
_ROUGHLY = re.compile(
    r"\b(?:more than|less than|over|under|nearly|almost|about|around|some|roughly|just)\s*$", re.I
)


def time_then(ctx: Context) -> Fit | None:
    """ "so what did he run in 2018": this race's time and the margin a sentence states to the
    time asked of."""
    reading = ctx.reading
    if len(ctx.athletes) != 1 or not TIME_ASKED & set(reading.topic):
        return None
    athlete = ctx.athletes[0]
    if athlete.time is None:
        return None
    asked = {stem(w) for w in reading.topic if w not in TIME_ASKED}
    for doc in ctx.text.docs:
        if athlete.key not in doc.about or doc.kind != "sentence":
            continue
        for m in _MARGIN_THAN.finditer(doc.text):
            told = {stem(w) for w in re.findall(r"\w+", m.group(3).lower())}
            if _ROUGHLY.search(doc.text[: m.start()]):
                continue  # "more than three minutes slower": no exact time to work out
            if not asked & told:
                continue  # "faster than her time in Berlin": not the time asked of
            try:
                gap = parse_duration(m.group(1).replace("-", " "))
            except DurationError:
                continue
            gap = gap if m.group(2).lower() != "slower" else -gap
            found = TimeThen(athlete, athlete.time + gap, gap, doc.text)
            explained = frozenset(w for w in reading.topic if w in TIME_ASKED or stem(w) in told)
            return Fit("time_then", found, explained, 1.0, athletes=(athlete,),
                       sources=(doc.source,), facts=(doc.text,))  # fmt: skip
    return None
