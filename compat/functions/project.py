"""``gazu.project``'s one-call functions (see ``compat/functions/__init__.py``)."""

from __future__ import annotations

from kitsu_models import catalogue as api

from . import Fn

FUNCTIONS: tuple[Fn, ...] = ()
