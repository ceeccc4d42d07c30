import { zhCN } from './zh-CN';
import { en } from './en';
import type { TLocale } from '../shared';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Catalog = Widen<typeof zhCN>;

export const catalogs: Record<TLocale, Catalog> = { 'zh-CN': zhCN, en };

/** Looks up "a.b.c" in a catalog; unknown keys come back as the key so gaps are visible, not blank. */
export function translate(locale: TLocale, key: string): string {
  let node: unknown = catalogs[locale];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : key;
}
