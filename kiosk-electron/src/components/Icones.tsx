/** A few line icons (inline SVG: no font or image to load). Decorative: aria-hidden. */
const base = {
  width: 56,
  height: 56,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.8,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  'aria-hidden': true,
  focusable: false,
};

export const IconeCompte = () => (
  <svg {...base}>
    <circle cx="12" cy="8" r="4" />
    <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7" />
  </svg>
);

export const IconeTelephone = () => (
  <svg {...base}>
    <rect x="6" y="2" width="12" height="20" rx="2" />
    <path d="M10 18h4" />
    <path d="M9 7h6M9 10.5h6" />
  </svg>
);

export const IconeSouscrire = () => (
  <svg {...base}>
    <path d="M12 3 4 6v6c0 5 3.5 8 8 9 4.5-1 8-4 8-9V6l-8-3Z" />
    <path d="M12 9v6M9 12h6" />
  </svg>
);

export const IconeProduits = () => (
  <svg {...base}>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <path d="M7 9h10M7 13h10M7 17h6" />
  </svg>
);

export const IconeImprimer = () => (
  <svg {...base}>
    <path d="M6 9V3h12v6" />
    <rect x="3" y="9" width="18" height="8" rx="2" />
    <path d="M6 14h12v7H6z" />
  </svg>
);
