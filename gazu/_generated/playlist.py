"""``gazu.playlist``'s one-call functions. Generated from ``compat/functions/playlist.py``
by ``python compat/render.py``: do not edit."""

__all__: list[str] = []
