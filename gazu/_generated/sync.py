"""``gazu.sync``'s one-call functions. Generated from ``compat/functions/sync.py``
by ``python compat/render.py``: do not edit."""

__all__: list[str] = []
