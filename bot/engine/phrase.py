"""Findings into English: every reply of the text-found and worked-out kinds is worded here."""

from __future__ import annotations

import re
from functools import singledispatch

from bot.engine import findings as f
from bot.engine.durations import format_gap, format_time
from bot.engine.models import RecordIn

DONT_KNOW = "My source doesn't say"
_QUOTE_MARKS = "“”\"' "


def ordinal(n: int) -> str:
    """``1 -> "1st"``, ``3707 -> "3,707th"``."""
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n:,}{suffix}"


def _quoted(words: tuple[str, ...]) -> str:
    return "“" + " ".join(words) + "”"


@singledispatch
def phrase(finding: object) -> str:
    raise TypeError(f"no phrasing for {type(finding).__name__}")


@phrase.register
def _(finding: f.TextFound) -> str:
    texts = [p.text for p in finding.passages]
    return " ".join(texts)


@phrase.register
def _(finding: f.Said) -> str:
    body = " ".join("“" + q.text.strip(_QUOTE_MARKS) + "”" for q in finding.quotes)
    return f"{finding.speaker} said: {body}"


@phrase.register
def _(finding: f.NotCovered) -> str:
    if finding.event_kind:
        text = f"The {finding.race_name} knowledge has no {' '.join(finding.words)} results"
        if finding.events:
            text += "; its events are " + ", ".join(finding.events)
        return text + "."
    return (
        f"{DONT_KNOW} anything about {_quoted(finding.words)} at the {finding.race_name}, "
        "so I can't answer that."
    )


@phrase.register
def _(finding: f.Threshold) -> str:
    athlete, limit = finding.athlete, finding.limit
    if finding.under is None or athlete.time is None:
        side = "under" if finding.asked_under else "over"
        return (
            f"My source doesn't give {athlete.name}'s time, so I can't tell whether it was {side} "
            f"{format_time(limit)}."
        )
    yes = finding.under == finding.asked_under
    relation = "under" if finding.under else "over"
    gap = format_gap(abs(limit - athlete.time))
    ran = f"{athlete.name} ran {format_time(athlete.time)}, {gap} {relation} {format_time(limit)}."
    return ran if finding.by_how_much else f"{'Yes' if yes else 'No'}, {ran}"


@phrase.register
def _(finding: f.DescribedAs) -> str:
    athlete, holder = finding.athlete.name, finding.holder
    said = f" {finding.sentence}" if finding.sentence else ""
    if holder == athlete:
        return f"Yes: my source describes {athlete} as “{finding.description}”.{said}"
    return f"No: my source describes {holder}, not {athlete}, as “{finding.description}”.{said}"


@phrase.register
def _(finding: f.YearsSince) -> str:
    since = f", since {finding.since}" if finding.since else ""
    return f"{finding.years} year{'s' if finding.years != 1 else ''}{since}: {finding.sentence}"


@phrase.register
def _(finding: f.PlacesApart) -> str:
    first, second = finding.first, finding.second
    assert first.position is not None and second.position is not None
    n = finding.places
    return (
        f"{n} place{'s' if n != 1 else ''}: {first.name} was {ordinal(first.position)} and "
        f"{second.name} {ordinal(second.position)}."
    )


@phrase.register
def _(finding: f.SameTime) -> str:
    if not finding.ties:
        return f"No two finishers in {finding.event_name} have the same time in my source."
    lines = []
    for tie in finding.ties:
        names = ", ".join(f"{a.name} ({ordinal(a.position or 0)})" for a in tie)
        both = "both" if len(tie) == 2 else "all"
        lines.append(f"{names}: {both} {format_time(tie[0].time or 0)}.")
    return "Same time in " + finding.event_name + ": " + " ".join(lines)


@phrase.register
def _(finding: f.RecordAge) -> str:
    years = finding.until - finding.since
    holder = f"{finding.holder}'s " if finding.holder else "The "
    title = finding.record.title
    return (
        f"{holder}{title} stood {years} year{'s' if years != 1 else ''}: set in "
        f"{finding.since}, broken in {finding.until}."
    )


@phrase.register
def _(finding: f.OldRecordTime) -> str:
    about = "about " if finding.approx else ""
    record = finding.record
    margin = record.margin_text or (format_gap(record.margin) if record.margin else "")
    new = format_time(record.time) if record.time is not None else "the new time"
    return (
        f"{finding.holder}'s old {record.title} was {about}{format_time(finding.time)}: "
        f"worked out from the new record, {new}, and the margin my source gives ({margin})."
    )


