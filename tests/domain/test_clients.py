"""Client ids, lookups and the values typed about a client."""

from __future__ import annotations

import subprocess
import sys

import pytest

from vaworkspace.domain.clients import (
    resolve_client,
    slugify,
    suggest_id,
    validate_color,
    validate_currency,
    validate_id,
    validate_timezone,
    validate_weight,
)
from vaworkspace.domain.models import Budget, Client
from vaworkspace.domain.money import format_budget, format_money, parse_budget, parse_rate
from vaworkspace.errors import InputError, NotFoundError, UnknownClient

# ---------------------------------------------------------------- ids


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Évelyne Couture", "evelyne-couture"),
        ("  ACME   Corp.  ", "acme-corp"),
        ("Café & Crème", "cafe-creme"),
        ("Søren Ærø", "soren-aero"),
        ("Straße", "strasse"),
        ("O'Neil--Smith", "o-neil-smith"),
        ("3M Company", "c-3m-company"),
        ("Marie-Ève Tremblay-Desrosiers", "marie-eve-tremblay"),
        ("Supercalifragilisticexpialidocious", "supercalifragilisticexpi"),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug
    assert len(slug) <= 24
    assert validate_id(slug) == slug


@pytest.mark.parametrize("name", ["", "   ", "!!!", "東京"])
def test_slugify_refuses_names_without_letters(name: str) -> None:
    with pytest.raises(InputError, match="--id"):
        slugify(name)


def test_suggest_id_prefers_the_first_name() -> None:
    assert suggest_id("Évelyne Couture", set()) == "evelyne"


def test_suggest_id_falls_back_to_full_slug_then_numbers() -> None:
    assert suggest_id("Évelyne Couture", {"evelyne"}) == "evelyne-couture"
    assert suggest_id("Évelyne Couture", {"Evelyne", "evelyne-couture"}) == "evelyne-couture-2"
    taken = {"evelyne", "evelyne-couture", "evelyne-couture-2"}
    assert suggest_id("Évelyne Couture", taken) == "evelyne-couture-3"


def test_suggest_id_skips_short_first_words() -> None:
    assert suggest_id("Dr. Who", set()) == "dr-who"
    assert suggest_id("3M Company", set()) == "c-3m-company"


def test_suggest_id_numbered_stays_short() -> None:
    name = "Tremblay Desrosiers Associates"
    taken = {"tremblay", "tremblay-desrosiers"}
    got = suggest_id(name, taken)
    assert got == "tremblay-desrosiers-2" and len(got) <= 24
    long_slug = slugify("Abcdefghijklmnopqrstuvwx")
    assert suggest_id("Abcdefghijklmnopqrstuvwx", {long_slug}) == "abcdefghijklmnopqrstuv-2"


@pytest.mark.parametrize(
    ("text", "ident"), [("acme", "acme"), ("@Acme", "acme"), ("a_b-2", "a_b-2"), (" x ", "x")]
)
def test_validate_id_accepts(text: str, ident: str) -> None:
    assert validate_id(text) == ident


@pytest.mark.parametrize("text", ["", "2acme", "-acme", "évelyne", "a b", "a" * 25, "a.b"])
def test_validate_id_explains_the_rule(text: str) -> None:
    with pytest.raises(InputError, match="starting with a letter"):
        validate_id(text)


def test_validate_id_suggests_a_slug() -> None:
    with pytest.raises(InputError, match="try 'evelyne'"):
        validate_id("évelyne")


# ---------------------------------------------------------------- resolve_client


CLIENTS = [
    Client(id="evelyne", name="Évelyne Couture"),
    Client(id="dental", name="Dental clinic"),
    Client(id="demo", name="Demo Inc"),
    Client(id="acme", name="ACME Corporation"),
    Client(id="oldco", name="Old Company", archived=True),
    Client(id="zed", name="Zed Bakery", archived=True),
]


def by_id(ident: str) -> Client:
    return next(c for c in CLIENTS if c.id == ident)


@pytest.mark.parametrize(
    ("ref", "ident"),
    [
        ("evelyne", "evelyne"),
        ("@evelyne", "evelyne"),
        ("@EVELYNE", "evelyne"),
        ("Évelyne", "evelyne"),  # accents and case do not matter
        ("évelyne couture", "evelyne"),  # exact name
        ("evelyne-couture", "evelyne"),  # the name as one word
        ("ev", "evelyne"),  # unique id prefix
        ("dent", "dental"),
        ("dem", "demo"),
        ("cou", "evelyne"),  # prefix of a word of the name
        ("corp", "acme"),
        ("oldco", "oldco"),  # archived: exact id still works
    ],
)
def test_resolve_client(ref: str, ident: str) -> None:
    assert resolve_client(ref, CLIENTS) is by_id(ident)


