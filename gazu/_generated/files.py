"""``gazu.files``'s one-call functions. Generated from ``compat/functions/files.py``
by ``python compat/render.py``: do not edit."""

__all__: list[str] = []
