"""``gazu.shot``'s one-call functions. Generated from ``compat/functions/shot.py``
by ``python compat/render.py``: do not edit."""

__all__: list[str] = []
