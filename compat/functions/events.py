"""``gazu.events``' table (see ``compat/functions/__init__.py``)."""

from __future__ import annotations

from kitsu_models import catalogue as api

from . import Fn

FUNCTIONS = (
    Fn("get_last_login_logs(after=None, before=None, limit=100, cursor_login_log_id=None, person_ids=None)", "GET",
       api.LAST_LOGIN_LOGS, "The latest logins (newest first), between ``after`` and ``before`` (dates checked first), "
       "of some people.",
       query={"limit": "limit", "after": "None if after is None else validate_date_format(after)",
              "before": "None if before is None else validate_date_format(before)",
              "cursor_login_log_id": "cursor_login_log_id", "person_ids": 'refs(person_ids, "person") or None'},
       result="json", types={"after": "str | None", "before": "str | None", "cursor_login_log_id": "str | None",
              "person_ids": "Sequence[Any] | None"}),
)
