from django.conf import settings
from django.db import models
from django.utils import timezone


class Agent(models.Model):
    """An NSIA employee; logs into the admin through the Django user it is tied to."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="agent")
    nom = models.CharField(max_length=100)
    prenom = models.CharField("prénom", max_length=100)
    telephone = models.CharField("téléphone", max_length=13, blank=True)
    adresse = models.CharField(max_length=255, blank=True)
    solde = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    matricule = models.CharField(max_length=20, unique=True)
    agence = models.CharField(max_length=100, blank=True)
    poste = models.CharField(max_length=100, blank=True)
    actif = models.BooleanField(default=True)

    class Meta:
        db_table = "agents"
        ordering = ["matricule"]
        verbose_name = "agent"

    def __str__(self):
        return f"{self.matricule} – {self.prenom} {self.nom}"


class ActionJournalisee(models.TextChoices):
    ATTRIBUTION_POLICE = "attribution_police", "Attribution d'une police"
    MODIFICATION_POLICE = "modification_police", "Modification d'une police"
    PAIEMENT_ESPECES = "paiement_especes", "Paiement en espèces"
    DECISION_SINISTRE = "decision_sinistre", "Décision sur un sinistre"
    MONTANT_SINISTRE = "montant_sinistre", "Montant accordé modifié"
    STATUT_SOUSCRIPTION = "statut_souscription", "Statut de souscription modifié"
    BORNE = "borne", "Borne modifiée"
    CLIENT = "client", "Client modifié"
    REVOCATION_SESSIONS = "revocation_sessions", "Sessions borne révoquées"


class JournalAction(models.Model):
    """Every action an agent takes in the admin: append-only (trigger sql/triggers/journal_actions_immuable)."""

    Action = ActionJournalisee

    date = models.DateTimeField(default=timezone.now, db_index=True)
    utilisateur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="utilisateur"
    )
    agent = models.ForeignKey(Agent, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=30, choices=Action.choices)
    objet = models.CharField("objet", max_length=120, help_text="Ce sur quoi porte l'action, lisible.")
    details = models.JSONField("détails", default=dict, blank=True)

    class Meta:
        db_table = "journal_actions_agents"
        ordering = ["-date"]
        verbose_name = "action d'agent (journal)"
        verbose_name_plural = "journal des actions des agents"
        indexes = [
            models.Index(fields=["utilisateur", "date"], name="journal_actions_user_idx"),
            models.Index(fields=["action", "date"], name="journal_actions_action_idx"),
        ]

    def __str__(self):
        return f"{self.get_action_display()} – {self.objet}"