_AMOUNT = re.compile(
    r"\d|\b(?:second|seconds|sec|secs|minute|minutes|min|mins|hour|hours|half|quarter)\b", re.I
)


def by_margin(margin_text: str) -> str:
    """A margin the report gives, after a verb: "by 37 seconds", "by nearly a minute"; a word
    that only says how big ("huge") as "by a huge margin"."""
    text = margin_text.removeprefix("by ")
    return f"by {text}" if _AMOUNT.search(text) else f"by a {text} margin"


def beating(record: RecordIn, with_margin: bool = True, difference: bool = True) -> str:
    """ "beating Duncan Kibet's record of 2:04:27 from 2009 by 16 sec": the old record a record
    set here broke, as far as my source gives it."""
    text = f"beating {record.previous_holder}'s record"
    if record.previous_time is not None:
        text += f" of {format_time(record.previous_time)}"
    if record.previous_year:
        text += f" from {record.previous_year}"
    return text + _margin(record, with_margin, difference)


def _margin(record: RecordIn, wanted: bool = True, difference: bool = True) -> str:
    """ " by 16 sec": as my source words it, else (with ``difference``) the difference of the
    two marks."""
    if record.margin_text and wanted:
        return f" {by_margin(record.margin_text)}"
    if wanted and difference and record.previous_time is not None and record.time is not None:
        return f" by {format_gap(record.previous_time - record.time)}"
    return ""


def _record_detail(
    record: RecordIn, with_time: bool = True, with_margin: bool = True, difference: bool = True
) -> str:
    parts = []
    if record.time is not None and with_time:
        parts.append(format_time(record.time))
    if record.previous_holder:
        parts.append(beating(record, with_margin, difference))
    elif record.previous_time is not None:
        old = format_time(record.previous_time)
        parts.append(
            f"improving on the old mark of {old}{_margin(record, with_margin, difference)}"
        )
    elif record.margin_text and with_margin:
        parts.append(by_margin(record.margin_text))
    return f" ({', '.join(parts)})" if parts else ""


@phrase.register
def _(finding: f.RecordBroken) -> str:
    record = finding.record
    who = finding.holder or "someone"
    if finding.yes:
        title = "personal best" if record.kind == "personal_best" else record.title
        return f"Yes, {who} set a new {title}{_record_detail(record)}."
    if finding.compared is not None:
        athlete, how = finding.compared
        return f"No. {athlete}: {how}."
    if record.set_here:
        return f"No, the {record.title} was set by {who}{_record_detail(record)}."
    holder = f" {finding.holder} holds it, but" if finding.holder else ""
    return f"No,{holder} my source doesn't say {the_title(record.title)} was broken in this race."


@phrase.register
def _(finding: f.RecordMargin) -> str:
    record = finding.record
    who = finding.holder or "The new record"
    by = format_gap(finding.amount) if finding.amount is not None else record.margin_text
    # the report's margin once: as the figure itself, or beside the figure worked out
    detail = _record_detail(record, with_margin=finding.amount is not None, difference=False)
    if record.kind == "personal_best":  # "Brigid Kosgei's personal best improved by 1 min 38 sec"
        return f"{who}'s personal best improved by {by}{detail}."
    return f"{who} broke {the_title(record.title)} by {by}{detail}."


@phrase.register
def _(finding: f.ToTheLine) -> str:
    athlete = finding.athlete
    assert athlete.time is not None
    rest = format_gap(athlete.time - finding.at)
    return (
        f"{athlete.name} was at {format_time(finding.at)} there and finished in "
        f"{format_time(athlete.time)}: {rest} from there to the line. ({finding.sentence})"
    )


