import sys

from django.conf import settings
from django.core.signals import got_request_exception
from django.dispatch import receiver

from apps.core.exceptions import (
    BASE_INDISPONIBLE,
    erreur_interne_journaliser,
    reponse_base_indisponible,
    reponse_erreur_interne,
)


class PasDeCacheApiMiddleware:
    """API answers carry a client's data: no browser or proxy may keep them (kiosk rule)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/api/v1/"):
            response["Cache-Control"] = "no-store"
            response["Pragma"] = "no-cache"
        return response


@receiver(got_request_exception)
def _noter_exception(sender, request=None, **kwargs):
    """Django is turning an uncaught exception into a 500: log it under a reference."""
    if request is not None and request.path_info.startswith("/api/"):
        exc_info = sys.exc_info()
        request.erreur_api = (exc_info[1], erreur_interne_journaliser(exc_info))


class ErreursApiMiddleware:
    """Outermost: whatever failed under /api/ (a middleware, a non-DRF view), the answer is
    the JSON error body. Django has already turned the exception into a 500 page (with the
    stack trace when DEBUG is on): that page is replaced, never sent.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        erreur = getattr(request, "erreur_api", None)
        if erreur is None:
            return response
        exception, reference = erreur
        if isinstance(exception, BASE_INDISPONIBLE):
            return reponse_base_indisponible()
        return reponse_erreur_interne(reference)


class PolitiqueContenuMiddleware:
    """Content-Security-Policy: the kiosk page loads only its own files and runs nothing
    inline; API answers are data and may load nothing at all."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        chemin = request.path_info
        if chemin.startswith("/borne/"):
            response.setdefault("Content-Security-Policy", settings.CSP_BORNE)
        elif chemin.startswith(("/api/v1/", "/api/schema/")) or chemin == "/health/":
            response.setdefault("Content-Security-Policy", settings.CSP_API)
        return response
