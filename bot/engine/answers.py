"""One function per kind of question. Each takes a :class:`Query` and returns an :class:`Answer`.

Every figure in a reply comes from the knowledge base: computed from stored times (gaps, paces) or
stated by the source. Where the knowledge is silent the reply says so, with what is known nearby.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from dataclasses import replace as dataclass_replace
from typing import TYPE_CHECKING

from bot.engine.answer import Answer, AthleteRef, Conversation, Kind, Row
from bot.engine.countries import (
    Country,
    country_word,
    display_country,
    from_country,
    same_country,
)
from bot.engine.durations import format_gap, format_pace, format_time, parse_duration
from bot.engine.errors import DurationError
from bot.engine.intents import GENDER_WORDS, PRONOUNS
from bot.engine.knowledge import Athlete, Event, Race
from bot.engine.lexicon import EVENT_KINDS, STOP_WORDS, stop_told
from bot.engine.models import FactIn, RecordIn
from bot.engine.normalize import normalize
from bot.engine.phrase import beating, by_margin, ordinal, the_title
from bot.engine.search import named_at

if TYPE_CHECKING:
    from bot.engine.engine import Query
    from bot.engine.intents import Parsed

KM_PER_MILE = 1.609344
WHAT_I_KNOW = "I can tell you about results, times, gaps, paces, records, and what happened."
MAX_LIST = 25  # rows in one list answer
HELP_TEXT = (
    "Ask me about a race in plain words, for example:\n"
    "• who won the women's race?\n"
    "• farah time? / where did kipchoge finish?\n"
    "• how far behind kipchoge was farah? / who was faster, farah or kitata?\n"
    "• podium men / top 5 women / who was 8th in the women's race?\n"
    "• kipchoge pace per km / how close was cheruiyot to the world record?\n"
    "• top ethiopian woman / first british finisher\n"
    "• what did farah say? / what happened with farah's water bottles?\n"
    "• summary of the race\n"
    'Follow-ups work too: "and his time?", "what about kipchoge?".'
)


# ---------------------------------------------------------------------------- formatting


def event_label(event: Event) -> str:
    """``"the men's race"``, ``"the 10K"``."""
    name = event.name
    proper = any(w[:1].isupper() for w in name.split()[1:])  # "Australian Marathon Championships"
    if len(name) > 1 and not name[:2].isupper() and not proper:
        name = name[0].lower() + name[1:]
    return f"the {name}"


def label(athlete: Athlete) -> str:
    country = display_country(athlete.country)
    return f"{athlete.name} ({country})" if country else athlete.name


def surname(athlete: Athlete) -> str:
    return athlete.name.split()[-1] if athlete.name.split() else athlete.name


def _unique(items: Iterable[str | None]) -> tuple[str, ...]:
    seen: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.append(item)
    return tuple(seen)


def make(
    query: Query,
    intent: str,
    text: str,
    *,
    kind: Kind = "answer",
    athletes: Sequence[Athlete] = (),
    rows: Sequence[Row] = (),
    facts: Iterable[str] = (),
    sources: Iterable[str | None] = (),
    title: str | None = None,
    event: Event | None = None,
    suggestions: Iterable[str] = (),
) -> Answer:
    race = query.race
    spans_events = query.event is None and race is not None and len(race.events) > 1
    if event is None and athletes and not spans_events:
        event = athletes[0].event  # the event of the athlete asked about
    return Answer(
        question=query.question,
        text=text,
        intent=intent,
        kind=kind,
        title=title,
        race_id=race.id if race else None,
        race_name=race.name if race else None,
        event_id=event.id if event else None,
        athletes=tuple(AthleteRef.of(a) for a in athletes),
        rows=tuple(rows),
        facts=tuple(facts),
        sources=_unique(sources),
        suggestions=tuple(suggestions),
        document=race.info.document if race else None,
    )


def row(athlete: Athlete) -> Row:
    return Row(
        position=athlete.position,
        name=athlete.name,
        country=display_country(athlete.country),
        time=athlete.time,
        implied=athlete.position_implied,
        note=athlete.status.upper() if athlete.status not in ("finished", "unknown") else None,
    )


def known_list(athletes: Iterable[Athlete]) -> str:
    parts = []
    for a in athletes:
        if a.position is not None:
            parts.append(f"{ordinal(a.position)} {a.name}")
    return ", ".join(parts)


# ---------------------------------------------------------------------------- dispatch


def wants_athlete(query: Query) -> bool:
    """Whether the question asks something about one athlete (so context may fill it in)."""
    p = query.parsed
    if p.has("podium", "top", "summary", "help", "count") or p.ordinal or p.country:
        return False
    return (
        p.has("time", "place", "gap", "compare", "pace", "record", "quote", "country")
        or (not p.leftover and not p.concepts and p.pronoun is not None)
        or bool(AGE_ASKED & set(query.words))  # "and how old?"
    )


AGE_ASKED = frozenset({"age", "aged", "old"})


def _unresolved_pronoun(query: Query) -> bool:
    """Whether the question asks about "him" or "her" and nobody asked about before is of that
    sex ("where did she finish" after a man): a name is wanted, not a guess."""
    named = query.athletes or query.others or query.description or query.described_each
    return (
        query.pronoun_unfit
        and not named
        and not query.passages  # "who did he drop": the moment just told says
        and wants_athlete(query)
    )


def answer(query: Query, conversation: Conversation | None) -> Answer:
    p = query.parsed
    if not query.words:
        return help_answer(query)
    if query.race is None:
        return which_race(query)
    if _unresolved_pronoun(query):
        pronoun = next(w for w in query.words if w in PRONOUNS)
        text = (
            f"Who do you mean by “{pronoun}”? I can't tell from what was asked before; "
            "ask with a name, e.g. “where did kipchoge finish?”."
        )
        return make(query, "clarify", text, kind="clarify")
    if p.other_sport and not query.athletes:
        return make(
            query,
            "unknown",
            f"I only know about races, not {p.other_sport}. {WHAT_I_KNOW}",
            kind="unknown",
        )
    if p.has("help") and not query.athletes and not _structured(p):
        return help_answer(query)
    if p.has("thanks") and not query.athletes and not _structured(p) and len(query.words) <= 4:
        return Answer(query.question, "You're welcome! Ask me anything else about the race.",
                      "thanks", kind="help")  # fmt: skip
    if p.has("distance") and not query.athletes and not p.has("gap", "compare"):
        return distance(query)
    if p.bib is not None and query.race.by_bib().get(p.bib) is not None:
        return by_bib(query, p.bib)
    if query.ambiguous and not query.from_context:
        return clarify(query, query.ambiguous[0])
    if query.unknown_race:
        known = ", ".join(r.name for r in (query.engine.races if query.engine else [])[:10])
        text = f"I don't have {query.unknown_race}. The races I know: {known}."
        if query.athletes:
            text += f" {query.athletes[0].name} ran the {query.athletes[0].race.name}."
        return make(query, "unknown_race", text, kind="unknown")
    other_years = [y for y in p.years if query.race.info.year not in (None, y)]
    if other_years:
        return other_year(query, other_years[0])
    if p.unknown_topic and not _structured(p):
        return unknown_topic(query, p.unknown_topic)
    if p.has("quote"):
        return quotes(query)
    fact = best_fact(query)
    if fact is not None and fact[0] >= 4 and p.has("record") and not query.others:
        return facts_answer(query, [fact[1]])  # "was there a world record attempt"
    if p.has("record") or query.others:
        return records(query)
    if p.bib is not None:
        return by_bib(query, p.bib)
    if p.has("date") and not query.athletes and not p.has("win", "time", "place", "top"):
        return date(query)

    if p.country is not None and not query.athletes and not p.has("count"):
        # "any kenyans on the podium": how many of those places, naming who had them
        return by_country(query, p.country, counting=_top_asked(p) is not None)
    if (
        fact is not None
        and p.ordinal is None
        and (fact[0] >= 3 or (fact[0] >= 2 and not _structured(p)))
    ):
        return facts_answer(query, [fact[1]])
    explains = p.has("date") or bool({"why", "wrong", "how"}.intersection(query.words))
    if (
        fact is not None
        and query.athletes
        and fact[0] >= 1
        and (explains or not p.has("time", "gap", "pace", "compare", "country", "count"))
        and p.ordinal is None
    ):
        return facts_answer(query, [fact[1]])

    # "who else went under 2:23 besides matsuda": the others
    others_asked = query.words[:1] == ["who"] and bool(OTHER_THAN & set(query.words))
    if p.threshold is not None and (not query.athletes or others_asked) and p.country is None:
        return under_threshold(query, p.threshold)  # "how many women went under 2:30"
    if p.has("count") and not query.athletes:
        return count(query)
    if (query.gender or query.club or query.category) and not query.athletes:
        return group_answer(query)
    if p.has("categories") and not query.athletes and p.has("win", "top", "who"):
        return category_winners(query)
    if len(query.athletes) >= 2 and p.has("country") and not p.has("time", "gap", "compare"):
        return nationalities(query, query.athletes)  # "nationalities of kosgei and bekele"
    if len(query.athletes) >= 2 and p.has("place") and not p.has("compare", "gap", "pace"):
        return several_positions(query, query.athletes)
    if len(query.athletes) >= 2:
        gap_only = p.has("gap") and not p.has("compare")
        return compare(query, query.athletes[0], query.athletes[1], gap_only=gap_only)
    if len(query.athletes) == 1:
        return about_athlete(query, query.athletes[0], conversation)
    if p.has("podium"):
        return podium(query)
    if p.has("last") and p.has("who", "place", "top"):
        return last_finisher(query)
    if {"fastest", "quickest"} & set(query.words) and not p.has("count"):
        return winners(query)  # "who was fastest", "fastest time": first across the line
    if len(set(p.ordinals)) == 2 and p.has("gap") and p.count is None:
        between = _at_places(query, p.ordinals)  # "gap between 2nd and 3rd women"
        if between is not None:
            return compare(query, *between, gap_only=True)
    if len(set(p.ordinals)) > 1 and p.count is None:  # "who was 1st, 2nd and 3rd"
        parts = [at_position(query, n) for n in dict.fromkeys(p.ordinals)]
        kind: Kind = "answer" if any(a.kind == "answer" for a in parts) else "unknown"
        return make(
            query, "position", "\n".join(a.text for a in parts), kind=kind,
            sources=[s for a in parts for s in a.sources],
        )  # fmt: skip
    if p.ordinal is not None and p.count is None and not p.has("top"):
        return at_position(query, p.ordinal)
    if p.ordinal is not None and p.has("who"):
        return at_position(query, p.ordinal)
    if p.count is not None or p.has("top"):
        return top(query, p.count or 10)
    if p.has("gap") and not p.has("pace", "record"):
        return winning_margins(query)  # "what was the winning margin", "was it close"
    if p.has("win", "pace"):
        return winners(query, pace=p.has("pace"))
    if p.has("summary"):
        return summary(query)
    if fact is not None:
        return facts_answer(query, [fact[1]])
    if _asks_about_person(query) and unknown_words(query):
        return unknown_athlete(query, unknown_words(query))
    named_event = p.has("event_words") or (  # "who took the mens wheelchair"
        query.event is not None and bool(set(query.words) & (EVENT_KINDS | set(GENDER_WORDS)))
    )
    if p.has("who") and named_event and p.concepts <= {"who", "time", "event_words"}:
        return winners(query)  # "who took the men's wheelchair race": who won it
    if unknown_words(query) and not p.concepts:
        return not_understood(query)
    if conversation is not None and conversation.intent and query.event is not None:
        return follow_event(query, conversation.intent)
    if p.has("event_words") and not p.leftover:
        return summary(query)
    return not_understood(query)


def _structured(p: Parsed) -> bool:
    """Whether the question asks for something computed (times, places, lists...)."""
    return (
        p.has("time", "gap", "compare", "pace", "podium", "top", "win", "count")
        or p.ordinal is not None
        or p.country is not None
    )


def follow_event(query: Query, intent: str) -> Answer:
    """ "and the women?" after an event question: the same question for this event."""
    if intent == "podium":
        return podium(query)
    if intent == "top":
        return top(query, query.parsed.count or 10)
    if intent == "pace":
        return winners(query, pace=True)
    if intent == "summary":
        return summary(query)
    return winners(query)


# ---------------------------------------------------------------------------- generic replies


def help_answer(query: Query) -> Answer:
    race_names = ""
    if query.engine is not None and query.engine.races:
        names = [r.name for r in query.engine.races]
        shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        race_names = f"I know about: {shown}.\n"
    return Answer(
        question=query.question,
        text=race_names + HELP_TEXT,
        intent="help",
        kind="help",
        title="What you can ask",
    )


def unknown_words(query: Query) -> list[str]:
    """Words nothing understood that could be a name ("bolt" in "usain bolt's time"), but not
    the words of the events ("wheelchair" in "who took the men's wheelchair race")."""
    from bot.engine.lexicon import STOP_WORDS

    race = query.race
    events = [query.event] if query.event is not None else (race.events if race else [])
    event = {w for e in events for w in normalize(e.name).split()}
    return [
        w
        for w in query.parsed.leftover
        if len(w) > 2 and w.isalpha() and w not in STOP_WORDS and w.removesuffix("s") not in event
    ]


def not_understood(query: Query) -> Answer:
    race = query.race
    text = "I'm not sure what you're asking. " + HELP_TEXT
    return Answer(
        question=query.question,
        text=text,
        intent="help",
        kind="help",
        title="What you can ask",
        race_id=race.id if race else None,
        race_name=race.name if race else None,
    )


def _asks_about_person(query: Query) -> bool:
    p = query.parsed
    if p.ordinal is not None or p.count is not None or p.has("top", "podium", "summary"):
        return False
    yes_no = query.words[:1] in (["did"], ["does"], ["was"], ["is"])  # "did jordan hasay run"
    return p.has("time", "place", "gap", "compare", "pace", "country", "quote") or (
        yes_no and p.has("finishers", "win")
    )


def unknown_athlete(query: Query, words: list[str]) -> Answer:
    race = query.race
    assert race is not None and query.engine is not None
    index = query.engine.indexes[race.id].names
    suggestions: list[Athlete] = []
    for word in words:
        for candidate in index.suggest(word):
            athlete = index.items[candidate]
            assert isinstance(athlete, Athlete)
            if athlete not in suggestions:
                suggestions.append(athlete)
    name = " ".join(words[:3])
    text = f"I don't have anyone called “{name}” in the {race.name}."
    if suggestions:
        text += " Did you mean " + " or ".join(a.name for a in suggestions[:3]) + "?"
    elif len(race.athletes) <= 30:
        text += " The athletes I know there: " + ", ".join(a.name for a in race.all_athletes())
        text += "."
    return make(
        query,
        "unknown_athlete",
        text,
        kind="unknown",
        suggestions=[a.name for a in suggestions],
    )


def which_race(query: Query) -> Answer:
    assert query.engine is not None
    pool = query.candidate_races or query.engine.races
    names = [r.name for r in pool]
    if not names:
        text = "I don't have any races loaded."
    elif query.parsed.years or query.candidate_races:
        known = ", ".join(r.name for r in query.engine.races[:10])
        text = f"I don't have that race. I know: {known}."
        return Answer(
            query.question, text, "unknown_race", kind="unknown", suggestions=tuple(names)
        )
    else:
        shown = "; ".join(names[:10])
        text = f"Which race do you mean? I know: {shown}. Name it in your question."
    return Answer(
        question=query.question,
        text=text,
        intent="which_race",
        kind="clarify",
        suggestions=tuple(names[:10]),
    )


def clarify(query: Query, athletes: list[Athlete]) -> Answer:
    shown = athletes[:10]
    same_name = len({normalize(a.name) for a in shown}) == 1
    lines = []
    for a in shown:
        bits = [f"{ordinal(a.position)}" if a.position else a.status.upper()]
        if a.time is not None:
            bits.append(format_time(a.time))
        for extra in (display_country(a.country), a.club, a.category):
            if extra:
                bits.append(extra)
        if a.bib:
            bits.append(f"bib {a.bib}")
        if len(query.race.events if query.race else []) > 1:
            bits.append(a.event.name)
        lines.append(f"• {a.name}: " + ", ".join(bits))
    more = f"\n…and {len(athletes) - len(shown)} more." if len(athletes) > len(shown) else ""
    if same_name:
        head = f"There are {len(athletes)} finishers called {athletes[0].name}:"
    else:
        head = f"“{query.question.strip()[:60]}” could be {len(athletes)} athletes:"
    text = f"{head}\n" + "\n".join(lines) + more + "\nWhich one? Add a first name, bib or club."
    return make(query, "clarify", text, kind="clarify", athletes=shown)


def other_year(query: Query, year: int) -> Answer:
    race = query.race
    assert race is not None
    facts = [f for f in race.facts if str(year) in f.topics]
    winning = {"champion", "title", "titles", "winner"}
    if facts and query.parsed.has("win") and winning.intersection(facts[0].topics):
        return facts_answer(query, facts[:1])
    text = f"I don't have the {year} race; I only know the {race.name}."
    if facts:
        text += f" My source mentions {year} only here: {facts[0].text}"
    else:
        text += " " + WHAT_I_KNOW
    return make(query, "unknown", text, kind="unknown", sources=[f.source for f in facts[:1]])


def unknown_topic(query: Query, topic: str) -> Answer:
    race = query.race
    assert race is not None
    document = race.info.document or ""
    source = document if document.lower().startswith("the ") else f"the {document}"
    source = source if document else "my source"
    plural = source.split(" of ")[0].endswith("s")  # "the race reports of ..." don't say
    verb = "don't" if plural else "doesn't"
    text = f"I don't have anything about {topic} at the {race.name}: {source} {verb} say. "
    text += WHAT_I_KNOW
    return make(query, "unknown", text, kind="unknown")


def distance(query: Query) -> Answer:
    lines = []
    for event in _events(query):
        if event.distance:
            km = event.distance
            lines.append(
                f"{event_label(event).capitalize()} is {km:g} km ({km / KM_PER_MILE:.1f} miles)."
            )
        else:
            lines.append(f"I don't know the distance of {event_label(event)}.")
    return make(query, "distance", " ".join(dict.fromkeys(lines)))


def date(query: Query) -> Answer:
    race = query.race
    assert race is not None
    info = race.info
    if info.date is not None:
        text = f"The {race.name} was held on {info.date:%A %-d %B %Y}."
        return make(query, "date", text)
    if info.year is not None:
        text = (
            f"It was the {info.year} race, but my source doesn't give the exact date "
            f"of the {race.name}."
        )
        return make(query, "date", text, kind="unknown", sources=[info.year_source])
    return make(query, "date", "My source doesn't give the date of the race.", kind="unknown")


# ---------------------------------------------------------------------------- event answers


def _events(query: Query, explicit: bool = False) -> list[Event]:
    """The events a question is about; with ``explicit``, only an event it names itself."""
    assert query.race is not None
    if query.event is None and query.events:
        return list(query.events)
    if query.event is None or (explicit and query.event_from_context):
        return list(query.race.events)
    return [query.event]


def winners(query: Query, pace: bool = False) -> Answer:
    lines: list[str] = []
    found: list[Athlete] = []
    sources: list[str | None] = []
    for event in _events(query):
        winner = event.by_position.get(1)
        if winner is None:
            lines.append(f"My source doesn't say who won {event_label(event)}.")
            continue
        found.append(winner)
        sources.append(winner.source_for("position"))
        if winner.time is not None:
            sources.append(winner.source_for("time"))
        line = f"{label(winner)} won {event_label(event)}"
        line += f" in {format_time(winner.time)}." if winner.time is not None else "."
        if pace and winner.time is not None:
            line += " " + _pace_sentence(winner)
        if query.parsed.has("country") and winner.country is None:
            line += f" My source doesn't say which country {surname(winner)} represents."
        lines.append(line)
    return make(
        query,
        "pace" if pace else "winner",
        " ".join(lines) if len(lines) == 1 else "\n".join(lines),
        athletes=found,
        sources=sources,
        event=query.event,
        rows=[row(a) for a in found],
    )


def winning_margins(query: Query) -> Answer:
    """ "what was the winning margin", "was the men's race close": 1st against 2nd."""
    lines: list[str] = []
    found: list[Athlete] = []
    sources: list[str | None] = []
    margins = 0
    for event in _events(query):
        first, second = event.by_position.get(1), event.by_position.get(2)
        where = event_label(event)
        if first is None:
            lines.append(f"My source doesn't say who won {where}.")
            continue
        found.append(first)
        sources.append(first.source_for("position"))
        untimed = second is not None and (first.time is None or second.time is None)
        told = stated_gap(query, first, second) if second is not None and untimed else None
        if second is not None and told is not None:
            found.append(second)  # "by six seconds": the margin as the report states it
            sources.append(told.source)
            lines.append(f"{first.name} won {where} {told.margin} from {second.name}, as my "
                         "source puts it.")  # fmt: skip
            margins += 1
            continue
        if second is None or first.time is None or second.time is None:
            lacking = " or ".join(f"{a.name}'s" for a in (first, second) if a and a.time is None)
            missing = "who was 2nd" if second is None else f"{lacking} time"
            lines.append(f"{first.name} won {where}, but my source doesn't give {missing}.")
            continue
        found.append(second)
        sources.extend([first.source_for("time"), second.source_for("time")])
        lines.append(
            f"{first.name} won {where} by {format_gap(second.time - first.time)} from "
            f"{second.name} ({format_time(first.time)} vs {format_time(second.time)})."
        )
        margins += 1
    kind: Kind = "answer" if margins else "unknown"
    return make(query, "gap", "\n".join(lines), kind=kind, athletes=found, sources=sources,
                event=query.event)  # fmt: skip


def _at_places(query: Query, places: Sequence[int]) -> tuple[Athlete, Athlete] | None:
    """The athletes at two places of the one event asked about, if both are known."""
    events = _events(query)
    if len(events) != 1:
        return None
    first, second = (events[0].by_position.get(n) for n in dict.fromkeys(places))
    return (first, second) if first is not None and second is not None else None


def at_position(query: Query, position: int) -> Answer:
    events = _events(query)
    lines: list[str] = []
    found: list[Athlete] = []
    sources: list[str | None] = []
    kind: Kind = "answer"
    for event in events:
        athlete = event.by_position.get(position)
        where = event_label(event)
        if athlete is None:
            if event.complete:
                count = len(event.finishers)
                lines.append(
                    f"Only {count:,} finished {where}, so nobody was {ordinal(position)}."
                    if position > count
                    else f"Nobody is listed {ordinal(position)} in {where}."
                )
            else:
                known = known_list(event.athletes)
                lines.append(
                    f"My source doesn't say who was {ordinal(position)} in {where}."
                    + (f" It gives: {known}." if known else "")
                )
            if len(events) == 1:
                kind = "unknown"
            continue
        found.append(athlete)
        sources.append(athlete.source_for("position"))
        line = f"{label(athlete)} was {ordinal(position)} in {where}"
        line += f" in {format_time(athlete.time)}" if athlete.time is not None else ""
        winner = event.by_position.get(1)
        if query.parsed.has("gap") and position > 1 and winner is not None:  # "and by how much"
            if winner.time is not None and athlete.time is not None:
                line += f", {format_gap(athlete.time - winner.time)} behind {winner.name}"
            else:
                line += f"; my source doesn't give the gap to {winner.name}"
        line += "."
        if athlete.position_implied:
            line += " (My source implies this place rather than stating it.)"
        lines.append(line)
    if found and kind == "unknown":
        kind = "answer"
    return make(
        query,
        "position",
        "\n".join(lines),
        kind=kind if found or len(events) == 1 else "unknown",
        athletes=found,
        sources=sources,
        event=query.event,
    )


def _who(query: Query) -> str:
    """``"woman"``, ``"M40-44 finisher"``, ``"finisher from Serpentine RC"``."""
    noun = {"F": "woman", "M": "man", "X": "non-binary finisher"}.get(query.gender or "", "")
    if query.category:
        noun = f"{query.category} {noun or 'finisher'}"
    noun = noun or "finisher"
    if query.club:
        noun += f" from {query.club}"
    return noun


def _in_group(query: Query, athlete: Athlete) -> bool:
    return (
        (query.gender is None or athlete.gender == query.gender)
        and (query.club is None or athlete.club == query.club)
        and (query.category is None or athlete.category == query.category)
    )


def group_answer(query: Query) -> Answer:
    """Questions about part of a field: women in a mixed race, an age group, a club."""
    p = query.parsed
    who = _who(query)
    lines: list[str] = []
    rows: list[Row] = []
    found: list[Athlete] = []
    for event in _events(query, explicit=True):
        pool = [a for a in event.finishers if a.position is not None and _in_group(query, a)]
        where = event_label(event)
        scope = "" if event.complete else " (of the athletes my source names)"
        if p.has("count"):
            lines.append(f"{len(pool):,} {who}s finished {where}{scope}.")
            continue
        if p.threshold is not None:
            under = [a for a in pool if a.time is not None and a.time < p.threshold]
            lines.append(
                f"{len(under):,} of {len(pool):,} {who}s in {where} ran under "
                f"{format_time(p.threshold)}."
            )
            continue
        if not pool:
            lines.append(f"No {who} finished {where}{scope}.")
            continue
        wanted = 3 if p.has("podium") else p.count or (10 if p.has("top") else 0)
        if wanted:
            shown = pool[: min(wanted, MAX_LIST)]
            lines.append(f"Top {len(shown)} {who}s in {where}{scope}:")
            for rank, athlete in enumerate(shown, 1):
                time_text = format_time(athlete.time) if athlete.time is not None else "no time"
                lines.append(
                    f"{rank}. {label(athlete)}, {time_text} ({ordinal(athlete.position or 0)} "
                    "overall)"
                )
            rows.extend(row(a) for a in shown)
            found.extend(shown[:1])
            continue
        rank = p.ordinal or 1
        if rank > len(pool):
            lines.append(f"Only {len(pool):,} {who}s finished {where}{scope}.")
            continue
        athlete = pool[rank - 1]
        found.append(athlete)
        time_text = f" in {format_time(athlete.time)}" if athlete.time is not None else ""
        lines.append(
            f"The {'first' if rank == 1 else ordinal(rank)} {who} in {where} was "
            f"{label(athlete)}, {ordinal(athlete.position or 0)} overall{time_text}{scope}."
        )
    kind: Kind = "answer" if found or p.has("count") or p.threshold is not None else "unknown"
    return make(
        query, "group", "\n".join(lines), kind=kind, athletes=found, rows=rows,
        sources=[e.source for e in _events(query, explicit=True)],
    )  # fmt: skip


def category_winners(query: Query) -> Answer:
    lines: list[str] = []
    found: list[Athlete] = []
    for event in _events(query, explicit=True):
        winners: dict[str, Athlete] = {}
        for athlete in event.finishers:
            if athlete.category and athlete.position is not None:
                winners.setdefault(athlete.category, athlete)
        if not winners:
            lines.append(f"{event_label(event).capitalize()} has no categories in my data.")
            continue
        lines.append(f"Category winners, {event_label(event)}:")
        for category in sorted(winners)[:MAX_LIST]:
            athlete = winners[category]
            time_text = format_time(athlete.time) if athlete.time is not None else "no time"
            lines.append(f"{category}: {label(athlete)}, {time_text}")
            found.append(athlete)
        if len(winners) > MAX_LIST:
            lines.append(f"…and {len(winners) - MAX_LIST} more categories.")
    return make(
        query, "categories", "\n".join(lines), kind="answer" if found else "unknown",
        rows=[row(a) for a in found], title="Category winners",
    )  # fmt: skip


def last_finisher(query: Query) -> Answer:
    lines: list[str] = []
    found: list[Athlete] = []
    for event in _events(query):
        finishers = [a for a in event.finishers if a.position is not None]
        if not event.complete or not finishers:
            lines.append(
                f"My source doesn't give the whole field of {event_label(event)}, "
                "so I don't know who finished last."
            )
            continue
        last = finishers[-1]
        found.append(last)
        lines.append(
            f"The last finisher in {event_label(event)} was {label(last)}, "
            f"{ordinal(last.position or 0)}"
            + (f" in {format_time(last.time)}." if last.time is not None else ".")
        )
    return make(
        query,
        "position",
        "\n".join(lines),
        kind="answer" if found else "unknown",
        athletes=found,
        sources=[event.source for event in _events(query)],
    )


def podium(query: Query) -> Answer:
    return ranking(query, 3, "podium")


def top(query: Query, count: int) -> Answer:
    return ranking(query, max(1, count), "top")


def ranking(query: Query, count: int, intent: str) -> Answer:
    events = _events(query)
    blocks: list[str] = []
    rows: list[Row] = []
    sources: list[str | None] = []
    shown_count = min(count, MAX_LIST)
    gaps = query.parsed.has("gap")  # "how close were the top three": each one's gap to the winner
    for event in events:
        placed = [a for a in event.athletes if a.position is not None and a.position <= count]
        lines = []
        for position in range(1, shown_count + 1):
            athlete = event.by_position.get(position)
            if athlete is None:
                if not event.complete:
                    lines.append(f"{ordinal(position)}: not given in my source")
                continue
            rows.append(row(athlete))
            sources.append(athlete.source_for("position"))
            time_text = format_time(athlete.time) if athlete.time is not None else "time not given"
            implied = " (implied)" if athlete.position_implied else ""
            leader = event.by_position.get(1)
            behind = (
                f" ({format_gap(athlete.time - leader.time)} behind)"
                if gaps and leader is not None and leader.time is not None
                and athlete.time is not None and position > 1
                else ""
            )  # fmt: skip
            lines.append(f"{ordinal(position)}: {label(athlete)}, {time_text}{implied}{behind}")
        if event.complete and count > len(event.finishers):
            lines.append(f"(only {len(event.finishers):,} finished)")
        if count > MAX_LIST and len(placed) > MAX_LIST:
            lines.append(f"…showing the first {MAX_LIST} of {len(placed):,}.")
        heading = "Podium" if intent == "podium" else f"Top {count}"
        blocks.append(f"{heading}, {event_label(event)}:\n" + "\n".join(lines))
    title = ("Podium" if intent == "podium" else f"Top {count}") + (
        f" — {events[0].name}" if len(events) == 1 else ""
    )
    return make(
        query,
        intent,
        "\n\n".join(blocks),
        rows=rows,
        sources=sources,
        title=title,
        event=query.event,
    )


def count(query: Query) -> Answer:
    p = query.parsed
    if p.country is not None:
        return by_country(query, p.country, counting=True)
    lines: list[str] = []
    kind: Kind = "answer"
    for event in _events(query, explicit=True):
        if event.complete:
            finished = len(event.finishers)
            others = len(event.athletes) - finished
            line = f"{finished:,} finished {event_label(event)}"
            if others:
                line += f" ({others:,} more listed as DNF/DNS)"
            lines.append(line + ".")
        else:
            kind = "unknown"
            lines.append(
                f"My source doesn't give how many finished {event_label(event)}; "
                f"it names {len(event.athletes)} athlete{'s' if len(event.athletes) != 1 else ''}"
                " there."
            )
    return make(query, "count", "\n".join(lines), kind=kind, event=query.event)


OTHER_THAN = frozenset("else besides beside apart except other".split())


def under_threshold(query: Query, threshold: float) -> Answer:
    p = query.parsed
    over = p.has("over") and not p.has("under")
    lines: list[str] = []
    rows: list[Row] = []
    for event in _events(query):
        timed = [a for a in event.finishers if a.time is not None]
        hits = [a for a in timed if (a.time > threshold if over else a.time < threshold)]  # type: ignore[operator]
        hits = [a for a in hits if a not in query.athletes]  # "who else ... besides matsuda"
        word = "over" if over else "under"
        names = ", ".join(f"{a.name} ({format_time(a.time or 0)})" for a in hits)
        first_slower = None if over else _first_not_under(event, threshold)
        if not event.complete and first_slower is not None:
            # every place down to the first one slower is known: no one after was under
            slower = (
                f"{first_slower.name}, {ordinal(first_slower.position or 0)}, ran "
                f"{format_time(first_slower.time or 0)}"
            )
            said = f"{len(hits) or 'Nobody'} ran {word} {format_time(threshold)} in "
            said += event_label(event)
            lines.append(f"{said}: {names}; {slower}." if hits else f"{said}: {slower}.")
            rows.extend(row(a) for a in hits[:MAX_LIST])
            continue
        if not event.complete:
            lines.append(
                f"My source doesn't give every time in {event_label(event)}. Of the times it "
                f"gives, {word} {format_time(threshold)}: {names or 'none'}."
            )
            continue
        lines.append(
            f"{len(hits):,} of {len(event.finishers):,} finishers in {event_label(event)} ran "
            f"{word} {format_time(threshold)}."
        )
        if 0 < len(hits) <= 10:
            lines.append(", ".join(f"{a.name} ({format_time(a.time or 0)})" for a in hits))
        rows.extend(row(a) for a in hits[:MAX_LIST])
    return make(query, "threshold", "\n".join(lines), rows=rows, event=query.event)


def _first_not_under(event: Event, threshold: float) -> Athlete | None:
    """The first finisher, in place order, not under ``threshold``, when every place before
    theirs is named with a time: all placed after them were slower still."""
    for place in range(1, len(event.finishers) + 1):
        athlete = event.by_position.get(place)
        if athlete is None or athlete.time is None:
            return None
        if athlete.time >= threshold:
            return athlete
    return None


def by_bib(query: Query, bib: str) -> Answer:
    assert query.race is not None
    athlete = query.race.by_bib().get(bib)
    if athlete is not None:
        return result(query, athlete)
    return make(
        query, "bib", f"Nobody wore bib {bib} in the {query.race.name}, as far as I know.",
        kind="unknown",
    )  # fmt: skip


def _country_count(
    query: Query, event: Event, country: Country, placed: list[Athlete], top: int | None, scope: str
) -> str:
    """ "how many kenyans in the top 3": how many, who, and whose nationality is not given."""
    where = event_label(event)
    n = len(placed)
    after = ""
    if top is not None:
        gaps = [ordinal(p) for p in _unnamed_places(event, top)]
        after = f" My source doesn't name the {', '.join(gaps)}." if gaps else ""
        verb = "was" if n == 1 else "were"
        stateless = any(  # one of the top with no nationality given may be one more
            a.country is None for p in range(1, top + 1) if (a := event.by_position.get(p))
        )
        text = (  # "how many kenyans in the top 5" with the 4th not named: at least those;
            # with most of the top 10 not named, only how many it names
            f"At least {n} of the top {top} in {where} {verb} {country.demonym}"
            if ((gaps and _mostly_named(event, top)) or (stateless and not gaps)) and n
            else f"My source names {n or 'no'} {country.demonym} finisher{'s' if n > 1 else ''} "
            f"in the top {top} of {where}"
            if gaps
            else f"All {n} of the top {top} in {where} were {country.demonym}"
            if n == top > 1
            else f"{_spelled_out(n)} of the top {top} in {where} {verb} {country.demonym}"
        )
    else:
        text = f"{n:,} {country.demonym} finisher{'s' if n != 1 else ''} in {where}{scope}"
    if 0 < n <= 5:
        text += ": " + ", ".join(f"{a.name} ({ordinal(a.position or 0)})" for a in placed)
    elif n == 0 and top is not None and top <= 5:  # "any kenyans on the podium": who was, then
        ahead = [event.by_position[p] for p in range(1, top + 1) if p in event.by_position]
        unsure = bool(gaps) or any(a.country is None for a in ahead)
        text = (  # never "none" when a nationality or a place is not given
            f"My source names no {country.demonym} finisher in the top {top} of {where}"
            if unsure
            else f"None of the top {top} in {where} was {country.demonym}"
        )
        if ahead:
            text += ": " + ", ".join(
                f"{a.name} ({display_country(a.country) or 'nationality not given'})" for a in ahead
            )
    text += "." + after
    unknown = [
        a
        for a in event.athletes
        if a.country is None
        and a.position is not None
        and (top is None or a.position <= top)
        and _in_group(query, a)
    ]
    if unknown:
        more = f" and {len(unknown) - MAX_LIST:,} more" if len(unknown) > MAX_LIST else ""
        names = ", ".join(a.name for a in unknown[:MAX_LIST])
        text += f" My source doesn't give the nationality of {names}{more}."
    return text


def _mostly_named(event: Event, top: int) -> bool:
    """Whether my source names more of the top ``top`` places than it leaves out."""
    return 2 * len(_unnamed_places(event, top)) < top


def _unnamed_places(event: Event, top: int) -> list[int]:
    """The places of the top ``top`` my source names nobody in."""
    return [p for p in range(1, top + 1) if p not in event.by_position]


def _top_asked(p: Parsed) -> int | None:
    """10 for "the top 10", 3 for "the podium"; ``None`` when no top places are asked."""
    return p.count if p.count is not None else (3 if p.has("podium") else None)


def _nth_of_country(query: Query) -> int:
    """2 for "the 2nd placed american", "second american man"; 1 when the place stands apart
    from the country ("who got 3rd and was he american")."""
    from bot.engine.countries import country_word
    from bot.engine.intents import ordinal_of

    words = query.words
    for i, word in enumerate(words):
        n = ordinal_of(word)
        near = [w for w in words[i + 1 : i + 3] if w not in ("placed", "place")]
        if n and near and country_word(near[0]) is not None:
            return n
    return 1


PLURAL_PEOPLE = frozenset("women men guys ladies girls boys runners athletes".split())


def by_country(query: Query, country: Country, counting: bool = False) -> Answer:
    events = _events(query, explicit=True)
    p = query.parsed
    lines: list[str] = []
    found: list[Athlete] = []
    rows: list[Row] = []
    sources: list[str | None] = []
    wants_many = (
        counting
        or (p.has("count", "top", "finishers") and p.count is not None)
        or bool({"list", "all", "every", "were", "which"} & set(query.words))  # "who were the..."
        or bool(PLURAL_PEOPLE & set(query.words))  # "how did the american women do"
        or normalize(country.demonym) + "s" in query.words  # "how did the americans do"
    )
    top = _top_asked(p)
    # "the first non kenyan": the others, told as "non-Kenyan"
    shown = (
        dataclass_replace(country, demonym=f"non-{country.demonym}") if p.other_country else country
    )
    unnamed: list[Event] = []
    for event in events:
        people = [
            a
            for a in event.athletes
            # "the first non kenyan": of a country given, and another
            if (
                not same_country(a.country, country) and a.country is not None
                if p.other_country
                else same_country(a.country, country)
            )
            and a.status != "dns"
            and _in_group(query, a)
        ]
        placed = [a for a in people if a.position is not None]
        where = event_label(event)
        scope = "" if event.complete else " (of the athletes my source names)"
        if counting:
            if top is not None:  # "in the top 3": places 1 to 3 only
                placed = [a for a in placed if (a.position or 0) <= top]
            lines.append(_country_count(query, event, shown, placed, top, scope))
            named = top is None or not _unnamed_places(event, top)
            if not named and (not placed or not _mostly_named(event, top or 0)):
                unnamed.append(event)  # places in the top asked not named: no count
            rows.extend(row(a) for a in placed[:MAX_LIST])
            sources.extend(a.source_for("country") for a in placed[:MAX_LIST])
            continue
        if not placed:
            timed = sorted((a for a in people if a.time is not None), key=lambda a: a.time or 0)
            if timed:  # no places, but times: the fastest of those named
                fastest = timed[0]
                lines.append(
                    f"My source gives no places for the {shown.demonym} finishers it names in "
                    f"{where}; the fastest is {fastest.name} in {format_time(fastest.time or 0)}."
                )
                found.append(fastest)
                sources.append(fastest.source_for("time"))
            elif people:
                names = ", ".join(a.name for a in people)
                home = from_country(country.name)
                lines.append(f"My source names {names} from {home} in {where}, but not "
                             "a finishing place.")  # fmt: skip
            else:
                lines.append(f"No {shown.demonym} finisher in {where}{scope}.")
            continue
        nth = _nth_of_country(query) if not counting else 1  # "the 2nd placed american woman"
        if len(placed) < nth:
            names = ", ".join(f"{a.name} ({ordinal(a.position or 0)})" for a in placed)
            plural = "s" if len(placed) != 1 else ""
            lines.append(f"My source names only {len(placed)} {shown.demonym} finisher{plural} "
                         f"in {where}{scope}: {names}.")  # fmt: skip
            continue
        first = placed[nth - 1]
        found.append(first)
        sources.append(first.source_for("country"))
        sources.append(first.source_for("position"))
        time_text = f" in {format_time(first.time)}" if first.time is not None else ""
        which = "first" if nth == 1 else ordinal(nth)
        lines.append(
            f"The {which} {shown.demonym} finisher in {where} was {first.name}, "
            f"{ordinal(first.position or 0)}{time_text}{scope}."
        )
        lines[-1] += _stateless_ahead(event, first)
        if wants_many and len(placed) > 1:
            rest = ", ".join(f"{ordinal(a.position or 0)} {a.name}" for a in placed[1:MAX_LIST])
            lines.append(f"Others: {rest}.")
        rows.extend(row(a) for a in placed[:MAX_LIST])
    kind: Kind = "answer" if found or counting else "unknown"
    if counting and unnamed and len(unnamed) == len(events):
        kind = "unknown"
    return make(
        query,
        "country",
        "\n".join(lines),
        kind=kind,
        athletes=found,
        rows=rows,
        sources=sources,
        event=query.event,
    )


def summary(query: Query) -> Answer:
    race = query.race
    assert race is not None
    info = race.info
    sources: list[str | None] = []
    if info.summary and (query.event is None or query.event_from_context):
        text = info.summary
    else:
        parts = []
        for event in _events(query, explicit=True):
            top3 = [event.by_position[p] for p in (1, 2, 3) if p in event.by_position]
            if not top3:
                continue
            winner = top3[0]
            line = f"{label(winner)} won {event_label(event)}"
            line += f" in {format_time(winner.time)}" if winner.time is not None else ""
            rest = [f"{a.name} {ordinal(a.position or 0)}" for a in top3[1:]]
            parts.append(line + (", " + " and ".join(rest) if rest else "") + ".")
            if event.complete:
                parts.append(f"{len(event.finishers):,} finished.")
            sources.extend(a.source_for("position") for a in top3)
        text = " ".join(parts) or f"I know the {race.name} but have no results for it."
    return make(
        query,
        "summary",
        text,
        title=race.name,
        sources=sources or [e.source for e in _events(query)],
        event=query.event,
    )


# ---------------------------------------------------------------------------- athlete answers


YES_NO_STARTS = frozenset("did was is does were".split())
COUNTED_THINGS = frozenset(
    "win wins title titles victory victories crown crowns time times marathon marathons".split()
)


def _stateless_ahead(event: Event, athlete: Athlete) -> str:
    """ " (My source doesn't give the nationality of ...)": those placed ahead of ``athlete``
    who may be of the country asked, in a field my source gives only in part."""
    unknown = [
        a.name
        for a in event.athletes
        if a.country is None and a.position is not None and a.position < (athlete.position or 0)
    ]
    if not unknown or event.complete:
        return ""
    return f" (My source doesn't give the nationality of {', '.join(unknown)}.)"


def ordinal_of_country(words: Sequence[str]) -> bool:
    """Whether an ordinal stands right before a nationality: "the first brit", "2nd kenyan"."""
    from bot.engine.intents import ordinal_of

    return any(
        ordinal_of(word) is not None and country_word(after) is not None
        for word, after in itertools.pairwise(words)
    )


def of_country(event: Event, country: Country) -> list[Athlete]:
    """The finishers of ``country`` in ``event``, in their order."""
    return sorted(
        (a for a in event.athletes if a.position and same_country(a.country, country)),
        key=lambda a: a.position or 0,
    )


def nth_of_country(query: Query, athlete: Athlete, nth: int, country: Country) -> Answer:
    """ "was partridge the first brit": whether she was that place among her country's
    finishers in her event (not that place overall)."""
    event = athlete.event
    placed = of_country(event, country)
    which = "first" if nth == 1 else ordinal(nth)
    where = event_label(event)
    if len(placed) < nth:
        text = f"My source names no {which} {country.demonym} finisher in {where}."
        return make(query, "country", text, kind="unknown", athletes=[athlete])
    found = placed[nth - 1]
    answered = "Yes" if found is athlete else "No"
    time_text = f" in {format_time(found.time)}" if found.time is not None else ""
    text = (
        f"{answered}: the {which} {country.demonym} finisher in {where} was {found.name}, "
        f"{ordinal(found.position or 0)}{time_text}."
    )
    text += _stateless_ahead(event, found)
    return make(query, "country", text, athletes=[athlete, found],
                sources=[found.source_for("country"), found.source_for("position")])  # fmt: skip


_SMALL_NUMBERS = ("None", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine")


def _spelled_out(n: int) -> str:
    """A count that opens a sentence, in words up to nine ("Two of the top 3 ...")."""
    return _SMALL_NUMBERS[n] if 0 <= n < len(_SMALL_NUMBERS) else f"{n:,}"


def ordinal_of_something_else(words: Sequence[str]) -> bool:
    """ "was this kipchoge's third london win": the third win, not third place."""
    from bot.engine.intents import ordinal_of

    for i, word in enumerate(words):
        if ordinal_of(word) is not None and set(words[i + 1 : i + 3]) & COUNTED_THINGS:
            return True
    return False


def within_top(query: Query, athlete: Athlete, top: int) -> Answer:
    """ "did farah finish in the top 5", "was karoki on the podium": yes or no, by his place."""
    if athlete.position is None:
        return missing(query, athlete, "position")
    inside = athlete.position <= top
    if top == 3 and query.parsed.has("podium"):
        relation = f"{'on' if inside else 'off'} the podium"
    else:
        relation = f"{'inside' if inside else 'outside'} the top {top}"
    text = (
        f"{'Yes' if inside else 'No'}: {athlete.name} finished {ordinal(athlete.position)} in "
        f"{event_label(athlete.event)}, {relation}."
    )
    return make(query, "position", text, athletes=[athlete],
                sources=[athlete.source_for("position")])  # fmt: skip


def about_athlete(query: Query, athlete: Athlete, conversation: Conversation | None) -> Answer:
    p = query.parsed
    top = _top_asked(p)
    yes_no = bool(query.words[:1]) and query.words[0] in YES_NO_STARTS
    if top and yes_no:
        return within_top(query, athlete, top)  # "did farah make the top 10"
    if (
        yes_no
        and p.ordinal is not None
        and p.country is not None
        and athlete.position
        and ordinal_of_country(query.words)
    ):  # "was partridge the first brit": of her country's finishers, not overall
        return nth_of_country(query, athlete, p.ordinal, p.country)
    if (
        yes_no
        and p.ordinal is not None
        and athlete.position is not None
        and not p.has("gap")
        and not ordinal_of_something_else(query.words)
    ):
        placed = athlete_position(query, athlete)  # "was kitata 2nd"
        answered = "Yes" if athlete.position == p.ordinal else "No"
        return dataclass_replace(placed, text=f"{answered}: {placed.text}")
    if (
        p.has("who")
        and p.has("neighbours")
        and not p.has("pace", "time")
        and not {"far", "much", "gap", "margin"}.intersection(query.words)
    ):
        return neighbours(query, athlete)
    if p.country is not None and not p.has("time", "place", "gap", "pace"):
        return nationality(query, athlete, asked=p.country)
    if p.has("gap") and not p.has("pace"):
        reference = _reference(query, athlete)
        runner_up = athlete.event.by_position.get(2)
        if athlete.position == 1 and runner_up is not None and runner_up.time is None:
            stated = _stated_gap(query, athlete, runner_up)
            if stated is not None:  # "held off Hug by 1 second"
                margin, sentence = stated
                when = f" in {format_time(athlete.time)}," if athlete.time is not None else ""
                text = (
                    f"{athlete.name} won {event_label(athlete.event)}{when} {margin} from "
                    f"{runner_up.name}, as my source puts it (it gives no time for "
                    f"{runner_up.name})."
                )
                return make(query, "gap", text, athletes=[athlete, runner_up], sources=[sentence])
            text = (
                f"{athlete.name} won {event_label(athlete.event)}, but my source doesn't give "
                f"the runner-up {runner_up.name}'s time, so I can't give the winning margin."
            )
            if reference is not None and reference.time is not None and athlete.time is not None:
                text += (
                    f" {reference.name}, {ordinal(reference.position or 0)}, was "
                    f"{format_gap(reference.time - athlete.time)} behind."
                )
            return make(query, "gap", text, kind="unknown", athletes=[athlete])
        if reference is not None:
            return compare(query, athlete, reference, gap_only=True)
        return make(
            query,
            "gap",
            f"{athlete.name} won {event_label(athlete.event)}, and my source gives no other "
            "finisher's time to measure the gap.",
            kind="unknown",
            athletes=[athlete],
        )
    if p.has("pace"):
        return pace(query, athlete)
    if p.has("country") and not p.has("time"):
        return nationality(query, athlete)
    if p.has("club") and athlete.club is not None:
        return club(query, athlete)
    if p.has("time"):
        return athlete_time(query, athlete)
    if p.has("win") and not p.has("who"):
        return did_win(query, athlete)
    if p.has("place", "compare", "who") or p.ordinal is not None:
        return athlete_position(query, athlete)
    if p.has("summary") and athlete.status in STATUS_TEXT:  # "what happened to rupp"
        return did_not_finish(query, athlete, "position")
    if p.has("summary") and not {"tell", "who", "about"}.intersection(query.words):
        # "what happened to nageeye": what is told of him first, before a round-up naming him
        facts = sorted(
            athlete_facts(query.race, athlete),
            key=lambda f: (f.about[:1] != [athlete.key], len(f.about)),
        )
        if facts:
            return facts_answer(query, facts[:3], athletes=[athlete])
    if not p.concepts and conversation and conversation.intent and _starts_follow_up(query):
        return athlete_followup(query, athlete, conversation.intent)
    return result(query, athlete)


def _starts_follow_up(query: Query) -> bool:
    text = " ".join(query.words)
    return text.startswith(("and ", "what about ", "how about ", "same for ", "now ")) or (
        query.from_context
    )


def athlete_followup(query: Query, athlete: Athlete, intent: str) -> Answer:
    if intent == "time":
        return athlete_time(query, athlete)
    if intent == "position":
        return athlete_position(query, athlete)
    if intent == "pace":
        return pace(query, athlete)
    if intent == "nationality":
        return nationality(query, athlete)
    if intent == "quote":
        return quotes(query)
    return result(query, athlete)


_AMOUNT_WORDS = r"a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+"
_UNIT_WORDS = r"seconds?|secs?|minutes?|mins?"
_STATED_GAP = re.compile(
    rf"\bby (?:just |only |a mere |about |nearly |almost )?"
    rf"(?:{_AMOUNT_WORDS})[ -](?:{_UNIT_WORDS})\b"
    rf"|\b(?:{_AMOUNT_WORDS})[ -](?:{_UNIT_WORDS}) (?:behind|back|ahead|clear|adrift)\b"
    rf"|(?<=\bto )(?:{_AMOUNT_WORDS})[ -](?:{_UNIT_WORDS})(?= at the finish\b)",
    re.I,
)
"""A margin a sentence states: "held off Hug by 1 second", "finished 37 seconds back", "cutting
the gap to 42 seconds at the finish"."""


