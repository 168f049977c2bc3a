"""`make bench`'s browser figures measure what they say, on the demo data (no timing is asserted)."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

from tests.bench import browser as map_bench


def test_the_map_benchmark_reads_the_first_view_and_every_redraw(browser: Any, live_server: str) -> None:
    measured = map_bench.measure(live_server, loads=2, browser=browser)
    assert len(measured.ready_ms) == 2
    assert all(0 < ready < 30_000 for ready in measured.ready_ms)
    # What the first view shows is what the API says is in it.
    with urllib.request.urlopen(live_server + "/api/organisations?limit=1") as response:  # noqa: S310
        assert json.load(response)["items"], "the demo data is loaded"
    assert measured.shown > 0
    assert measured.first_payload_kb > 0
    assert measured.first_payload_raw_kb >= measured.first_payload_kb
    assert measured.redraws == 9
    assert measured.frames > 0
    assert 0 < measured.frame_p50_ms <= measured.frame_p95_ms <= measured.frame_max_ms
    assert measured.janky_frames <= measured.frames
