from django.conf import settings
from django.db import models
from django.db.models import Q

from apps.souscriptions.models import Canal


class TypeSinistre(models.TextChoices):
    DECES = "deces", "Décès"
    ACCIDENT = "accident", "Accident"
    HOSPITALISATION = "hospitalisation", "Hospitalisation"
    INVALIDITE = "invalidite", "Invalidité"
    AUTRE = "autre", "Autre"


class StatutSinistre(models.TextChoices):
    DECLARE = "declare", "Déclaré"
    EN_INSTRUCTION = "en_instruction", "En instruction"
    ACCEPTE = "accepte", "Accepté"
    REJETE = "rejete", "Rejeté"
    PAYE = "paye", "Payé"


class Sinistre(models.Model):
    Type = TypeSinistre

    Statut = StatutSinistre

    souscription = models.ForeignKey("souscriptions.Souscription", on_delete=models.PROTECT, related_name="sinistres")
    type = models.CharField(max_length=20, choices=Type.choices)
    date_survenance = models.DateField("date de survenance")
    description = models.TextField()
    montant_reclame = models.PositiveIntegerField("montant réclamé (FCFA)", null=True, blank=True)
    montant_accorde = models.PositiveIntegerField("montant accordé (FCFA)", null=True, blank=True)
    motif_rejet = models.TextField("motif du rejet", blank=True)
    statut = models.CharField(max_length=15, choices=Statut.choices, default=Statut.DECLARE)
    instructeur = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="sinistres_instruits"
    )
    canal = models.CharField(max_length=10, choices=Canal.choices)
    date_declaration = models.DateTimeField("date de déclaration", auto_now_add=True)
    date_mise_a_jour = models.DateTimeField("dernière mise à jour", auto_now=True)
    date_decision = models.DateTimeField("date de décision", null=True, blank=True)
    date_paiement = models.DateTimeField("date de paiement", null=True, blank=True)

    class Meta:
        db_table = "sinistres_pass"
        ordering = ["-date_declaration"]
        verbose_name = "sinistre"
        constraints = [
            models.CheckConstraint(condition=Q(type__in=TypeSinistre.values), name="sinistre_type_valide"),
            models.CheckConstraint(condition=Q(statut__in=StatutSinistre.values), name="sinistre_statut_valide"),
            models.CheckConstraint(condition=Q(canal__in=Canal.values), name="sinistre_canal_valide"),
            models.CheckConstraint(
                condition=Q(montant_reclame__isnull=True) | Q(montant_reclame__gt=0),
                name="sinistre_montant_reclame_positif",
            ),
            models.CheckConstraint(
                condition=~Q(statut__in=["accepte", "paye"]) | Q(montant_accorde__isnull=False, montant_accorde__gt=0),
                name="sinistre_montant_accorde_si_accepte",
            ),
        ]
        indexes = [models.Index(fields=["statut", "date_declaration"], name="sinistres_statut_idx")]

    def __str__(self):
        return f"Sinistre {self.pk} – {self.get_type_display()}"
