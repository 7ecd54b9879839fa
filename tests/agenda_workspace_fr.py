"""The agenda workspace of `tests.agenda_workspace` as a Québec VA keeps it: the same
events at the same hours, the same tasks, titled in French, and the workspace
speaking French (`config.language = "fr_CA"`).

So a French screen of the agenda can be checked for English UI words without the
stored titles (`Book hotel`) getting in the way; today's free slots are the same
(14:00–15:00 and 15:30–17:00 with the clock at Tuesday 14:00 in Montreal).
"""

from __future__ import annotations

from tests.agenda_workspace import WEEKLY, all_day, calendar, timed
from tests.tui.conftest import NOW
from vaworkspace.config import Config
from vaworkspace.service import Workspace

EVELYNE = calendar(
    timed("sync@t", "Suivi hebdo", "20261103T090000", "20261103T093000", WEEKLY),
    timed("fitting@t", "Essayage", "20261201T100000", "20261201T110000"),
    timed("showroom@t", "Visite de la salle", "20261201T150000", "20261201T153000"),
    all_day("fair@t", "Salon du tissu", "20261202", "20261203"),
)
DENTAL = calendar(
    timed("recall@t", "Revue des rappels", "20261201T103000", "20261201T113000"),
    timed("lunch@t", "Dîner d'équipe", "20261203T120000", "20261203T130000"),
    all_day("closed@t", "Clinique fermée", "20261201", "20261202"),
)
TITLES = (
    "Suivi hebdo Essayage Visite de la salle Salon du tissu Revue des rappels "
    "Dîner d'équipe Clinique fermée Facture en retard Réserver l'hôtel Infolettre "
    "Idée pour le blogue Envoyer la liste de rappels evelyne dental"
)
"""Every stored word of the workspace (titles and client ids)."""


def build_french(folder, clock=None) -> Workspace:
    """Two clients, five open tasks (one due today), two imported calendars, in French."""
    config = Config(timezone_name="America/Montreal", language="fr_CA")
    ws = Workspace(str(folder / "agenda.json"), config, clock=clock or (lambda: NOW))
    ws.clients.add("Évelyne Couture", weight="5", color="#e879f9")
    ws.clients.add("Clinique dentaire", id="dental", color="#38bdf8")
    ws.tasks.add("Facture en retard @dental due:2026-11-25 ~30m")
    ws.tasks.add("Réserver l'hôtel @evelyne !h due:fri 17:00 ~45m #voyage")
    ws.tasks.add("Infolettre @dental due:in-3-weeks ~2h")
    ws.tasks.add("Idée pour le blogue")
    ws.tasks.add("Envoyer la liste de rappels @dental due:today ~15m")
    ws.calendar.import_file(EVELYNE, "test.ics", client="evelyne")
    ws.calendar.import_file(DENTAL, "test.ics", client="dental")
    return ws
