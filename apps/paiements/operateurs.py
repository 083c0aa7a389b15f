"""The payment core's side of the operators: send a request, learn statuses, apply them once.

Every operator (MTN MoMo, Airtel Money) is a gateway behind apps/paiements/passerelles.py,
chosen by the paiement's mode_paiement. The payment lifecycle is described in
docs/paiements.md. Our transaction id is stored before the request is sent; a callback is
only a hint (the status is always asked from the operator, by a job); pending
transactions are checked with capped backoff because the callback may never come; a paiement
is credited at most once whatever arrives. Only a final answer of the operator ends a payment:
never our own clock. External calls run in jobs (apps/paiements/tasks.py), never in an
HTTP request and never while a row lock is held.
"""

import logging
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from apps.core.sql import lignes
from apps.mtn_integration.models import TransactionMomo
from apps.paiements.models import Paiement, StatutPaiement
from apps.paiements.passerelles import Demande, passerelle_pour

# Checking backoff after sending: PREMIERE_VERIFICATION, twice that … capped (MOMO_VERIFICATION_MAX_SECONDES).
from apps.paiements.services import PREMIERE_VERIFICATION, paiement_confirmer, paiement_echouer
from apps.paiements.travaux import verification_differer

logger = logging.getLogger(__name__)

# GET /paiements/{reference}/ schedules a check when the last one is older than this.
FRAICHEUR_STATUT = timedelta(seconds=3)
# A callback on a transaction already final schedules a check at most this often (forged
# callbacks must not become a way to make us call MTN in a loop).
INTERVALLE_CALLBACK_FINAL = timedelta(minutes=1)


def verification_maximale() -> timedelta:
    return timedelta(seconds=settings.MOMO_VERIFICATION_MAX_SECONDES)


def duree_verification() -> timedelta:
    return timedelta(days=settings.MOMO_VERIFICATION_JOURS)


def _historiser(transaction_momo: TransactionMomo, statut: str, source: str, raison: str = "") -> None:
    transaction_momo.historique.append(
        {"date": timezone.now().isoformat(), "statut": statut, "source": source, "raison": raison}
    )


def transaction_envoyer(*, reference_id: uuid.UUID) -> TransactionMomo:
    """Send the request-to-pay (outside any lock). Timeouts and 5xx are settled by checking."""
    transaction_momo = TransactionMomo.objects.select_related("paiement__souscription").get(reference_id=reference_id)
    if transaction_momo.statut != TransactionMomo.Statut.A_ENVOYER:
        return transaction_momo
    paiement = transaction_momo.paiement
    resultat = passerelle_pour(paiement.mode_paiement).envoyer(
        Demande(
            reference_id=str(transaction_momo.reference_id),
            montant=transaction_momo.montant,
            payeur=transaction_momo.payeur,
            reference=paiement.reference,
            libelle=f"NSIA PASS {paiement.souscription.numero_souscription}",
        )
    )
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
    # Unknown outcome (timeout, 5xx): the checks ask MTN and re-send only on 404.
    return transaction_momo


def transaction_appliquer(
    *, reference_id: uuid.UUID, statut: str, raison: str = "", financial_transaction_id: str = "", source: str
) -> TransactionMomo:
    """Apply a status MTN reported. A final state changes only when MTN contradicts itself:

    SUCCESSFUL after FAILED is credited (audited in the history, listed for agents); FAILED
    after SUCCESSFUL is never un-credited, only listed for agents (docs/paiements.md).
    """
    with transaction.atomic():
        transaction_momo = TransactionMomo.objects.select_for_update().get(reference_id=reference_id)
        paiement = Paiement.objects.select_for_update().get(pk=transaction_momo.paiement_id)
        transaction_momo.nombre_verifications += source != "callback"
        transaction_momo.derniere_verification = timezone.now()
        if statut == transaction_momo.statut:
            transaction_momo.save(update_fields=["nombre_verifications", "derniere_verification"])
            return transaction_momo
        if transaction_momo.finale:
            return _contradiction_appliquer(
                transaction_momo, paiement, statut, raison, financial_transaction_id, source
            )
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
            paiement_echouer(paiement=paiement, motif=passerelle_pour(paiement.mode_paiement).motif(raison))
        logger.info("Paiement %s : %s (%s)", paiement.reference, statut, source)
        return transaction_momo


