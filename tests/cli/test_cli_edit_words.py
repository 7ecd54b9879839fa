"""`va edit 1 due:mon +#urgent` adds a tag; a title is never replaced silently (issue #9)."""

from __future__ import annotations

import json


def task(va) -> dict:
    [found] = json.loads(va("list", "--json"))
    return found


def test_plus_hash_tag_adds_a_tag_and_keeps_the_title(va) -> None:
    va("add", "Book hotel #travel due:fri")
    out = va("edit", "1", "due:mon", "+#urgent", "+call")
    assert "Modified task 1: Book hotel" in out
    found = task(va)
    assert found["title"] == "Book hotel"
    assert found["tags"] == ["travel", "urgent", "call"]
    assert found["due"] == "2026-12-07"
    assert "replaced" not in out


def test_a_new_title_says_which_title_it_replaced(va) -> None:
    va("add", "Book hotel due:fri")
    out = va("edit", "1", "Book", "a", "cheaper", "hotel", "due:mon")
    assert "Modified task 1: Book a cheaper hotel" in out
    assert "title replaced (was: Book hotel)" in out
    assert task(va)["title"] == "Book a cheaper hotel"


def test_the_same_title_again_is_no_replacement(va) -> None:
    va("add", "Book hotel")
    assert "replaced" not in va("edit", "1", "Book", "hotel", "!h")
