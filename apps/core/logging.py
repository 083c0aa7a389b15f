"""Keep telephone numbers out of the logs, whoever writes them."""

import logging
import re

# +242061234567, 242061234567 and MTN test MSISDNs: keep the first 5 digits and the last 2.
_NUMERO = re.compile(r"(\+?\d{5})\d{4,}(\d{2})")


def masquer_numeros(texte: str) -> str:
    return _NUMERO.sub(lambda m: m.group(1) + "*" * (len(m.group(0)) - len(m.group(1)) - 2) + m.group(2), texte)


class MaskPIIFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masque = masquer_numeros(message)
        if masque != message:
            record.msg, record.args = masque, ()
        return True