def _contradiction_appliquer(transaction_momo, paiement, statut, raison, financial_transaction_id, source):
    """The operator's final answer contradicts an earlier final answer (row locks held)."""
    if statut == TransactionMomo.Statut.PENDING:  # a final state never goes back to pending
        transaction_momo.save(update_fields=["nombre_verifications", "derniere_verification"])
        return transaction_momo
    _historiser(transaction_momo, statut, source, raison)
    if statut == TransactionMomo.Statut.SUCCESSFUL:
        transaction_momo.statut = statut
        transaction_momo.raison = ""
        transaction_momo.financial_transaction_id = financial_transaction_id[:100]
        transaction_momo.anomalie = TransactionMomo.Anomalie.SUCCES_APRES_ECHEC
        transaction_momo.save()
        paiement_confirmer(paiement=paiement, reference_operateur=financial_transaction_id)
        logger.warning("Paiement %s : réussi après un échec, crédité (%s)", paiement.reference, source)
    else:
        transaction_momo.anomalie = TransactionMomo.Anomalie.ECHEC_APRES_SUCCES
        transaction_momo.save()
        logger.warning("Paiement %s : échec annoncé après un succès, non décrédité (%s)", paiement.reference, source)
    return transaction_momo


def transaction_verifier(*, reference_id: uuid.UUID, source: str = "verification") -> TransactionMomo:
    """Ask MTN for the status and apply it; re-send with the same id when MTN never got it.

    Runs in a job. Returns the transaction; the caller schedules the next check when it is
    not final (verification_suivante).
    """
    transaction_momo = TransactionMomo.objects.select_related("paiement").get(reference_id=reference_id)
    statut = passerelle_pour(transaction_momo.paiement.mode_paiement).consulter(str(reference_id))
    if statut is None:  # MTN unreachable: no answer is not an answer, try again later
        return _verification_comptee(transaction_momo)
    if statut.inconnue:
        # 404: MTN never received this X-Reference-Id. Only a request we never saw accepted
        # (still a_envoyer) is sent again, with the same id; anything else stays as it is.
        if transaction_momo.statut == TransactionMomo.Statut.A_ENVOYER:
            transaction_momo = transaction_envoyer(reference_id=reference_id)
        return _verification_comptee(transaction_momo)
    return transaction_appliquer(
        reference_id=reference_id,
        statut=statut.statut,
        raison=statut.raison or "",
        financial_transaction_id=statut.reference_operateur or "",
        source=source,
    )


def _verification_comptee(transaction_momo: TransactionMomo) -> TransactionMomo:
    TransactionMomo.objects.filter(pk=transaction_momo.pk).update(
        nombre_verifications=transaction_momo.nombre_verifications + 1, derniere_verification=timezone.now()
    )
    transaction_momo.nombre_verifications += 1
    return transaction_momo


def verification_suivante(*, transaction_momo: TransactionMomo) -> datetime | None:
    """When to check a pending transaction again (capped backoff), or None.

    After MOMO_VERIFICATION_JOURS without a final answer the transaction is listed for agents
    ("à vérifier") and the periodic sweep keeps checking it at the capped interval: the
    payment stays en_attente, never echec by our own clock.
    """
    if transaction_momo.finale:
        return None
    maintenant = timezone.now()
    if (
        maintenant - transaction_momo.date_creation > duree_verification()
        and transaction_momo.anomalie != TransactionMomo.Anomalie.SANS_REPONSE
    ):
        TransactionMomo.objects.filter(pk=transaction_momo.pk).update(anomalie=TransactionMomo.Anomalie.SANS_REPONSE)
        logger.warning("Transaction MoMo %s sans réponse finale : à vérifier", transaction_momo.reference_id)
    puissance = min(transaction_momo.nombre_verifications, 16)
    attente = min(PREMIERE_VERIFICATION * (2**puissance), verification_maximale())
    prochaine = maintenant + attente
    TransactionMomo.objects.filter(pk=transaction_momo.pk).update(prochaine_verification=prochaine)
    return prochaine


