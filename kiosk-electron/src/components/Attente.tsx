/** Every wait shows progress. */
export function Chargement({ texte = 'Chargement en cours…' }: { texte?: string }) {
  return (
    <div className="chargement" role="status" aria-live="polite">
      <span className="roue" aria-hidden="true" />
      <span>{texte}</span>
    </div>
  );
}

export function BarreProgression({ fraction, libelle }: { fraction: number; libelle: string }) {
  const pct = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div className="progression" role="progressbar" aria-label={libelle} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
      <div className="progression__barre" style={{ width: `${pct}%` }} />
    </div>
  );
}
