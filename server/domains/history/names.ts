// events are read by people, so the ids they hold are shown as names — a person's name, a unit's
// path, a customer's name, a case's number. Events written before they carried names get them here;
// ids of anything else (files, follow-ups, orders) are left out of what is shown.
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db';
import { cases } from '../cases/tables';
import { units } from '../org/tables';
import { customers, users } from '../people/tables';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isId = (k: string, v: unknown): v is string => k.endsWith('Id') && typeof v === 'string' && UUID.test(v);

/** What an id field is shown as: `ownerId` → `ownerName`, `unitId` → `unit`, `caseId` → `caseNumber`, … */
const shownAs = (k: string) => (k === 'unitId' ? 'unit' : k === 'customerId' ? 'customer' : k === 'caseId' ? 'caseNumber' : `${k.slice(0, -2)}Name`);

export async function namedEvents<E extends { before: unknown; after: unknown }>(db: DbOrTx, events: E[]): Promise<E[]> {
  const ids = new Set<string>();
  const bags = (e: E) => [e.before, e.after].filter((b): b is Record<string, unknown> => !!b && typeof b === 'object' && !Array.isArray(b));
  for (const e of events) for (const b of bags(e)) for (const [k, v] of Object.entries(b)) if (isId(k, v)) ids.add(v);
  if (!ids.size) return events;
  const list = [...ids];
  const [people, unitRows, customerRows, caseRows] = await Promise.all([
    db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, list)),
    db.select({ id: units.id, name: units.path }).from(units).where(inArray(units.id, list)),
    db.select({ id: customers.id, name: customers.name }).from(customers).where(inArray(customers.id, list)),
    db.select({ id: cases.id, name: cases.number }).from(cases).where(inArray(cases.id, list)),
  ]);
  return nameIds(events, new Map([...people, ...unitRows, ...customerRows, ...caseRows].map((r) => [r.id, r.name])));
}

/** The events with each id field replaced by its name from `names`; ids without a name are left out. */
export function nameIds<E extends { before: unknown; after: unknown }>(events: E[], names: Map<string, string>): E[] {
  const rename = (b: unknown) => {
    if (!b || typeof b !== 'object' || Array.isArray(b)) return b;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(b)) {
      if (!isId(k, v)) out[k] = v;
      else if (names.has(v) && !(shownAs(k) in b)) out[shownAs(k)] = names.get(v);
    }
    return out;
  };
  return events.map((e) => ({ ...e, before: rename(e.before), after: rename(e.after) }));
}

/** People's names for an event that hands something from one person to another (X-02: events name people). */
export async function personNames(db: DbOrTx, ids: (string | null)[]): Promise<(string | null)[]> {
  const wanted = ids.filter((i): i is string => !!i);
  const rows = wanted.length ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted)) : [];
  return ids.map((i) => rows.find((r) => r.id === i)?.name ?? null);
}
