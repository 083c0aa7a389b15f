"""One way to mask a telephone (apps/core/telephone.py), in the logs and in the notification
attempts alike: the prefix and the last two digits readable, the length kept."""

import logging

import pytest

from apps.core.logging import MaskPIIFilter
from apps.core.telephone import masquer_telephone


@pytest.mark.parametrize(
    ("numero", "masque"),
    [
        ("+242061234567", "+24206*****67"),
        ("242061234567", "24206*****67"),
        ("46733123451", "46733****51"),
        ("+2420612", "********"),
    ],
)
def test_masquer_telephone(numero, masque):
    assert masquer_telephone(numero) == masque


def test_les_logs_masquent_comme_masquer_telephone():
    enregistrement = logging.LogRecord(
        "x", logging.INFO, __file__, 1, "Envoi au %s, payeur %s", ("+242061234567", "46733123451"), None
    )
    MaskPIIFilter().filter(enregistrement)
    assert enregistrement.getMessage() == "Envoi au +24206*****67, payeur 46733****51"
