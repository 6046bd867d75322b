"""Event latency and replay, side by side with official gazu's listener.

    .venv/bin/python bench/events.py [--events 500]

Latency: a writer PUTs an asset's description ``--events`` times, one at a
time; each listener (its own subprocess: kitsu_models' ``EventStream`` and
official gazu 1.3.1's ``gazu.events``) stamps the ``asset:update`` callback.
Two rounds, each listener connected first in one of them (the event server
sends to its clients in the order they connected). Reported per listener
and round, and over both: p50, p95 and max from the write's start to the
callback. Replay: a stream whose cursor
is set back to cover the newest ``--replay`` events of the server's log
delivers them, and the time it takes is reported.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from harness import OFFICIAL, OUR_PYTHON, ROOT, ensure_gazu_venv  # noqa: E402

sys.path.insert(0, ROOT)
from kitsu_models.events import EventStream  # noqa: E402

#: Run in each listener's interpreter: listens for asset:update of one asset
#: until ``count`` arrived, printing ``time.time()`` of each callback as JSON.
LISTENER = r"""
import json, os, sys, threading, time
asset_id, count, kind = sys.argv[1], int(sys.argv[2]), sys.argv[3]
stamps, done = [], threading.Event()
def seen(asset):
    if asset == asset_id:
        stamps.append(time.time())
        if len(stamps) >= count:
            done.set()
if kind == "ours":
    from kitsu_models import Kitsu
    kitsu = Kitsu.login(os.environ["KITSU_API_URL"], os.environ["KITSU_ADMIN_EMAIL"], os.environ["KITSU_ADMIN_PASSWORD"],
                        event_host=os.environ["KITSU_EVENTS_URL"])
    kitsu.events.on("asset:update", lambda event: seen(event.data.get("asset_id")))
    kitsu.events.start()
    stop = kitsu.events.stop
else:
    import gazu
    gazu.set_host(os.environ["KITSU_API_URL"]); gazu.set_event_host(os.environ["KITSU_EVENTS_URL"])
    gazu.log_in(os.environ["KITSU_ADMIN_EMAIL"], os.environ["KITSU_ADMIN_PASSWORD"])
    client = gazu.events.init()
    gazu.events.add_listener(client, "asset:update", lambda data: seen(data.get("asset_id")))
    threading.Thread(target=gazu.events.run_client, args=(client,), daemon=True).start()
    stop = client.disconnect
print("ready", flush=True)
done.wait(300)
stop()
print(json.dumps(stamps), flush=True)
"""


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


LISTENERS = {
    "kitsu_models EventStream": lambda asset_id, count: subprocess.Popen(
        [OUR_PYTHON, "-P", "-c", LISTENER, asset_id, str(count), "ours"], stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": ROOT}),
    "gazu 1.3.1 events": lambda asset_id, count: subprocess.Popen(
        [OFFICIAL, "-P", "-c", LISTENER, asset_id, str(count), "gazu"], stdout=subprocess.PIPE, text=True,
        cwd="/tmp", env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"}),
}


def latency(kitsu: Any, asset_id: str, count: int, order: list[str]) -> dict[str, list[float]]:
    """Each listener's delays (ms) from the write's start to its callback.
    The listeners connect one after the other in ``order``: the event
    server sends an event to its clients in the order they connected, so
    the first one connected gets each event a little earlier."""
    listeners = {}
    for name in order:
        listeners[name] = process = LISTENERS[name](asset_id, count)
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    time.sleep(1.0)
    started = []
    for n in range(count):
        started.append(time.time())
        kitsu.transport.put(f"data/entities/{asset_id}", {"description": f"latency {n}"})
        time.sleep(0.01)
    delays = {}
    for name, process in listeners.items():
        out, _ = process.communicate(timeout=120)
        stamps = json.loads(out.strip().splitlines()[-1])
        assert len(stamps) == count, f"{name}: {len(stamps)} of {count} events"
        delays[name] = [(stamp - start) * 1000 for start, stamp in zip(started, stamps)]
    return delays


def summary(delays: list[float]) -> str:
    return (f"{len(delays)} | {statistics.median(delays):.1f} | {percentile(delays, 0.95):.1f} | {max(delays):.1f}")


def replay(kitsu: Any, count: int) -> dict[str, float]:
    """Deliver the newest ``count`` logged events as missed ones."""
    page: list[dict[str, Any]] = []
    params: dict[str, Any] = {"limit": 1000}
    seen = 0
    while seen < count:
        page = kitsu.transport.get("data/events/last", params)
        if not page:
            break
        seen += len(page)
        params = {"limit": 1000, "cursor_event_id": page[-1]["id"]}
    stream = EventStream(kitsu, url=os.environ["KITSU_EVENTS_URL"])
    stream._cursor = page[-1]["created_at"] if page else None  # as if the last event seen were that old
    delivered: list[Any] = []
    stream.on("*", delivered.append)
    started = time.perf_counter()
    stream.start()  # connects, then reads and delivers every logged event after the cursor
    while stream._queue.qsize():
        time.sleep(0.005)
    seconds = time.perf_counter() - started
    stream.stop()
    return {"events": len(delivered), "seconds": seconds, "per_second": len(delivered) / seconds}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=500)
    parser.add_argument("--replay", type=int, default=10_000)
    args = parser.parse_args()
    from seed import load_env, login

    load_env()
    ensure_gazu_venv()
    kitsu = login()
    asset = kitsu.transport.get("data/assets/all")[0]
    names = list(LISTENERS)
    rounds = [latency(kitsu, asset["id"], args.events, order) for order in (names, names[::-1])]
    print("| listener | connected | events | p50 ms | p95 ms | max ms |\n|---|---|---:|---:|---:|---:|")
    for number, delays in enumerate(rounds):
        for name, values in delays.items():
            print(f"| {name} | {'first' if name == list(delays)[0] else 'second'} | {summary(values)} |")
    for name in names:
        print(f"| {name} | both rounds | {summary([d for delays in rounds for d in delays[name]])} |")
    for delays in rounds:
        first, second = list(delays)
        gaps = [a - b for a, b in zip(delays[names[0]], delays[names[1]])]
        print(f"\nconnected first: {first}; per event, kitsu_models' callback minus gazu's: median "
              f"{statistics.median(gaps):+.2f} ms")
    again = replay(kitsu, args.replay)
    print(f"\nreplay: {again['events']} missed events delivered in {again['seconds']:.2f} s "
          f"({again['per_second']:.0f} events/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
