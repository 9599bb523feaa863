"""Narrative questions and quotes, answered by a passage found by its text."""

from __future__ import annotations

from bot.engine.findings import Passage, Said, TextFound
from bot.engine.intents import LEXICON
from bot.engine.route import Context, Fit
from bot.engine.search import Hit

QUOTE_WORDS = frozenset(w for phrase in LEXICON["quote"] for w in phrase.split())
MIN_SCORE = 0.3


def _passage(hit: Hit) -> Passage:
    return Passage(hit.doc.text, hit.doc.source, tuple(sorted(hit.doc.about)))


def _words(ctx: Context) -> list[str]:
    reading = ctx.reading
    return [w for w in (*reading.topic, *reading.uncovered) if w not in QUOTE_WORDS]


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
    strength = 1.0 if reading.narrative else 0.0
    if reading.form == "yes_no":
        strength += 0.25
    passages = [_passage(best)]
    athletes = tuple(a for a in ctx.athletes if a.key in best.doc.about)
    return Fit(
        "fact",
        TextFound(tuple(passages), yes_no=reading.form == "yes_no"),
        explained,
        strength,
        athletes=athletes,
        sources=(best.doc.source,),
        facts=(best.doc.text,),
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
