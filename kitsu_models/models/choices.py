"""The values some text columns accept, as the server checks them."""

from __future__ import annotations

from typing import Literal

Role = Literal["user", "admin", "supervisor", "manager", "client", "vendor"]
# The server stores any other value unchecked, and then fails (500) on every
# read of that person, and of the productions whose team holds them.
Position = Literal["supervisor", "lead", "artist"]
Seniority = Literal["senior", "mid", "junior"]
ContractType = Literal["open-ended", "fixed-term", "short-term", "freelance", "apprentice", "internship"]
