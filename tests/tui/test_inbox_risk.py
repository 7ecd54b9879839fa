"""The inbox marks a task at risk with `!` after its score, as `va list` does:
it no longer fits before its deadline, or the deadline has passed. The clock:
Tuesday 14:00 in Montreal (`tests/tui/conftest.py`)."""

from __future__ import annotations

from tests.tui.conftest import SIZE, app_for
from vaworkspace.tui.inbox_rows import row_cells


def lines_by_title(app) -> dict[str, str]:
    table = app.screen.query_one("InboxTable")
    return {task.title: table.render_line(n + 1).text for n, (_, task) in enumerate(table.rows)}


async def test_the_inbox_marks_the_tasks_va_list_marks(ws) -> None:
    ws.tasks.add("Reschedule the 3 p.m. patients @dental due:today 14:22 ~30m")
    risky = ws.inbox.at_risk_test()
    expected = {task.title: risky(task) for _, task in ws.inbox.ranked()}
    assert expected == {
        "Reschedule the 3 p.m. patients": True,  # 22 working minutes for 30 of work
        "Late invoice": True,  # overdue
        "Book hotel": False,
        "Newsletter draft": False,
        "Idea for the blog": False,
    }
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = lines_by_title(pilot.app)
        for title, marked in expected.items():
            line = next(text for name, text in shown.items() if name == title)
            assert line[5] == ("!" if marked else " "), (title, line)
            assert line[6] == " " and line[:5].strip().replace(".", "").isdigit()


def test_the_mark_takes_the_space_after_the_score() -> None:
    plain = row_cells(12.5, _task(), 80, None, None)
    marked = row_cells(12.5, _task(), 80, None, None, risky=True)
    assert "".join(t for t, _ in plain)[:7] == " 12.5  "
    assert "".join(t for t, _ in marked)[:7] == " 12.5! "
    assert len("".join(t for t, _ in plain)) == len("".join(t for t, _ in marked))


def _task():
    from datetime import datetime, timezone

    from vaworkspace.domain.models import Task

    moment = datetime(2026, 12, 1, tzinfo=timezone.utc)
    return Task(id=1, uuid="u", title="A task", created=moment, modified=moment)
