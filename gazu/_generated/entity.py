"""``gazu.entity``'s one-call functions. Generated from ``compat/functions/entity.py``
by ``python compat/render.py``: do not edit."""

__all__: list[str] = []
