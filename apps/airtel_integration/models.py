"""Every HTTP call to Airtel Money, kept masked for audit (no secret, no full phone number)."""

from django.db import models

from apps.core.appels import AppelOperateur


class AppelAirtel(AppelOperateur):
    # Our transaction id at Airtel (transaction.id), the same as the payment core's reference_id.
    reference_id = models.CharField(max_length=64, blank=True)

    class Meta(AppelOperateur.Meta):
        db_table = "airtel_appels"
        verbose_name = "appel à Airtel Money"
        verbose_name_plural = "appels à Airtel Money"
        indexes = [models.Index(fields=["reference_id"], name="airtel_appels_reference_idx")]