def test_exact_id_beats_a_longer_id_with_that_prefix() -> None:
    clients = [Client(id="ab", name="Alpha Beta"), Client(id="abc", name="Another")]
    assert resolve_client("ab", clients).id == "ab"


def test_id_prefix_beats_name_prefix() -> None:
    clients = [Client(id="dana", name="Dana Smith"), Client(id="bob", name="Bob Daniels")]
    assert resolve_client("dan", clients).id == "dana"


def test_ambiguous_prefix_lists_the_candidates() -> None:
    with pytest.raises(InputError) as err:
        resolve_client("@de", CLIENTS)
    assert str(err.value) == (
        "'@de' matches several clients: demo (Demo Inc), dental (Dental clinic); type more letters"
    )


def test_ambiguous_name_word() -> None:
    clients = [Client(id="a1", name="Marie Roy"), Client(id="b1", name="Marc Roy")]
    with pytest.raises(InputError, match="a1 \\(Marie Roy\\), b1 \\(Marc Roy\\)"):
        resolve_client("roy", clients)


def test_archived_clients_do_not_answer_to_prefixes() -> None:
    with pytest.raises(NotFoundError, match="archived: @oldco"):
        resolve_client("old", CLIENTS)
    with pytest.raises(NotFoundError, match="archived: @zed"):
        resolve_client("bak", CLIENTS)


def test_archived_clients_do_not_make_prefixes_ambiguous() -> None:
    clients = [Client(id="demo", name="Demo"), Client(id="demolition", name="D", archived=True)]
    assert resolve_client("dem", clients).id == "demo"


def test_not_found_suggests_a_close_id() -> None:
    with pytest.raises(NotFoundError) as err:
        resolve_client("@evlyne", CLIENTS)
    assert str(err.value) == (
        "no client '@evlyne'; did you mean @evelyne? (add it with `va client add`)"
    )


def test_not_found_suggests_from_names() -> None:
    with pytest.raises(NotFoundError, match="did you mean @acme"):
        resolve_client("corporaton", CLIENTS)


def test_not_found_lists_a_few_ids_when_nothing_is_close() -> None:
    with pytest.raises(NotFoundError, match="clients are @acme, @demo, @dental, @evelyne"):
        resolve_client("@qqqq", CLIENTS)


def test_not_found_with_no_clients() -> None:
    with pytest.raises(NotFoundError, match=r"no clients yet.*va client add"):
        resolve_client("acme", [])


def test_a_ref_like_no_client_is_an_unknown_client_a_typo_is_not() -> None:
    """Only a name that resembles no client is offered as a new one (the TUI's
    quick add); a near miss or an archived client stays a plain not-found."""
    with pytest.raises(UnknownClient) as err:
        resolve_client("@Notary", CLIENTS)
    assert err.value.ref == "Notary"
    for typo in ("@evlyne", "old"):
        with pytest.raises(NotFoundError) as err:
            resolve_client(typo, CLIENTS)
        assert not isinstance(err.value, UnknownClient)


def test_empty_ref() -> None:
    with pytest.raises(InputError, match="after @"):
        resolve_client("@", CLIENTS)


# ---------------------------------------------------------------- budgets and money


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("10h/week", Budget(600, "week")),
        ("10h/w", Budget(600, "week")),
        ("10H/Week", Budget(600, "week")),
        ("40h/month", Budget(2400, "month")),
        ("40h/mo", Budget(2400, "month")),
        ("7h30m/week", Budget(450, "week")),
        ("7h30/week", Budget(450, "week")),
        ("7.5h/week", Budget(450, "week")),
        ("7,5h/week", Budget(450, "week")),
        ("10/week", Budget(600, "week")),
        ("10 h / week", Budget(600, "week")),
        ("10 hours per week", Budget(600, "week")),
        ("45m/week", Budget(45, "week")),
        ("20h/mois", Budget(1200, "month")),
    ],
)
def test_parse_budget(text: str, budget: Budget) -> None:
    assert parse_budget(text) == budget


@pytest.mark.parametrize("text", ["", "none", "None", "  "])
def test_parse_budget_none(text: str) -> None:
    assert parse_budget(text) is None


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("10h", "not understood"),
        ("10h/day", "not understood"),
        ("lots/week", "not understood"),
        ("0h/week", "more than 0"),
        ("200h/week", "fit in a week"),
        ("1h90m/week", "1h30m"),
    ],
)
def test_parse_budget_rejects(text: str, why: str) -> None:
    with pytest.raises(InputError, match=why) as err:
        parse_budget(text)
    assert "10h/week" in str(err.value) or "1h30m" in str(err.value)


