"""Bounded per-user state: cooldowns and follow-up context. Nothing here grows without limit."""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable

from bot.engine import Conversation

MAX_TRACKED = 10_000
"""Users (or user-channel pairs) remembered at most; the least recently seen are dropped."""


class Cooldown:
    """At most ``rate`` uses per ``per`` seconds for each key (a sliding window)."""

    def __init__(
        self,
        rate: int,
        per: float,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = MAX_TRACKED,
    ) -> None:
        self.rate = rate
        self.per = per
        self.clock = clock
        self.max_keys = max_keys
        self._hits: OrderedDict[Hashable, deque[float]] = OrderedDict()

    def hit(self, key: Hashable) -> float | None:
        """Count one use; ``None`` when allowed, else the seconds until the next is allowed."""
        now = self.clock()
        hits = self._hits.get(key)
        if hits is None:
            hits = self._hits[key] = deque()
            if len(self._hits) > self.max_keys:
                self._hits.popitem(last=False)
        else:
            self._hits.move_to_end(key)
        while hits and now - hits[0] >= self.per:
            hits.popleft()
        if len(hits) >= self.rate:
            return self.per - (now - hits[0])
        hits.append(now)
        return None

    def __len__(self) -> int:
        return len(self._hits)


class Conversations:
    """One :class:`Conversation` per key, forgotten after ``ttl`` seconds or when crowded out."""

    def __init__(
        self,
        ttl: float,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = MAX_TRACKED,
    ) -> None:
        self.ttl = ttl
        self.clock = clock
        self.max_keys = max_keys
        self._items: OrderedDict[Hashable, Conversation] = OrderedDict()

    def get(self, key: Hashable) -> Conversation:
        now = self.clock()
        self._prune(now)
        conversation = self._items.get(key)
        if conversation is None or conversation.expired(now):
            conversation = Conversation(ttl=self.ttl, updated=now)
            self._items[key] = conversation
            if len(self._items) > self.max_keys:
                self._items.popitem(last=False)
        else:
            self._items.move_to_end(key)
        return conversation

    def _prune(self, now: float) -> None:
        while self._items:
            key, oldest = next(iter(self._items.items()))
            if not oldest.expired(now):
                break
            del self._items[key]

    def __len__(self) -> int:
        return len(self._items)
