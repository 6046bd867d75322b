"""``gazu.project``'s one-call functions. Generated from ``compat/functions/project.py``
by ``python compat/render.py``: do not edit."""

__all__: list[str] = []
