"""A local SMS centre: an SMPP 3.4 server (bind checked, submit_sm answered) and a provider's
HTTP API, with a page listing what each telephone received.

    python -m apps.notifications.simulateurs.smsc --smpp-port 2775 --web-port 8097

Bind credentials: SMSC_SYSTEM_ID / SMSC_MOT_DE_PASSE (development values by default); HTTP API
token: SMSC_JETON. PDUs are read and written with smpplib's codec, the library the API uses.
"""

import argparse
import json
import os
import socketserver
import struct
import threading
from http.server import ThreadingHTTPServer

from smpplib import consts, smpp
from smpplib.gsm import GSM_CHARACTER_TABLE

from apps.notifications.simulateurs.commun import Boite, GestionnaireBase

ESME_RINVPASWD = 0x0E
ESME_RINVSYSID = 0x0F
ESME_RSYSERR = 0x08
ESME_RINVBNDSTS = 0x04


def gsm_decoder(octets: bytes) -> str:
    texte, echappe = [], False
    for octet in octets:
        if octet == 0x1B:
            echappe = True
            continue
        texte.append(GSM_CHARACTER_TABLE[octet + 0x80 if echappe else octet])
        echappe = False
    return "".join(texte)


def texte_decoder(octets: bytes, codage: int) -> str:
    if codage == consts.SMPP_ENCODING_ISO10646:
        return octets.decode("utf-16-be")
    if codage == consts.SMPP_ENCODING_DEFAULT:
        return gsm_decoder(octets)
    return octets.decode("latin-1")


def _str(valeur) -> str:
    return valeur.decode() if isinstance(valeur, bytes) else (valeur or "")


class SessionSmpp(socketserver.BaseRequestHandler):
    boite: Boite
    system_id = ""
    mot_de_passe = ""

    def lire_pdu(self) -> bytes | None:
        entete = self._lire(4)
        if not entete:
            return None
        longueur = struct.unpack(">L", entete)[0]
        return entete + self._lire(longueur - 4)

    def _lire(self, n: int) -> bytes:
        donnees = b""
        while len(donnees) < n:
            morceau = self.request.recv(n - len(donnees))
            if not morceau:
                return b""
            donnees += morceau
        return donnees

    def envoyer(self, commande: str, sequence: int, statut: int = 0, **champs):
        pdu = smpp.make_pdu(commande, sequence=sequence, status=statut, **champs)
        self.request.sendall(pdu.generate())

    def handle(self):
        lie = False
        parties: dict[tuple, dict] = {}
        while True:
            donnees = self.lire_pdu()
            if not donnees:
                return
            pdu = smpp.parse_pdu(donnees, sequence=struct.unpack(">L", donnees[12:16])[0])
            commande, sequence = pdu.command, pdu.sequence
            if commande in {"bind_transmitter", "bind_transceiver", "bind_receiver"}:
                self.boite.requetes.append({"pdu": commande, "system_id": _str(pdu.system_id)})
                if _str(pdu.system_id) != self.system_id:
                    statut = ESME_RINVSYSID
                elif _str(pdu.password) != self.mot_de_passe:
                    statut = ESME_RINVPASWD
                else:
                    statut, lie = 0, True
                self.envoyer(f"{commande}_resp", sequence, statut, system_id="SMSC-NSIA")
            elif commande == "submit_sm":
                if not lie:
                    self.envoyer("submit_sm_resp", sequence, ESME_RINVBNDSTS)
                    continue
                if self.boite.panne:
                    self.envoyer("submit_sm_resp", sequence, ESME_RSYSERR)
                    continue
                message_id = self.recevoir(pdu, parties)
                self.envoyer("submit_sm_resp", sequence, message_id=message_id)
            elif commande == "enquire_link":
                self.envoyer("enquire_link_resp", sequence)
            elif commande == "unbind":
                self.envoyer("unbind_resp", sequence)
                return
            else:
                self.envoyer("generic_nack", sequence, consts.SMPP_ESME_RINVCMDID)

    def recevoir(self, pdu, parties: dict) -> str:
        octets = pdu.short_message or b""
        telephone = "+" + _str(pdu.destination_addr).lstrip("+")
        self.boite.requetes.append(
            {"pdu": "submit_sm", "destination_addr": _str(pdu.destination_addr), "source_addr": _str(pdu.source_addr)}
        )
        if pdu.esm_class & consts.SMPP_GSMFEAT_UDHI:  # a part of a long message: UDH 05 00 03 ref total rang
            longueur_udh = octets[0] + 1
            reference, total, rang = octets[3], octets[4], octets[5]
            cle = (telephone, reference)
            parties.setdefault(cle, {})[rang] = texte_decoder(octets[longueur_udh:], pdu.data_coding)
            if len(parties[cle]) < total:
                return f"P{reference}-{rang}"
            recues = parties.pop(cle)
            texte = "".join(recues[i] for i in range(1, total + 1))
            nombre = total
        else:
            texte, nombre = texte_decoder(octets, pdu.data_coding), 1
        return self.boite.ajouter(telephone=telephone, texte=texte, canal="smpp", parties=nombre)["id"]


