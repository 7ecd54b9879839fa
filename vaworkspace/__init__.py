"""vaworkspace: a terminal workspace for virtual assistants who serve several clients."""

__version__ = "0.1.0"
