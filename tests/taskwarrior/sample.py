"""What the Taskwarrior tests share: the real exports, and how they read them."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from vaworkspace.errors import ImportFileError
from vaworkspace.taskwarrior.export import read_export

FIXTURES = Path(__file__).parents[1] / "fixtures" / "taskwarrior"  # see generate.sh
PARIS = ZoneInfo("Europe/Paris")  # the zone the fixtures were typed in
UTC = timezone.utc
NOW = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
UUID = "0b82f4df-9428-4d74-9dcc-07e763be5aba"


def items_of(data: bytes | str) -> list[dict]:
    """The items of an export, once `read_export` has checked them."""
    return read_export(data).items


def as_export(items: list) -> str:
    return json.dumps(items)


def error_of(data: bytes | str) -> str:
    """The one-line message `read_export` refuses the data with."""
    with pytest.raises(ImportFileError) as info:
        read_export(data)
    message = str(info.value)
    assert "\n" not in message
    return message