def _stated_gap(query: Query, athlete: Athlete, other: Athlete) -> tuple[str, str] | None:
    """The margin between two athletes as a report sentence naming both states it ("by a
    second"), with the sentence; ``None`` when none does."""
    stated = stated_gap(query, athlete, other)
    return (stated.margin, stated.source) if stated is not None else None


@dataclass(frozen=True)
class StatedGap:
    margin: str  # as told: "by 43 seconds", or worked out from two: "26 sec (9 ... and 17 ...)"
    seconds: float | None  # the amount, when the words give one
    approx: bool
    source: str
    reference: str | None = None  # whom it is measured from: the runner named before it


_APPROX = re.compile(r"\b(?:about|nearly|almost|around|roughly|some|over|more than)\b", re.I)
_FURTHER = re.compile(r"\b(?:a further|another)\s+$", re.I)


def stated_gap(query: Query, athlete: Athlete, other: Athlete) -> StatedGap | None:
    """The margin between two athletes as a report sentence naming both states it: the stated
    margin nearest the name of the one behind ("beat Kirwa by nine seconds, with Dibaba a
    further 17 seconds back": Dibaba's is 17 after Kirwa's nine)."""
    race = query.race
    if race is None or query.engine is None:
        return None
    # a sentence of the runner-up alone measures from the winner ("Kiplagat was second, ...
    # 42 seconds at the finish"); the one behind is named in it, not only told of ("the rest of
    # the pack was another 15 seconds behind")
    wanted = {other.key} if athlete.position == 1 and other.position == 2 else set()
    for doc in query.engine.indexes[race.id].text.docs:
        if doc.kind != "sentence" or not (
            {athlete.key, other.key} <= doc.about or (wanted and doc.about == wanted)
        ):
            continue
        if normalize(surname(other)) not in normalize(doc.text):
            continue
        found = _gaps_told(race, doc.text, doc.about).get(other.key)
        if found is not None and found.reference in (None, athlete.key):
            return dataclass_replace(found, source=doc.source or doc.text)
    return None


