"""`va plan` on real files: the JSON it prints, what it writes, what it leaves alone."""

from __future__ import annotations

import itertools
import json
import os
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from tinydb import TinyDB

from tests.cli.conftest import NOW
from vaworkspace.config import load_config
from vaworkspace.service import Workspace

UTC = timezone.utc
MONTREAL = ZoneInfo("America/Montreal")


def _path() -> str:
    return os.environ["VAWORKSPACE_DB"]


def _bytes() -> bytes:
    with open(_path(), "rb") as handle:
        return handle.read()


def _demo() -> None:
    os.makedirs(os.path.dirname(_path()), exist_ok=True)
    moment = datetime.fromisoformat(NOW.replace("Z", "+00:00"))
    Workspace(_path(), load_config(), clock=lambda: moment).fill_demo()


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _blocks(kind: str) -> list[dict]:
    """The stored work blocks: `plan` (written by va plan) or `hand` (booked)."""
    with TinyDB(_path()) as db:
        found = [r for r in db.table("events").all() if r.get("kind") == "block"]
    planned = [r for r in found if r["uid"].startswith("plan-")]
    return planned if kind == "plan" else [r for r in found if r not in planned]


def test_demo_json_is_the_documented_shape_and_a_dry_run_writes_nothing(va) -> None:
    _demo()
    before = _bytes()
    plan = json.loads(va("plan", "--dry-run", "--json"))
    assert _bytes() == before
    assert set(plan) == {"blocks", "at_risk"}
    assert plan["blocks"], "the demo day has free time and open tasks"
    for block in plan["blocks"]:
        assert set(block) == {"task", "client", "start", "end"}
        assert block["start"].endswith("Z") and block["end"].endswith("Z")  # as va list --json
    for risk in plan["at_risk"]:
        assert set(risk) == {"task", "reason"} and risk["reason"]
    agenda = json.loads(va("agenda", "--days", "1", "--json"))
    busy = [
        (_instant(i["start"]), _instant(i["end"]))
        for i in agenda
        if i["type"] in ("event", "block") and not i["all_day"]
    ]
    spans = sorted((_instant(b["start"]), _instant(b["end"])) for b in plan["blocks"])
    for start, end in spans:
        local = start.astimezone(MONTREAL), end.astimezone(MONTREAL)
        assert local[0].hour >= 9 and (local[1].hour, local[1].minute) <= (17, 0)
        assert start >= _instant(NOW)
        assert all(end <= s or start >= e for s, e in busy)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_planning_writes_blocks_replaces_its_own_and_keeps_the_hand_placed(va) -> None:
    _demo()
    hand = _blocks("hand")
    assert len(hand) == 1
    first = json.loads(va("plan", "--json"))
    assert len(_blocks("plan")) == len(first["blocks"]) > 0
    again = json.loads(va("plan", "--json"))
    assert again == first
    assert len(_blocks("plan")) == len(first["blocks"])
    assert _blocks("hand") == hand
    agenda = json.loads(va("agenda", "--days", "1", "--json"))
    assert sum(i["type"] == "block" for i in agenda) == len(first["blocks"]) + 1
    assert va("plan", "--clear") == f"Removed {len(first['blocks'])} planned blocks\n"
    assert _blocks("plan") == [] and _blocks("hand") == hand


def test_a_deadline_today_is_met_and_a_hopeless_one_is_at_risk(va) -> None:
    # Tuesday 14:00 in Montreal: three hours of work hours left.
    va("add", "Monthly report ~2h")
    va("add", "Send the quote due:today 16:00 ~1h")
    va("add", "Rewrite the website due:today 15:00 ~3h")
    plan = json.loads(va("plan", "--dry-run", "--json"))
    ends = [
        _instant(b["end"]).astimezone(MONTREAL).strftime("%H:%M")
        for b in plan["blocks"]
        if b["task"] == 2
    ]
    assert ends and all(end <= "16:00" for end in ends)
    assert plan["at_risk"] == [{"task": 3, "reason": "needs 3h00, 1h00 free before 15:00"}]


