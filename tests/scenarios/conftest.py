"""The VA's days of issue #10, section 3, played through the `va` command.

Each scenario runs the CLI in-process with the clock frozen at the moment it
says (`$VAWORKSPACE_NOW`, as tests/cli do), in Montreal, with the default
config: work 09:00-17:00 Monday to Friday, an 8-hour cap, 25-minute pomodoros
(5-minute breaks, 15 after a 100-minute block, no block longer than 100
minutes), 10 minutes kept free around events, pieces of at least 25 minutes.

`order` is `va list --json` as (id, urgency rounded to 2 places); `plan` is
`va plan --dry-run --json` with each block written as (task, client, local
start, local end), "Tue 09:00" style, so an expected plan reads like the
agenda it stands for; the raw JSON is checked for its documented shape too.
"""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from vaworkspace.cli import main

MONTREAL = ZoneInfo("America/Montreal")


class Day:
    """`va` at frozen moments: `va.at("2026-12-09 09:00")` then `va("list")`."""

    def __init__(self, monkeypatch, capsys) -> None:
        self.monkeypatch, self.capsys = monkeypatch, capsys

    def at(self, local: str) -> None:
        """Freeze the clock at a Montreal wall-clock time."""
        moment = datetime.fromisoformat(local).replace(tzinfo=MONTREAL)
        self.monkeypatch.setenv("VAWORKSPACE_NOW", moment.isoformat())

    def __call__(self, *argv: str) -> str:
        code = main(list(argv))
        out, err = self.capsys.readouterr()
        assert code == 0, (argv, out, err)
        return out

    def order(self, top: int = 10) -> list[tuple[int, float]]:
        items = json.loads(self("list", "--json"))
        return [(item["id"], round(item["urgency"], 2)) for item in items][:top]

    def plan(self, *args: str) -> tuple[list[tuple], list[tuple[int, str]]]:
        raw = json.loads(self("plan", "--dry-run", "--json", *args))
        assert set(raw) == {"blocks", "at_risk"}
        blocks = []
        for block in raw["blocks"]:
            assert set(block) == {"task", "client", "start", "end"}
            assert block["start"].endswith("Z") and block["end"].endswith("Z")
            start, end = (_local(block[key]) for key in ("start", "end"))
            blocks.append((block["task"], block["client"], start, end))
        return blocks, [(risk["task"], risk["reason"]) for risk in raw["at_risk"]]


def _local(instant: str) -> str:
    moment = datetime.fromisoformat(instant.replace("Z", "+00:00")).astimezone(MONTREAL)
    return f"{moment:%a %H:%M}"


@pytest.fixture
def va(monkeypatch, capsys) -> Day:
    return Day(monkeypatch, capsys)
