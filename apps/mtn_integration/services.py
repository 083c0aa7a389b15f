"""MTN MoMo orchestration: send request-to-pay, learn statuses, apply them once.

Rules of momo.md: the X-Reference-Id is stored before the POST; a callback is only a hint
(the status is always asked from MTN); pending transactions are polled with backoff because
the callback may never come; a paiement is credited at most once whatever arrives.
External calls never run while a row lock is held.
"""

import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from apps.mtn_integration import passerelle
from apps.mtn_integration.models import TransactionMomo
from apps.mtn_integration.momo import reasons
from apps.paiements.models import Paiement, StatutPaiement

logger = logging.getLogger(__name__)

# Polling backoff after sending: 5 s, 10 s, 20 s … capped at 2 minutes.
PREMIERE_VERIFICATION = timedelta(seconds=5)
VERIFICATION_MAXIMALE = timedelta(minutes=2)
# MTN expires an unapproved request-to-pay; past this we stop asking and record the failure.
EXPIRATION = timedelta(minutes=settings.MOMO_EXPIRATION_MINUTES)
# GET /paiements/{reference}/ asks MTN again when the last check is older than this.
FRAICHEUR_STATUT = timedelta(seconds=3)


def _historiser(transaction_momo: TransactionMomo, statut: str, source: str, raison: str = "") -> None:
    transaction_momo.historique.append(
        {"date": timezone.now().isoformat(), "statut": statut, "source": source, "raison": raison}
    )


def transaction_preparer(*, paiement: Paiement) -> TransactionMomo:
    """Store the transaction and its X-Reference-Id before anything is sent to MTN."""
    transaction_momo = TransactionMomo(
        paiement=paiement,
        reference_id=uuid.uuid4(),
        montant=paiement.montant,
        devise=settings.MOMO_CURRENCY,
        payeur=paiement.numero_payeur.lstrip("+"),
        prochaine_verification=timezone.now() + PREMIERE_VERIFICATION,
    )
    _historiser(transaction_momo, TransactionMomo.Statut.A_ENVOYER, "creation")
    transaction_momo.save()
    return transaction_momo


def transaction_envoyer_apres_commit(*, paiement: Paiement) -> None:
    transaction.on_commit(lambda: transaction_envoyer(reference_id=paiement.transaction_momo.reference_id))


def transaction_envoyer(*, reference_id: uuid.UUID) -> TransactionMomo:
    """Send the request-to-pay (outside any lock). Timeouts and 5xx are settled by polling."""
    transaction_momo = TransactionMomo.objects.select_related("paiement").get(reference_id=reference_id)
    if transaction_momo.statut != TransactionMomo.Statut.A_ENVOYER:
        return transaction_momo
    resultat = passerelle.demander_paiement(transaction_momo)
    if resultat.refus:
        return transaction_appliquer(
            reference_id=reference_id, statut=TransactionMomo.Statut.FAILED, raison=resultat.refus, source="envoi"
        )
    if resultat.accepte:
        with transaction.atomic():
            verrouillee = TransactionMomo.objects.select_for_update().get(reference_id=reference_id)
            if verrouillee.statut == TransactionMomo.Statut.A_ENVOYER:
                verrouillee.statut = TransactionMomo.Statut.PENDING
                _historiser(verrouillee, verrouillee.statut, "envoi")
                verrouillee.save(update_fields=["statut", "historique"])
            return verrouillee
    # Unknown outcome (timeout, 5xx): the reconciliation asks MTN and re-sends only on 404.
    return transaction_momo


def transaction_appliquer(
    *, reference_id: uuid.UUID, statut: str, raison: str = "", financial_transaction_id: str = "", source: str
) -> TransactionMomo:
    """Apply a status MTN reported, once: final states never change again."""
    from apps.paiements.services import paiement_confirmer, paiement_echouer

    with transaction.atomic():
        transaction_momo = TransactionMomo.objects.select_for_update().get(reference_id=reference_id)
        paiement = Paiement.objects.select_for_update().get(pk=transaction_momo.paiement_id)
        transaction_momo.nombre_verifications += source != "callback"
        transaction_momo.derniere_verification = timezone.now()
        if transaction_momo.finale or statut == transaction_momo.statut:
            transaction_momo.save(update_fields=["nombre_verifications", "derniere_verification"])
            return transaction_momo
        if statut == TransactionMomo.Statut.PENDING:
            transaction_momo.statut = statut
            _historiser(transaction_momo, statut, source)
            transaction_momo.save()
            return transaction_momo

        transaction_momo.statut = statut
        transaction_momo.raison = raison[:60]
        transaction_momo.financial_transaction_id = financial_transaction_id[:100]
        transaction_momo.prochaine_verification = None
        _historiser(transaction_momo, statut, source, raison)
        transaction_momo.save()
        if statut == TransactionMomo.Statut.SUCCESSFUL:
            paiement_confirmer(paiement=paiement, reference_operateur=financial_transaction_id)
        else:
            paiement_echouer(paiement=paiement, motif=reasons.motif_francais(raison))
        logger.info("Paiement %s : %s (%s)", paiement.reference, statut, source)
        return transaction_momo


