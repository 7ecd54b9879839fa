"""`va account` and `va sync` in French (LANG=fr_CA.UTF-8) against a real server:
what an account holds, how a collection is followed, what a sync did and a
conflict with both values; English is `test_accounts_cli.py`'s."""

from __future__ import annotations

from tests.dav.test_accounts_cli import add_account, va  # noqa: F401  (the fixture)


def test_accounts_and_a_sync_conflict_in_french(va, radicale, fresh_slug, monkeypatch) -> None:  # noqa: F811
    from tests.dav.phone import Phone

    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    url = radicale.make_collection("ann", fresh_slug, "Tâches Acme", ["VTODO"])
    va("client", "add", "Acme", "--id", "acme")
    added, _ = add_account(va, radicale.url)
    assert added.startswith("Compte work ajouté : ")
    assert "Tâches Acme (tâches)" in added
    assert "Associez-en une à un client : va account map work NOM --client ID" in added
    mapped, _ = va("account", "map", "work", fresh_slug, "--client", "acme")
    assert mapped == "work/Tâches Acme est synchronisée pour @acme par `va sync`\n"
    listed, _ = va("account", "list")
    assert "  Tâches Acme (tâches) : synchronisée pour @acme" in listed.replace("):", ") :")
    va("add", "Payer le loyer @acme")
    synced, _ = va("sync")
    assert synced.startswith(
        "work/Tâches Acme synchronisée — tâches reçues du serveur : 0, envoyées : 1"
    )
    uid = next(iter(Phone(radicale.url, "ann", url).todos()))
    va("edit", "1", "Payer le loyer du bureau")
    Phone(radicale.url, "ann", url).edit(uid, summary="Payer le loyer de décembre")
    synced, _ = va("sync")
    assert (
        "  conflit : la tâche 1 (Payer le loyer du bureau) a changé ici et sur le serveur : "
        in synced
    )
    assert "(--theirs prend celles du serveur, --mine garde celles-ci)" in synced
    listed, _ = va("account", "list")
    assert ", 1 conflit en attente" in listed
    unmapped, _ = va("account", "unmap", "work", fresh_slug)
    assert (
        unmapped
        == "work/Tâches Acme n'est plus synchronisée (ses tâches et ses événements restent ici)\n"
    )
    removed, _ = va("account", "rm", "work")
    assert removed.startswith("Compte work retiré (1 collection n'est plus synchronisée)")