def _gaps_told(race: Race, text: str, about: Iterable[str]) -> dict[str, StatedGap]:
    """The margins a sentence states, each by the runner whose name stands nearest it; one "a
    further" or "another" amount is added to the margin told before it."""
    spots = named_at(race, about, text, surname_only=True)
    found: dict[str, StatedGap] = {}
    before: StatedGap | None = None
    for m in _STATED_GAP.finditer(text):
        if not spots:
            break
        key = min(
            spots, key=lambda s: m.start() - s[1] if s[1] <= m.start() else s[0] - m.end() + 5
        )[2]
        earlier = [s for s in spots if s[1] <= m.start() and s[2] != key]
        reference = max(earlier, key=lambda s: s[1])[2] if earlier else None
        margin = m.group(0)
        if not margin.lower().startswith("by "):
            margin = "by " + re.sub(r" (?:behind|back|ahead|clear|adrift)$", "", margin)
        words = re.sub(r"^by |\b(?:just|only|a mere|about|nearly|almost)\b ", "", margin)
        try:
            seconds: float | None = parse_duration(words.strip())
        except DurationError:
            seconds = None
        gap = StatedGap(margin, seconds, bool(_APPROX.search(margin)), text, reference)
        further = _FURTHER.search(text[max(0, m.start() - 12) : m.start()])
        if further and before is not None and before.seconds is not None and seconds is not None:
            total = before.seconds + seconds  # measured from where the one before was
            told = f"{before.margin.removeprefix('by ')} and a further {words.strip()}"
            gap = StatedGap(f"by {format_gap(total)} ({told})", total, gap.approx or before.approx,
                            text, before.reference)  # fmt: skip
        found.setdefault(key, gap)
        before = gap
    return found


