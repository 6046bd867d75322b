"""``gazu.task``'s one-call functions. Generated from ``compat/functions/task.py``
by ``python compat/render.py``: do not edit."""

__all__: list[str] = []
