"""``gazu.context``'s one-call functions (see ``compat/functions/__init__.py``)."""

from __future__ import annotations

from kitsu_models import catalogue as api

from . import Fn

FUNCTIONS: tuple[Fn, ...] = (
    Fn("all_sequences_for_episode(episode)", "GET", api.EPISODE_SEQUENCES, "The sequences of an episode, by name.",
       result="by_name"),
)
