"""Reads about kiosks and their sessions."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from apps.borne_auth.models import AppelAgent, Borne, SessionClient


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


def bornes_hors_ligne():
    """Active bornes silent for more than BORNE_HORS_LIGNE_MINUTES (a few hundred rows at most)."""
    limite = timezone.now() - timedelta(minutes=settings.BORNE_HORS_LIGNE_MINUTES)
    return Borne.objects.filter(actif=True).filter(Q(derniere_activite__isnull=True) | Q(derniere_activite__lt=limite))


def appels_agent_en_attente():
    """Bornes whose « Appeler un agent » was touched and not yet handled (one per borne at most:
    the partial unique index appel_agent_un_en_attente holds exactly these rows)."""
    return AppelAgent.objects.filter(traite_le__isnull=True)
