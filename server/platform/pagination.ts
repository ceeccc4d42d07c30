// Keyset pagination: a cursor is the last row's sort key and id, opaque to clients.
import { invalidField } from './errors';

export function encodeCursor(key: string | number, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The cursor's sort key and id, checked against the list's key type before they reach SQL (a cast of
 * a malformed value would fail in the database): `time` keys are the instants the lists wrote (toISOString), `text` keys strings.
 */
export function decodeCursor(cursor: string | undefined, key: 'time' | 'text'): [string, string] | null {
  if (!cursor) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && UUID.test(v[1])) {
      const [k, id] = v as [string, string];
      const keyOk = key === 'text' ? !k.includes('\u0000') : new Date(k).toISOString() === k;
      if (keyOk) return [k, id];
    }
  } catch {
    // not JSON, or an invalid date (toISOString throws): the field error below
  }
  throw invalidField('cursor', 'bad_cursor');
}

/** Rows are fetched with limit + 1; the extra row only says whether a next page exists. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => [string | number, string]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(...keyOf(last)) : null };
}

/** ILIKE pattern for a user's search text, with LIKE wildcards taken literally. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