def _stated_margin(query: Query, first: Athlete, second: Athlete) -> Answer | None:
    """The margin between two placed athletes of one event as a sentence states it, when a
    time is missing ("went on to win in 2:32:40, 43 seconds ahead of Aussie Weightman")."""
    if first.position is None or second.position is None or first.event is not second.event:
        return None
    ahead, behind = sorted((first, second), key=lambda a: a.position or 0)
    stated = _stated_gap(query, ahead, behind)
    if stated is None:
        return None
    margin, sentence = stated
    text = (
        f"{behind.name} ({ordinal(behind.position or 0)}) finished "
        f"{margin.removeprefix('by ')} behind {ahead.name} ({ordinal(ahead.position or 0)}), as "
        "my source puts it"
    )  # (the one asked about first, for "his" in what follows)
    return make(query, "gap", text, athletes=[first, second], sources=[sentence])


def _reference(query: Query, athlete: Athlete) -> Athlete | None:
    """Whom to measure a gap against: a place the question names ("gap from adola to 3rd"),
    else the winner, or (for the winner) the next known time."""
    event = athlete.event
    asked = query.parsed.ordinal
    edge = (
        3 if query.parsed.has("podium") else query.parsed.count if query.parsed.has("top") else None
    )
    if asked is None and edge and athlete.position and athlete.position > edge:
        asked = edge  # "how close was calvin to the podium": to the last place on it
    if asked not in (None, athlete.position) and not ordinal_of_something_else(query.words):
        placed = event.by_position.get(asked)
        if placed is not None and placed.time is not None:
            return placed
    winner = event.by_position.get(1)
    if winner is not None and winner is not athlete:
        return winner
    timed = [a for a in event.finishers if a is not athlete and a.time is not None]
    return timed[0] if timed else None


