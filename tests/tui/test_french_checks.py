"""The checks the French snapshots rely on catch what they are for: an SVG read back
as its lines, an English word of the UI, a UI text cut short; and let a French
word, the VA's own words and a data string cut short pass."""

from __future__ import annotations

from pathlib import Path

from tests.tui.french_checks import cut_texts, english_ui_words, english_words, footer_cut
from tests.tui.screen_text import screen_lines

ENGLISH_INBOX = (
    Path(__file__).parent / "__snapshots__" / "test_snapshots" / "test_snapshot[inbox-va-dark].svg"
)


def test_an_svg_reads_back_as_the_terminal_lines() -> None:
    lines = screen_lines(ENGLISH_INBOX.read_text(encoding="utf-8"))
    assert len(lines) == 24 and {len(line) for line in lines} == {80}
    assert lines[0].startswith(" Inbox  Tue 01 Dec 14:00")
    assert lines[-1].startswith("a Add e Edit x Done d Del")


def test_the_english_ui_words_leave_out_the_words_french_uses_too() -> None:
    words = english_ui_words()
    assert {"undo", "week", "overdue", "tomorrow"} <= words
    assert not {"client", "agenda", "pause", "total"} & words


def test_an_english_word_is_found_unless_the_va_wrote_it() -> None:
    lines = [" Semaine du lun. 30 nov.  this week ", " Prendre rendez-vous  Undo "]
    assert [found.split()[0] for found in english_words(lines, set())] == [
        "'this'",
        "'week'",
        "'undo'",
    ]
    assert english_words(lines, {"Undo this week, Amélie"}) == []
    assert english_words([" Semaine du lun. 30 nov.  cette semaine "], set()) == []


def test_a_cut_ui_text_is_found_and_a_cut_title_is_not() -> None:
    title = "Confirmer la livraison de tissu avec Tissus Rioux"
    lines = [
        " 124.2! @evelyne  Confirmer la livraison… 2d",
        " ⚠ à risque │ #13 en retard depuis le sa… ",
        "  ☐ Confi…│▌10:30  ",
        " 11:00  ▊▔▔▔▔▔▔▔▎livraison …",  # a modal hides the title's start
    ]
    found = cut_texts(lines, {title})
    assert len(found) == 1 and found[0].startswith("#13 en retard depuis le sa…")
    # a message written with its `…` is whole: "Synchronisation de {name}…"
    assert cut_texts([" Synchronisation de agenda-clinique… "], set()) == []


def test_a_command_typed_as_is_is_no_english_but_a_weekday_is() -> None:
    assert english_words([" Synchronisation de 2 sources (va sync) "], set()) == []
    assert [found.split()[0] for found in english_words([" échéance  (sun) "], set())] == ["'sun'"]


def test_a_footer_whose_palette_hint_or_last_key_is_cut_is_found() -> None:
    whole = "a Ajout e Modif x Fait ? Aide u Annul.                            ▏^p palette "
    assert footer_cut(["", whole]) == []
    assert footer_cut(["", whole.replace("^p palette ", "^p         ")]) != []
    slid = "a Ajout e Modif x Fait w Att. p Prio / Rech. t Chrono ? Aide u Ann▏^p palette "
    assert [found.split()[0] for found in footer_cut(["", slid])] == ["'Ann'"]
    touching = "a Ajout e Modif x Fait w Att. / Rech. t Chrono ? Aide u Annul.▏^p palette "
    assert footer_cut(["", touching]) == []
    assert footer_cut(["", "  Enregistrer ^s     Garder échap   "]) == []
