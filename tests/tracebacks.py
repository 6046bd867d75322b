"""What a traceback shows of an error: for the tests that no secret is in it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

#: The tests' own frames hold what they passed in: only the others count.
TESTS = str(Path(__file__).resolve().parent)


def everything_reachable(exc: BaseException) -> str:
    """The text of an error, its chain, their attributes and the locals of
    every frame of their tracebacks but the tests' own (what Sentry,
    ``--showlocals`` and rich tracebacks print), one attribute level deep."""
    texts: list[str] = []
    seen: set[int] = set()
    pending: list[BaseException | None] = [exc]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        texts += [repr(current), str(current), repr(vars(current))]
        tb = current.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename.startswith(TESTS):
                tb = tb.tb_next
                continue
            for name, value in tb.tb_frame.f_locals.items():
                texts.append(f"{name}={value!r}")
                if hasattr(value, "__dict__") and not isinstance(value, type):
                    texts.append(repr(vars(value)))
            tb = tb.tb_next
        pending += [current.__cause__, current.__context__]
    return "\n".join(texts)


def failure_of(call: Callable[[], object]) -> BaseException:
    try:
        call()
    except BaseException as exc:  # noqa: BLE001 (any failure is inspected)
        return exc
    raise AssertionError("the call did not fail")
