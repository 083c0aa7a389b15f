"""Keep personal data and secrets out of the logs, whoever writes them, tracebacks included.

Masked: telephone numbers, JWTs and bearer tokens, keys and passwords written as
`name=value` / `"name": "value"`, and personal names written the same way (nom, prénom…).
"""

import logging
import re

from apps.core.telephone import masquer_telephone

# +242061234567, 242061234567 and MTN test MSISDNs: keep the first 5 digits and the last 2.
_NUMERO = re.compile(r"\+?\d{11,}")
# A JWT (three base64url parts, the first one a JSON header "eyJ…") and any bearer token.
_JWT = re.compile(r"eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]{5,}")
_BEARER = re.compile(r"(?i)(bearer\s+)[^\s'\",]+")
# key=value or "key": "value" for secrets and personal names.
_CHAMPS = (
    r"password|mot_de_passe|secret|token|jeton|access|refresh|api_?key|cle|key|authorization"
    r"|x-borne-key|nom|prenom|first_?name|last_?name|name|payer_?name|beneficiaire"
)
_CHAMP_VALEUR = re.compile(
    rf"(?i)(['\"]?\b(?:{_CHAMPS})\b['\"]?\s*[:=]\s*)(['\"])(.*?)\2|(['\"]?\b(?:{_CHAMPS})\b['\"]?\s*=\s*)([^\s,&'\"}}\)]+)"
)


def _champ(m: re.Match) -> str:
    if m.group(1) is not None:
        return f"{m.group(1)}{m.group(2)}***{m.group(2)}"
    return f"{m.group(4)}***"


def masquer_numeros(texte: str) -> str:
    return _NUMERO.sub(lambda m: masquer_telephone(m.group(0)), texte)


def masquer(texte: str) -> str:
    texte = _JWT.sub("eyJ***", texte)
    texte = _BEARER.sub(r"\1***", texte)
    texte = _CHAMP_VALEUR.sub(_champ, texte)
    return masquer_numeros(texte)


_FORMAT_TRACE = logging.Formatter()


class MaskPIIFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masque = masquer(message)
        if masque != message:
            record.msg, record.args = masque, ()
        # Tracebacks carry exception messages (SQL values, a client's telephone): the text is
        # formatted here, masked, and the formatter uses it as is.
        if record.exc_info and not record.exc_text:
            record.exc_text = _FORMAT_TRACE.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = masquer(record.exc_text)
        if record.stack_info:
            record.stack_info = masquer(record.stack_info)
        return True


class RappelsInconnusFilter(logging.Filter):
    """Drops Django's « Not Found » line for an operator callback naming no transaction of ours.

    Such callbacks are unauthenticated and mostly forged: at the rate nginx lets through (per
    address, docs/exploitation.md) one line each would bury the log. nginx's access log and its
    429 warnings show a flood; a callback we know is still logged by the payment's own lines.
    """

    RAPPELS = frozenset({"mtn-callback", "airtel-callback"})  # apps/paiements/urls_operateurs.py

    def filter(self, record: logging.LogRecord) -> bool:
        route = getattr(getattr(record, "request", None), "resolver_match", None)
        rappel = route is not None and route.url_name in self.RAPPELS
        return not (rappel and getattr(record, "status_code", None) == 404)
