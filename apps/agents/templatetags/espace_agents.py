"""French amounts and dates, and statuses in words and colour, for the agents' pages."""

from django import template
from django.utils.html import format_html

from apps.core import formats

register = template.Library()

# Colour of a statut (of a contrat, échéance, paiement, sinistre, souscription) by what it asks of an agent.
COULEURS = {
    "vert": {"actif", "payee", "succes", "accepte", "paye", "activee"},
    "orange": {"suspendu", "suspendue", "en_attente", "declare", "en_instruction", "a_venir", "en_attente_paiement"},
    "rouge": {"en_retard", "echec", "rejete", "resilie", "resiliee", "expire", "annulee", "expiree"},
}
LIBELLES = {
    "actif": "Actif",
    "expire": "Expiré",
    "suspendu": "Suspendu",
    "resilie": "Résilié",
    "payee": "Payée",
    "en_retard": "En retard",
    "a_venir": "À venir",
    "succes": "Réussi",
    "echec": "Échoué",
    "en_attente": "En attente",
}


@register.filter
def fcfa(montant):
    return formats.fcfa(montant)


@register.filter
def jour(valeur):
    return formats.jour(valeur)


@register.filter
def moment(valeur):
    return formats.moment(valeur) if valeur else "—"


@register.filter
def pastille(statut, libelle=None):
    """<span class="pastille vert">Payée</span>: the word first, the colour to spot it."""
    couleur = next((c for c, statuts in COULEURS.items() if statut in statuts), "gris")
    return format_html('<span class="pastille {}">{}</span>', couleur, libelle or LIBELLES.get(statut, statut or "—"))
