"""Helpers for building many small objects at once (loading a big results table)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a big race is built.

    Building 40,000 athletes allocates hundreds of thousands of containers, none of them garbage;
    each allocation threshold crossed would scan them all again. Reference counting still frees
    everything as usual, and the collector runs again as soon as the block ends.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
