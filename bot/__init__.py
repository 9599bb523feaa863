"""racebot: answers questions about races, on Discord or in a terminal."""

__version__ = "0.1.0"
