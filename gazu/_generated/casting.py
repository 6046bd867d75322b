"""``gazu.casting``'s one-call functions. Generated from ``compat/functions/casting.py``
by ``python compat/render.py``: do not edit."""

__all__: list[str] = []
