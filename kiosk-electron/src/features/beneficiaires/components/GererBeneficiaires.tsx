import { useState } from 'react';
import { lireContrat } from '../../../api/compte';
import { Alerte } from '../../../components/Alerte';
import { Chargement } from '../../../components/Attente';
import { Bouton } from '../../../components/Bouton';
import { Ecran } from '../../../components/Ecran';
import {
  BENEFICIAIRE_VIDE,
  FormulaireBeneficiaire,
  beneficiaireComplet,
  type BeneficiaireForm,
} from '../../../components/FormulaireBeneficiaire';
import { useEnvoiUnique } from '../../../hooks/useEnvoiUnique';
import { useRequete } from '../../../hooks/useRequete';
import { ApiError, NetworkError, messageErreur } from '../../../lib/api';
import { useBorne } from '../../../stores/borne';
import type { Beneficiaire } from '../../../types/api';
import { LIENS, libelle } from '../../../utils/format';
import { PREUVE_REQUISE } from '../../../api/preuve';
import { PreuveCode } from '../../../components/PreuveCode';
import { ajouterBeneficiaire, changerBeneficiaire, retirerBeneficiaire } from '../api/beneficiaires';

const MAXIMUM = 6;

/** A change sent to the API, with the code proof when there is one. */
type Action = (codePreuve?: string) => Promise<unknown>;

type ModeSaisie =
  | { nom: 'liste' }
  | { nom: 'ajout'; saisie: BeneficiaireForm }
  | { nom: 'changement'; id: number; saisie: BeneficiaireForm }
  | { nom: 'retrait'; beneficiaire: Beneficiaire };

/** 'preuve': the API asked for the code proof of the client's telephone; the change waits. */
type Mode = ModeSaisie | { nom: 'preuve'; retour: ModeSaisie; action: Action; message: string };

