"""Serve the kiosk's web build at /borne/ (the same build Electron bundles)."""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def borne_config(request):
    """Runtime config of the kiosk in a browser. The demo kiosk's key only in development."""
    if not settings.BORNE_WEB_CONFIG:
        raise Http404
    return JsonResponse(
        {
            "apiBaseUrl": "",
            "borneId": "BZV-DEMO-01",
            "borneKey": settings.DEMO_BORNE_KEY,
            "agence": "Agence Brazzaville Centre",
            "inactivitySeconds": 270,
            "inactivityCountdownSeconds": 30,
            "sandbox": settings.MOMO_TARGET_ENVIRONMENT == "sandbox",
        }
    )


@require_GET
def borne_fichier(request, chemin: str):
    dist = Path(settings.KIOSK_DIST_DIR).resolve()
    fichier = (dist / chemin).resolve() if chemin else dist / "index.html"
    if not fichier.is_relative_to(dist):
        raise Http404
    if not fichier.is_file():
        # Unknown paths fall back to the app shell; a missing build says how to make it.
        fichier = dist / "index.html"
        if not fichier.is_file():
            return HttpResponse(
                "La borne n'est pas construite : lancez « npm run build » dans kiosk-electron/.",
                status=503,
                content_type="text/plain; charset=utf-8",
            )
    type_contenu = mimetypes.guess_type(str(fichier))[0] or "application/octet-stream"
    reponse = FileResponse(open(fichier, "rb"), content_type=type_contenu)  # noqa: SIM115
    # Hashed assets may be cached; the page itself never.
    reponse["Cache-Control"] = "public, max-age=31536000, immutable" if "/assets/" in str(fichier) else "no-store"
    return reponse