def transaction_verifier(*, transaction_momo: TransactionMomo, source: str = "verification") -> TransactionMomo:
    """Ask MTN for the status and apply it; re-send with the same id when MTN never got it."""
    if transaction_momo.finale:
        return transaction_momo
    statut = passerelle.consulter_statut(transaction_momo)
    if statut is None:  # MTN unreachable: try again later
        return _replanifier(transaction_momo)
    if statut.inconnue:
        # 404: the request-to-pay never reached MTN; the same X-Reference-Id may be sent again.
        TransactionMomo.objects.filter(pk=transaction_momo.pk).update(statut=TransactionMomo.Statut.A_ENVOYER)
        transaction_momo = transaction_envoyer(reference_id=transaction_momo.reference_id)
        return _replanifier(transaction_momo)
    transaction_momo = transaction_appliquer(
        reference_id=transaction_momo.reference_id,
        statut=statut.statut,
        raison=statut.raison or "",
        financial_transaction_id=statut.financial_transaction_id or "",
        source=source,
    )
    if not transaction_momo.finale:
        transaction_momo = _replanifier(transaction_momo)
    return transaction_momo


def _replanifier(transaction_momo: TransactionMomo) -> TransactionMomo:
    """Next check with exponential backoff; past MTN's expiry, record the failure."""
    if transaction_momo.finale:
        return transaction_momo
    if timezone.now() - transaction_momo.date_creation > EXPIRATION:
        return transaction_appliquer(
            reference_id=transaction_momo.reference_id,
            statut=TransactionMomo.Statut.FAILED,
            raison="EXPIRED",
            source="reconciliation",
        )
    attente = min(PREMIERE_VERIFICATION * (2**transaction_momo.nombre_verifications), VERIFICATION_MAXIMALE)
    transaction_momo.prochaine_verification = timezone.now() + attente
    TransactionMomo.objects.filter(pk=transaction_momo.pk).update(
        prochaine_verification=transaction_momo.prochaine_verification,
        nombre_verifications=transaction_momo.nombre_verifications,
    )
    return transaction_momo


def callback_recevoir(*, corps: dict, reference_id: str | None) -> TransactionMomo | None:
    """A callback is a hint: find our transaction, then ask MTN; the body itself is never trusted."""
    transaction_momo = None
    if reference_id:
        try:
            transaction_momo = TransactionMomo.objects.filter(reference_id=uuid.UUID(str(reference_id))).first()
        except ValueError:
            transaction_momo = None
    reference_externe = corps.get("externalId") if isinstance(corps, dict) else None
    if transaction_momo is None and isinstance(reference_externe, str):
        transaction_momo = TransactionMomo.objects.filter(paiement__reference=reference_externe[:40]).first()
    if transaction_momo is None:
        return None
    TransactionMomo.objects.filter(pk=transaction_momo.pk).update(
        callback_recu=True, date_dernier_callback=timezone.now()
    )
    if transaction_momo.finale:
        return transaction_momo
    return transaction_verifier(transaction_momo=transaction_momo, source="callback")


def paiement_rafraichir(*, paiement: Paiement) -> Paiement:
    """When a kiosk asks about a pending paiement whose last check is stale, ask MTN first."""
    if paiement.statut != StatutPaiement.EN_ATTENTE:
        return paiement
    transaction_momo = TransactionMomo.objects.filter(paiement=paiement).first()
    if transaction_momo is None:
        return paiement
    derniere = transaction_momo.derniere_verification or transaction_momo.date_creation
    if timezone.now() - derniere >= FRAICHEUR_STATUT:
        transaction_verifier(transaction_momo=transaction_momo)
        paiement.refresh_from_db()
    return paiement


def transactions_a_verifier(limite: int = 1000):
    return list(
        TransactionMomo.objects.filter(
            statut__in=[TransactionMomo.Statut.A_ENVOYER, TransactionMomo.Statut.PENDING],
            prochaine_verification__lte=timezone.now(),
        ).order_by("prochaine_verification")[:limite]
    )


def reconcilier(*, limite: int = 10_000, paralleles: int = 16) -> dict:
    """Poll every pending transaction that is due; returns counts per resulting status.

    With several workers, each thread takes its share of the list and keeps one database
    connection for all of it (closed once at the end), and one HTTP connection to MTN.
    """
    import threading

    from django.db import connection

    a_verifier = transactions_a_verifier(limite)
    comptes: dict[str, int] = {}
    verrou = threading.Lock()

    def verifier_tout(lot):
        try:
            for transaction_momo in lot:
                try:
                    statut = transaction_verifier(transaction_momo=transaction_momo, source="reconciliation").statut
                except Exception:  # one bad transaction must not stop the others; it is logged
                    logger.exception("Réconciliation impossible pour %s", transaction_momo.reference_id)
                    statut = "erreur"
                with verrou:
                    comptes[statut] = comptes.get(statut, 0) + 1
        finally:
            if threading.current_thread() is not threading.main_thread():
                connection.close()

    if paralleles <= 1:  # in this thread and its database transaction
        verifier_tout(a_verifier)
        return comptes
    fils = [threading.Thread(target=verifier_tout, args=(a_verifier[i::paralleles],)) for i in range(paralleles)]
    for fil in fils:
        fil.start()
    for fil in fils:
        fil.join()
    return comptes
