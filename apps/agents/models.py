from django.conf import settings
from django.db import models


class Agent(models.Model):
    """An NSIA employee; logs into the admin through the Django user it is tied to."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="agent")
    nom = models.CharField(max_length=100)
    prenom = models.CharField(max_length=100)
    telephone = models.CharField(max_length=13, blank=True)
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
