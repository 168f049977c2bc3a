"""Process-level tuning of a serving process."""

from __future__ import annotations

import gc


def settle_heap() -> None:
    """Collect once, then hide every object alive now (modules, app, pools) from the cyclic collector.

    A full collection otherwise walks all of them again every few requests that build big pages, a 100 ms
    pause at p95 on a 2,000-feature box. Objects freed later by reference counting are still freed.
    """
    gc.collect()
    gc.freeze()
