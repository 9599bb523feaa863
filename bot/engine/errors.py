"""The engine's own exceptions. Adapters turn them into friendly replies."""

from __future__ import annotations


class RacebotError(Exception):
    """Base class of every error the engine raises on purpose."""


class DurationError(RacebotError, ValueError):
    """A time or gap that cannot be read."""


class KnowledgeError(RacebotError):
    """One or more knowledge files are invalid. ``problems`` lists each, file and field first."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


class UnknownRaceError(RacebotError):
    """A race was named that the knowledge base does not hold."""

    def __init__(self, name: str, known: list[str]) -> None:
        self.name = name
        self.known = known
        hint = f" Known races: {', '.join(known)}." if known else ""
        super().__init__(f"I don't know a race called {name!r}.{hint}")
