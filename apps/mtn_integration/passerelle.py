"""The bridge between our transactions and the MoMo Collection client.

Builds the client from settings, records every HTTP call (masked) as an AppelMomo row, and
turns the client's results and exceptions into the few outcomes the services act on.
"""

import logging
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings

from apps.mtn_integration import momo
from apps.mtn_integration.models import AppelMomo, TransactionMomo

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ResultatEnvoi:
    accepte: bool  # MTN answered 202 (or 409: it already has this X-Reference-Id)
    refus: str | None = None  # MTN refused it for good: the reason code


@dataclass(frozen=True)
class StatutMomo:
    statut: str | None = None
    raison: str | None = None
    financial_transaction_id: str | None = None
    inconnue: bool = False  # 404: MTN never received this X-Reference-Id


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


def demander_paiement(transaction_momo: TransactionMomo) -> ResultatEnvoi:
    paiement = transaction_momo.paiement
    try:
        client().request_to_pay(
            reference_id=str(transaction_momo.reference_id),
            amount=transaction_momo.montant,
            external_id=paiement.reference,
            payer_msisdn=transaction_momo.payeur,
            payer_message=f"NSIA PASS {paiement.souscription.numero_souscription}",
            payee_note=paiement.reference,
        )
        return ResultatEnvoi(accepte=True)
    except momo.MomoDuplicateReference:
        return ResultatEnvoi(accepte=True)
    except momo.MomoRejected as exc:
        return ResultatEnvoi(accepte=False, refus=exc.code or "COULD_NOT_PERFORM_TRANSACTION")
    except (momo.MomoTimeout, momo.MomoUnavailable):
        return ResultatEnvoi(accepte=False)
    except momo.MomoError as exc:
        logger.warning("Request-to-pay %s refusé : %s", transaction_momo.reference_id, type(exc).__name__)
        return ResultatEnvoi(accepte=False, refus=getattr(exc, "code", None) or "COULD_NOT_PERFORM_TRANSACTION")


def consulter_statut(transaction_momo: TransactionMomo) -> StatutMomo | None:
    try:
        statut = client().get_status(str(transaction_momo.reference_id))
    except momo.MomoNotFound:
        return StatutMomo(inconnue=True)
    except (momo.MomoTimeout, momo.MomoUnavailable):
        return None
    except momo.MomoError:
        logger.warning("Statut MoMo illisible pour %s", transaction_momo.reference_id)
        return None
    return StatutMomo(
        statut=str(getattr(statut.status, "value", statut.status)),
        raison=statut.reason_code,
        financial_transaction_id=statut.financial_transaction_id,
    )
