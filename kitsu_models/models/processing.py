"""The processing of a preview by the server: its time limits and the
errors that report a preview the server could not process (shared by the
preview model and by publishing)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import errors

if TYPE_CHECKING:
    from .previews import PreviewFile
    from .tasks import Comment

#: Seconds to wait, by default, for the server to process a preview.
PROCESSING_TIMEOUT = 300.0
#: Seconds between two status reads while waiting.
POLL_INTERVAL = 1.0
#: The statuses of a preview the server could not process.
FAILED_STATUSES = ("broken", "missing")


class PreviewProcessingError(errors.UploadError):
    """The server accepted a preview's file but could not process it
    (``status`` broken, or the processing failed during the upload).

    ``preview_file`` is the preview (possibly deleted by the server), and
    ``comment`` the comment it was published on, when known: a comment
    published with previews stays posted when one of them fails.
    """

    def __init__(self, message: str, preview_file: PreviewFile, comment: Comment | None = None) -> None:
        super().__init__(message)
        self.preview_file = preview_file
        self.comment = comment


class PreviewProcessingTimeoutError(PreviewProcessingError, TimeoutError):
    """The preview was still being processed when the timeout expired."""
