"""Reads about kiosks and their sessions."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from apps.borne_auth.models import AppelAgent, Borne
from apps.core.sql import existe


def session_ouverte(*, session_id: str, client_id: int) -> bool:
    """Not ended, not past its absolute lifetime, and its contrat neither résilié nor annulé."""
    session = session_a_verifier(session_id=session_id, client_id=client_id)
    # Every signed-in request runs it: constant SQL (apps/core/sql.py), no ORM compilation.
    return session is not None and existe(SQL_SESSION_OUVERTE, session)


def session_a_verifier(*, session_id: str, client_id: int) -> dict | None:
    """The parameters of SESSION_OUVERTE for this session; None for what is no session id at all."""
    from apps.borne_auth.services import STATUTS_SESSION_OUVERTE

    try:
        session_uuid = uuid.UUID(session_id)
    except ValueError:
        return None
    return {
        "session_id": session_uuid,
        "session_client": client_id,
        "session_maintenant": timezone.now(),
        "session_statuts": list(STATUTS_SESSION_OUVERTE),
    }


# The condition itself, which a client's read may carry in its own SQL (one round trip for both:
# apps.borne_auth.authentication.SessionDiffereeMixin), with the parameters of session_a_verifier.
SESSION_OUVERTE = """EXISTS (
SELECT 1 FROM sessions_clients sc JOIN souscriptions_pass s ON s.id = sc.souscription_id
 WHERE sc.id = %(session_id)s AND sc.client_id = %(session_client)s AND sc.revoquee_le IS NULL
   AND sc.expire_le > %(session_maintenant)s AND s.statut = ANY(%(session_statuts)s))"""
SQL_SESSION_OUVERTE = f"SELECT 1 WHERE {SESSION_OUVERTE}"


def bornes_hors_ligne():
    """Active bornes silent for more than BORNE_HORS_LIGNE_MINUTES (a few hundred rows at most)."""
    limite = timezone.now() - timedelta(minutes=settings.BORNE_HORS_LIGNE_MINUTES)
    return Borne.objects.filter(actif=True).filter(Q(derniere_activite__isnull=True) | Q(derniere_activite__lt=limite))


def appels_agent_en_attente():
    """Bornes whose « Appeler un agent » was touched and not yet handled (one per borne at most:
    the partial unique index appel_agent_un_en_attente holds exactly these rows)."""
    return AppelAgent.objects.filter(traite_le__isnull=True)
