"""The project's Airtel Money sandbox: a separate local process speaking Airtel's Open API.

python -m apps.airtel_integration.sandbox --host 127.0.0.1 --port 8095

Same paths, headers, codes and bodies as Airtel (docs/paiements.md, « Airtel Money »): token
(180 s), RSA key, v1 and v2 (signed) payments, enquiry moving TIP → TS/TF/TE, refund, a
callback with an optional hash, test payers, and faults switched through /_sandbox/.
"""
