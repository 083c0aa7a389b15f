"""Our Airtel Money Collection client (pure Python + requests: no Django here).

client = AirtelClient(AirtelConfig(base_url=…, client_id=…, client_secret=…), recorder=store_call)
client.pay(transaction_id=…, amount=5000, msisdn="050000000", reference="NSIA PASS …")
client.enquiry(transaction_id).status        # TS, TF, TE, TA, TIP
"""

from apps.airtel_integration.airtel.client import (
    AirtelAmbiguous,
    AirtelCall,
    AirtelClient,
    AirtelConfig,
    AirtelError,
    AirtelNotFound,
    AirtelRejected,
    AirtelUnavailable,
    Enquiry,
    callback_hash,
    callback_hash_valid,
)
from apps.airtel_integration.airtel.codes import FINAL_FAILURES, MOTIFS, motif_francais

__all__ = [
    "FINAL_FAILURES",
    "MOTIFS",
    "AirtelAmbiguous",
    "AirtelCall",
    "AirtelClient",
    "AirtelConfig",
    "AirtelError",
    "AirtelNotFound",
    "AirtelRejected",
    "AirtelUnavailable",
    "Enquiry",
    "callback_hash",
    "callback_hash_valid",
    "motif_francais",
]
