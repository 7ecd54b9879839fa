"""The domain's errors in French under a French UI, in English otherwise (issue #12):
each case raises the same way in both languages, and the message names the same
things (the text typed, the numbers) in words of the language in use."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from tests.domain.date_cases import MTL, NOW
from tests.error_languages import assert_speaks_each_language
from vaworkspace.domain import clients, dates, money, rate_plan
from vaworkspace.domain.kind_rates import parse_kind
from vaworkspace.domain.models import Client, Task
from vaworkspace.domain.tasks import lifecycle, recurrence
from vaworkspace.domain.tasks.fields import parse_fields
from vaworkspace.domain.tasks.quickadd import parse_quick_add
from vaworkspace.domain.tasks.urgency import Coefficients
from vaworkspace.domain.time import entries, timer, worktime
from vaworkspace.errors import UnknownClient
from vaworkspace.i18n import use_language

ACME = Client(id="acme", name="Acme Inc")
TASK = Task(id=7, uuid="u", title="Report", created=NOW, modified=NOW, status="done")

CASES = {
    "ambiguous mar": (
        lambda: dates.parse_when("mar 5", NOW, MTL),
        "it is ambiguous, 'mar' = mardi (tue) or 'mar' = march (mars)? write the word you mean",
        "date illisible « mar 5 » : elle est ambiguë, 'mar' = mardi (tue) ou 'mar' = march",
    ),
    "unreadable date": (
        lambda: dates.parse_when("frday", NOW, MTL),
        "can't read the date 'frday': try today, tomorrow",
        "date illisible « frday » : essayez aujourd'hui, demain",
    ),
    "number in words": (
        lambda: dates.parse_when("dans sept jours", NOW, MTL),
        "write the number in digits ('sept')",
        "écrivez le nombre en chiffres (« sept »)",
    ),
    "weekday contradicts": (
        lambda: dates.parse_when("fri dec 12", NOW, MTL),
        "2026-12-12 is a saturday, not a friday",
        "le 2026-12-12 est un samedi, pas un vendredi",
    ),
    "hour or day": (
        lambda: dates.parse_when("ven 17", NOW, MTL),
        "the 17th or 17:00? write ven 17:00",
        "le 17 ou 17 h ? écrivez ven 17h",
    ),
    "iso": (
        lambda: dates.parse_iso("soon"),
        "'soon' is not an ISO date",
        "« soon » n'est pas une date ISO",
    ),
    "duration": (
        lambda: dates.parse_duration("lots"),
        "can't read the duration 'lots'",
        "durée illisible « lots » : essayez 30m",
    ),
    "quick-add date": (
        lambda: parse_quick_add("Report due:frday", NOW, MTL),
        "can't read the date in 'due:frday'",
        "date illisible dans « due:frday »",
    ),
    "quick-add ambiguous": (
        lambda: parse_quick_add("Appeler éch:mar 5", NOW, MTL),
        "it is ambiguous",
        "elle est ambiguë",
    ),
    "quick-add twice": (
        lambda: parse_quick_add("Report due:fri éch:mon", NOW, MTL),
        "due given twice ('fri' and 'mon')",
        "échéance donnée deux fois (« fri » et « mon »)",
    ),
    "quick-add repetition": (
        lambda: parse_quick_add("Backup chaque mar", NOW, MTL),
        "'mar' is ambiguous in a repetition",
        "« mar » est ambigu dans une répétition",
    ),
    "no title": (
        lambda: lifecycle.new_task(
            parse_quick_add("@acme due:fri", NOW, MTL), None, 1, "u", NOW, MTL
        ),
        "a task needs a title",
        "une tâche doit avoir un titre",
    ),
    "already done": (
        lambda: lifecycle.complete(TASK, NOW),
        "task 7 is already done; cannot complete it",
        "la tâche 7 est déjà faite ; impossible de la terminer",
    ),
    "form priority": (
        lambda: parse_fields({"priority": "urgent"}, TASK, NOW, MTL),
        "priority 'urgent' must be high",
        "la priorité « urgent » doit être haute",
    ),
    "unknown client": (
        lambda: clients.resolve_client("zorglub", [ACME]),
        "no client '@zorglub'; clients are @acme (add it with `va client add`)",
        "aucun client « @zorglub » ; les clients sont @acme (ajoutez-le avec `va client add`)",
    ),
    "client id": (
        lambda: clients.validate_id("9 lives"),
        "'9 lives' is not a valid client id: a client id is 1-24",
        "« 9 lives » n'est pas un identifiant de client valide : un identifiant",
    ),
    "weight": (
        lambda: clients.validate_weight("9"),
        "weight '9' must be a whole number",
        "le poids « 9 » doit être un nombre entier",
    ),
    "time zone": (
        lambda: clients.validate_timezone("Europe/Pari"),
        "unknown time zone 'Europe/Pari'; did you mean Europe/Paris? use an IANA name",
        "fuseau horaire inconnu « Europe/Pari » ; vouliez-vous dire Europe/Paris ? utilisez",
    ),
    "budget": (
        lambda: money.parse_budget("200h/week"),
        "budget '200h/week' must be more than 0 and fit in a week",
        "le forfait « 200h/week » doit être de plus de 0 et tenir dans une semaine",
    ),
    "rate": (
        lambda: money.parse_rate("-5"),
        "rate '-5' cannot be negative; write the hourly rate",
        "le taux « -5 » ne peut pas être négatif ; écrivez le taux horaire",
    ),
    "kind": (
        lambda: parse_kind("42"),
        "'42' is not a kind of work",
        "« 42 » n'est pas un type de travail",
    ),
    "share": (
        lambda: rate_plan.parse_share("lots"),
        "billable share 'lots' is not a percentage",
        "la part facturable « lots » n'est pas un pourcentage",
    ),
    "rrule": (
        lambda: recurrence.validate_rrule("FREQ=SOMETIMES"),
        "recurrence 'FREQ=SOMETIMES' is not a valid RRULE: FREQ must be one of",
        "la récurrence « FREQ=SOMETIMES » n'est pas une RRULE valide : FREQ doit être",
    ),
    "urgency config": (
        lambda: Coefficients.from_config({"dew": 1}),
        "unknown urgency coefficient 'dew' in the config",
        "coefficient d'urgence inconnu « dew » dans la configuration",
    ),
    "log twice": (
        lambda: entries.parse_log(["1h", "@acme", "@beta"], NOW, MTL),
        "two clients (@acme and @beta); give one",
        "deux clients (@acme et @beta) ; donnez-en un",
    ),
    "log future": (
        lambda: entries.parse_log(["1h", "tomorrow"], NOW, MTL),
        "in the future: log time already worked",
        "dans le futur : saisissez du temps déjà travaillé",
    ),
    "pomodoro": (
        lambda: timer.PomodoroSettings.from_config({"focus": "long"}),
        "pomodoro setting 'focus' must be 1 to",
        "le réglage pomodoro « focus » doit aller de 1 à",
    ),
    "timer running": (
        lambda: timer.start(
            NOW,
            "stopwatch",
            12,
            "acme",
            timer.PomodoroSettings(),
            running=timer.start(NOW, "stopwatch", 12, "acme", timer.PomodoroSettings()).state,
            tz=MTL,
        ),
        "a timer is already running on task 12 for @acme (started 09:00); stop or switch",
        "un minuteur tourne déjà sur la tâche 12 pour @acme (démarré à 09:00) ; arrêtez-le",
    ),
    "work hours": (
        lambda: worktime.parse_work_hours("17:00-09:00"),
        "work hours '17:00-09:00' end before they start",
        "les heures de travail « 17:00-09:00 » finissent avant de commencer",
    ),
    "period": (
        lambda: entries.period_bounds("custom", NOW, MTL, date(2026, 12, 5), date(2026, 12, 1)),
        "the period ends (2026-12-01) before it starts (2026-12-05)",
        "la période finit (2026-12-01) avant de commencer (2026-12-05)",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_the_error_speaks_the_ui_language(name: str) -> None:
    action, english, french = CASES[name]
    # fr_FR too: no Québec difference in these
    assert_speaks_each_language(action, english, french, ("fr_CA", "fr_FR"))


def test_an_unknown_client_keeps_its_ref_for_the_offer_to_create_it() -> None:
    use_language("fr_CA")
    with pytest.raises(UnknownClient) as raised:
        clients.resolve_client("zorglub", [ACME])
    assert raised.value.ref == "zorglub"


def test_a_french_hint_reads_as_it_says() -> None:
    """The French examples an error gives are themselves understood."""
    now = datetime(2026, 12, 1, 14, tzinfo=timezone.utc)
    for phrase in (
        "aujourd'hui",
        "demain",
        "ven",
        "lundi prochain",
        "dans 3 jours",
        "fin de la semaine",
        "fin du mois",
        "5 déc",
        "ven 17h",
        "ven 17:00",
    ):
        dates.parse_when(phrase, now, MTL)
    for duration in ("30m", "45", "1h", "1h30", "1,5h"):
        dates.parse_duration(duration)
