"""The week view's heads: each column's free time with its word, nothing cut
(issue #12: French showed `6h45`, without `libre`, where English says `6h45 free`)."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

import pytest

from vaworkspace.i18n import use_language
from vaworkspace.tui.agenda_layout import _free_heads

MONDAY = date(2026, 11, 30)
WIDTH = 10  # a column at 80 columns: (80 - 6) // 7


def _week(*free: int) -> list[SimpleNamespace]:
    """Monday to Sunday from MONDAY; a day with no free minutes given is off."""
    return [
        SimpleNamespace(day=MONDAY + timedelta(days=i), working=i < len(free), free_minutes=m)
        for i, m in enumerate([*free, *[0] * (7 - len(free))])
    ]


def test_french_says_the_length_over_its_word_when_one_line_is_too_narrow() -> None:
    use_language("fr_CA")
    heads = _free_heads(_week(405, 480, 45, 60, 90), MONDAY, WIDTH)
    lengths = ["6 h 45", "8 h", "45 min", "1 h", "1 h 30", "congé", "congé"]
    assert [head[0] for head in heads] == lengths
    assert [head[1] for head in heads] == ["libres", "libres", "libres", "libre", "libre", "", ""]


def test_french_keeps_one_line_when_every_head_fits() -> None:
    use_language("fr_CA")
    assert _free_heads(_week(480, 420), MONDAY, WIDTH)[:2] == [["8 h libres"], ["7 h libres"]]


@pytest.mark.parametrize("language", ["en", "fr_CA", "fr_FR"])
@pytest.mark.parametrize("width", [4, 6, 10, 14])
def test_no_head_is_wider_than_its_column(language: str, width: int) -> None:
    use_language(language)
    heads = _free_heads(_week(405, 480, 45, 0, 1439), MONDAY + timedelta(days=1), width)
    assert len({len(head) for head in heads}) == 1  # the rules under the heads stay level
    free = [text for head in heads[1:5] for text in head]  # the days with free time
    assert all(len(text) <= width for text in free if width >= 5), heads


def test_english_is_one_line_as_before() -> None:
    heads = _free_heads(_week(405, 480), MONDAY + timedelta(days=1), WIDTH)
    assert heads[:3] == [["past"], ["8h00 free"], ["day off"]]
