"""``gazu.person``'s one-call functions. Generated from ``compat/functions/person.py``
by ``python compat/render.py``: do not edit."""

__all__: list[str] = []
