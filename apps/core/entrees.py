"""The door of the API: what is refused before any view, parser or query sees it.

A body over the limit is refused from its announced length (or after reading just past the
limit when it is sent in chunks), so that no worker ever holds a 100 MB body. Deeply nested
JSON would exhaust Python's recursion while parsing, and NUL bytes or invalid UTF-8 reach
PostgreSQL (which refuses them with an error, not a 400): both are refused here, in one
place, with the API's error body. See docs/securite.md.
"""

import io
import re
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.core.handlers.wsgi import LimitedStream
from django.http import JsonResponse

from apps.core.exceptions import error_body

# Headers the API reads (Django names); any other header is never looked at.
ENTETES_LUS = (
    "CONTENT_TYPE",
    "HTTP_AUTHORIZATION",
    "HTTP_X_BORNE_ID",
    "HTTP_X_BORNE_KEY",
    "HTTP_IDEMPOTENCY_KEY",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
)
_CHAINE_JSON = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_CROCHET = re.compile(rb"[\[\]{}]")
# \u0000 escaped in a JSON string (an odd number of backslashes before "u0000").
_NUL_ECHAPPE = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000", re.IGNORECASE)


class RequeteIllisible(Exception):
    pass


def _texte_valide(octets: bytes) -> None:
    if b"\x00" in octets:
        raise RequeteIllisible
    try:
        octets.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RequeteIllisible from exc


def _octets_wsgi(valeur: str) -> bytes:
    """WSGI hands bytes over as latin-1 text: get the bytes the client sent back."""
    try:
        return valeur.encode("latin-1")
    except UnicodeEncodeError as exc:
        raise RequeteIllisible from exc


def verifier_requete(path_info: str, meta: dict) -> None:
    """Path, query string and the headers we read: UTF-8 without NUL, else RequeteIllisible."""
    # Django has already decoded the path, percent-encoding again the bytes that are not UTF-8:
    # a "%" left in an API path comes from such bytes (no API path holds a percent sign).
    if "\x00" in path_info or (path_info.startswith("/api/") and "%" in path_info):
        raise RequeteIllisible
    _texte_valide(unquote_to_bytes(meta.get("QUERY_STRING", "").replace("+", " ")))
    for nom in ENTETES_LUS:
        if nom in meta:
            _texte_valide(_octets_wsgi(meta[nom]))


def profondeur_json(corps: bytes) -> int:
    """Deepest nesting of arrays/objects, strings ignored, without parsing (no recursion)."""
    profondeur = maximum = 0
    for crochet in _CROCHET.finditer(_CHAINE_JSON.sub(b"", corps)):
        profondeur += 1 if crochet.group() in (b"[", b"{") else -1
        maximum = max(maximum, profondeur)
    return maximum


def verifier_corps(corps: bytes) -> None:
    _texte_valide(corps)
    if _NUL_ECHAPPE.search(corps) or profondeur_json(corps) > settings.API_JSON_PROFONDEUR_MAX:
        raise RequeteIllisible


def _trop_volumineux() -> JsonResponse:
    limite = settings.API_CORPS_MAX_OCTETS // 1024
    return JsonResponse(
        error_body("corps_trop_volumineux", f"Les données envoyées dépassent {limite} Ko."),
        status=413,
    )


def _lire_corps_fragmente(request) -> bytes | None:
    """A chunked body (no Content-Length): read just past the limit; None when over it."""
    flux = request.META["wsgi.input"]
    corps = flux.read(settings.API_CORPS_MAX_OCTETS + 1)
    if len(corps) > settings.API_CORPS_MAX_OCTETS:
        return None
    # Django reads the body by Content-Length only: hand it the bytes we already read.
    request.META["CONTENT_LENGTH"] = str(len(corps))
    request._stream = LimitedStream(io.BytesIO(corps), len(corps))
    return corps


class EntreesApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            verifier_requete(request.path_info, request.META)
        except RequeteIllisible:
            return JsonResponse(
                error_body("requete_illisible", "La requête contient des caractères non valides."), status=400
            )
        if request.path_info.startswith("/api/"):
            refus = self._refus_du_corps(request)
            if refus is not None:
                return refus
        return self.get_response(request)

    def _refus_du_corps(self, request):
        longueur = request.META.get("CONTENT_LENGTH") or ""
        if longueur.strip():
            try:
                taille = int(longueur)
            except ValueError:
                taille = -1
            if taille > settings.API_CORPS_MAX_OCTETS:
                return _trop_volumineux()
            if taille < 0:
                return JsonResponse(error_body("requete_illisible", "Longueur de données invalide."), status=400)
            corps = request.body if taille else b""
        elif "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower():
            corps = _lire_corps_fragmente(request)
            if corps is None:
                return _trop_volumineux()
        else:
            corps = b""
        if corps:
            try:
                verifier_corps(corps)
            except RequeteIllisible:
                return JsonResponse(
                    error_body(
                        "donnees_illisibles",
                        "Les données envoyées sont illisibles (JSON invalide, trop imbriqué ou caractère nul).",
                    ),
                    status=400,
                )
        return None
