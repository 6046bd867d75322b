"""``gazu.encoder``: the JSON encoder gazu sends bodies with (dates as ISO
text). The SDK's transport encodes dates the same way, so it is kept for
scripts that use it themselves."""

from __future__ import annotations

import datetime
import json
from typing import Any


class CustomJSONEncoder(json.JSONEncoder):
    """A JSON encoder that writes dates and datetimes as ISO 8601 text."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime.date):
            return o.isoformat()
        return super().default(o)


__all__ = ["CustomJSONEncoder"]
