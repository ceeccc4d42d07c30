// AR-04: how an ID number is kept — masked for display, sealed for the logged detail view, and a keyed
// hash for search. The plain number is never stored.
import { maskIdNumber } from '../../../common/mask';
import type { Vault } from '../../platform/vault';

export function sealedIdNumber(vault: Vault, plain: string | null | undefined) {
  const v = plain?.trim().toUpperCase() || null;
  return { idNumber: maskIdNumber(v), idNumberSealed: v ? vault.sealText(v) : null, idNumberHash: v ? vault.lookupHash(v) : null };
}

/** The full ID number of a customer row, for a logged detail view only. */
export function openIdNumber(vault: Vault, row: { idNumber: string | null; idNumberSealed: string | null }): string | null {
  return row.idNumberSealed ? vault.openText(row.idNumberSealed) : row.idNumber;
}

/** GB 11643: the check character of an 18-character mainland ID number. */
export function validIdNumber(value: string): boolean {
  const v = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(v[i]), 0);
  return '10X98765432'[sum % 11] === v[17];
}
