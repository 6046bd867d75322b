"""gazu's one-call functions, one module per gazu module, generated from
``compat/functions`` by ``python compat/render.py``: do not edit."""
