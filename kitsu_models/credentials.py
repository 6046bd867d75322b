"""Secrets that cannot leak through ``repr()``, ``str()``, logs or pickles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NoReturn


class Secret:
    """A string that only :meth:`reveal` gives back.

    Its ``repr``/``str`` show ``'**********'``, so a secret held in an object,
    a local variable of a traceback or a log argument is never printed.
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    @classmethod
    def of(cls, value: str | Secret) -> Secret:
        """``value`` as a Secret (a Secret is kept as it is)."""
        return value if isinstance(value, Secret) else cls(value)

    def reveal(self) -> str:
        """The secret itself, for the one place that must send it."""
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)

    def __reduce__(self) -> NoReturn:
        raise TypeError("a Secret cannot be pickled")


@dataclass(frozen=True)
class Tokens:
    """The access token and, when the server gave one, the refresh token."""

    access: Secret
    refresh: Secret | None = None

    def refresh_text(self) -> str | None:
        """The refresh token's text, for building new tokens that keep it."""
        return self.refresh.reveal() if self.refresh is not None else None

    @classmethod
    def from_strings(cls, access: str, refresh: str | None = None) -> Tokens:
        """Tokens from the strings a login answered (or another process kept)."""
        return cls(Secret(access), Secret(refresh) if refresh else None)