def _place_phrase(athlete: Athlete) -> str:
    if athlete.position is None:
        return ""
    return f"{ordinal(athlete.position)} in {event_label(athlete.event)}"


def athlete_time(query: Query, athlete: Athlete) -> Answer:
    if athlete.time is None:
        return missing(query, athlete, "time")
    place = _place_phrase(athlete)
    text = f"{athlete.name}'s time was {format_time(athlete.time)}" + (
        f" ({place})." if place else "."
    )
    if athlete.chip_time is not None and athlete.chip_time != athlete.time:
        text += f" Chip time: {format_time(athlete.chip_time)}."
    return make(
        query,
        "time",
        text,
        athletes=[athlete],
        sources=[athlete.source_for("time")],
        facts=[f"{athlete.name} time {format_time(athlete.time)}"],
    )


PLACE_ASKED = frozenset("where place placed placing position finish finished ranked".split())
"""Words asking a finishing place itself, not how someone did."""


def athlete_position(query: Query, athlete: Athlete) -> Answer:
    if athlete.position is None:
        if athlete.time is not None and not PLACE_ASKED & set(query.words):
            return result(query, athlete)  # "how did steinruck do": her time, no place given
        return missing(query, athlete, "position")
    text = f"{athlete.name} finished {ordinal(athlete.position)} in {event_label(athlete.event)}"
    text += f" in {format_time(athlete.time)}." if athlete.time is not None else "."
    if athlete.position_implied:
        text += " (My source implies this place rather than stating it.)"
    sources = [athlete.source_for("position")]
    if athlete.time is not None:
        sources.append(athlete.source_for("time"))
    return make(query, "position", text, athletes=[athlete], sources=sources)


def several_positions(query: Query, athletes: Sequence[Athlete]) -> Answer:
    parts = [athlete_position(query, a) for a in athletes[:5]]
    kind: Kind = "answer" if any(p.kind == "answer" for p in parts) else "unknown"
    return make(
        query, "position", " ".join(p.text for p in parts), kind=kind, athletes=athletes[:5],
        sources=[s for p in parts for s in p.sources],
    )  # fmt: skip


def did_win(query: Query, athlete: Athlete) -> Answer:
    if athlete.position == 1:
        base = athlete_position(query, athlete)
        return make(
            query,
            "position",
            f"Yes: {base.text}",
            athletes=[athlete],
            sources=base.sources,
        )
    winner = athlete.event.by_position.get(1)
    if athlete.position is None:
        if winner is None or winner is athlete:
            return missing(query, athlete, "position")
        base = missing(query, athlete, "position")
        won = f"No: {winner.name} won {event_label(athlete.event)}" + (
            f" in {format_time(winner.time)}." if winner.time is not None else "."
        )  # the yes/no is answered by who won; the athlete's own place stays unknown
        return make(
            query,
            "position",
            f"{won} {base.text}",
            athletes=[athlete, winner],
            sources=[winner.source_for("position"), *base.sources],
        )
    text = f"No: {athlete.name} finished {ordinal(athlete.position)}"
    if athlete.time is not None:
        text += f" in {format_time(athlete.time)}"
    text += "."
    found = [athlete]
    sources = [athlete.source_for("position")]
    if winner is not None:
        text += f" {winner.name} won" + (
            f" in {format_time(winner.time)}." if winner.time is not None else "."
        )
        found.append(winner)
        sources.append(winner.source_for("position"))
    return make(query, "position", text, athletes=found, sources=sources)


def result(query: Query, athlete: Athlete) -> Answer:
    """Everything about one athlete's race: place, time, gap to the winner, records."""
    if athlete.position is None and athlete.time is None:
        return missing(query, athlete, "position")
    parts: list[str] = []
    sources: list[str | None] = []
    facts: list[str] = []
    if athlete.position is not None:
        parts.append(
            f"{label(athlete)} finished {ordinal(athlete.position)} in {event_label(athlete.event)}"
        )
        sources.append(athlete.source_for("position"))
    else:
        parts.append(f"{label(athlete)} ran {event_label(athlete.event)}")
    if athlete.time is not None:
        parts[-1] += f" in {format_time(athlete.time)}."
        sources.append(athlete.source_for("time"))
    else:
        parts[-1] += "; my source doesn't give the time."
    if athlete.position_implied:
        parts.append("(My source implies the place rather than stating it.)")
    reference = _reference(query, athlete)
    if reference is not None and athlete.time is not None and reference.time is not None:
        gap = athlete.time - reference.time
        if reference.position == 1:
            parts.append(f"That was {format_gap(gap)} behind the winner, {reference.name}.")
        elif gap < 0:
            parts.append(f"That was {format_gap(gap)} ahead of {reference.name}.")
    for record in athlete_records(query.race, athlete):
        parts.append(record_line(record))
        sources.append(record.source)
        facts.append(record.title)
    return make(
        query,
        "result",
        " ".join(parts),
        athletes=[athlete],
        sources=sources,
        facts=facts,
        title=athlete.name,
    )


