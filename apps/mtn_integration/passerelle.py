"""MTN MoMo as a payment gateway (apps/paiements/passerelles.py): the Collection client behind it.

Builds the client from settings, records every HTTP call (masked) as an AppelMomo row, and
turns the client's results and exceptions into the few outcomes the payment core acts on.
Knows nothing of paiements or souscriptions.
"""

import logging
import uuid
from functools import lru_cache

from django.conf import settings

from apps.mtn_integration import momo
from apps.mtn_integration.models import AppelMomo, TransactionMomo
from apps.mtn_integration.momo import reasons
from apps.paiements.passerelles import Demande, Indice, ResultatEnvoi, StatutOperateur

logger = logging.getLogger(__name__)

# Kept for the tests and scripts written with the earlier name.
StatutMomo = StatutOperateur


def _enregistrer_appel(appel) -> None:
    try:
        AppelMomo.objects.create(
            transaction=TransactionMomo.objects.filter(reference_id=appel.reference_id).first()
            if appel.reference_id
            else None,
            methode=appel.method,
            chemin=appel.path[:255],
            code_http=appel.status_code,
            duree_ms=int(appel.duration_ms),
            reference_id=appel.reference_id or "",
            requete=appel.request_body or "",
            reponse=appel.response_body or "",
            erreur=(appel.error or "")[:255],
        )
    except Exception:  # the audit trail must never break a payment
        logger.exception("Appel MoMo non enregistré")


def configuration() -> "momo.MomoConfig":
    return momo.MomoConfig(
        base_url=settings.MOMO_BASE_URL,
        subscription_key=settings.MOMO_SUBSCRIPTION_KEY,
        api_user=settings.MOMO_API_USER,
        api_key=settings.MOMO_API_KEY,
        target_environment=settings.MOMO_TARGET_ENVIRONMENT,
        currency=settings.MOMO_CURRENCY,
        callback_url=settings.MOMO_CALLBACK_URL or None,
        timeout=settings.MOMO_TIMEOUT_SECONDS,
    )


@lru_cache(maxsize=4)
def _client(config: "momo.MomoConfig") -> "momo.MomoClient":
    # One client per configuration and process, so its token cache is shared by all requests.
    return momo.MomoClient(config, recorder=_enregistrer_appel)


def client() -> "momo.MomoClient":
    return _client(configuration())


def demander_paiement(demande: Demande) -> ResultatEnvoi:
    try:
        client().request_to_pay(
            reference_id=demande.reference_id,
            amount=demande.montant,
            external_id=demande.reference,
            payer_msisdn=demande.payeur,
            payer_message=demande.libelle,
            payee_note=demande.reference,
        )
        return ResultatEnvoi(accepte=True)
    except momo.MomoDuplicateReference:
        return ResultatEnvoi(accepte=True)
    except momo.MomoRejected as exc:
        return ResultatEnvoi(accepte=False, refus=exc.code or "COULD_NOT_PERFORM_TRANSACTION")
    except (momo.MomoTimeout, momo.MomoUnavailable):
        return ResultatEnvoi(accepte=False)
    except momo.MomoError as exc:
        logger.warning("Request-to-pay %s refusé : %s", demande.reference_id, type(exc).__name__)
        return ResultatEnvoi(accepte=False, refus=getattr(exc, "code", None) or "COULD_NOT_PERFORM_TRANSACTION")


def consulter_statut(reference_id: str) -> StatutOperateur | None:
    try:
        statut = client().get_status(str(reference_id))
    except momo.MomoNotFound:
        return StatutOperateur(inconnue=True)
    except (momo.MomoTimeout, momo.MomoUnavailable):
        return None
    except momo.MomoError:
        logger.warning("Statut MoMo illisible pour %s", reference_id)
        return None
    return StatutOperateur(
        statut=str(getattr(statut.status, "value", statut.status)),
        raison=statut.reason_code,
        reference_operateur=statut.financial_transaction_id,
    )


class PasserelleMomo:
    """MTN MoMo Collection. MTN's statuses are already the core's (PENDING, SUCCESSFUL, FAILED)."""

    def envoyer(self, demande: Demande) -> ResultatEnvoi:
        return demander_paiement(demande)

    def consulter(self, reference_id: str) -> StatutOperateur | None:
        # Looked up at call time so that a test may stand in for MTN's answer.
        return consulter_statut(reference_id)

    def indice(self, corps: dict, parametres: dict, entetes: dict) -> Indice | None:
        """MTN's callback is unsigned: X-Reference-Id from our ?ref= or the body, or externalId."""
        reference_id = parametres.get("ref") or corps.get("referenceId")
        try:
            reference_id = str(uuid.UUID(reference_id)) if isinstance(reference_id, str) else None
        except ValueError:
            reference_id = None
        externe = corps.get("externalId")
        return Indice(reference_id=reference_id, reference=externe if isinstance(externe, str) else None)

    def rembourser(self, reference_operateur: str) -> bool:
        return False  # MTN refunds go through Disbursement, which PASS does not use: agents refund

    def motif(self, code: str | None) -> str:
        return reasons.motif_francais(code)
