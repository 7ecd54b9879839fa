"""The demo week in French, for a VA whose workspace speaks French (`language`).

The same clients, tasks, time and meetings as `demo.py` and `demo_calendar.py`,
by the same ids: only the words change (titles, notes, tags, entry notes, event
summaries), so every screen shows the same week in either language. It is data,
not UI text: a VA's tasks are written in her language, never translated as she
reads them, so it lives here and not in the gettext catalogs.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from vaworkspace.domain.models import Client, Task

TITLES = {
    1: "Réserver les vols Montréal → Paris pour le défilé",
    2: "Confirmer la livraison de tissu avec Tissus Rioux",
    3: "Répondre à l'agence de mannequins pour les essayages",
    4: "Mettre à jour le déroulé du défilé dans l'agenda partagé",
    5: "Publier un avant-goût des essayages sur Instagram",
    6: "Finaliser la liste des invités du défilé",
    7: "Envoyer les invitations du défilé à la presse",
    8: "Réserver l'hôtel pour la semaine du défilé à Paris",
    9: "Saisir les reçus de tissu de novembre dans le tableur",
    10: "Appeler une agence de couturières temporaires",
    11: "Trier la boîte courriel de la clinique",
    12: "Confirmer les rendez-vous de demain par SMS",
    13: "Relancer les factures de patients impayées",
    14: "Bloquer l'agenda du Dr Lefèvre pour les fêtes",
    15: "Commander les fournitures chez Henry Schein",
    16: "Saisir les fiches des nouveaux patients dans Logos",
    17: "Répondre aux avis Google de la semaine",
    18: "Préparer le rapport d'activité mensuel",
    19: "Envoyer l'infolettre hebdomadaire",
    20: "Planifier les appels découverte du formulaire du site",
    21: "Mettre à jour le tableur de suivi des clients",
    22: "Rédiger les publications LinkedIn de la semaine prochaine",
    23: "Réserver une salle pour l'atelier de mars",
    24: "Configurer les rappels Calendly",
    25: "Transcrire les mémos vocaux en notes de séance",
    26: "Publier la nouvelle annonce sur Centris et Facebook",
    27: "Réserver un photographe pour l'appartement rue des Lilas",
    28: "Saisir les retours de visite dans le CRM",
    29: "Organiser la visite libre de samedi",
    30: "Envoyer les documents du notaire aux acheteurs",
    31: "Mettre à jour la grille de prix des annonces",
    32: "Renouveler l'abonnement Canva",
    33: "Envoyer la facture mensuelle",
    34: "Publier les spéciaux du jour sur Instagram",
    35: "Appeler le meunier pour les livraisons des fêtes",
    36: "Mettre à jour les heures d'ouverture de Noël sur Google",
    37: "Préparer le bon de précommande de Noël",
    38: "Trouver un outil de facturation qui gère le CAD",
    39: "Idée : modèle de dossier Drive pour les nouveaux clients",
    40: "Rappeler le comptable au sujet de la TVA trimestrielle",
}
NOTES = {
    1: "Siège côté couloir, bagage en soute pour les housses. Budget max 900 CAD.",
    8: "Évelyne doit confirmer les dates avec la salle.",
    13: "Trois patients à plus de 60 jours : Dupont, Nguyen, Moreau.",
    15: "Devis envoyé au Dr Lefèvre ; commander dès qu'elle l'approuve.",
    23: "Demandé son budget à Marc lundi.",
    33: "Heures tirées de la vue forfait ; PDF à leon@example.com.",
    40: "Avant le 15.",
}
CLIENT_NOTES = {
    "evelyne": "Couturière. Trois semaines de rush avant son défilé : elle décide vite, par SMS.",
    "dental": "Clinique dentaire, Dr Lefèvre. Les données des patients restent dans Logos.",
    "coach": "Coach de vie. L'infolettre part tous les jeudis.",
    "realtor": "Agente immobilière. Facturée à l'heure, sans forfait.",
    "bakery": "Boulangerie de quartier. Facturer le 1er.",
}
TAGS = {
    "agenda": "agenda",
    "travel": "voyage",
    "next": "prochain",
    "supplier": "fournisseur",
    "email": "courriel",
    "social": "réseaux",
    "data-entry": "saisie",
    "invoice": "facture",
    "newsletter": "infolettre",
}
ENTRY_NOTES = {
    "guest list: replies sorted": "liste d'invités : réponses triées",
    "call: show logistics": "appel : logistique du défilé",
    "listing copy": "texte de l'annonce",
    "daily specials": "spéciaux du jour",
    "compared Air Canada and Air Transat fares": "comparé les tarifs Air Canada et Air Transat",
    "guest list with the PR agency": "liste d'invités avec l'agence de relations publiques",
    "CRM entry": "saisie CRM",
    "own invoicing and admin": "ma facturation et mon administration",
    "run-of-show v2": "déroulé v2",
    "LinkedIn drafts": "brouillons LinkedIn",
    "holiday specials": "spéciaux des fêtes",
    "patient reminders": "rappels aux patients",
    "listing photos and copy": "photos et texte de l'annonce",
    "supplier calls": "appels aux fournisseurs",
    "inbox zero": "boîte de réception vidée",
    "newsletter": "infolettre",
    "hotel shortlist": "présélection d'hôtels",
}
EVENTS = {
    "Call with Évelyne: show logistics": "Appel avec Évelyne : logistique du défilé",
    "Fitting at the atelier (video)": "Essayage à l'atelier (vidéo)",
    "Évelyne's fashion show, Paris": "Défilé d'Évelyne, Paris",
    "Clinic staff meeting": "Réunion d'équipe de la clinique",
    "Supplier rep visit, Dr. Lefèvre": "Visite du représentant, Dr Lefèvre",
    "Weekly check-in with Marc": "Point hebdomadaire avec Marc",
    "Newsletter review with Marc": "Relecture de l'infolettre avec Marc",
    "Open house prep with Sophie": "Préparation de la visite libre avec Sophie",
    "Photographer at rue des Lilas": "Photographe rue des Lilas",
    "Boulangerie closed: inventory": "Boulangerie fermée : inventaire",
}


FRANCE = (
    ("la boîte courriel", "la boîte mail"),
    ("courriel", "e-mail"),
    ("L'infolettre", "La newsletter"),
    ("l'infolettre", "la newsletter"),
    ("infolettre", "newsletter"),
    ("spéciaux", "offres"),
    ("la visite libre", "la journée portes ouvertes"),
    ("Centris", "SeLoger"),
)
"""The words above as Québec says them, and as France does (in this order: the
longer phrase first)."""


def regional(text: str, language: str) -> str:
    """`text` as written above (a Montréal VA's words) or, for French from another
    region (`fr_FR`, `fr_BE`...), with France's words: `courriel` is `e-mail` there.
    Plain `fr` keeps the words as written."""
    if "_" not in language or language.startswith("fr_CA"):
        return text
    for quebec, france in FRANCE:
        text = text.replace(quebec, france)
    return text


def in_french(clients: list[Client], tasks: list[Task], language: str = "fr") -> None:
    """The demo's clients and tasks, in place, with French words (same ids)."""
    for client in clients:
        client.notes = regional(CLIENT_NOTES.get(client.id, client.notes), language)
    for task in tasks:
        task.title = regional(TITLES.get(task.id, task.title), language)
        task.notes = regional(NOTES.get(task.id, task.notes), language)
        task.tags = [regional(TAGS.get(tag, tag), language) for tag in task.tags]


def entry_note(note: str, language: str = "fr") -> str:
    """A demo entry's note in French."""
    return regional(ENTRY_NOTES.get(note, note), language)


def event_summary(summary: str, language: str = "fr") -> str:
    """A demo event's summary in French."""
    return regional(EVENTS.get(summary, summary), language)
