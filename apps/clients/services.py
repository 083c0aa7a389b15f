"""Writes on clients made by agents in the admin."""

from django.db import transaction

from apps.agents.models import ActionJournalisee
from apps.agents.services import action_journaliser, champs_changer
from apps.clients.models import Client


@transaction.atomic
def client_modifier(*, client: Client, changements: dict, utilisateur) -> Client:
    """An agent corrects a client's identity; the telephone is the kiosk sign-in, so every change is journaled."""
    client = Client.objects.select_for_update().get(pk=client.pk)
    differences = champs_changer(client, changements)
    if differences:
        client.full_clean(exclude=["date_creation"])
        client.save(update_fields=list(differences))
        action_journaliser(
            utilisateur=utilisateur,
            action=ActionJournalisee.CLIENT,
            objet=f"client {client.pk} ({client.prenom} {client.nom})",
            details=differences,
        )
    return client
