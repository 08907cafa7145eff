"""Pausing Python's cyclic garbage collector while a stage builds many objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_gc"]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run the block with the cyclic garbage collector off, then restore it.

    Loading a corpus or building its graph makes millions of small objects
    and no reference cycles; left on, the collector rescans the growing heap
    again and again (a third of the time on a 100k-claim corpus). Reference
    counting still frees everything as usual. On the way out, what the block
    made goes straight to the collector's oldest generation (or, if the
    process has frozen objects with :func:`gc.freeze`, is frozen with them).

    Examples
    --------
    >>> with paused_gc():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # What the block made is young to the collector, and the first
        # collections after it would scan all of it (a third of a second per
        # million objects) only to promote it. Moving every object straight to
        # the oldest generation (freeze, then unfreeze: two list splices, no
        # scan) skips that; they are still collected, at the next full pass.
        # A process that froze its objects itself (the command line does, for
        # a big corpus) gets what the block made frozen along with them.
        frozen = gc.get_freeze_count() > 0
        gc.freeze()
        if not frozen:
            gc.unfreeze()
        if was_enabled:
            gc.enable()
