"""What every operator gateway keeps of each HTTP call it makes, masked for audit."""

from django.db import models


class AppelOperateur(models.Model):
    """One HTTP call to an operator: bodies stored masked (no secret, no full phone number)."""

    methode = models.CharField(max_length=6)
    chemin = models.CharField(max_length=255)
    code_http = models.PositiveSmallIntegerField(null=True, blank=True)
    duree_ms = models.PositiveIntegerField(default=0)
    requete = models.TextField(blank=True)
    reponse = models.TextField(blank=True)
    erreur = models.CharField(max_length=255, blank=True)
    date = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-date"]

    def __str__(self):
        return f"{self.methode} {self.chemin} → {self.code_http}"
