"""What we send to and hear from MTN MoMo, kept for every paiement (audit and reconciliation)."""

import uuid

from django.db import models
from django.db.models import Q

from apps.core.appels import AppelOperateur


class StatutTransaction(models.TextChoices):
    # Recorded before the request-to-pay is sent (docs/paiements.md: the X-Reference-Id is stored first).
    A_ENVOYER = "a_envoyer", "À envoyer"
    PENDING = "PENDING", "En attente (MTN)"
    SUCCESSFUL = "SUCCESSFUL", "Réussie (MTN)"
    FAILED = "FAILED", "Échouée (MTN)"


class Anomalie(models.TextChoices):
    """Why agents must look at a transaction (docs/paiements.md, « Paiements à vérifier »)."""

    AUCUNE = "", "Aucune"
    # The operator never gave a final answer within MOMO_VERIFICATION_JOURS: never echec by our clock.
    SANS_REPONSE = "sans_reponse", "Pas de réponse finale de l'opérateur"
    # The operator said SUCCESSFUL after its own FAILED: credited automatically, to be audited.
    SUCCES_APRES_ECHEC = "succes_apres_echec", "Réussi après un échec (crédité)"
    # The operator said FAILED after SUCCESSFUL: never un-credited automatically.
    ECHEC_APRES_SUCCES = "echec_apres_succes", "Échec annoncé après un succès (non décrédité)"


class TransactionMomo(models.Model):
    """One request-to-pay. Its X-Reference-Id is the only idempotency key at MTN."""

    Statut = StatutTransaction
    Anomalie = Anomalie
    STATUTS_FINAUX = (Statut.SUCCESSFUL, Statut.FAILED)

    paiement = models.OneToOneField("paiements.Paiement", on_delete=models.PROTECT, related_name="transaction_momo")
    reference_id = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    statut = models.CharField(max_length=12, choices=Statut.choices, default=Statut.A_ENVOYER)
    raison = models.CharField(max_length=60, blank=True)
    financial_transaction_id = models.CharField(max_length=100, blank=True)
    montant = models.PositiveIntegerField()
    devise = models.CharField(max_length=3)
    payeur = models.CharField(max_length=20, help_text="MSISDN sans +")
    callback_recu = models.BooleanField(default=False)
    date_dernier_callback = models.DateTimeField(null=True, blank=True)
    nombre_verifications = models.PositiveIntegerField(default=0)
    derniere_verification = models.DateTimeField(null=True, blank=True)
    prochaine_verification = models.DateTimeField(null=True, blank=True)
    # [{"date", "statut", "source": "envoi"|"callback"|"verification"|"reconciliation", "raison"}]
    historique = models.JSONField(default=list)
    anomalie = models.CharField(max_length=20, choices=Anomalie.choices, blank=True, default="")
    date_creation = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "momo_transactions"
        verbose_name = "transaction MoMo"
        verbose_name_plural = "transactions MoMo"
        ordering = ["-date_creation"]
        indexes = [
            models.Index(
                fields=["prochaine_verification"],
                condition=Q(statut__in=["a_envoyer", "PENDING"]),
                name="momo_a_verifier_idx",
            ),
            models.Index(fields=["anomalie"], condition=~Q(anomalie=""), name="momo_anomalies_idx"),
        ]

    def __str__(self):
        return str(self.reference_id)

    @property
    def finale(self) -> bool:
        return self.statut in self.STATUTS_FINAUX


class PaiementAVerifier(TransactionMomo):
    """The transactions agents must look at (anomalie set): the admin list of docs/paiements.md."""

    class Meta:
        proxy = True
        verbose_name = "paiement à vérifier"
        verbose_name_plural = "paiements à vérifier"


class AppelMomo(AppelOperateur):
    """One HTTP call to MTN: bodies stored masked (no secret, no full phone number)."""

    transaction = models.ForeignKey(
        TransactionMomo, null=True, blank=True, on_delete=models.SET_NULL, related_name="appels"
    )
    reference_id = models.CharField(max_length=36, blank=True)

    class Meta(AppelOperateur.Meta):
        db_table = "momo_appels"
        verbose_name = "appel à MTN MoMo"
        verbose_name_plural = "appels à MTN MoMo"
        indexes = [models.Index(fields=["reference_id"], name="momo_appels_reference_idx")]
