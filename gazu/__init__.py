"""Drop-in compatibility with the gazu client, over kitsu_models."""

from . import exception

__all__ = ["exception"]