@phrase.register
def _(finding: f.RecordMissed) -> str:
    athlete, record = finding.athlete, finding.record
    assert athlete.time is not None and record.time is not None
    holder = finding.holder
    title = record.title.removeprefix("the ")
    mark = the_title(title) + (f", {holder}'s" if holder and holder not in title else "")
    if format_time(record.time) in title:  # "(Mary Keitany, 2:17:01, London)": once
        pass
    elif mark.endswith(")"):  # "(Tariku Jufar, 2012, 2:06:51)": one aside
        mark = f"{mark[:-1]}, {format_time(record.time)})"
    else:
        mark += f" ({format_time(record.time)})"
    own = f"{athlete.name}'s {format_time(athlete.time)}"
    if finding.asked_faster and holder and finding.gap:
        faster = holder if finding.gap > 0 else athlete.name
        return f"{faster}: {own} against {mark}, {format_gap(abs(finding.gap))} apart."
    if finding.asked_broken:
        own = ("No: " if finding.gap >= 0 else "Yes: ") + own
    if finding.gap > 0:
        return f"{own} missed {mark} by {format_gap(finding.gap)}."
    if finding.gap < 0:
        return f"{own} was {format_gap(-finding.gap)} inside {mark}."
    return f"{own} equalled {mark}."


@phrase.register
def _(finding: f.StatedDifference) -> str:
    athlete = finding.athlete
    assert athlete.time is not None
    gap = athlete.time - finding.other
    than = "slower" if gap > 0 else "faster"
    own, other = format_time(athlete.time), format_time(finding.other)
    if not gap:
        return f"{athlete.name}'s {own} equalled the {other} my source gives: {finding.sentence}"
    return (
        f"{athlete.name}'s {own} was {format_gap(gap)} {than} than the {other} my source gives: "
        f"{finding.sentence}"
    )


@phrase.register
def _(finding: f.TimeThen) -> str:
    athlete = finding.athlete
    assert athlete.time is not None
    than = "faster" if finding.gap > 0 else "slower"
    return (
        f"{format_time(finding.then)}: {athlete.name}'s {format_time(athlete.time)} here was "
        f"{format_gap(abs(finding.gap))} {than} than that, as my source puts it: {finding.sentence}"
    )


@phrase.register
def _(finding: f.Finished) -> str:
    athlete = finding.athlete
    if finding.finished:
        place = f" in {ordinal(athlete.position)} place" if athlete.position is not None else ""
        time = f" in {format_time(athlete.time)}" if athlete.time is not None else ""
        answer = "No" if finding.asked_drop else "Yes"
        return f"{answer}, {athlete.name} finished{place}{time}."
    status = {"dnf": "did not finish", "dns": "did not start", "dq": "was disqualified"}
    answer = "Yes" if finding.asked_drop else "No"
    told = f" {finding.told}" if finding.told else ""
    return f"{answer}, {athlete.name} {status.get(athlete.status, 'did not finish')}.{told}"


@phrase.register
def _(finding: f.Age) -> str:
    if finding.years is None:
        return (
            f"{DONT_KNOW} how old {finding.athlete.name} is: none of the ages it gives is theirs."
        )
    return f"{finding.athlete.name} is {finding.years}, my source says."


@phrase.register
def _(finding: f.AgesCompared) -> str:
    one, other = finding.ages
    unknown = [a.athlete.name for a in finding.ages if a.years is None]
    if unknown:
        given = [f"{a.athlete.name} is {a.years}" for a in finding.ages if a.years is not None]
        said = f" ({given[0]})" if given else ""
        return f"{DONT_KNOW} how old {' or '.join(unknown)} is{said}, so I can't compare them."
    assert one.years is not None and other.years is not None
    if one.years == other.years:
        return f"{one.athlete.name} and {other.athlete.name} are both {one.years}, my source says."
    first, second = sorted(finding.ages, key=lambda a: a.years or 0, reverse=finding.older)
    word = "older" if finding.older else "younger"
    gap = abs(one.years - other.years)
    answer = ("Yes, " if first is one else "No, ") if finding.yes_no else ""
    return (
        f"{answer}{first.athlete.name} ({first.years}) is {gap} year{'s' if gap != 1 else ''} "
        f"{word} than {second.athlete.name} ({second.years}), my source says."
    )


@phrase.register
def _(finding: f.RecordYear) -> str:
    who = f" by {finding.holder}" if finding.holder else ""
    return f"The old {finding.record.title} was set{who} in {finding.year}."


