from django.db import models
from django.db.models import Q
from django.utils import timezone

from apps.souscriptions.models import Canal


class TypePaiement(models.TextChoices):
    SOUSCRIPTION_INITIALE = "souscription_initiale", "Souscription initiale"
    COTISATION = "cotisation", "Cotisation"
    RENOUVELLEMENT = "renouvellement", "Renouvellement"
    RATTRAPAGE = "rattrapage", "Rattrapage"


class ModePaiement(models.TextChoices):
    MTN_MOMO = "mtn_momo", "MTN Mobile Money"
    AIRTEL_MONEY = "airtel_money", "Airtel Money"
    ESPECES = "especes", "Espèces"


class StatutPaiement(models.TextChoices):
    EN_ATTENTE = "en_attente", "En attente"
    SUCCES = "succes", "Succès"
    ECHEC = "echec", "Échec"


class Paiement(models.Model):
    """One payment on a souscription. Only `succes` counts; `succes` is final (trigger)."""

    Type = TypePaiement

    Mode = ModePaiement

    Statut = StatutPaiement

    reference = models.CharField(max_length=40, unique=True)
    souscription = models.ForeignKey("souscriptions.Souscription", on_delete=models.PROTECT, related_name="paiements")
    montant = models.PositiveIntegerField(help_text="FCFA")
    type_paiement = models.CharField(max_length=25, choices=Type.choices)
    mode_paiement = models.CharField(max_length=15, choices=Mode.choices)
    numero_payeur = models.CharField(max_length=20, blank=True)
    statut = models.CharField(max_length=12, choices=Statut.choices, default=Statut.EN_ATTENTE)
    motif_echec = models.CharField(max_length=255, blank=True)
    reference_operateur = models.CharField(max_length=100, null=True, blank=True)  # noqa: DJ001 (unique when present)
    canal = models.CharField(max_length=10, choices=Canal.choices)
    borne = models.ForeignKey(
        "borne_auth.Borne", null=True, blank=True, on_delete=models.PROTECT, related_name="paiements"
    )
    date_initiation = models.DateTimeField(default=timezone.now)
    date_confirmation = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "paiements_pass"
        ordering = ["-date_initiation"]
        verbose_name = "paiement"
        constraints = [
            models.CheckConstraint(condition=Q(montant__gt=0), name="paiement_montant_positif"),
            models.CheckConstraint(condition=Q(type_paiement__in=TypePaiement.values), name="paiement_type_valide"),
            models.CheckConstraint(condition=Q(mode_paiement__in=ModePaiement.values), name="paiement_mode_valide"),
            models.CheckConstraint(condition=Q(statut__in=StatutPaiement.values), name="paiement_statut_valide"),
            models.CheckConstraint(condition=Q(canal__in=Canal.values), name="paiement_canal_valide"),
            models.CheckConstraint(
                condition=~Q(statut="succes") | Q(date_confirmation__isnull=False),
                name="paiement_succes_date_confirmation",
            ),
            models.UniqueConstraint(
                fields=["mode_paiement", "reference_operateur"],
                condition=Q(reference_operateur__isnull=False),
                name="paiement_reference_operateur_unique",
            ),
        ]
        indexes = [
            # The views sum the succes paiements of one souscription: an index-only scan.
            models.Index(
                fields=["souscription"],
                include=["montant"],
                condition=Q(statut="succes"),
                name="paiements_succes_idx",
            ),
            models.Index(fields=["souscription", "-date_initiation"], name="paiements_souscription_idx"),
            models.Index(fields=["date_initiation"], condition=Q(statut="en_attente"), name="paiements_en_attente_idx"),
        ]

    def __str__(self):
        return self.reference


class RequeteIdempotente(models.Model):
    """The first answer to a request sent with an Idempotency-Key, replayed for 24 hours."""

    portee = models.CharField(max_length=80, help_text="who sent it: client:<id> or borne:<id>")
    cle = models.CharField(max_length=100)
    empreinte = models.CharField(max_length=64, help_text="sha256 of the method, path and body")
    code_http = models.PositiveSmallIntegerField(null=True, blank=True)
    reponse = models.JSONField(null=True, blank=True)
    date = models.DateTimeField(auto_now_add=True)
    # While its first request runs, the key is "in progress" until this moment only: a request
    # that died (crash, dropped connection) frees its key after the lease.
    fin_bail = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "requetes_idempotentes"
        verbose_name = "requête idempotente"
        constraints = [models.UniqueConstraint(fields=["portee", "cle"], name="requete_idempotente_unique")]

    def __str__(self):
        return f"{self.portee} {self.cle}"
