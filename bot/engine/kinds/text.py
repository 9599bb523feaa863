"""Narrative questions and quotes, answered by a passage found by its text."""

from __future__ import annotations

import re

from bot.engine.findings import Count, Passage, Said, TextFound
from bot.engine.intents import LEXICON
from bot.engine.route import Context, Fit
from bot.engine.search import Hit

QUOTE_WORDS = frozenset(w for phrase in LEXICON["quote"] for w in phrase.split())
MIN_SCORE = 0.3


def _passage(hit: Hit) -> Passage:
    return Passage(hit.doc.text, hit.doc.source, tuple(sorted(hit.doc.about)))


def _words(ctx: Context) -> list[str]:
    reading = ctx.reading
    return [w for w in dict.fromkeys((*reading.topic, *reading.uncovered)) if w not in QUOTE_WORDS]


def narrative(ctx: Context) -> Fit | None:
    """A report sentence, fact or record that explains the question's topic words."""
    reading = ctx.reading
    if reading.asks_quote:
        return None
    words = _words(ctx)
    if not words:
        return None
    about = [a.key for a in ctx.athletes] + list(ctx.people)
    hits = ctx.text.search(words, about=about, limit=2)
    if not hits or hits[0].score < MIN_SCORE:
        return None
    best = hits[0]
    explained = best.matched
    topic = set(words) & set(reading.topic)
    if len(topic) >= 2 and len(explained & topic) / len(topic) < 0.6:
        return None  # a passage that shares one word of several is no answer
    strength = 1.0 if reading.narrative else 0.0
    if reading.form == "yes_no":
        strength += 0.25
    passages = [_passage(best)]
    if (
        len(hits) > 1
        and hits[1].score >= 0.8 * best.score
        and (reading.narrative or reading.form == "yes_no")
    ):
        passages.append(_passage(hits[1]))
    athletes = tuple(a for a in ctx.athletes if a.key in best.doc.about)
    return Fit(
        "fact",
        TextFound(tuple(passages), yes_no=reading.form == "yes_no"),
        explained,
        strength,
        athletes=athletes,
        sources=tuple(p.source for p in passages),
        facts=tuple(p.text for p in passages),
    )


def quotes(ctx: Context) -> Fit | None:
    """What someone said, about what the question asks when it names a topic."""
    reading = ctx.reading
    if not reading.asks_quote:
        return None
    speakers = [a.key for a in ctx.athletes] + list(ctx.people)
    names = [a.name for a in ctx.athletes] + list(ctx.people_names)
    if not speakers:
        return None
    topic = _words(ctx)
    said = [d for d in ctx.text.docs if d.kind == "quote" and d.by in speakers]
    if not said:
        return None
    hits = ctx.text.search(topic, kinds=["quote"], by=speakers, limit=2) if topic else []
    chosen = [h.doc for h in hits if h.score >= MIN_SCORE] or said
    if hits and hits[0].score >= MIN_SCORE:
        chosen = [hits[0].doc]
        explained = hits[0].matched
    else:
        explained = frozenset()
    speaker = names[speakers.index(chosen[0].by)] if chosen[0].by in speakers else names[0]
    quoted = tuple(Passage(d.text, d.source, (d.by or "",)) for d in chosen[:3])
    said_words = frozenset(w for w in reading.topic if w in QUOTE_WORDS)
    return Fit(
        "quote",
        Said(speaker, quoted, tuple(topic)),
        explained | said_words,
        1.5,
        athletes=tuple(a for a in ctx.athletes if a.key == chosen[0].by),
        sources=tuple(d.source for d in chosen[:3]),
        facts=tuple(d.text for d in chosen[:3]),
    )


FIELD_WORDS = frozenset(
    """ran run runners people ppl finishers finished finish started starters entrants entered
    participants competitors athletes field took""".split()
)
_COUNTED = re.compile(
    r"\b(\d{1,3}(?:[,.\s]\d{3})+|\d{3,6})\s+(?:\w+\s+)?(?:runners|finishers|participants|"
    r"entrants|athletes|people|starters|competitors)\b"
)


def field_size(ctx: Context) -> Fit | None:
    """ "how many people ran it?": a count of runners the report states."""
    reading = ctx.reading
    words = set(reading.words)
    if reading.form != "how_many" or not words & FIELD_WORDS or ctx.athletes:
        return None
    for doc in ctx.text.docs:
        m = _COUNTED.search(doc.text)
        if m:
            explained = frozenset(w for w in reading.topic if w in FIELD_WORDS)
            return Fit("count", Count(m.group(1), doc.text), explained, 1.0,
                       sources=(doc.source,))  # fmt: skip
    return None