def test_text_output_days_and_bad_input(va) -> None:
    va("add", "Inbox zero ~30m")
    out = va("plan", "--day", "2026-12-02", "--days", "2", "--dry-run")
    assert "Wed 02 Dec" in out and "09:00–09:30     1  Inbox zero" in out
    assert out.endswith("1 block (dry run: nothing written)\n")
    before = _bytes()
    assert "plan 1 to 31 days" in va("plan", "--days", "0", code=1)
    assert "buffer" in va("plan", "--buffer", "-5", code=1)
    assert _bytes() == before


def test_client_hours_bound_their_blocks_and_read_back(va) -> None:
    va("client", "add", "Atelier Paris", "--id", "paris", "--tz", "Europe/Paris", "--hours", "9-12")
    listed = json.loads(va("client", "list", "--json"))
    assert listed[0]["hours"] == "09:00-12:00"
    va("add", "Call the fabric supplier @paris ~1h")
    va("add", "Inbox zero ~30m")
    plan = json.loads(va("plan", "--day", "2026-12-02", "--dry-run", "--json"))
    paris = [b for b in plan["blocks"] if b["client"] == "paris"]
    # 09:00-12:00 in Paris is 03:00-06:00 in Montreal, before the VA's day: no block.
    assert paris == [] and [b["task"] for b in plan["blocks"]] == [2]
    va("client", "edit", "paris", "--hours", "14:00-18:00")  # 08:00-12:00 in Montreal
    plan = json.loads(va("plan", "--day", "2026-12-02", "--dry-run", "--json"))
    paris = [b for b in plan["blocks"] if b["client"] == "paris"]
    assert [(b["start"], b["end"]) for b in paris] == [
        ("2026-12-02T14:00:00Z", "2026-12-02T15:00:00Z")
    ]
    assert "must look like 09:00-17:00" in va("client", "edit", "paris", "--hours", "17-9", code=1)
    va("client", "edit", "paris", "--hours", "none")
    assert json.loads(va("client", "list", "--json"))[0]["hours"] is None


def test_undo_takes_back_a_plan_and_a_clear(va) -> None:
    _demo()
    planned = json.loads(va("plan", "--json"))["blocks"]
    assert len(_blocks("plan")) == len(planned) > 0
    va("plan", "--clear")
    assert _blocks("plan") == []
    va("undo")
    assert len(_blocks("plan")) == len(planned)
    va("undo")
    assert _blocks("plan") == [] and len(_blocks("hand")) == 1


def test_a_task_done_early_takes_its_planned_blocks_off_the_calendar(va) -> None:
    _demo()
    planned = json.loads(va("plan", "--json"))["blocks"]
    task_id = planned[0]["task"]
    uids = [b["uid"] for b in _blocks("plan") if b["task"] == task_id]
    assert uids
    spans = {(b["start"], b["end"]) for b in planned if b["task"] == task_id}

    def on_agenda() -> set[tuple[str, str]]:
        items = json.loads(va("agenda", "--days", "1", "--json"))
        return {(i["start"], i["end"]) for i in items if i["type"] == "block"} & spans

    assert on_agenda() == spans
    title = next(t["title"] for t in json.loads(va("list", "--json")) if t["id"] == task_id)
    va("done", str(task_id))
    assert [b for b in _blocks("plan") if b["task"] == task_id] == []
    # The day was planned, so it was planned again: its time went to other tasks.
    items = json.loads(va("agenda", "--days", "1", "--json"))
    assert not [i for i in items if i["type"] == "block" and i["title"] == title]
    exported = va("export")
    assert not any(uid in exported for uid in uids)
    va("undo")
    assert [b["uid"] for b in _blocks("plan") if b["task"] == task_id] == uids
    assert on_agenda() == spans
