import { useCallback, useRef, useState } from 'react';

/**
 * One request at a time from a screen: a double tap sends once, the error is kept for the
 * screen to explain. Returns the action's result, or undefined when refused or failed.
 */
export function useEnvoiUnique() {
  const [envoi, setEnvoi] = useState(false);
  const [erreur, setErreur] = useState<unknown>(null);
  const verrou = useRef(false);

  const envoyer = useCallback(async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    if (verrou.current) return undefined;
    verrou.current = true;
    setEnvoi(true);
    setErreur(null);
    try {
      return await action();
    } catch (e) {
      setErreur(e);
      return undefined;
    } finally {
      verrou.current = false;
      setEnvoi(false);
    }
  }, []);

  return { envoi, erreur, envoyer };
}
