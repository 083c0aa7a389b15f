"""Our MTN MoMo Collection client (pure Python + requests: no Django here).

client = MomoClient(MomoConfig(base_url=…, subscription_key=…, api_user=…, api_key=…),
                    recorder=store_call)
client.request_to_pay(reference_id=…, amount=5000, external_id=…, payer_msisdn=…)
client.get_status(reference_id).status
"""

from apps.mtn_integration.momo.client import MomoClient, Recorder
from apps.mtn_integration.momo.constants import (
    PRODUCTION_BASE_URL,
    PRODUCTION_CURRENCY,
    PRODUCTION_TARGET_ENVIRONMENT,
    SANDBOX_BASE_URL,
    SANDBOX_CURRENCY,
    SANDBOX_TARGET_ENVIRONMENT,
)
from apps.mtn_integration.momo.exceptions import (
    MomoAuthError,
    MomoBadRequest,
    MomoDuplicateReference,
    MomoError,
    MomoNotFound,
    MomoRejected,
    MomoTimeout,
    MomoUnavailable,
)
from apps.mtn_integration.momo.masking import mask_body, mask_msisdn
from apps.mtn_integration.momo.models import (
    Balance,
    MomoCall,
    MomoConfig,
    RequestToPayStatus,
    TransactionStatus,
)
from apps.mtn_integration.momo.reasons import MOTIFS, motif_francais

__all__ = [
    "MOTIFS",
    "PRODUCTION_BASE_URL",
    "PRODUCTION_CURRENCY",
    "PRODUCTION_TARGET_ENVIRONMENT",
    "SANDBOX_BASE_URL",
    "SANDBOX_CURRENCY",
    "SANDBOX_TARGET_ENVIRONMENT",
    "Balance",
    "MomoAuthError",
    "MomoBadRequest",
    "MomoCall",
    "MomoClient",
    "MomoConfig",
    "MomoDuplicateReference",
    "MomoError",
    "MomoNotFound",
    "MomoRejected",
    "MomoTimeout",
    "MomoUnavailable",
    "Recorder",
    "RequestToPayStatus",
    "TransactionStatus",
    "mask_body",
    "mask_msisdn",
    "motif_francais",
]
