import { useEffect, useRef } from 'react';
import { BarreProgression } from '../../../components/Attente';
import { Bouton } from '../../../components/Bouton';

interface Props {
  restant: number;
  total: number;
  onContinuer: () => void;
  onTerminer: () => void;
}

/** Full screen: "Êtes-vous toujours là ?" with the countdown before everything is cleared. */
export function AlerteInactivite({ restant, total, onContinuer, onTerminer }: Props) {
  const bouton = useRef<HTMLDivElement>(null);
  useEffect(() => {
    bouton.current?.querySelector('button')?.focus();
  }, []);
  return (
    <div className="voile" role="alertdialog" aria-modal="true" aria-labelledby="inactivite-titre" aria-describedby="inactivite-texte">
      <div className="voile__boite">
        <p className="voile__icone" aria-hidden="true">
          ?
        </p>
        <h2 id="inactivite-titre" className="voile__titre">
          Êtes-vous toujours là ?
        </h2>
        <p id="inactivite-texte" className="voile__texte">
          Pour protéger vos informations, la session se terminera dans{' '}
          <strong className="voile__compte" data-testid="compte-a-rebours">
            {restant} s
          </strong>
          .
        </p>
        <BarreProgression fraction={restant / total} libelle="Temps restant" />
        <div className="voile__actions" ref={bouton}>
          <Bouton grand onClick={onContinuer}>
            Oui, je continue
          </Bouton>
          <Bouton grand variante="secondaire" onClick={onTerminer}>
            Non, terminer
          </Bouton>
        </div>
      </div>
    </div>
  );
}
