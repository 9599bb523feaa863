"""Parsing and formatting of race times and gaps.

Times are held everywhere as a number of seconds (``float``). :func:`parse_duration` reads every
form race reports and results tables use:

* ``"2:06:21"``, ``"2:06:21.4"`` (h:mm:ss with optional fraction)
* ``"29:25"``, ``"29:25.3"`` (mm:ss)
* ``"2:04.17"`` (the press style h:mm.ss used by newspapers, when ``press_style`` is on)
* ``"two hours, six minutes and 21 seconds"``, ``"2h 6m 21s"``, ``"3 minutes"``
"""

from __future__ import annotations

import math
import re

from bot.engine.errors import DurationError

_NUMBER_WORDS = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip
_UNITS = {
    "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
    "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
    "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
}  # fmt: skip
_CLOCK_RE = re.compile(r"^(\d{1,3}):([0-5]?\d):([0-5]\d)(?:[.,](\d{1,3}))?$")
_SHORT_CLOCK_RE = re.compile(r"^(\d{1,3}):([0-5]\d)(?:[.,](\d{1,3}))?$")
_PRESS_RE = re.compile(r"^(\d):([0-5]\d)\.([0-5]\d)$")
_WORD_PART_RE = re.compile(
    r"([\d.]+|[a-z]+(?:-[a-z]+)?)\s*(hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)\b"
)

MAX_SECONDS = 30 * 24 * 3600  # a month: nothing a race result can exceed


def _word_number(word: str) -> float:
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    total = 0
    for part in word.split("-"):
        if part not in _NUMBER_WORDS:
            raise DurationError(f"not a number: {word!r}")
        total += _NUMBER_WORDS[part]
    return float(total)


def parse_duration(value: object, *, press_style: bool = True) -> float:
    """Parse a race time or gap into seconds.

    ``press_style`` reads ``"2:04.17"`` as 2 h 04 min 17 s (newspaper style); without it the same
    text is 2 min 4.17 s (track style), which is how results tables write it.

    Raises :class:`DurationError` with a readable reason.
    """
    if isinstance(value, bool):
        raise DurationError(f"expected a time, got {value!r}")
    if isinstance(value, int | float):
        seconds = float(value)
    elif isinstance(value, str):
        seconds = _parse_text(value.strip().lower(), press_style)
    else:
        raise DurationError(f"expected a time like 2:06:21, got {type(value).__name__}")
    if not math.isfinite(seconds) or seconds < 0:
        raise DurationError(f"not a valid time: {value!r}")
    if seconds > MAX_SECONDS:
        raise DurationError(f"time too large: {value!r}")
    return seconds


def _parse_text(text: str, press_style: bool) -> float:
    if not text:
        raise DurationError("empty time")
    if press_style and (m := _PRESS_RE.match(text)):
        return int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3))
    if m := _CLOCK_RE.match(text):
        hours, minutes, secs, frac = m.groups()
        return int(hours) * 3600 + int(minutes) * 60 + int(secs) + _fraction(frac)
    if m := _SHORT_CLOCK_RE.match(text):
        minutes, secs, frac = m.groups()
        return int(minutes) * 60 + int(secs) + _fraction(frac)
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    return _parse_words(text)


def _fraction(frac: str | None) -> float:
    return int(frac) / 10 ** len(frac) if frac else 0.0


def _parse_words(text: str) -> float:
    cleaned = re.sub(r"[,;]|\band\b", " ", text)
    parts = _WORD_PART_RE.findall(cleaned)
    if not parts:
        raise DurationError(f"not a time: {text!r} (use h:mm:ss, e.g. 2:06:21)")
    leftover = _WORD_PART_RE.sub(" ", cleaned).strip()
    if leftover:
        raise DurationError(f"not a time: {text!r} (could not read {leftover!r})")
    total = 0.0
    seen: set[int] = set()
    for number, unit in parts:
        size = _UNITS[unit]
        if size in seen:
            raise DurationError(f"not a time: {text!r} (unit given twice)")
        seen.add(size)
        amount = _word_number(number)
        if size < 3600 and amount >= 60 and len(parts) > 1:
            raise DurationError(f"not a time: {text!r} ({amount:g} {unit} is out of range)")
        total += amount * size
    return total


def format_time(seconds: float) -> str:
    """``7581 -> "2:06:21"``; fractions keep one decimal (``"29:25.3"``)."""
    whole = int(seconds)
    frac = seconds - whole
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
    if frac >= 0.05:
        text += f".{round(frac * 10) % 10}"
    return text


def format_clock(seconds: float) -> str:
    """Always h:mm:ss (the canonical form written into knowledge files)."""
    whole = int(seconds)
    frac = seconds - whole
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{hours}:{minutes:02d}:{secs:02d}"
    if frac >= 0.05:
        text += f".{round(frac * 10) % 10}"
    return text


def format_gap(seconds: float) -> str:
    """A gap in words: ``124 -> "2 min 4 sec"``, ``3725 -> "1 h 2 min 5 sec"``."""
    seconds = abs(seconds)
    whole = round(seconds)
    if abs(seconds - whole) >= 0.05 and seconds < 60:
        return f"{seconds:.1f} sec"
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(f"{hours} h")
    if minutes:
        parts.append(f"{minutes} min")
    if secs or not parts:
        parts.append(f"{secs} sec")
    return " ".join(parts)


def format_pace(seconds: float) -> str:
    """A pace as m:ss (``177.2 -> "2:57"``)."""
    whole = round(seconds)
    minutes, secs = divmod(whole, 60)
    return f"{minutes}:{secs:02d}"
