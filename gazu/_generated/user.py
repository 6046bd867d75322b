"""``gazu.user``'s one-call functions. Generated from ``compat/functions/user.py``
by ``python compat/render.py``: do not edit."""

__all__: list[str] = []
