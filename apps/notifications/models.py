import uuid

from django.db import models


class Evenement(models.TextChoices):
    CODE_PREUVE = "code_preuve", "Code de preuve du téléphone"
    POLICE_ATTRIBUEE = "police_attribuee", "Police attribuée"
    PAIEMENT_SUCCES = "paiement_succes", "Paiement reçu"
    PAIEMENT_ECHEC = "paiement_echec", "Paiement échoué"
    ECHEANCE_PROCHE = "echeance_proche", "Échéance dans 3 jours"
    ECHEANCE_MANQUEE = "echeance_manquee", "Échéance manquée depuis 7 jours"
    EXPIRATION_PROCHE = "expiration_proche", "Contrat expirant dans 30 jours"
    EXPIRATION = "expiration", "Contrat expiré"
    BENEFICIAIRE = "beneficiaire", "Bénéficiaire modifié"
    SINISTRE_STATUT = "sinistre_statut", "Statut de sinistre"


RAPPELS = {
    Evenement.ECHEANCE_PROCHE,
    Evenement.ECHEANCE_MANQUEE,
    Evenement.EXPIRATION_PROCHE,
    Evenement.EXPIRATION,
}


class StatutNotification(models.TextChoices):
    A_ENVOYER = "a_envoyer", "À envoyer"
    ENVOYEE = "envoyee", "Envoyée"
    LIVREE = "livree", "Livrée"
    LUE = "lue", "Lue"
    ECHEC = "echec", "Échec"


class Notification(models.Model):
    """The outbox: one row per event, written in the event's own transaction.

    `cle` names the event (e.g. « paiement_succes:PAY-… »): the same event written twice is one
    row, hence one message. The job sending it records each attempt in `tentatives` (telephone
    masked, never the text of a code).
    """

    Statut = StatutNotification

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    cle = models.CharField(max_length=120, unique=True)
    evenement = models.CharField(max_length=20, choices=Evenement.choices)
    client = models.ForeignKey(
        "clients.Client", null=True, blank=True, on_delete=models.PROTECT, related_name="notifications"
    )
    telephone = models.CharField(max_length=13)
    texte = models.TextField()
    # Values of the WhatsApp template (same order as its placeholders); the SMS uses `texte`.
    parametres = models.JSONField(default=list, blank=True)
    statut = models.CharField(max_length=10, choices=Statut.choices, default=Statut.A_ENVOYER)
    canal = models.CharField(max_length=10, blank=True)
    id_fournisseur = models.CharField(max_length=100, blank=True, db_index=True)
    tentatives = models.JSONField(default=list, blank=True)
    date_creation = models.DateTimeField(auto_now_add=True)
    date_envoi = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "notifications"
        ordering = ["-date_creation"]
        verbose_name = "notification"
        indexes = [models.Index(fields=["client", "date_creation"], name="notifications_client_idx")]

    def __str__(self):
        return f"{self.get_evenement_display()} → {self.telephone}"


class CodePreuve(models.Model):
    """A one-time code sent to a telephone; only its hash is kept (docs/sms-whatsapp.md)."""

    telephone = models.CharField(max_length=13, db_index=True)
    code_hache = models.CharField(max_length=128)
    date_creation = models.DateTimeField(auto_now_add=True)
    date_expiration = models.DateTimeField()
    essais = models.PositiveSmallIntegerField(default=0)
    date_verification = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "codes_preuve"
        ordering = ["-date_creation"]
        verbose_name = "code de preuve"
        verbose_name_plural = "codes de preuve"

    def __str__(self):
        return f"Code pour {self.telephone[:6]}****{self.telephone[-2:]}"


class PreferenceNotification(models.Model):
    """A client's choice: reminders may be refused (codes and receipts always leave)."""

    client = models.OneToOneField("clients.Client", on_delete=models.CASCADE, related_name="preference_notification")
    rappels_refuses = models.BooleanField("refuse les rappels", default=False)
    date_modification = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "preferences_notification"
        verbose_name = "préférence de notification"

    def __str__(self):
        return f"Rappels {'refusés' if self.rappels_refuses else 'acceptés'} ({self.client})"
