"""A third-party client written against MTN's real sandbox works against ours unchanged.

momo-openapi (PyPI) only needs requests; its provisioning helper is hard-wired to MTN's sandbox
URL, so that one constant is pointed at ours. Everything else goes over real HTTP.
"""

import pytest

momo_openapi = pytest.importorskip("momo_openapi")

from momo_openapi import Collection, MomoAPIError, MomoConfig  # noqa: E402

from ..conftest import SUBSCRIPTION_KEY  # noqa: E402


def test_momo_openapi_provisions_pays_and_reads_status(momo_sandbox, monkeypatch):
    monkeypatch.setattr(momo_openapi.sandbox, "SANDBOX_URL", momo_sandbox.base_url)
    user_id, api_key = momo_openapi.provision_sandbox_user(SUBSCRIPTION_KEY, "127.0.0.1")
    collection = Collection(
        MomoConfig(
            subscription_key=SUBSCRIPTION_KEY,
            user_id=user_id,
            credential_token=api_key,
            target_environment="sandbox",
            base_url=momo_sandbox.base_url,
            currency="EUR",
            timeout=2,
        )
    )
    reference = collection.request_to_pay(5000, "46733123451", "PAY-TIERS-1", payer_message="x")
    status = collection.get_transaction_status(reference)
    assert status["status"] == "FAILED" and status["reason"] == "APPROVAL_REJECTED"
    paid = collection.get_transaction_status(collection.request_to_pay("100", "242061234567", "P2"))
    assert paid["status"] == "SUCCESSFUL" and paid["financialTransactionId"]
    assert collection.get_balance()["currency"] == "EUR"
    with pytest.raises(MomoAPIError) as refused:
        collection.request_to_pay(100, "242061234567", "P3", currency="XAF")
    assert (refused.value.status_code, refused.value.code) == (500, "INVALID_CURRENCY")
    assert momo_sandbox.token_calls() == 1
