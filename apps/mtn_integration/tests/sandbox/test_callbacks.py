"""The sandbox's callback: once on the final state, and the faults tests need around it."""

import time

from apps.mtn_integration.momo import TransactionStatus

from ..conftest import pay


def _transaction(sandbox, reference):
    return sandbox.transaction(reference)


def test_callback_sent_once_with_put_on_the_final_state(momo_sandbox, client_for, callback_receiver):
    client = client_for(callback_url=callback_receiver.url + "?ref=x")
    reference = pay(client, "46733123451")
    (method, path, body), *others = callback_receiver.wait_for(1)
    time.sleep(0.1)
    assert (method, path) == ("PUT", "/api/v1/mtn/callback/?ref=x") and others == []
    assert len(callback_receiver.received) == 1
    assert body["status"] == "FAILED" and body["reason"] == "APPROVAL_REJECTED"
    assert body["externalId"] == "PAY-TEST-1" and body["payer"]["partyId"] == "46733123451"
    assert _transaction(momo_sandbox, reference)["callbacksSent"] == 1


def test_callback_method_post(momo_sandbox, client_for, callback_receiver):
    momo_sandbox.configure(callback_method="POST")
    pay(client_for(callback_url=callback_receiver.url))
    assert [m for m, _, _ in callback_receiver.wait_for(1)] == ["POST"]


def test_no_callback_while_pending_then_one_when_settled(momo_sandbox, client_for, callback_receiver):
    reference = pay(client_for(callback_url=callback_receiver.url), "46733123454")
    time.sleep(0.15)
    assert callback_receiver.received == []
    momo_sandbox.settle(reference, "SUCCESSFUL")
    (_, _, body), *_ = callback_receiver.wait_for(1)
    assert body["status"] == "SUCCESSFUL" and body["financialTransactionId"]


def test_callback_twice_with_the_fault(momo_sandbox, client_for, callback_receiver):
    momo_sandbox.set_faults(callback="twice")
    pay(client_for(callback_url=callback_receiver.url))
    received = callback_receiver.wait_for(2)
    assert len(received) == 2 and received[0][2] == received[1][2]


def test_lying_callback(momo_sandbox, client_for, callback_receiver):
    momo_sandbox.set_faults(callback="lie", scope="next")
    client = client_for(callback_url=callback_receiver.url)
    reference = pay(client, "46733123451")
    (_, _, body), *_ = callback_receiver.wait_for(1)
    assert body["status"] == "SUCCESSFUL"  # the callback says so…
    assert client.get_status(reference).status is TransactionStatus.FAILED  # …MTN does not


def test_callback_never_sent_and_late(momo_sandbox, client_for, callback_receiver):
    client = client_for(callback_url=callback_receiver.url)
    momo_sandbox.set_faults(callback="never", scope="next")
    pay(client)
    momo_sandbox.set_faults(callback="late", callback_delay=0.4, scope="next")
    started = time.monotonic()
    pay(client)
    received = callback_receiver.wait_for(1)
    assert len(received) == 1 and time.monotonic() - started >= 0.4
    time.sleep(0.1)
    assert len(callback_receiver.received) == 1  # the first one never came


def test_unreachable_callback_url_is_ignored(momo_sandbox, client_for):
    client = client_for(callback_url="http://127.0.0.1:9/cb")
    reference = pay(client)
    assert client.get_status(reference).status is TransactionStatus.SUCCESSFUL
    time.sleep(0.1)
    assert _transaction(momo_sandbox, reference)["callbacksSent"] == 1