@pytest.mark.parametrize(
    ("budget", "text"),
    [
        (Budget(600, "week"), "10h/week"),
        (Budget(450, "week"), "7h30m/week"),
        (Budget(2405, "month"), "40h05m/month"),
        (Budget(45, "week"), "45m/week"),
        (None, ""),
    ],
)
def test_format_budget_round_trips(budget: Budget | None, text: str) -> None:
    assert format_budget(budget) == text
    assert parse_budget(text) == budget


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("45", 4500),
        ("45.50", 4550),
        ("45,5", 4550),
        ("45.5", 4550),
        ("0", 0),
        (" 120 ", 12000),
        ("0.05", 5),
    ],
)
def test_parse_rate(text: str, cents: int) -> None:
    assert parse_rate(text) == cents


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("-5", "negative"),
        ("45.505", "more than 2 decimals"),
        ("abc", "not an amount"),
        ("", "not an amount"),
        ("45.", "not an amount"),
        ("1,000.00", "not an amount"),
    ],
)
def test_parse_rate_rejects(text: str, why: str) -> None:
    with pytest.raises(InputError, match=why):
        parse_rate(text)


@pytest.mark.parametrize(
    ("cents", "text"),
    [
        (4500, "45.00 CAD"),
        (4550, "45.50 CAD"),
        (5, "0.05 CAD"),
        (0, "0.00 CAD"),
        (-1250, "-12.50 CAD"),
    ],
)
def test_format_money(cents: int, text: str) -> None:
    assert format_money(cents, "CAD") == text


# ---------------------------------------------------------------- small values


@pytest.mark.parametrize(("value", "weight"), [(1, 1), (5, 5), ("3", 3), (" 4 ", 4)])
def test_validate_weight(value: int | str, weight: int) -> None:
    assert validate_weight(value) == weight


@pytest.mark.parametrize("value", [0, 6, "0", "six", "", "2.5", -1, True])
def test_validate_weight_rejects(value: object) -> None:
    with pytest.raises(InputError, match="from 1 \\(low\\) to 5 \\(high\\)"):
        validate_weight(value)


def test_validate_currency() -> None:
    assert validate_currency("cad") == "CAD"
    assert validate_currency(" EUR ") == "EUR"
    for bad in ("CA", "CADD", "€", "", "C4D"):
        with pytest.raises(InputError, match="3-letter ISO code"):
            validate_currency(bad)


@pytest.mark.parametrize(
    ("text", "color"),
    [
        ("#ABC", "#abc"),
        ("#a1b2c3", "#a1b2c3"),
        ("Teal", "teal"),
        ("grey", "grey"),
        ("gray", "gray"),
        ("ansi_red", "ansi_red"),
        ("ansi_bright_blue", "ansi_bright_blue"),
    ],
)
def test_validate_color(text: str, color: str) -> None:
    assert validate_color(text) == color


@pytest.mark.parametrize("text", ["#abcd", "#ggg", "blurple", "ansi_orange", "", "abc"])
def test_validate_color_rejects(text: str) -> None:
    with pytest.raises(InputError, match="#rrggbb"):
        validate_color(text)


def test_colour_names_are_textual_colours() -> None:
    import textual.color as color_module  # textual is a runtime dependency

    from vaworkspace.domain.clients import COLOR_NAMES

    for name in COLOR_NAMES:
        color_module.Color.parse(name)


def test_validate_timezone() -> None:
    assert validate_timezone("America/Montreal") == "America/Montreal"
    assert validate_timezone(" Europe/Paris ") == "Europe/Paris"
    assert validate_timezone("UTC") == "UTC"


@pytest.mark.parametrize("name", ["Europe/Pari", "Mars/Olympus", "", "../etc/passwd", "America"])
def test_validate_timezone_rejects(name: str) -> None:
    with pytest.raises(InputError, match="use an IANA name like America/Montreal") as err:
        validate_timezone(name)
    assert f"unknown time zone '{name}'" in str(err.value)


def test_validate_timezone_suggests_the_real_name() -> None:
    with pytest.raises(InputError, match="did you mean Europe/Paris\\?"):
        validate_timezone("Europe/Pari")


def test_module_does_not_import_slow_modules() -> None:
    """`va add` has a 47 ms budget: difflib and zoneinfo load only on the paths that need them."""
    code = (
        "import sys, vaworkspace.domain.models; before = set(sys.modules); "
        "import vaworkspace.domain.clients as c; c.validate_id('acme'); c.parse_rate('45'); "
        "print(sorted({'difflib', 'zoneinfo', 'dateutil', 'typing'} & "
        "(set(sys.modules) - before)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
