"""The quick-add grammar: tokens understood, title words never lost, clear errors."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.domain.date_cases import MTL, NOW, PARIS, UTC
from vaworkspace.domain.tasks.every import parse_every
from vaworkspace.domain.tasks.quickadd import QuickAdd, parse_quick_add
from vaworkspace.errors import InputError


def qa(text: str, tz=MTL) -> QuickAdd:
    return parse_quick_add(text, NOW, tz)


def at(tz, *args: int) -> datetime:
    return datetime(*args, tzinfo=tz).astimezone(UTC)


def rule(*words: str) -> str:
    found = parse_every(list(words))
    assert found is not None
    return found[0]


def test_the_full_example() -> None:
    q = qa("Send Q4 invoice @evelyne #billing !h due:fri 17:00 ~30m every month")
    assert (q.title, q.client, q.tags, q.priority) == (
        "Send Q4 invoice",
        "evelyne",
        ["billing"],
        "high",
    )
    assert (q.due, q.estimate_minutes) == (at(MTL, 2026, 12, 4, 17), 30)
    assert (q.recurrence, q.recur_from_completion) == (rule("month"), False)
    assert q.given == {
        "title",
        "client",
        "tags",
        "priority",
        "due",
        "estimate_minutes",
        "recurrence",
    }
    assert q.parsed == [
        ("client", "@evelyne"),
        ("tags", "#billing"),
        ("priority", "!h"),
        ("due", "fri 17:00"),
        ("estimate_minutes", "~30m"),
        ("recurrence", "every month"),
    ]


def test_plain_text_is_all_title() -> None:
    q = qa("  Call   the dentist  ")
    assert q.title == "Call the dentist"
    assert q.given == {"title"}
    assert q.parsed == []
    assert (q.client, q.tags, q.priority, q.due, q.estimate_minutes) == (None, [], None, None, None)


def test_empty_text() -> None:
    assert qa("") == QuickAdd()


# --- client -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "client", "title"),
    [
        ("Call @bob", "bob", "Call"),
        ("@Evelyne call", "Evelyne", "call"),
        ("Call @bob, then lunch", "bob", "Call then lunch"),
        ("Email bob@example.com", None, "Email bob@example.com"),
        ("Meet @ 5", None, "Meet @ 5"),
        (r"Work from \@home", None, "Work from @home"),
    ],
)
def test_client(text: str, client: str | None, title: str) -> None:
    q = qa(text)
    assert (q.client, q.title) == (client, title)
    assert ("client" in q.given) == (client is not None)


def test_at_none_clears_the_client() -> None:
    q = qa("@none")
    assert q.client is None and "client" in q.given and q.title == ""
    assert "client" in qa("@NONE").given


def test_two_clients_is_an_error_that_suggests_escaping() -> None:
    with pytest.raises(InputError, match=r"client given twice \('@bob' and '@alice'\).*\\@alice"):
        qa("Call @bob about @alice")


# --- tags ----------------------------------------------------------------------------


def test_tags() -> None:
    q = qa("Plan #Q4 #billing #billing -#old # ## ##x #a,")
    assert q.tags == ["Q4", "billing", "a"]
    assert q.remove_tags == ["old"]
    assert q.title == "Plan # ## ##x"
    assert "tags" in q.given
    assert ("tags", "-#old") in q.parsed


def test_plus_tag_and_plus_hash_tag_add_a_tag_as_in_taskwarrior() -> None:
    q = qa("due:mon +#urgent +travel +#urgent")
    assert (q.title, q.tags, "title" in q.given) == ("", ["urgent", "travel"], False)
    assert ("tags", "+#urgent") in q.parsed


@pytest.mark.parametrize("text", ["Call +33 6 12 34 56 78", "C++ and + and +# and ++x", "+-1"])
def test_a_plus_before_no_letter_stays_in_the_title(text: str) -> None:
    q = qa(text)
    assert (q.title, q.tags) == (text, [])


def test_an_escaped_plus_tag_is_a_title_word() -> None:
    assert qa(r"Vote \+yes").title == "Vote +yes"


def test_backslash_escapes_one_word() -> None:
    q = qa(r"Fix issue \#1 and \\#2")
    assert (q.title, q.tags) == (r"Fix issue #1 and \#2", [])
    assert qa("a \\ b").title == "a \\ b"  # a lone backslash escapes nothing


# --- priority ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "priority"),
    [
        ("!high", "high"),
        ("!h", "high"),
        ("!1", "high"),
        ("!H", "high"),
        ("!medium", "medium"),
        ("!m", "medium"),
        ("!2", "medium"),
        ("!low", "low"),
        ("!l", "low"),
        ("!3", "low"),
        ("!none", None),
        ("!0", None),
    ],
)
def test_priority(token: str, priority: str | None) -> None:
    q = qa(f"Do it {token}")
    assert (q.priority, "priority" in q.given, q.title) == (priority, True, "Do it")


@pytest.mark.parametrize("text", ["Wow !!!", "hi!", "!x", "!", "!4", "Urgent!", r"\!h"])
def test_other_bangs_stay_in_the_title(text: str) -> None:
    q = qa(text)
    assert ("priority" in q.given, q.title) == (False, text.replace("\\", ""))


# --- dates ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "field", "value", "title"),
    [
        ("Report due:fri", "due", date(2026, 12, 4), "Report"),
        ("Report due:fri 17:00", "due", at(MTL, 2026, 12, 4, 17), "Report"),
        ("Report due:fri 5pm sharp", "due", at(MTL, 2026, 12, 4, 17), "Report sharp"),
        ('Report due:"next monday"', "due", date(2026, 12, 7), "Report"),
        ("Report due:'next monday 9am' now", "due", at(MTL, 2026, 12, 7, 9), "Report now"),
        ("Report due:next-monday", "due", date(2026, 12, 7), "Report"),
        ("Report due:next monday", "due", date(2026, 12, 7), "Report"),
        ("due:in 3 days Report", "due", date(2026, 12, 4), "Report"),
        ("Report DUE:Dec 5 2027", "due", date(2027, 12, 5), "Report"),
        ("Report due:2026-12-05", "due", date(2026, 12, 5), "Report"),
        ("Report due:tomorrow 5 things", "due", date(2026, 12, 2), "Report 5 things"),
        ("Report due:fri @bob 17:00", "due", date(2026, 12, 4), "Report 17:00"),
        ("Report wait:mon", "wait", date(2026, 12, 7), "Report"),
        ("Report sched:tomorrow", "scheduled", date(2026, 12, 2), "Report"),
        ("Report scheduled:tomorrow 9am", "scheduled", at(MTL, 2026, 12, 2, 9), "Report"),
        ("Report due:demain", "due", date(2026, 12, 2), "Report"),
    ],
)
def test_date_fields(text: str, field: str, value, title: str) -> None:
    q = qa(text)
    assert (getattr(q, field), field in q.given, q.title) == (value, True, title)


def test_date_source_text_is_kept_for_the_echo() -> None:
    q = qa('x due:fri 17:00 wait:"next monday"')
    assert q.parsed == [("due", "fri 17:00"), ("wait", "next monday")]


def test_due_none_clears() -> None:
    q = qa("due:none wait:None")
    assert q.due is None and q.wait is None
    assert {"due", "wait"} <= q.given


def test_dates_use_the_given_zone() -> None:
    assert qa("x due:fri 17:00", PARIS).due == at(PARIS, 2026, 12, 4, 17)


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("Report due:", "due: needs a date"),
        ('Report due:""', "due: needs a date"),
        ("Report due:frday", "can't read the date in 'due:frday'"),
        ("Report wait:12/05", "'wait:12/05'"),
        ('Report due:"next monday', "missing closing \" in 'due:\"next monday'"),
        ("Report sched:'fri", "missing closing '"),
        ('Report due:"frday"', 'due:"frday"'),
        ("x due:fri due:mon", r"due given twice \('fri' and 'mon'\)"),
    ],
)
def test_date_errors(text: str, match: str) -> None:
    with pytest.raises(InputError, match=match):
        qa(text)


def test_field_prefixes_inside_words_are_title() -> None:
    q = qa("Fix the overdue:thing and re:invoice")
    assert q.title == "Fix the overdue:thing and re:invoice"
    assert q.given == {"title"}


# --- estimate ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "minutes"), [("~30m", 30), ("~1h", 60), ("~1h30m", 90), ("~45", 45), ("~none", None)]
)
def test_estimate(token: str, minutes: int | None) -> None:
    q = qa(f"Write {token}")
    assert (q.estimate_minutes, "estimate_minutes" in q.given, q.title) == (minutes, True, "Write")


@pytest.mark.parametrize("token", ["~abc", "~2d", "~0", "~-5m"])
def test_bad_estimate(token: str) -> None:
    with pytest.raises(InputError, match=f"estimate {token}"):
        qa(f"Write {token}")


def test_tilde_alone_is_title() -> None:
    assert qa("about ~ 5").title == "about ~ 5"


# --- recurrence ----------------------------------------------------------------


def test_every_from_due_and_from_completion() -> None:
    q = qa("Standup every monday")
    assert (q.recurrence, q.recur_from_completion, q.title) == (rule("monday"), False, "Standup")
    q = qa("Water plants every! 2 weeks #home")
    assert (q.recurrence, q.recur_from_completion) == (rule("2", "weeks"), True)
    assert (q.title, q.tags) == ("Water plants", ["home"])
    assert ("recurrence", "every! 2 weeks") in q.parsed


@pytest.mark.parametrize("text", ["Check every invoice", "every", "Do it every!", "Every time"])
def test_every_without_a_rule_stays_in_the_title(text: str) -> None:
    q = qa(text)
    assert q.title == text
    assert q.recurrence is None and "recurrence" not in q.given


def test_every_stops_at_tokens() -> None:
    q = qa("Report every monday due:fri")
    assert (q.recurrence, q.due) == (rule("monday"), date(2026, 12, 4))


def test_every_field() -> None:
    q = qa("every:none")
    assert q.recurrence is None and "recurrence" in q.given
    assert qa('x every:"2 weeks"').recurrence == rule("2", "weeks")
    with pytest.raises(InputError, match="repetition"):
        qa('x every:"blue moon"')


def test_every_takes_what_parse_every_says(monkeypatch) -> None:
    import vaworkspace.domain.tasks.every as recurrence

    seen: list[list[str]] = []

    def fake(words: list[str]) -> tuple[str, int] | None:
        seen.append(list(words))
        return ("FREQ=DAILY", 2) if words[:2] == ["other", "day"] else None

    monkeypatch.setattr(recurrence, "parse_every", fake)
    q = qa("Run every Other Day now #x")
    assert seen == [["other", "day", "now"]]
    assert (q.recurrence, q.title, q.tags) == ("FREQ=DAILY", "Run now", ["x"])


@pytest.mark.parametrize("number", ["²", "¹", "٣"])
def test_every_with_odd_digits_is_a_title_word_or_a_rule(number: str) -> None:
    q = qa(f"Check every {number} days")  # str.isdigit() is true for these
    assert q.title in (f"Check every {number} days", "Check")


def test_escaped_every_is_a_title_word() -> None:
    assert qa(r"Do it \every monday").title == "Do it every monday"