class GestionnaireWeb(GestionnaireBase):
    titre = "Centre SMS local : messages reçus"
    jeton = ""

    def do_POST(self):
        if self.routes_controle():
            return
        if self.path != "/api/sms":
            return self.repondre(404, {"erreur": "introuvable"})
        if self.headers.get("Authorization") != f"Bearer {self.jeton}":
            return self.repondre(401, {"erreur": "jeton invalide"})
        if self.boite.panne:
            return self.repondre(503, {"erreur": "service indisponible"})
        corps = json.loads(self.corps() or b"{}")
        self.boite.requetes.append({"http": corps})
        message = self.boite.ajouter(telephone=corps["to"], texte=corps["text"], canal="http", parties=1)
        return self.repondre(200, {"id": message["id"]})


class Smsc:
    def __init__(self, *, hote="127.0.0.1", port_smpp=0, port_web=0, system_id=None, mot_de_passe=None, jeton=None):
        self.boite = Boite()
        attributs = {
            "boite": self.boite,
            "system_id": system_id or os.environ.get("SMSC_SYSTEM_ID", "nsiapass"),
            "mot_de_passe": mot_de_passe or os.environ.get("SMSC_MOT_DE_PASSE", "smsc-dev"),
        }
        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self.serveur_smpp = socketserver.ThreadingTCPServer((hote, port_smpp), type("S", (SessionSmpp,), attributs))
        self.serveur_smpp.daemon_threads = True
        web = type(
            "W",
            (GestionnaireWeb,),
            {"boite": self.boite, "jeton": jeton or os.environ.get("SMSC_JETON", "sms-jeton-dev")},
        )
        self.serveur_web = ThreadingHTTPServer((hote, port_web), web)
        self.port_smpp = self.serveur_smpp.server_address[1]
        self.url_web = f"http://{hote}:{self.serveur_web.server_address[1]}"

    def demarrer(self):
        for serveur in (self.serveur_smpp, self.serveur_web):
            threading.Thread(target=serveur.serve_forever, daemon=True).start()
        return self

    def arreter(self):
        for serveur in (self.serveur_smpp, self.serveur_web):
            serveur.shutdown()
            serveur.server_close()


def main():
    parser = argparse.ArgumentParser(description="Centre SMS local (SMPP + API HTTP)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--smpp-port", type=int, default=int(os.environ.get("SMSC_PORT", 2775)))
    parser.add_argument("--web-port", type=int, default=int(os.environ.get("SMSC_WEB_PORT", 8097)))
    arguments = parser.parse_args()
    smsc = Smsc(hote=arguments.host, port_smpp=arguments.smpp_port, port_web=arguments.web_port).demarrer()
    print(f"Centre SMS : SMPP {arguments.host}:{smsc.port_smpp}, messages sur {smsc.url_web}/", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
