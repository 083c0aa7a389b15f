"""Idempotency-Key: the same request sent twice within 24 hours starts one operation only.

The answer is stored in the same database transaction as the work it describes (the
paiement and its job): after a crash or a dropped connection, either both exist and a retry
replays the answer, or neither does and a retry simply runs. While its first request is
alive the key is "in progress" (409) for a lease of BAIL only (docs/paiements.md).
"""

import hashlib
import json
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter
from rest_framework.response import Response

from apps.core.api import adresse_ip
from apps.core.exceptions import ApplicationError, Conflict
from apps.paiements.models import RequeteIdempotente

DUREE = timedelta(hours=24)
BAIL = timedelta(seconds=30)

EN_TETE_IDEMPOTENCE = OpenApiParameter(
    "Idempotency-Key",
    str,
    OpenApiParameter.HEADER,
    description="Même clé dans les 24 h : la première réponse est rejouée, un seul paiement est lancé.",
)


def _empreinte(request) -> str:
    corps = json.dumps(request.data, sort_keys=True, default=str) if request.data else ""
    return hashlib.sha256(f"{request.method} {request.path} {corps}".encode()).hexdigest()


def _bail_prendre(*, portee: str, cle: str, empreinte: str):
    """Take the key's lease (committed at once, so concurrent requests see it), or answer.

    Returns None when the lease is ours, else the (status, body) to replay.
    """
    maintenant = timezone.now()
    # One statement, committed at once (autocommit), in the common case of a new key: each
    # round trip to PostgreSQL counts under load (docs/benchmarks.md, « Paiements »).
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {RequeteIdempotente._meta.db_table} (portee, cle, empreinte, date, fin_bail) "  # noqa: S608
            "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (portee, cle) DO NOTHING RETURNING id",
            [portee, cle, empreinte, maintenant, maintenant + BAIL],
        )
        if cursor.fetchone() is not None:
            return None
    # The key exists: forgotten after 24 hours (then taken again), else replayed or in progress.
    if RequeteIdempotente.objects.filter(portee=portee, cle=cle, date__lt=maintenant - DUREE).delete()[0]:
        return _bail_prendre(portee=portee, cle=cle, empreinte=empreinte)
    precedente = RequeteIdempotente.objects.filter(portee=portee, cle=cle).first()
    if precedente is None:  # removed meanwhile (its request failed): try once more
        return _bail_prendre(portee=portee, cle=cle, empreinte=empreinte)
    if precedente.empreinte != empreinte:
        raise Conflict("idempotency_key_reutilisee", "Cette clé d'idempotence a déjà servi pour une autre demande.")
    if precedente.code_http is not None:
        return precedente.code_http, precedente.reponse
    # A first request still running holds the lease; one that died left it to expire.
    repris = RequeteIdempotente.objects.filter(
        pk=precedente.pk, code_http__isnull=True, fin_bail__lt=maintenant
    ).update(fin_bail=maintenant + BAIL)
    if not repris:
        raise Conflict("requete_en_cours", "Cette demande est déjà en cours de traitement.")
    return None


def idempotent(request, *, portee: str, executer):
    """Run `executer` once per (portee, Idempotency-Key); replay its (status, body) afterwards.

    Without the header the request simply runs. Errors are not remembered: a refused request
    may be corrected and sent again with the same key.
    """
    cle = request.headers.get("Idempotency-Key")
    if not cle:
        return executer()
    if len(cle) > 100:
        raise ApplicationError("idempotency_key_invalide", "L'en-tête Idempotency-Key est trop long (100 au plus).")
    empreinte = _empreinte(request)
    deja = _bail_prendre(portee=portee, cle=cle, empreinte=empreinte)
    if deja is not None:
        return deja
    try:
        with transaction.atomic():
            code, corps = executer()
            # Same transaction as the work: the answer exists exactly when the work does.
            RequeteIdempotente.objects.filter(portee=portee, cle=cle).update(code_http=code, reponse=corps)
    except Exception:
        RequeteIdempotente.objects.filter(portee=portee, cle=cle, code_http__isnull=True).delete()
        raise
    return code, corps


# An API whose POST starts a payment: run once per Idempotency-Key, replayed afterwards.
# The view's `executer(request, **kwargs)` does the work and returns (status, body); its
# `post` calls `executer_une_fois`. Keys are kept per kiosk (or per address without one)
# unless the view names another scope (`portee_idempotence`).
# (Comments, not a docstring: the OpenAPI description of a view is its first docstring.)
class IdempotenceMixin:
    def portee_idempotence(self, request) -> str:
        borne = getattr(request, "borne", None)
        return f"borne:{borne.identifiant}" if borne else f"adresse:{adresse_ip(request)}"

    def executer(self, request, **kwargs) -> tuple[int, dict]:
        raise NotImplementedError

    def executer_une_fois(self, request, **kwargs) -> Response:
        code, corps = idempotent(
            request, portee=self.portee_idempotence(request), executer=lambda: self.executer(request, **kwargs)
        )
        return Response(corps, status=code)
