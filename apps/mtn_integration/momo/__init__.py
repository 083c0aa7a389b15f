"""Our MTN MoMo Collection client (pure Python + requests: no Django here)."""

from apps.mtn_integration.momo.client import (
    Balance,
    MomoCall,
    MomoClient,
    MomoConfig,
    RequestToPayStatus,
    TransactionStatus,
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

__all__ = [
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
    "RequestToPayStatus",
    "TransactionStatus",
]
