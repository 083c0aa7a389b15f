import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Chargement } from '../../../components/Attente';
import { Logo } from '../../../components/Ecran';
import type { ApiClient } from '../../../lib/api';

const INTERVALLE = 5;

/** Calm screen shown while the API is unreachable; checks again by itself and resumes. */
/** `onTerminer` is given while a client is signed in: "Terminer" stays there (kiosk rule). */
export function Indisponible({ api, onRetabli, onTerminer }: { api: ApiClient; onRetabli: () => void; onTerminer?: () => void }) {
  const [dans, setDans] = useState(INTERVALLE);
  const [essai, setEssai] = useState(false);
  const monte = useRef(true);
  const retabliRef = useRef(onRetabli);
  useLayoutEffect(() => {
    retabliRef.current = onRetabli;
  });

  useEffect(() => {
    monte.current = true;
    return () => {
      monte.current = false;
    };
  }, []);

  // Counting down to the next try.
  useEffect(() => {
    if (essai) return;
    const id = setTimeout(() => {
      setDans((d) => d - 1);
      if (dans <= 1) setEssai(true);
    }, 1000);
    return () => clearTimeout(id);
  }, [dans, essai]);

  useEffect(() => {
    if (!essai) return;
    api.request('GET', '/produits/').then(
      () => monte.current && retabliRef.current(),
      () => {
        if (!monte.current) return;
        setEssai(false);
        setDans(INTERVALLE);
      },
    );
  }, [api, essai]);

  return (
    <main className="indisponible">
      <div className="indisponible__annonce" role="alert" aria-live="assertive">
      <Logo />
      <h1 className="indisponible__titre">Service momentanément indisponible</h1>
      <p className="indisponible__texte">
        Nous rétablissons la connexion. Vous n'avez rien à faire : la borne reprendra toute seule dans un instant.
      </p>
      <Chargement texte={essai ? 'Nouvelle tentative…' : `Nouvelle tentative dans ${dans} s`} />
      <p className="indisponible__aide">Si cela dure, un conseiller NSIA peut vous aider au guichet.</p>
      {onTerminer ? (
        <button type="button" className="bouton bouton--principal bouton--terminer" onClick={onTerminer}>
          <span aria-hidden="true" className="bouton__croix">×</span> Terminer
        </button>
      ) : null}
      </div>
    </main>
  );
}
