"""`va client …`: add, list, edit, archive, with the user's texts validated."""

from __future__ import annotations

import json


def test_add_and_list_json(va) -> None:
    out = va(
        "client",
        "add",
        "Évelyne Couture",
        "--rate",
        "45,50",
        "--currency",
        "cad",
        "--budget",
        "15h/week",
        "--weight",
        "5",
        "--tz",
        "America/Montreal",
        "--color",
        "#e879f9",
    )
    assert out.strip() == "Created client @evelyne: Évelyne Couture"
    [client] = json.loads(va("client", "list", "--json"))
    assert client["id"] == "evelyne"
    assert client["name"] == "Évelyne Couture"
    assert client["rate_cents"] == 4550
    assert client["currency"] == "CAD"
    assert client["weight"] == 5
    assert client["budget"] == {"minutes": 900, "period": "week"}


def test_text_list_counts_open_tasks(va) -> None:
    va("client", "add", "Bakery", "--rate", "30")
    va("add", "Post photos @bakery")
    out = va("client", "list")
    assert "@bakery" in out and "30.00 EUR/h" in out
    assert out.splitlines()[1].split()[-1] == "1"


def test_duplicate_and_bad_values_are_refused(va, isolated_env) -> None:
    va("client", "add", "Bakery")
    path = isolated_env / "data" / "workspace.json"
    before = path.read_bytes()
    assert "already a client '@bakery'" in va("client", "add", "Bakery", code=1)
    assert "time zone" in va("client", "add", "X", "--tz", "Europe/Pari", code=1)
    assert "weight" in va("client", "add", "X", "--weight", "9", code=1)
    assert "rate" in va("client", "add", "X", "--rate", "-3", code=1).lower()
    assert "budget" in va("client", "add", "X", "--budget", "lots", code=1).lower()
    assert path.read_bytes() == before


def test_edit_and_archive(va) -> None:
    va("client", "add", "Dental clinic", "--id", "dental")
    va("client", "edit", "den", "--rate", "38", "--budget", "40h/month", "--name", "Clinique")
    [client] = json.loads(va("client", "list", "--json"))
    assert client["name"] == "Clinique" and client["rate_cents"] == 3800
    assert client["budget"] == {"minutes": 2400, "period": "month"}
    va("client", "edit", "dental", "--budget", "none")
    assert json.loads(va("client", "list", "--json"))[0]["budget"] is None
    assert "archived" in va("client", "archive", "dental")
    assert json.loads(va("client", "list", "--json")) == []
    assert len(json.loads(va("client", "list", "--all", "--json"))) == 1
    va("client", "archive", "dental", "--undo")
    assert len(json.loads(va("client", "list", "--json"))) == 1