@phrase.register
def _(finding: f.RecordTime) -> str:
    record = finding.record
    if finding.old and record.kind == "personal_best":
        who = f"{finding.holder}'s " if finding.holder else "the "
        if record.previous_time is None:
            return f"My source doesn't give {who}personal best before this race."
        best = format_time(record.previous_time)
        return f"{who[:1].upper()}{who[1:]}personal best before this race was {best}."
    if finding.old and finding.who and finding.holder:
        year = f" (set in {record.previous_year})" if record.previous_year else ""
        mark = f"{format_time(record.previous_time)}" if record.previous_time else ""
        told = f", with {mark}" if mark else "; my source doesn't give that time"
        return f"{finding.holder} held {the_title(record.title)} before{year}{told}."
    if finding.old:
        who = f"{finding.holder}'s " if finding.holder else "the old "
        if record.previous_time is None:
            return f"My source doesn't give the time of {who}{record.title}."
        return f"{who[:1].upper()}{who[1:]}{record.title} was {format_time(record.previous_time)}."
    who = f" ({finding.holder})" if finding.holder and finding.holder not in record.title else ""
    if record.time is None:
        return f"My source doesn't give the time of the {record.title}{who}."
    detail = _record_detail(record, with_time=False)
    title = the_title(record.title)
    return f"{title[:1].upper()}{title[1:]}{who} is {format_time(record.time)}{detail}."


def the_title(title: str) -> str:
    """ "the course record", but "Brigid Kosgei's personal best" as it is."""
    return (
        title if re.match(r"^(?:[A-Z][\w.’'-]*\s)*[A-Z][\w.-]*['’]s\b", title) else f"the {title}"
    )


@phrase.register
def _(finding: f.Count) -> str:
    return finding.sentence


@phrase.register
def _(finding: f.NotSaid) -> str:
    missing = "gives no reason for that" if finding.asked == "why" else "names nobody for that"
    text = f"{DONT_KNOW} {finding.asked}: the {finding.race_name} report {missing}."
    return text + (f" What it says: {finding.said.text}" if finding.said else "")


@phrase.register
def _(finding: f.Titles) -> str:
    return (
        f"{finding.count}, by my source's count: “{finding.sentence}”"
        if finding.count
        else f"{DONT_KNOW} how many."
    )


@phrase.register
def _(finding: f.Person) -> str:
    name = f"{finding.name} ({finding.event})" if finding.event else finding.name
    role = f"{name}: {finding.role}." if finding.role else f"{name}."
    said = f" {finding.sentence}" if finding.sentence else ""
    ran = "" if finding.ran else " (They did not run the race.)"
    return f"{role}{said}{ran}"


@phrase.register
def _(finding: f.Runner) -> str:
    athlete = finding.athlete
    result = []
    if athlete.position is not None:
        result.append(f"{ordinal(athlete.position)} in the {athlete.event.name.lower()}")
    if athlete.time is not None:
        result.append(format_time(athlete.time))
    text = athlete.name + (f" ({', '.join(result)})" if result else "")
    described = [d for d in finding.descriptions if not d.isdigit()][:3]
    text += f": {'; '.join(described)}." if described else "."
    return text + (f" {finding.sentence}" if finding.sentence else "")


@phrase.register
def _(finding: f.NotInRace) -> str:
    said = f" What my source says of them: {finding.sentence}" if finding.sentence else ""
    return f"No: {finding.name} is not among the athletes of the {finding.race_name}.{said}"


@phrase.register
def _(finding: f.People) -> str:
    return "\n".join(phrase(person) for person in finding.found)


@phrase.register
def _(finding: f.HalfSplit) -> str:
    athlete = finding.athlete
    assert athlete.time is not None
    second = finding.rest
    first, rest = format_time(finding.first), format_time(second)
    change = ""
    if finding.asked_margin and second != finding.first:
        faster = "faster" if second < finding.first else "slower"
        change = f" (the second half {format_gap(abs(second - finding.first))} {faster})"
    if finding.asked_negative:
        negative = second < finding.first
        split = "negative" if negative else "even" if second == finding.first else "positive"
        return (
            f"{'Yes' if negative else 'No'}: {athlete.name} ran a {split} split, {first} to "
            f"halfway and {rest} for the second half{change}."
        )
    if finding.asked_both:
        return f"{athlete.name}'s halves: {first} and {rest}{change}."
    if finding.asked_first:
        return f"{athlete.name} reached halfway in {first} (then {rest} for the second half)."
    return (
        f"{athlete.name}'s second half took {rest}: {format_time(athlete.time)} at the finish, "
        f"{first} at halfway."
    )
