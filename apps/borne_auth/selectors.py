"""Reads about kiosk sessions."""

import uuid

from django.utils import timezone

from apps.borne_auth.models import SessionClient


def session_ouverte(*, session_id: str, client_id: int) -> bool:
    """Not ended, not past its absolute lifetime, and its contrat neither résilié nor annulé."""
    from apps.borne_auth.services import STATUTS_SESSION_OUVERTE

    try:
        uuid.UUID(session_id)
    except ValueError:
        return False
    return SessionClient.objects.filter(
        pk=session_id,
        client_id=client_id,
        revoquee_le__isnull=True,
        expire_le__gt=timezone.now(),
        souscription__statut__in=STATUTS_SESSION_OUVERTE,
    ).exists()
