"""Airtel Money as a payment gateway (apps/paiements/passerelles.py): the client behind it.

Builds the client from settings, records every HTTP call (masked) as an AppelAirtel row, and
turns Airtel's answers into the payment core's outcomes: TS → SUCCESSFUL, TF/TE → FAILED,
TIP/TI/TA → PENDING; "not found" only from the enquiry (404, ESB000045, DP00800001025).
Knows nothing of paiements or souscriptions.
"""

import logging
from functools import lru_cache

from django.conf import settings

from apps.airtel_integration import airtel
from apps.airtel_integration.airtel import codes
from apps.airtel_integration.models import AppelAirtel
from apps.paiements.passerelles import ECHOUE, EN_COURS, REUSSI, Demande, Indice, ResultatEnvoi, StatutOperateur

logger = logging.getLogger(__name__)


def _enregistrer_appel(appel: airtel.AirtelCall) -> None:
    try:
        AppelAirtel.objects.create(
            methode=appel.method,
            chemin=appel.path[:255],
            code_http=appel.status_code,
            duree_ms=int(appel.duration_ms),
            reference_id=(appel.reference_id or "")[:64],
            requete=appel.request_body or "",
            reponse=appel.response_body or "",
            erreur=(appel.error or "")[:255],
        )
    except Exception:  # the audit trail must never break a payment
        logger.exception("Appel Airtel non enregistré")


def configuration() -> airtel.AirtelConfig:
    return airtel.AirtelConfig(
        base_url=settings.AIRTEL_BASE_URL,
        client_id=settings.AIRTEL_CLIENT_ID,
        client_secret=settings.AIRTEL_CLIENT_SECRET,
        country=settings.AIRTEL_COUNTRY,
        currency=settings.AIRTEL_CURRENCY,
        signing=settings.AIRTEL_SIGNATURE,
        msisdn_format=settings.AIRTEL_FORMAT_MSISDN,
        callback_secret=settings.AIRTEL_CALLBACK_SECRET,
        timeout=settings.AIRTEL_TIMEOUT_SECONDS,
    )


@lru_cache(maxsize=4)
def _client(config: airtel.AirtelConfig) -> airtel.AirtelClient:
    # One client per configuration and process: its token and RSA key are shared by all jobs.
    return airtel.AirtelClient(config, recorder=_enregistrer_appel)


def client() -> airtel.AirtelClient:
    return _client(configuration())


class PasserelleAirtel:
    def envoyer(self, demande: Demande) -> ResultatEnvoi:
        try:
            client().pay(
                transaction_id=demande.reference_id,
                amount=demande.montant,
                msisdn=demande.payeur,
                reference=demande.libelle,
            )
        except airtel.AirtelRejected as exc:
            if exc.code == codes.DUPLICATE:  # Airtel already has this id: it was accepted
                return ResultatEnvoi(accepte=True)
            return ResultatEnvoi(accepte=False, refus=exc.code or "REFUS")
        except (airtel.AirtelUnavailable, airtel.AirtelAmbiguous):
            return ResultatEnvoi(accepte=False)  # unknown outcome: the enquiry settles it
        except airtel.AirtelError as exc:
            logger.warning("Paiement Airtel %s : %s", demande.reference_id, type(exc).__name__)
            return ResultatEnvoi(accepte=False)
        return ResultatEnvoi(accepte=True)

    def consulter(self, reference_id: str) -> StatutOperateur | None:
        try:
            enquete = client().enquiry(reference_id)
        except airtel.AirtelNotFound:
            return StatutOperateur(inconnue=True)
        except airtel.AirtelError:
            return None  # unreachable, 5xx, unreadable: no answer is not an answer
        if enquete.status == codes.SUCCESS:
            return StatutOperateur(statut=REUSSI, reference_operateur=enquete.airtel_money_id)
        if enquete.status in codes.FINAL_FAILURES:
            return StatutOperateur(statut=ECHOUE, raison=enquete.code or enquete.status)
        return StatutOperateur(statut=EN_COURS)

    def indice(self, corps: dict, parametres: dict, entetes: dict) -> Indice | None:
        """Airtel's callback names our transaction.id; with a secret configured, its hash must match."""
        secret = settings.AIRTEL_CALLBACK_SECRET
        if secret and not airtel.callback_hash_valid(corps, secret):
            logger.warning("Callback Airtel refusé : hash absent ou faux")
            return None
        transaction = corps.get("transaction")
        identifiant = transaction.get("id") if isinstance(transaction, dict) else None
        return Indice(reference_id=identifiant if isinstance(identifiant, str) else None)

    def rembourser(self, reference_operateur: str) -> bool:
        try:
            client().refund(reference_operateur)
        except airtel.AirtelError:
            return False
        return True

    def motif(self, code: str | None) -> str:
        return airtel.motif_francais(code)