# The callback's read (docs/paiements.md, rule 6): constant SQL (apps/core/sql.py), prepared once
# per pooled connection, one index lookup (one transaction per paiement). A forged callback
# costs this read and nothing else (docs/benchmarks.md, « Rappels forgés »).
_SQL_TRANSACTION_INDIQUEE = """
SELECT t.reference_id, t.statut, t.derniere_verification, t.date_creation
  FROM momo_transactions t
  JOIN paiements_pass p ON p.id = t.paiement_id
 WHERE {condition} AND p.mode_paiement = %s
"""
SQL_TRANSACTION_PAR_IDENTIFIANT = _SQL_TRANSACTION_INDIQUEE.format(condition="t.reference_id = %s")
SQL_TRANSACTION_PAR_REFERENCE = _SQL_TRANSACTION_INDIQUEE.format(condition="p.reference = %s")


def transaction_par_indice(*, mode_paiement: str, indice):
    """Our transaction of this operator named by a callback (our id or our reference), as a row
    (reference_id, statut, derniere_verification, date_creation), or None.

    The values come from an unauthenticated body: anything that is not a well-formed id or a
    plausible reference is simply not found (NUL bytes and junk never reach the database).
    """
    if isinstance(indice.reference_id, str):
        try:
            reference_id = uuid.UUID(indice.reference_id)
        except ValueError:
            pass
        else:
            trouvees = lignes(SQL_TRANSACTION_PAR_IDENTIFIANT, [reference_id, mode_paiement])
            return trouvees[0] if trouvees else None
    reference = indice.reference
    if isinstance(reference, str) and reference.isprintable() and len(reference) <= 40:
        trouvees = lignes(SQL_TRANSACTION_PAR_REFERENCE, [reference, mode_paiement])
        return trouvees[0] if trouvees else None
    return None


def callback_recevoir(
    *, mode_paiement: str, corps: dict, parametres: dict | None = None, entetes: dict | None = None
) -> bool:
    """A callback is a hint: it only schedules a status check of a transaction we know.

    The operator's gateway reads the hint (and refuses a callback whose hash is wrong);
    nothing from the body is trusted or stored; an unknown reference changes nothing (False).
    """
    indice = passerelle_pour(mode_paiement).indice(
        corps if isinstance(corps, dict) else {}, parametres or {}, entetes or {}
    )
    transaction_momo = None if indice is None else transaction_par_indice(mode_paiement=mode_paiement, indice=indice)
    if transaction_momo is None:
        return False
    if transaction_momo.statut in TransactionMomo.STATUTS_FINAUX:
        # Only to hear the operator contradict itself (docs/paiements.md), at most once a minute;
        # in between nothing is written: a flood naming a settled payment costs one read each.
        derniere = transaction_momo.derniere_verification or transaction_momo.date_creation
        if timezone.now() - derniere < INTERVALLE_CALLBACK_FINAL:
            return True
    TransactionMomo.objects.filter(reference_id=transaction_momo.reference_id).update(
        callback_recu=True, date_dernier_callback=timezone.now()
    )
    verification_differer(reference_id=transaction_momo.reference_id, source="callback")
    return True


def paiement_rafraichir(*, paiement: Paiement) -> Paiement:
    """A kiosk asks about a pending paiement whose last check is stale: schedule a check now.

    Never calls MTN in the request; the kiosk's next poll sees the job's result.
    """
    if paiement.statut != StatutPaiement.EN_ATTENTE:
        return paiement
    transaction_momo = TransactionMomo.objects.filter(paiement=paiement).first()
    if transaction_momo is None or transaction_momo.finale:
        return paiement
    derniere = transaction_momo.derniere_verification or transaction_momo.date_creation
    if timezone.now() - derniere >= FRAICHEUR_STATUT:
        verification_differer(reference_id=transaction_momo.reference_id)
    return paiement


def transactions_a_verifier(limite: int = 1000):
    """Pending transactions whose next check is due (the sweep makes sure each has a job)."""
    return list(
        TransactionMomo.objects.filter(
            statut__in=[TransactionMomo.Statut.A_ENVOYER, TransactionMomo.Statut.PENDING],
            prochaine_verification__lte=timezone.now(),
        )
        .order_by("prochaine_verification")
        .values_list("reference_id", flat=True)[:limite]
    )


def reconcilier(*, limite: int = 10_000) -> int:
    """Schedule one check for every pending transaction that is due; returns how many.

    Each check is its own job (deduplicated per transaction), so any number of workers on
    any number of machines share them.
    """
    references = transactions_a_verifier(limite)
    for reference_id in references:
        verification_differer(reference_id=reference_id, source="reconciliation")
    return len(references)