STATUS_TEXT = {"dnf": "did not finish", "dns": "did not start", "dq": "was disqualified from"}


def did_not_finish(query: Query, athlete: Athlete, what: str) -> Answer:
    """ "where did cherono finish?" when she dropped out: that is the answer, with what my source
    says of it."""
    text = f"{athlete.name} {STATUS_TEXT[athlete.status]} {event_label(athlete.event)}"
    text += ", so there is no finishing time." if what == "time" else "."
    sources: list[str | None] = [athlete.source_for("status")]
    facts = athlete_facts(query.race, athlete)
    ranked = sorted(
        (rank, n, f) for n, f in enumerate(facts) if (rank := stop_told(f.text)) is not None
    )
    told = ranked[0][2] if ranked else None
    if told is not None:
        text += f" {told.text}"
        sources.append(told.source)
    return make(query, what, text, athletes=[athlete], sources=sources)


def _time_from_gap(query: Query, athlete: Athlete, winner: Athlete, gap: StatedGap) -> Answer:
    """A time not given, worked out from the time of one ahead (``winner``) and the margin a
    sentence states between them."""
    assert gap.seconds is not None and winner.time is not None
    about = "about " if gap.approx else ""
    text = (
        f"My source doesn't give {athlete.name}'s time, but it puts {surname(athlete)} "
        f"{gap.margin.removeprefix('by ')} behind {winner.name} ({format_time(winner.time)}): "
        f"{about}{format_time(winner.time + gap.seconds)}, worked out."
    )
    return make(query, "time", text, athletes=[athlete, winner],
                sources=[gap.source, winner.source_for("time")])  # fmt: skip


def missing(query: Query, athlete: Athlete, what: str) -> Answer:
    """The knowledge base lacks ``what`` for ``athlete``: say so, and what is known instead."""
    if athlete.status in STATUS_TEXT and what in ("position", "time"):
        return did_not_finish(query, athlete, what)
    known: list[str] = []
    sources: list[str | None] = [athlete.source_for("name")]
    if athlete.position is not None:
        implied = " (implied by my source)" if athlete.position_implied else ""
        known.append(
            f"finished {ordinal(athlete.position)} in {event_label(athlete.event)}{implied}"
        )
        sources.append(athlete.source_for("position"))
    if athlete.time is not None:
        known.append(f"ran {format_time(athlete.time)}")
    if athlete.status in ("dnf", "dns", "dq"):
        known.append(f"is listed as {athlete.status.upper()}")
    winner = athlete.event.by_position.get(1)
    if what == "time" and athlete.position is not None and query.engine is not None:
        # "Guerra was 13 seconds behind Rachik": from the time of one ahead that a sentence
        # names with them (or the winner, whom the runner-up's own sentence measures from)
        docs = query.engine.indexes[query.race.id].text.docs if query.race else []
        named_with = {k for d in docs if athlete.key in d.about for k in d.about}
        if athlete.position == 2 and winner is not None:
            named_with.add(winner.key)
        ahead = sorted(
            (
                a
                for a in athlete.event.finishers
                if a.key in named_with and (a.position or 0) < athlete.position
            ),
            key=lambda a: a.position or 0,
        )
        for other in ahead:
            told = stated_gap(query, other, athlete) if other.time is not None else None
            if told is not None and told.seconds is not None:
                return _time_from_gap(query, athlete, other, told)
    if what == "time" and winner is not None and winner is not athlete:
        stated = stated_gap(query, winner, athlete)  # "cutting the gap to 42 seconds"
        if stated is not None:
            known.append(f"was {stated.margin.removeprefix('by ')} behind {winner.name}")
            sources.append(stated.source)
    facts = sorted(athlete_facts(query.race, athlete), key=lambda f: f.about[:1] != [athlete.key])
    what_text = {"time": "time", "position": "finishing place"}.get(what, what)
    text = f"My source doesn't give {athlete.name}'s {what_text}."
    if known:
        text += f" It says {surname(athlete)} " + " and ".join(known) + "."
    elif facts:
        text += " What it does say: " + facts[0].text
        sources.append(facts[0].source)
    return make(query, what, text, kind="unknown", athletes=[athlete], sources=sources)


FIGURE_WORDS = frozenset(
    "far much gap margin long seconds secs sec minutes mins difference diff time times".split()
)
"""Words that ask for a gap's figure, which places alone can't give."""


AHEAD_ASKED = frozenset("beat beaten ahead behind front".split())
"""Words that ask who finished ahead, which a place tells as well as a time."""
BEHIND_WORDS = frozenset("slower worse behind lose lost beaten".split())
"""Words that ask whether the first one named finished behind ("was rupp slower than farah")."""
FASTER_WORDS = frozenset("faster quicker better outran outrun outkicked first".split())
"""Words that ask whether the first one named finished ahead ("was rupp faster than farah")."""


def _yes_no(query: Query, first: Athlete, ahead: Athlete, text: str) -> str:
    """``text`` led by the yes or no a question of who beat whom asks ("did seaward beat
    simpson": no), or as it is when the question asks no yes or no."""
    if not query.words[:1] or query.words[0] not in YES_NO_STARTS:
        return text
    if not (AHEAD_ASKED | BEHIND_WORDS | FASTER_WORDS) & set(query.words):
        return text  # "did defar go with them": no who-beat-whom to say yes or no to
    asks_behind = bool(BEHIND_WORDS & set(query.words))
    return f"{'Yes' if (ahead is first) != asks_behind else 'No'}: {text}"


def _by_place(query: Query, first: Athlete, second: Athlete) -> Answer | None:
    """Who finished ahead when a time is missing: by their places in one event, or because one
    did not finish. ``None`` when neither tells."""
    both_placed = first.position is not None and second.position is not None
    if both_placed and first.event is second.event:
        ahead, behind = sorted((first, second), key=lambda a: a.position or 0)
        text = (
            f"{ahead.name} ({ordinal(ahead.position or 0)}) finished ahead of {behind.name} "
            f"({ordinal(behind.position or 0)}), by place: my source doesn't give "
            + " or ".join(f"{a.name}'s" for a in (first, second) if a.time is None)
            + " time."
        )
    else:
        stopped = [a for a in (first, second) if a.status in STATUS_TEXT]
        done = [a for a in (first, second) if a.position is not None and a not in stopped]
        if len(stopped) != 1 or len(done) != 1:
            return None
        ahead, behind = done[0], stopped[0]
        text = (
            f"{ahead.name} finished {ordinal(ahead.position or 0)} in {event_label(ahead.event)}; "
            f"{behind.name} {STATUS_TEXT[behind.status]} {event_label(behind.event)}."
        )
    text = _yes_no(query, first, ahead, text)
    sources = [first.source_for("position"), second.source_for("position")]
    return make(query, "compare", text, athletes=[first, second], sources=sources)


def _in_place(athlete: Athlete) -> str:
    return f" ({ordinal(athlete.position)})" if athlete.position is not None else ""


def compare(query: Query, first: Athlete, second: Athlete, gap_only: bool = False) -> Answer:
    if first is second:
        return result(query, first)
    missing_times = [a for a in (first, second) if a.time is None]
    sources = [first.source_for("time"), second.source_for("time")]
    if missing_times and not FIGURE_WORDS & set(query.words):
        by_place = _by_place(query, first, second)  # "did abdi beat farah": yes, by place
        if by_place is not None:
            return by_place
    if missing_times:
        names = " or ".join(a.name for a in missing_times)
        stated = _stated_margin(query, first, second)
        if stated is not None:  # "43 seconds ahead of Aussie Weightman"
            return dataclass_replace(stated, text=f"{stated.text} (it gives no time for {names}).")
        text = f"I can't compare their times: my source doesn't give {names}'s time."
        if (
            first.position is not None
            and second.position is not None
            and first.event is second.event
        ):
            ahead, behind = sorted((first, second), key=lambda a: a.position or 0)
            text += (
                f" By place, {ahead.name} ({ordinal(ahead.position or 0)}) finished ahead of "
                f"{behind.name} ({ordinal(behind.position or 0)})."
            )
            sources = [first.source_for("position"), second.source_for("position")]
        return make(
            query, "compare", text, kind="unknown", athletes=[first, second], sources=sources
        )
    assert first.time is not None and second.time is not None
    faster, slower = sorted((first, second), key=lambda a: a.time or 0.0)
    assert faster.time is not None and slower.time is not None
    gap = slower.time - faster.time
    t_fast, t_slow = format_time(faster.time), format_time(slower.time)
    if gap == 0:
        text = f"{first.name} and {second.name} ran the same time, {t_fast}."
    elif (gap_only and query.parsed.has("gap")) or (
        AHEAD_ASKED & set(query.words) and slower.event is faster.event
    ):  # "did seaward beat simpson": who finished where, and by how much
        text = (
            f"{slower.name}{_in_place(slower)} finished {format_gap(gap)} behind "
            f"{faster.name}{_in_place(faster)} ({t_slow} vs {t_fast})."
        )
    else:
        text = (
            f"{faster.name} was faster: {t_fast} to {slower.name}'s {t_slow}, "
            f"a gap of {format_gap(gap)}."
        )
    if first.event is not second.event:
        text += (
            f" ({faster.name} ran {event_label(faster.event)}, "
            f"{slower.name} {event_label(slower.event)}.)"
        )
    if not gap_only and query.parsed.has("pace"):
        text += " " + _pace_sentence(faster) + " " + _pace_sentence(slower)
    if gap:
        text = _yes_no(query, first, faster, text)
    rows = [row(faster), row(slower)]
    return make(
        query,
        "gap" if gap_only else "compare",
        text,
        athletes=[first, second],
        rows=rows,
        sources=sources,
        facts=[f"gap {format_gap(gap)}"],
    )


def _pace_sentence(athlete: Athlete) -> str:
    distance = athlete.event.distance
    if athlete.time is None or not distance:
        return ""
    per_km = athlete.time / distance
    per_mile = per_km * KM_PER_MILE
    return (
        f"{athlete.name} averaged {format_pace(per_km)} per km ({format_pace(per_mile)} per mile)."
    )


def pace(query: Query, athlete: Athlete) -> Answer:
    if athlete.time is None:
        return missing(query, athlete, "time")
    distance = athlete.event.distance
    if not distance:
        return make(
            query, "pace",
            f"I don't know the distance of {event_label(athlete.event)}, "
            "so I can't work out a pace.",
            kind="unknown", athletes=[athlete],
        )  # fmt: skip
    text = (
        _pace_sentence(athlete)
        + f" That's {format_time(athlete.time)} over {distance:g} km"
        + f" ({distance / KM_PER_MILE:.1f} miles)."
    )
    return make(query, "pace", text, athletes=[athlete], sources=[athlete.source_for("time")])


def neighbours(query: Query, athlete: Athlete) -> Answer:
    """Who finished just ahead of / behind an athlete (or everyone ahead, for "who beat")."""
    if athlete.position is None:
        return missing(query, athlete, "position")
    event = athlete.event
    ahead_words = {"ahead", "front", "beat", "beaten", "before"}
    wants_ahead = bool(ahead_words.intersection(query.words))
    words = query.words
    if "beat" in words and {"did", "does"} & set(words[: words.index("beat")]):
        # "who did hug beat": those X finished ahead of, nearest first
        found = [a for a in event.athletes if a.position and a.position > athlete.position]
        if found:
            names = ", ".join(f"{a.name} ({ordinal(a.position or 0)})" for a in found[:10])
            text = f"Behind {athlete.name} ({ordinal(athlete.position)}): {names}."
            return make(query, "position", text, athletes=[athlete, *found[:10]],
                        sources=[athlete.source_for("position")])  # fmt: skip
    if wants_ahead:
        found = [a for a in event.athletes if a.position and a.position < athlete.position]
        if not found:
            text = f"Nobody: {athlete.name} won {event_label(event)}."
        else:
            names = ", ".join(f"{a.name} ({ordinal(a.position or 0)})" for a in found[:10])
            text = f"Ahead of {athlete.name} ({ordinal(athlete.position)}): {names}."
    else:
        following = event.by_position.get(athlete.position + 1)
        found = [following] if following else []
        if following is not None:
            time_text = f" in {format_time(following.time)}" if following.time else ""
            text = (
                f"{label(following)} finished right behind {athlete.name}, "
                f"{ordinal(following.position or 0)}{time_text}."
            )
        elif event.complete:
            text = f"Nobody: {athlete.name} was the last finisher of {event_label(event)}."
        else:
            text = (
                f"My source doesn't say who was {ordinal(athlete.position + 1)} in "
                f"{event_label(event)}, right behind {athlete.name}."
            )
            return make(query, "position", text, kind="unknown", athletes=[athlete])
    return make(
        query, "position", text, athletes=[athlete, *found],
        sources=[a.source_for("position") for a in (athlete, *found)],
    )  # fmt: skip


