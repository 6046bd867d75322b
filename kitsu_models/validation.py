"""``FieldValidationError``, apart from the other errors: it derives from
pydantic's ``ValidationError``, so defining it imports pydantic (about a
quarter of ``import kitsu_models``'s time), which only the models need."""

from __future__ import annotations

from pydantic import ValidationError

from .errors import InvalidArgumentError


class FieldValidationError(InvalidArgumentError, ValidationError):
    """A value that does not fit a model's field, on construction or
    assignment: one ``except KitsuError`` catches it, and so does pydantic's
    ``ValidationError`` (it is both)."""
