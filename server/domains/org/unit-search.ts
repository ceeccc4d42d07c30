// ORG-02: a unit is found by the forms a clerk types, not only the exact "A区-1栋-1层-101": "1-101",
// "1栋101", "A-1-1-101", "１栋１０１" (full-width), with or without 区/栋/层.
import { ilike, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { likePattern } from '../../platform/pagination';

type Part = 'area' | 'building' | 'floor' | 'room';

// The word after a number says which part of the path it is.
const HINTS: Record<string, Part> = { 区: 'area', 期: 'area', 塔: 'area', 栋: 'building', 幢: 'building', 座: 'building', 楼: 'building', 单: 'building', 层: 'floor', 号: 'room', 室: 'room' };

/** Full-width digits, letters and dashes to their ASCII forms, letters upper-case. */
export const halfWidth = (s: string) =>
  s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[—–－]/g, '-')
    .toUpperCase();

/**
 * The path parts the text names. A hinted number takes its part; of the others, the last is the room
 * number and the rest fill area (letters only), building and floor in that order.
 */
export function unitParts(text: string): Partial<Record<Part, string>> | null {
  const tokens = [...halfWidth(text).matchAll(/([A-Z]+|\d+)\s*([区期塔栋幢座楼单层号室])?/g)].map((m) => ({ value: m[1], hint: m[2] ? HINTS[m[2]] : undefined }));
  if (!tokens.length || tokens.length > 4) return null;
  const parts: Partial<Record<Part, string>> = {};
  for (const t of tokens) if (t.hint && !parts[t.hint]) parts[t.hint] = t.value;
  const free = tokens.filter((t) => !t.hint);
  if (free.length && !parts.room) parts.room = free.pop()!.value;
  for (const t of free) {
    const slot = (['area', 'building', 'floor'] as const).find((p) => !parts[p] && (p !== 'area' || /^[A-Z]+$/.test(t.value)));
    if (!slot) return null;
    parts[slot] = t.value;
  }
  return parts;
}

const part = (value: string | undefined, suffix: string) => (value === undefined ? '[^-]+' : /^\d+$/.test(value) ? `0*${value}${suffix}` : `${value}${suffix}`);

/** A POSIX regex over "区域-栋号-楼层-房号", or null when the text names no unit. */
export function unitPathRegex(text: string): string | null {
  const p = unitParts(text);
  if (!p) return null;
  return `^${part(p.area, '[^-]*')}-${part(p.building, '[^-0-9]*')}-${part(p.floor, '[^-0-9]*')}-${part(p.room, '[^-0-9]*')}$`;
}

/** The condition on a unit's path column: the exact text anywhere, or the parts the clerk typed. */
export function unitPathMatches(path: AnyColumn, text: string): SQL {
  const regex = unitPathRegex(text);
  return regex ? or(ilike(path, likePattern(text)), sql`${path} ~ ${regex}`)! : ilike(path, likePattern(text));
}