def nationalities(query: Query, athletes: Sequence[Athlete]) -> Answer:
    parts = [nationality(query, a) for a in athletes]
    kind: Kind = "answer" if any(a.kind == "answer" for a in parts) else "unknown"
    text = "\n".join(a.text for a in parts)
    sources = [s for a in parts for s in a.sources]
    return make(query, "nationality", text, kind=kind, athletes=list(athletes), sources=sources)


def nationality(query: Query, athlete: Athlete, asked: Country | None = None) -> Answer:
    answer = _nationality(query, athlete, asked)
    home = _hometown(query, athlete)
    if home is None or asked is not None:
        return answer
    place, sentence = home
    country = f", {from_country(athlete.country)}" if athlete.country is not None else ""
    text = f"{athlete.name} is from {place}{country}"
    text += "" if text.endswith(".") else "."
    return dataclass_replace(answer, text=text, kind="answer", sources=(*answer.sources, sentence))


def _hometown(query: Query, athlete: Athlete) -> tuple[str, str] | None:
    """The town a sentence gives beside the athlete's name, with that sentence."""
    if query.race is None or query.engine is None:
        return None
    found = query.engine.indexes[query.race.id].text.hometowns.get(athlete.key)
    return (found[0], found[1].source or found[1].text) if found else None


def _nationality(query: Query, athlete: Athlete, asked: Country | None = None) -> Answer:
    if asked is not None and athlete.country is not None:
        yes = same_country(athlete.country, asked)
        text = f"{'Yes' if yes else 'No'}: {athlete.name} is from {from_country(athlete.country)}."
        return make(
            query, "nationality", text, athletes=[athlete],
            sources=[athlete.source_for("country")],
        )  # fmt: skip
    if athlete.country is None:
        return make(
            query,
            "nationality",
            f"My source doesn't say which country {athlete.name} represents.",
            kind="unknown",
            athletes=[athlete],
        )
    return make(
        query,
        "nationality",
        f"{athlete.name} is from {from_country(athlete.country)}.",
        athletes=[athlete],
        sources=[athlete.source_for("country")],
    )


def club(query: Query, athlete: Athlete) -> Answer:
    """The club or team an athlete runs for, with the sentence that names it beside them."""
    assert athlete.club is not None
    sources = [athlete.source_for("name")]
    if query.race is not None and query.engine is not None:
        wanted = (normalize(athlete.club), normalize(surname(athlete)))
        told = (
            d.source
            for d in query.engine.indexes[query.race.id].text.docs
            if d.kind == "sentence" and all(w in normalize(d.text) for w in wanted)
        )
        sources = [next(told, sources[0])]
    return make(
        query, "club", f"{athlete.name} runs for {athlete.club}.", athletes=[athlete],
        sources=sources,
    )  # fmt: skip


# ---------------------------------------------------------------------------- records & facts


def athlete_records(race: Race | None, athlete: Athlete) -> list[RecordIn]:
    if race is None:
        return []
    return [r for r in race.records if r.holder == athlete.key]


def record_line(record: RecordIn) -> str:
    assert record.title
    if record.kind == "course" and not record.set_here:
        return f"My source calls them the holder of the {record.title}."
    title = "personal best" if record.kind == "personal_best" else record.title
    text = f"That set a new {title}" if record.set_here else f"Holder of the {record.title}"
    if record.previous_holder:
        text += f", {beating(record)}"
    elif record.margin_text and record.kind == "personal_best":
        text = f"It was a {record.margin_text} personal best"
    return text + "."


def records(query: Query) -> Answer:
    race = query.race
    assert race is not None
    p = query.parsed
    athletes = query.athletes
    if len(athletes) >= 2 and p.has("compare") and record_kinds(query.words) == {"personal_best"}:
        return best_of(query, athletes[:2])  # "who has the faster pb, rono or berhanu"
    if athletes:
        athlete = athletes[0]
        comparisons = [c for c in race.comparisons if c.athlete == athlete.key]
        held = athlete_records(race, athlete)
        kinds = record_kinds(query.words)
        if p.has("previous") and held:  # "kosgei pb before chicago": the record of that kind
            of_kind = [r for r in held if r.kind in kinds] or ([] if kinds else held)
            of_kind = _titled_as_asked(query, of_kind)  # "her all comers record": so called
            if of_kind and of_kind[0].kind == "personal_best":
                return best_before(query, athlete, of_kind[0])
            if of_kind:
                return previous_holder(query, of_kind[0])
        related = [*held, *(r for c in comparisons for r in race.records if r.id == c.record)]
        related_kinds = {kind for r in related for kind in kinds_of(r)}
        if kinds and kinds & related_kinds:  # "her half marathon wr": of that kind only
            held = [r for r in held if kinds & kinds_of(r)]
            comparisons = [
                c
                for c in comparisons
                if any(r.id == c.record for r in related if kinds & kinds_of(r))
            ]
        if kinds and not kinds & related_kinds:
            asked = " or ".join(sorted(KIND_NAMES[k] for k in kinds))
            faster = [
                r
                for r in related
                if r.holder == athlete.key and r.time is not None and not r.set_here
            ]
            if kinds == {"personal_best"} and athlete.time is not None and faster:
                best = min(faster, key=lambda r: r.time or 0.0)
                assert best.time is not None
                if best.time < athlete.time:  # "was it a pb for chepngetich": she ran faster
                    text = (
                        f"No: {athlete.name}'s {format_time(athlete.time)} here was no personal "
                        f"best; my source gives a faster {format_time(best.time)} from before "
                        f"({best.title})."
                    )
                    return make(query, "records", text, athletes=[athlete], sources=[best.source])
            ranked = next((r for r in held if _ranked_in_race(r, race)), None)
            if kinds == {"course"} and ranked is not None and ranked.time is not None:
                # "did dazza break the course record": no, the second-fastest in its history
                text = (
                    f"No: {athlete.name}'s {format_time(ranked.time)} was the {ranked.title}, "
                    "not the course record."
                )
                return make(query, "records", text, athletes=[athlete], sources=[ranked.source])
            text = f"My source doesn't say {athlete.name} set a {asked}."
            said = [_record_summary(r, race) for r in held]
            said += [f"{athlete.name}: {c.text}." for c in comparisons]
            if said:
                text += " What it says: " + " ".join(said)
            sources_ = [r.source for r in held] + [c.source for c in comparisons]
            return make(
                query, "records", text, kind="unknown", athletes=[athlete], sources=sources_
            )
        lines: list[str] = []
        sources: list[str | None] = []
        for comparison in comparisons:
            record = next(r for r in race.records if r.id == comparison.record)
            time_text = f"{format_time(athlete.time)} " if athlete.time is not None else ""
            approx = "about " if comparison.approx else ""
            amount = comparison.amount
            if (
                amount is None
                and athlete.time is not None
                and record.time is not None
                and not _MARGIN_TOLD.search(comparison.text)  # ("89 seconds faster")
            ):
                amount = athlete.time - record.time  # both times told: the margin, worked out
                if comparison.relation == "faster":
                    amount = -amount
                amount = amount if amount > 0 else None
            if amount is not None and comparison.amount is None:
                lines.append(f"{athlete.name}: {comparison.text}; {format_gap(amount)} "
                             f"{comparison.relation}, by the times.")  # fmt: skip
            elif amount is not None and comparison.relation == "slower":
                worked = ""
                if record.time is None and athlete.time is not None and not approx:
                    # "33 seconds slower than his personal best": that best, worked out
                    worked = f", so {format_time(athlete.time - amount)}"
                lines.append(
                    f"{athlete.name}'s {time_text}was {approx}{format_gap(amount)} "
                    f"slower than {_record_name(record)}{worked}."
                )
            else:
                lines.append(f"{athlete.name}: {comparison.text}.")
            sources.append(comparison.source)
        for record in held:
            if any(c.record == record.id for c in comparisons):
                continue
            lines.append(_record_summary(record, race))
            sources.append(record.source)
        if not lines:
            text = f"My source doesn't mention any record for {athlete.name}." + (
                f" Records it mentions: {_record_titles(race)}." if race.records else ""
            )
            return make(query, "records", text, kind="unknown", athletes=[athlete])
        return make(query, "records", " ".join(lines), athletes=[athlete], sources=sources)
    if query.others:
        person = query.others[0]
        related = [r for r in race.records if person in (r.holder_name, r.previous_holder)]
        if (
            p.has("time")
            and related
            and all(
                (r.time is None or r.holder_name != person) and r.previous_time is None
                for r in related
            )
        ):
            text = (
                f"{person} didn't run in the {race.name}, and my source doesn't give "
                f"{person}'s record time. " + " ".join(_record_summary(r, race) for r in related)
            )
            return make(query, "records", text, kind="unknown", sources=[r.source for r in related])
        if related:
            text = f"{person} didn't run in the {race.name}. " + " ".join(
                _record_summary(r, race) for r in related
            )
            kind: Kind = "answer" if p.has("record") else "unknown"
            return make(query, "records", text, kind=kind, sources=[r.source for r in related])
    chosen = race.records
    wanted = record_kinds(query.words)
    if wanted:  # (a record of another kind titled as this one: "the previous course record")
        chosen = [r for r in chosen if kinds_of(r) & wanted]
        if not chosen:  # "whats the course record in chicago": none given, never another
            asked = " or ".join(sorted(KIND_NAMES[k] for k in wanted))
            text = f"My source doesn't give a {asked} for the {race.name}." + (
                f" Records it mentions: {_record_titles(race)}." if race.records else ""
            )
            return make(query, "records", text, kind="unknown")
    if query.event is not None and not query.event_from_context:
        of_event = [r for r in chosen if r.event in (None, query.event.id)]
        if not of_event and chosen and wanted <= {r.kind for r in chosen}:
            # "the men's course record" when only the women's is given: never the neighbour
            asked = " or ".join(sorted(KIND_NAMES[k] for k in wanted)) or "record"
            text = (
                f"My source doesn't give a {asked} for the {query.event.name.lower()}. What "
                "it gives: " + " ".join(_record_summary(r, race) for r in chosen)
            )
            return make(query, "records", text, kind="unknown",
                        sources=[r.source for r in chosen])  # fmt: skip
        chosen = of_event or chosen
    # "the dutch record": the records whose titles name the country asked
    countries = {c for w in query.words if (c := country_word(w)) is not None}
    if countries:  # ("australia" asked, "Australian all-comers record" titled)
        named = [
            r for r in chosen if countries & {country_word(w) for w in normalize(r.title).split()}
        ]
        of_country = _record_qualifier(query.words, lambda w: country_word(w) is not None)
        if not named and of_country:  # "who holds the belgian record": not the course record
            asked_country = country_word(of_country)
            assert asked_country is not None
            return _no_such_record(query, race, chosen, asked_country.demonym)
        chosen = named or chosen
    games = _record_qualifier(query.words, lambda w: w in GAMES_WORDS)
    if games and not any(f"{games} record" in normalize(r.title or "") for r in chosen):
        return _no_such_record(query, race, chosen, games)  # "the championship record": none
    chosen = _titled_as_asked(query, chosen)  # "the all comers record": the one called so
    if {"set", "broken", "broke", "new"}.intersection(query.words):
        chosen = [r for r in chosen if r.set_here] or chosen
    if not chosen:
        return make(
            query, "records", "My source mentions no records for this race.", kind="unknown"
        )
    if p.has("previous") and len(chosen) >= 1 and any(r.previous_holder for r in chosen):
        return previous_holder(query, next(r for r in chosen if r.previous_holder))
    old = [r for r in chosen if titled_old(r)]
    if p.has("previous"):  # "the old women's cr": the one titled so, when the source has it
        chosen = old or chosen
    else:  # "women's cr?": the one standing now
        chosen = [r for r in chosen if r not in old] or chosen
    lines = [f"• {_record_summary(r, race)}" for r in chosen]
    unnamed = query.words[:1] == ["who"] and not any(map(race.holder_of, chosen))
    head = "My source doesn't name the holder. " if unnamed else ""
    return make(
        query,
        "records",
        head + "Records in my source:\n" + "\n".join(lines),
        kind="unknown" if unnamed else "answer",
        sources=[r.source for r in chosen],
        title="Records",
    )