/** Add, change or remove the bénéficiaires of one contrat (each change is recorded by the API). */
export function GererBeneficiaires({ police }: { police: string }) {
  const { api, naviguer, session } = useBorne();
  const contrat = useRequete(() => lireContrat(api, police), [police]);
  const [mode, setMode] = useState<Mode>({ nom: 'liste' });
  const { envoi, erreur, envoyer } = useEnvoiUnique();
  const [fait, setFait] = useState<string | null>(null);
  // Valid 15 minutes for the client's telephone: the next changes of the session reuse it.
  const [codePreuve, setCodePreuve] = useState<string | null>(null);
  const liste = contrat.donnees?.beneficiaires ?? [];

  async function executer(action: Action, message: string, preuve = codePreuve, depuis: ModeSaisie | null = null) {
    const resultat = await envoyer(async () => {
      try {
        await action(preuve ?? undefined);
        return 'fait' as const;
      } catch (e) {
        if (e instanceof ApiError && e.code === PREUVE_REQUISE) return 'preuve' as const;
        throw e;
      }
    });
    const retour = depuis ?? (mode.nom === 'preuve' ? mode.retour : mode);
    if (resultat === 'preuve') {
      setCodePreuve(null);
      setMode({ nom: 'preuve', retour, action, message });
      return;
    }
    if (resultat !== 'fait') {
      // Refused for another reason: back to what the person was doing, with the error shown.
      setMode(retour);
      return;
    }
    setFait(message);
    setMode({ nom: 'liste' });
    contrat.recharger();
  }

  function enregistrer() {
    if (mode.nom !== 'ajout' && mode.nom !== 'changement') return;
    const b = { nom: mode.saisie.nom.trim(), prenom: mode.saisie.prenom.trim(), lien: mode.saisie.lien };
    if (mode.nom === 'ajout') void executer((p) => ajouterBeneficiaire(api, police, b, p), `${b.prenom} ${b.nom} est ajouté(e).`);
    else void executer((p) => changerBeneficiaire(api, police, mode.id, b, p), `${b.prenom} ${b.nom} est modifié(e).`);
  }

  const saisie = mode.nom === 'ajout' || mode.nom === 'changement' ? mode.saisie : null;
  const actions =
    saisie !== null ? (
      <>
        <Bouton grand onClick={enregistrer} disabled={!beneficiaireComplet(saisie) || envoi} data-testid="enregistrer-beneficiaire">
          {envoi ? 'Enregistrement…' : 'Enregistrer'}
        </Bouton>
        <Bouton grand variante="secondaire" onClick={() => setMode({ nom: 'liste' })} disabled={envoi}>
          Annuler
        </Bouton>
      </>
    ) : mode.nom === 'retrait' ? (
      <>
        <Bouton
          grand
          onClick={() =>
            void executer(
              (p) => retirerBeneficiaire(api, police, mode.beneficiaire.id, p),
              `${mode.beneficiaire.prenom} ${mode.beneficiaire.nom} est retiré(e).`,
            )
          }
          disabled={envoi}
          data-testid="confirmer-retrait"
        >
          Oui, retirer
        </Bouton>
        <Bouton grand variante="secondaire" onClick={() => setMode({ nom: 'liste' })} disabled={envoi}>
          Non, garder
        </Bouton>
      </>
    ) : mode.nom === 'preuve' ? undefined : liste.length < MAXIMUM && contrat.donnees ? (
      <Bouton
        grand
        onClick={() => {
          setFait(null);
          setMode({ nom: 'ajout', saisie: BENEFICIAIRE_VIDE });
        }}
        data-testid="ajouter-beneficiaire"
      >
        + Ajouter un bénéficiaire
      </Bouton>
    ) : undefined;

  return (
    <Ecran
      titre="Mes bénéficiaires"
      onRetour={() =>
        mode.nom === 'liste' ? naviguer({ nom: 'contrat', police }) : setMode(mode.nom === 'preuve' ? mode.retour : { nom: 'liste' })
      }
      libelleRetour={mode.nom === 'liste' ? 'Mon contrat' : 'Retour'}
      actions={actions}
    >
      <p className="consigne">
        Les personnes qui recevront l'aide prévue par le contrat <span className="police">{police}</span>.
      </p>
      {contrat.chargement ? <Chargement texte="Chargement…" /> : null}
      {contrat.erreur && !contrat.chargement ? (
        <Alerte titre="Le contrat n'a pas pu être affiché" action={<Bouton onClick={contrat.recharger}>Réessayer</Bouton>}>
          <p>{messageErreur(contrat.erreur)}</p>
        </Alerte>
      ) : null}
      {mode.nom === 'preuve' ? (
        <PreuveCode
          telephone={session?.client.telephone ?? ''}
          raison="Pour protéger votre contrat, un changement de bénéficiaire se confirme avec un code envoyé à votre téléphone."
          onPreuve={(preuve) => {
            setCodePreuve(preuve);
            void executer(mode.action, mode.message, preuve, mode.retour);
          }}
          onAnnuler={() => setMode(mode.retour)}
          libelleAnnuler="Annuler ce changement"
        />
      ) : null}
      {erreur && mode.nom !== 'preuve' ? (
        <Alerte titre={erreur instanceof NetworkError ? 'Problème de réseau' : "Le changement n'a pas été fait"}>
          <p>{erreur instanceof NetworkError ? "Rien n'a été changé. Réessayez dans un instant." : messageErreur(erreur)}</p>
        </Alerte>
      ) : null}
      {fait && mode.nom === 'liste' ? (
        // Every kiosk change is told to the client's telephone (docs/sms-whatsapp.md).
        <Alerte ton="succes" titre={fait}>
          <p>Un message le confirme sur votre téléphone (SMS ou WhatsApp).</p>
        </Alerte>
      ) : null}
      {saisie !== null ? (
        <FormulaireBeneficiaire valeur={saisie} onChange={(s) => setMode({ ...mode, saisie: s } as Mode)} />
      ) : null}
      {mode.nom === 'retrait' ? (
        <Alerte ton="info" titre={`Retirer ${mode.beneficiaire.prenom} ${mode.beneficiaire.nom} des bénéficiaires ?`} />
      ) : null}
      {mode.nom === 'liste' && contrat.donnees ? (
        liste.length === 0 ? (
          <p>Aucun bénéficiaire pour l'instant.</p>
        ) : (
          <ul className="liste">
            {liste.map((b) => (
              <li key={b.id} className="liste__ligne" data-testid={`beneficiaire-${b.id}`}>
                <span>
                  <strong>
                    {b.prenom} {b.nom}
                  </strong>{' '}
                  · {libelle(LIENS, b.lien)}
                </span>
                <span className="rangee">
                  <Bouton
                    variante="secondaire"
                    onClick={() => {
                      setFait(null);
                      setMode({ nom: 'changement', id: b.id, saisie: { nom: b.nom, prenom: b.prenom, lien: b.lien } });
                    }}
                    aria-label={`Changer ${b.prenom} ${b.nom}`}
                  >
                    Changer
                  </Bouton>
                  <Bouton
                    variante="secondaire"
                    onClick={() => {
                      setFait(null);
                      setMode({ nom: 'retrait', beneficiaire: b });
                    }}
                    aria-label={`Retirer ${b.prenom} ${b.nom}`}
                  >
                    Retirer
                  </Bouton>
                </span>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </Ecran>
  );
}
