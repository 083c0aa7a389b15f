"""One error contract for the whole API: {"code", "message", "details"?} in French."""

import logging

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DatabaseError, OperationalError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

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


class ServiceUnavailable(ApplicationError):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE


def error_body(code: str, message: str, details: dict | None = None) -> dict:
    body = {"code": code, "message": message}
    if details:
        body["details"] = details
    return body


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
    if isinstance(exc, OperationalError):
        logger.error("Base de données indisponible: %s", type(exc).__name__)
        return Response(
            error_body("service_indisponible", "Service momentanément indisponible. Réessayez dans un instant."),
            status=status.HTTP_503_SERVICE_UNAVAILABLE,
        )
    if isinstance(exc, DatabaseError):
        # Never leak SQL: a database refusal the serializers did not catch is logged for us.
        logger.exception("Erreur base de données non prévue")
        return Response(
            error_body("conflit", "Opération refusée par la base de données."),
            status=status.HTTP_409_CONFLICT,
        )

    response = exception_handler(exc, context)
    if response is None:
        return None
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