def titled_as_asked(query: Query, records: list[RecordIn]) -> list[RecordIn]:
    """The records whose titles share most of the question's own words ("all comers"); none
    when no title shares one."""
    free = {w for i, w in enumerate(query.words) if i not in query.taken}  # not the names
    asked = free - STOP_WORDS - set(RECORD_WORDS) - {"record", "records", *PREVIOUS_WORDS}
    shared = {id(r): len(asked & set(normalize(r.title or "").split())) for r in records}
    most = max(shared.values(), default=0)
    return [r for r in records if shared[id(r)] == most] if most else []


def _titled_as_asked(query: Query, records: list[RecordIn]) -> list[RecordIn]:
    """The records titled as the question asks, or all of them when none is."""
    return titled_as_asked(query, records) or records


_MARGIN_TOLD = re.compile(r"\b(?:seconds?|secs?|minutes?|mins?)\b", re.I)

PREVIOUS_WORDS = ("previous", "old", "former", "earlier", "prior")
_PREVIOUS_TITLE = re.compile(rf"\b(?:{'|'.join(PREVIOUS_WORDS)})\b", re.I)

KIND_NAMES = {
    "world": "world record",
    "national": "national record",
    "course": "course record",
    "personal_best": "personal best",
}


GAMES_WORDS = frozenset("olympic olympics championship championships games".split())
"""Records of a championship ("the olympic record"), which a race's own records are not."""


_BEFORE_RECORD = frozenset("marathon marathons womens mens women men s".split())
"""Words that may stand between a record's qualifier and "record" ("belgian marathon record")."""


def _record_qualifier(words: Sequence[str], qualifier: Callable[[str], bool]) -> str | None:
    """The word before "record" that qualifies it so ("belgian" in "the belgian marathon
    record"), over words that only say which race."""
    for i, w in enumerate(words):
        if w not in ("record", "records"):
            continue
        j = i - 1
        while j >= 0 and words[j] in _BEFORE_RECORD:
            j -= 1
        if j >= 0 and qualifier(words[j]):
            return words[j]
    return None


def _no_such_record(query: Query, race: Race, chosen: Sequence[RecordIn], asked: str) -> Answer:
    """That the record asked, of a country or a championship, is not among the race's."""
    text = f"My source doesn't give the {asked} record." + (
        f" Records it mentions: {_record_titles(race)}." if race.records else ""
    )
    return make(query, "records", text, kind="unknown", sources=[r.source for r in chosen[:1]])


def titled_old(record: RecordIn) -> bool:
    """Whether a record's title calls it a previous one ("the previous course record")."""
    return bool(_PREVIOUS_TITLE.search(record.title or ""))


def kinds_of(record: RecordIn) -> set[str]:
    """A record's kind, and any its title names ("half marathon world record": "other")."""
    title = (record.title or "").lower()
    return {record.kind} | {kind for kind, name in KIND_NAMES.items() if name in title}


def record_kinds(words: Sequence[str]) -> set[str]:
    text = f" {' '.join(words)} "
    kinds = {kind for word, kind in RECORD_WORDS.items() if f" {word} " in text}
    return kinds


RECORD_WORDS = {
    "world": "world", "wr": "world", "british": "national", "national": "national",
    "nr": "national", "course": "course", "cr": "course", "pb": "personal_best",
    "personal": "personal_best", "pr": "personal_best",
}  # fmt: skip


def _record_name(record: RecordIn) -> str:
    if record.holder_name:
        title = record.title.removeprefix("women's ").removeprefix("men's ")
        return f"{record.holder_name}'s {title}"
    return the_title(record.title)


def _record_titles(race: Race) -> str:
    return ", ".join(r.title for r in race.records)


def _record_summary(record: RecordIn, race: Race) -> str:
    holder = race.holder_of(record) or "someone my source doesn't name"
    title = record.title[0].upper() + record.title[1:]
    if record.set_here:
        text = f"{title}: {holder}"
        text += f", {format_time(record.time)}" if record.time is not None else ""
        text += ", set in this race"
        if record.previous_holder:
            text += f", {beating(record)}"
        elif record.margin_text and record.kind == "personal_best":
            text += f" (a {record.margin_text} improvement)"
        return text + "."
    time_text = f" ({format_time(record.time)})" if record.time is not None else " (time not given)"
    text = f"{title}: held by {holder}{time_text}."
    for comparison in race.comparisons:
        if comparison.record == record.id:
            athlete = race.athletes[comparison.athlete]
            text += f" {athlete.name}: {comparison.text}."
    return text


def best_of(query: Query, athletes: Sequence[Athlete]) -> Answer:
    """ "who has the faster pb, rono or berhanu": their personal bests, side by side."""
    race = query.race
    bests: list[tuple[Athlete, RecordIn]] = []
    for athlete in athletes:
        own = [r for r in athlete_records(race, athlete) if r.kind == "personal_best"]
        if not own or own[0].time is None:
            names = " and ".join(a.name for a in athletes)
            text = f"My source doesn't give {athlete.name}'s personal best to compare {names}."
            return make(query, "records", text, kind="unknown", athletes=list(athletes))
        bests.append((athlete, own[0]))
    (first, one), (second, other) = sorted(bests, key=lambda pair: pair[1].time or 0)
    assert one.time is not None and other.time is not None
    here = {id(r): " (set in this race)" if r.set_here else "" for _, r in bests}
    if one.time == other.time:
        text = f"The same: {first.name} and {second.name} both have {format_time(one.time)}."
    else:
        text = (
            f"{first.name}: {format_time(one.time)}{here[id(one)]}, "
            f"{format_gap(other.time - one.time)} faster than {second.name}'s "
            f"{format_time(other.time)}{here[id(other)]}."
        )
    return make(query, "records", text, athletes=[first, second],
                sources=[one.source, other.source])  # fmt: skip


_RANKED = re.compile(
    r"\b(?:second|third|fourth|fifth|sixth|\d+(?:nd|rd|th))[- ](?:fastest|quickest)\b.*"
    r"\b(?:history|ever|all[- ]time)\b"
)
_RACE_GENERIC = frozenset("the marathon race international city womens mens".split())


def _ranked_in_race(record: RecordIn, race: Race) -> bool:
    """Whether a record ranks a time second or lower in this race's own history ("second-fastest
    time in the history of the Prague Marathon"): so it was no course record."""
    title = normalize(record.title)
    own = set(normalize(race.info.name).split()) - _RACE_GENERIC - {str(race.info.year)}
    return bool(_RANKED.search(title)) and bool(own & set(title.split()))


def best_before(query: Query, athlete: Athlete, record: RecordIn) -> Answer:
    """ "kosgei pb before chicago": her best before this race, from the record of it."""
    before = record.previous_time if record.set_here else record.time
    if before is None:
        text = f"My source doesn't give {athlete.name}'s personal best before this race."
        return make(query, "records", text, kind="unknown", athletes=[athlete])
    text = f"{athlete.name}'s personal best before this race was {format_time(before)}."
    return make(query, "records", text, athletes=[athlete], sources=[record.source])


def previous_holder(query: Query, record: RecordIn) -> Answer:
    race = query.race
    assert race is not None
    holder = race.holder_of(record)
    own = record.kind == "personal_best" or any(
        not r.set_here and r.holder == record.holder and r.time == record.previous_time
        for r in race.records
    )
    if not record.previous_holder and record.previous_time is not None and holder and own:
        # the old mark was the holder's own ("what was his old turkish record")
        text = (
            f"Before this race, the {record.title} was {holder}'s own "
            f"{format_time(record.previous_time)}; {holder} lowered it to "
            f"{format_time(record.time or 0)}."
        )
        return make(query, "records", text, sources=[record.source])
    if not record.previous_holder:
        return make(
            query, "records",
            f"My source doesn't say who held the {record.title} before.", kind="unknown",
        )  # fmt: skip
    holder = race.holder_of(record) or "its holder"
    year = f", set in {record.previous_year}" if record.previous_year else ""
    time_text = (
        f" ({format_time(record.previous_time)})"
        if record.previous_time is not None
        else " (my source doesn't give that time)"
    )
    text = (
        f"Before {holder}, the {record.title} belonged to "
        f"{record.previous_holder}{year}{time_text}."
    )
    if record.margin_text:
        text += f" {holder} beat it {by_margin(record.margin_text)}."
    athletes = [race.athletes[record.holder]] if record.holder in race.athletes else []
    return make(query, "records", text, athletes=athletes, sources=[record.source])


def athlete_facts(race: Race | None, athlete: Athlete) -> list[FactIn]:
    if race is None:
        return []
    return [f for f in race.facts if athlete.key in f.about]


def _topic_words() -> frozenset[str]:
    from bot.engine.intents import SINGLE_WORDS
    from bot.engine.vocabulary import COMMON_WORDS

    return SINGLE_WORDS | COMMON_WORDS


def _stem(word: str) -> str:
    """A crude stem so that topics match inflections ("bottle" / "bottles", "fade" / "faded")."""
    for suffix in ("ing", "ed", "es", "s"):
        if suffix == "s" and word.endswith("ss"):
            break
        if len(word) >= len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def _stems(text: str) -> str:
    return " ".join(_stem(w) for w in text.split())


def best_fact(query: Query) -> tuple[float, FactIn] | None:
    """The background fact whose topics the question names best, with its score."""
    race = query.race
    if race is None or not race.facts:
        return None
    own = [w for i, w in enumerate(query.parsed.words) if i not in query.described]
    text = f" {_stems(' '.join(own))} "
    generic = _topic_words()
    keys = {a.key for a in query.athletes}
    best: tuple[float, FactIn] | None = None
    for fact in race.facts:
        if keys and not keys.intersection(fact.about):
            continue
        score = 0.0
        for topic in fact.topics:
            key = normalize(topic)
            if not key or f" {_stems(key)} " not in text:
                continue
            size = len(key.split())
            if size > 1 and all(w in generic for w in key.split()):
                score += 0.5 * size  # "what happened", "last year"
            elif size > 1:
                score += 1.5 * size
            elif key in generic:
                score += 0.5
            else:
                score += 2.0
        if score and keys:
            score += 0.5
        if score > 0 and (best is None or score > best[0]):
            best = (score, fact)
    return best


def facts_answer(
    query: Query, facts: Sequence[FactIn], athletes: Sequence[Athlete] | None = None
) -> Answer:
    race = query.race
    assert race is not None
    involved = (
        athletes
        if athletes is not None
        else [
            race.athletes[key] for fact in facts for key in fact.about[:1] if key in race.athletes
        ]
    )
    return make(
        query,
        "fact",
        " ".join(f.text for f in facts),
        athletes=list(dict.fromkeys(involved)),
        facts=[f.text for f in facts],
        sources=[f.source for f in facts],
    )


def quotes(query: Query) -> Answer:
    race = query.race
    assert race is not None
    names = {a.key: a.name for a in race.all_athletes()} | {p.id: p.name for p in race.people}
    speakers = {q.by for q in race.quotes}
    # those asked: athletes, and people who did not run ("what did kipchoge say")
    asked = [a.key for a in query.athletes] + [k for k in query.people if k in names]
    wanted = {k for k in asked if k in speakers}
    if asked and not wanted:
        quoted = ", ".join(names[k] for k in dict.fromkeys(q.by for q in race.quotes) if k in names)
        text = f"My source has no quote from {names[asked[0]]}."
        if quoted:
            text += f" It quotes only {quoted}."
        return make(query, "quote", text, kind="unknown", athletes=query.athletes[:1])
    chosen = [q for q in race.quotes if not wanted or q.by in wanted]
    if not chosen:
        return make(query, "quote", "My source has no quotes from this race.", kind="unknown")
    lines = []  # one line per speaker: nobody's words under another's name
    for speaker in dict.fromkeys(q.by for q in chosen):
        body = " ".join(q.text for q in chosen if q.by == speaker)
        lines.append(f"{names.get(speaker, speaker)} said: “{body}”")
    found = [race.athletes[k] for k in dict.fromkeys(q.by for q in chosen) if k in race.athletes]
    return make(
        query,
        "quote",
        "\n".join(lines),
        athletes=found[:1],
        facts=[q.text for q in chosen],
        sources=[q.source for q in chosen],
    )
