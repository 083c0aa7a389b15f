"""Idempotency-Key: the same request sent twice within 24 hours starts one operation only."""

import hashlib
import json
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.core.exceptions import ApplicationError, Conflict
from apps.paiements.models import RequeteIdempotente

DUREE = timedelta(hours=24)


def _empreinte(request) -> str:
    corps = json.dumps(request.data, sort_keys=True, default=str) if request.data else ""
    return hashlib.sha256(f"{request.method} {request.path} {corps}".encode()).hexdigest()


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
    RequeteIdempotente.objects.filter(portee=portee, cle=cle, date__lt=timezone.now() - DUREE).delete()
    try:
        with transaction.atomic():
            enregistrement = RequeteIdempotente.objects.create(portee=portee, cle=cle, empreinte=empreinte)
    except IntegrityError:
        precedente = RequeteIdempotente.objects.get(portee=portee, cle=cle)
        if precedente.empreinte != empreinte:
            raise Conflict(
                "idempotency_key_reutilisee", "Cette clé d'idempotence a déjà servi pour une autre demande."
            ) from None
        if precedente.code_http is None:
            raise Conflict("requete_en_cours", "Cette demande est déjà en cours de traitement.") from None
        return precedente.code_http, precedente.reponse
    try:
        code, corps = executer()
    except Exception:
        enregistrement.delete()
        raise
    enregistrement.code_http, enregistrement.reponse = code, corps
    enregistrement.save(update_fields=["code_http", "reponse"])
    return code, corps
