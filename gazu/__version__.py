"""The gazu API version this package matches: scripts feature-check it."""

__version__ = "1.3.1"
