"""One error contract for the whole API: {"code", "message", "details"?} in French."""

import logging
import uuid

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import Http404, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler, set_rollback

logger = logging.getLogger(__name__)


class ApplicationError(Exception):
    """A refusal the caller can understand and act on, raised by services and selectors."""

    status_code = status.HTTP_400_BAD_REQUEST

    def __init__(self, code: str, message: str, *, details: dict | None = None, status_code=None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = details or {}
        if status_code is not None:
            self.status_code = status_code


class Conflict(ApplicationError):
    status_code = status.HTTP_409_CONFLICT


class NotFound(ApplicationError):
    status_code = status.HTTP_404_NOT_FOUND

    def __init__(self, message: str = "Ressource introuvable.", *, code: str = "introuvable"):
        super().__init__(code, message)


def error_body(code: str, message: str, details: dict | None = None) -> dict:
    body = {"code": code, "message": message}
    if details:
        body["details"] = details
    return body


# The connection to PostgreSQL is gone (server down, restarted, network): the request may
# succeed a moment later, once Django has opened a new connection (CONN_HEALTH_CHECKS).
BASE_INDISPONIBLE = (OperationalError, InterfaceError)
MESSAGE_INDISPONIBLE = "Service momentanément indisponible. Réessayez dans un instant."


def reponse_base_indisponible() -> JsonResponse:
    logger.error("Base de données indisponible")
    reponse = JsonResponse(error_body("service_indisponible", MESSAGE_INDISPONIBLE), status=503)
    reponse["Retry-After"] = str(settings.API_RETRY_AFTER_BASE_SECONDES)
    return reponse


def erreur_interne_journaliser(exc_info) -> str:
    """Log an unexpected failure with its traceback under a short reference, returned."""
    # Groups of 4 hex digits: never 11 digits in a row, which the log masking would take for a
    # telephone and hide (the reference must be found in the logs as the client reads it).
    chiffres = uuid.uuid4().hex
    reference = f"{chiffres[:4]}-{chiffres[4:8]}-{chiffres[8:12]}"
    logger.error("Erreur inattendue, référence %s", reference, exc_info=exc_info)
    return reference


def reponse_erreur_interne(reference: str) -> JsonResponse:
    """500 without any detail of the failure: the reference finds it in the logs."""
    return JsonResponse(
        error_body(
            "erreur_interne",
            "Une erreur inattendue est survenue. Réessayez dans un instant.",
            {"reference": reference},
        ),
        status=500,
    )


# DRF's own exceptions, worded for the person at the kiosk.
_DRF_ERRORS = {
    exceptions.NotAuthenticated: ("non_authentifie", "Veuillez vous identifier pour continuer."),
    exceptions.AuthenticationFailed: (
        "session_expiree",
        "Votre session a expiré. Veuillez vous identifier à nouveau.",
    ),
    exceptions.PermissionDenied: ("acces_refuse", "Vous n'avez pas accès à cette ressource."),
    exceptions.NotFound: ("introuvable", "Ressource introuvable."),
    exceptions.MethodNotAllowed: ("methode_non_autorisee", "Cette opération n'est pas permise ici."),
    exceptions.NotAcceptable: ("format_non_accepte", "Format de réponse non disponible."),
    exceptions.UnsupportedMediaType: (
        "format_non_supporte",
        "Les données doivent être envoyées en JSON.",
    ),
    exceptions.ParseError: ("donnees_illisibles", "Les données envoyées sont illisibles (JSON invalide)."),
}


def api_exception_handler(exc, context):
    if isinstance(exc, ApplicationError):
        # Every limit says when to come back (a refusal carrying retry_after).
        retry_after = getattr(exc, "retry_after", None)
        return Response(
            error_body(exc.code, exc.message, exc.details),
            status=exc.status_code,
            headers={"Retry-After": str(retry_after)} if retry_after else None,
        )
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(detail=getattr(exc, "message_dict", {"non_field_errors": exc.messages}))
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    if isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    if isinstance(exc, BASE_INDISPONIBLE):
        set_rollback()
        return reponse_base_indisponible()
    if isinstance(exc, DatabaseError):
        # Never leak SQL: a database refusal the serializers did not catch is logged for us.
        logger.exception("Erreur base de données non prévue")
        return Response(
            error_body("conflit", "Opération refusée par la base de données."),
            status=status.HTTP_409_CONFLICT,
        )

    response = exception_handler(exc, context)
    if response is None:
        # Unexpected: logged with a reference, answered 500 with it, never a stack trace.
        set_rollback()
        return reponse_erreur_interne(erreur_interne_journaliser((type(exc), exc, exc.__traceback__)))
    if isinstance(exc, exceptions.ValidationError):
        response.data = error_body(
            "donnees_invalides",
            "Certaines informations sont invalides. Vérifiez les champs indiqués.",
            _as_details(exc.detail),
        )
    elif isinstance(exc, exceptions.Throttled):
        wait = int(exc.wait or 60)
        response.data = error_body(
            "trop_de_requetes",
            f"Trop de demandes. Réessayez dans {wait} secondes.",
            {"retry_after": wait},
        )
    else:
        code, message = next(
            ((c, m) for cls, (c, m) in _DRF_ERRORS.items() if isinstance(exc, cls)),
            ("erreur", str(exc.detail) if hasattr(exc, "detail") else "Erreur."),
        )
        response.data = error_body(code, message)
    return response


def _as_details(detail):
    if isinstance(detail, dict):
        return {k: _as_details(v) for k, v in detail.items()}
    if isinstance(detail, list):
        if all(isinstance(d, str) for d in detail):
            return [str(d) for d in detail]
        return [_as_details(d) for d in detail]
    return {"non_field_errors": [str(detail)]} if not isinstance(detail, str) else [str(detail)]
