"""Property tests: any text a person can send is answered, never raises, never pings."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.discord_app.render import MESSAGE_LIMIT, render
from bot.engine import Conversation, Engine

FRAGMENTS = [
    "@everyone", "@here", "<@123456789012345678>", "<@!123456789012345678>",
    "<@&987654321098765432>", "<#123456789012345678>", "**bold**", "__under__", "~~strike~~",
    "`code`", "```py\nprint(1)\n```", "> quote", "||spoiler||", "https://example.com/x?y=1",
    "farah", "kipchoge", "who won", "time", "\u200b", "\u202e", "\u2066", "\x00", "\x1b[31m",
    "\U0001f3c3\u200d\u2640\ufe0f", "\u0645\u0631\u062d\u0628\u0627", "\u05e9\u05dc\u05d5\u05dd",
    "\u03a9", "2:06:21", "#", "- ", "\n", "   ", "\u00e9", "farah's", "and his time?", "top 25",
    "who was 40000th", "bib 1234",
]  # fmt: skip

text = st.one_of(
    st.text(max_size=4000),
    st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=20).map(
        " ".join
    ),
)
PING = re.compile(r"@(everyone|here)|<@[!&]?\d+>")


@settings(
    max_examples=2500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(questions=st.lists(text, min_size=1, max_size=2))
def test_any_text_gets_a_reply_within_discord_limits(engine: Engine, questions: list[str]) -> None:
    conversation = Conversation()
    for question in questions:
        answer = engine.ask(question, conversation)
        assert answer.text.strip()
        reply = render(answer)
        for part in reply.contents:
            assert 0 < len(part) <= MESSAGE_LIMIT
            assert not PING.search(part), part
        if reply.embed is not None:
            assert len(reply.embed) <= 6000
            assert not PING.search(reply.embed.description or "")


@settings(max_examples=2500, deadline=None)
@given(question=text)
def test_command_arguments_never_raise(question: str) -> None:
    engine = _engine()
    for intent in ("result", "compare", "podium", "top"):
        answer = engine.command(intent, athlete=question or "x", other="farah", event=None)
        assert answer.text


_ENGINE: list[Engine] = []


def _engine() -> Engine:
    if not _ENGINE:
        from tests.conftest import KNOWLEDGE

        _ENGINE.append(Engine.from_path(KNOWLEDGE))
    return _ENGINE[0]


QUESTION_WORDS = """who what when why how did was is the and of in a to by much many far long old
cr wr pb it that he she they him her then tho yrs b4 thru 5k 10k halfway split time pace record
before since last first second 2nd 3rd women men wheelchair fastest slowest close margin gap run
ran won win marathon boston new york kipchoge eliud farah mo cheruiyot keitany dibaba kitata
kosgei bekele partridge radcliffe jones""".split()
"""What questions are made of, the seed race's names among them."""


@settings(max_examples=1500, deadline=None)
@given(
    turns=st.lists(
        st.lists(st.sampled_from(QUESTION_WORDS), min_size=1, max_size=12).map(" ".join),
        min_size=1,
        max_size=3,
    )
)
def test_questions_of_race_words_never_raise(turns: list[str]) -> None:
    """Word salads of those words as a conversation: each part of the engine that reads them (two
    questions in one, follow-ups, records named by a follow-up, races named beside athletes)
    meets odd combinations."""
    engine = _engine()
    conversation = Conversation()
    for turn in turns:
        answer = engine.ask(turn, conversation)
        assert answer.text.strip()
