// Keyset pagination: a cursor is the last row's sort key and id, opaque to clients.
import { invalidField } from './errors';

export function encodeCursor(key: string | number, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[1] === 'string') return [String(v[0]), v[1]];
  } catch {
    // falls through to the field error below
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
