from django.db import models


class Compteur(models.Model):
    """Named counters for generated numbers (numero_souscription, numéros de police).

    Incremented with one `INSERT … ON CONFLICT DO UPDATE … RETURNING`, so two processes
    asking at the same moment always get different values.
    """

    cle = models.CharField(max_length=40, primary_key=True)
    valeur = models.BigIntegerField(default=0)

    class Meta:
        db_table = "compteurs_pass"
        verbose_name = "compteur"

    def __str__(self):
        return f"{self.cle} = {self.valeur}"
