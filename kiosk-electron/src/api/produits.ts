import type { ApiClient } from '../lib/api';
import type { Produit } from '../types/api';

export function lireProduits(api: ApiClient): Promise<Produit[]> {
  return api.request<Produit[]>('GET', '/produits/');
}
