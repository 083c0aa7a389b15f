"""Every HTTP call to Airtel Money, kept masked for audit (no secret, no full phone number)."""

from django.db import models


class AppelAirtel(models.Model):
    methode = models.CharField(max_length=6)
    chemin = models.CharField(max_length=255)
    code_http = models.PositiveSmallIntegerField(null=True, blank=True)
    duree_ms = models.PositiveIntegerField(default=0)
    # Our transaction id at Airtel (transaction.id), the same as the payment core's reference_id.
    reference_id = models.CharField(max_length=64, blank=True)
    requete = models.TextField(blank=True)
    reponse = models.TextField(blank=True)
    erreur = models.CharField(max_length=255, blank=True)
    date = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "airtel_appels"
        verbose_name = "appel à Airtel Money"
        verbose_name_plural = "appels à Airtel Money"
        ordering = ["-date"]
        indexes = [models.Index(fields=["reference_id"], name="airtel_appels_reference_idx")]

    def __str__(self):
        return f"{self.methode} {self.chemin} → {self.code_http}"
