"""The racebot engine: knowledge, name matching and answers. Pure Python, no Discord."""

from bot.engine.answer import Answer, AthleteRef, Conversation, Row
from bot.engine.engine import Engine, Query
from bot.engine.errors import KnowledgeError, RacebotError, UnknownRaceError
from bot.engine.knowledge import Athlete, Event, KnowledgeBase, Race
from bot.engine.loader import load_directory, load_file

__all__ = [
    "Answer",
    "Athlete",
    "AthleteRef",
    "Conversation",
    "Engine",
    "Event",
    "KnowledgeBase",
    "KnowledgeError",
    "Query",
    "Race",
    "RacebotError",
    "Row",
    "UnknownRaceError",
    "load_directory",
    "load_file",
]
