"""The async SDK: :class:`AsyncKitsu`, the same models over an awaited
transport (``pip install "kitsu-models[async]"``: it needs aiohttp)::

    async with await AsyncKitsu.login(host, email, password) as kitsu:
        project = await kitsu.projects.get_by_name("Agent 327")
        await project.aprefetch("assets.tasks.task_status", "shots.sequence")
        for asset in project.assets:                 # loaded: no I/O, no await
            print(asset.name, [task.task_status.short_name for task in asset.tasks])
"""

try:
    import aiohttp  # noqa: F401 (checked here: the extra may be missing)
except ImportError:  # pragma: no cover - depends on the installed extra
    raise ImportError('AsyncKitsu needs aiohttp: pip install "kitsu-models[async]"') from None

from .repository import AsyncRepository
from .session import AsyncKitsu
from .transport import AsyncTransport

__all__ = ["AsyncKitsu", "AsyncRepository", "AsyncTransport"]
