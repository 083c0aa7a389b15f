/** Numbered, named steps of a wizard (done ✓, current highlighted), for people who read little. */
export function BarreEtapes<E extends string>({ etapes, courante, noms }: { etapes: readonly E[]; courante: E; noms: Record<E, string> }) {
  const index = etapes.indexOf(courante);
  return (
    <ol className="etapes" aria-label="Étapes">
      {etapes.map((e, i) => (
        <li
          key={e}
          className={`etapes__pas${i === index ? ' etapes__pas--actif' : ''}${i < index ? ' etapes__pas--fait' : ''}`}
          aria-current={i === index ? 'step' : undefined}
        >
          <span className="etapes__numero">{i < index ? '✓' : i + 1}</span>
          <span className="etapes__nom">{noms[e]}</span>
        </li>
      ))}
    </ol>
  );
}
