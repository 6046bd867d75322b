"""``gazu.project_template``: production templates (task types, statuses, asset types, status automations,
preview backgrounds and metadata descriptors to give new productions) and applying them; all generated."""

from ._generated import project_template as _generated
from ._generated.project_template import *  # noqa: F403 (the functions)

__all__: list[str] = []
__all__ += _generated.__all__
