// AR-04 for databases from before sealing: an ID number still held in plain text is sealed, masked and
// hashed at start-up, in batches, each batch one command with one audit event per customer (the event
// shows the masked number only). Idempotent: a sealed row is never touched again.
import { sql } from 'drizzle-orm';
import { runCommand } from '../../platform/audit';
import { rowsOf, type Db } from '../../platform/db';
import type { Vault } from '../../platform/vault';
import { sealedIdNumber } from './identity';

const BATCH = 500;

/** Seals every plain ID number left in `customers`; answers how many were sealed. */
export async function sealPlainIdNumbers(db: Db, vault: Vault): Promise<number> {
  let sealed = 0;
  for (;;) {
    // A masked number holds '*'; anything else without a sealed copy is a plain number.
    const rows = rowsOf<{ id: string; company_id: string; project_id: string; id_number: string }>(
      await db.execute(sql`select id, company_id, project_id, id_number from customers
        where id_number_sealed is null and id_number is not null and position('*' in id_number) = 0
        order by company_id limit ${BATCH}`),
    );
    if (!rows.length) return sealed;
    for (const companyId of new Set(rows.map((r) => r.company_id))) {
      const batch = rows.filter((r) => r.company_id === companyId).map((r) => ({ ...r, ...sealedIdNumber(vault, r.id_number) }));
      await runCommand(db, { userId: null, companyId }, async ({ tx, audit }) => {
        await tx.execute(sql`update customers c set id_number = b.masked, id_number_sealed = b.sealed, id_number_hash = b.hash, version = c.version + 1
          from json_to_recordset(${JSON.stringify(batch.map((b) => ({ id: b.id, masked: b.idNumber, sealed: b.idNumberSealed, hash: b.idNumberHash })))}::json)
            as b(id uuid, masked text, sealed text, hash text)
          where c.id = b.id and c.id_number_sealed is null`);
        await audit(batch.map((b) => ({ entity: 'customer', entityId: b.id, projectId: b.project_id, action: 'seal_id_number', after: { idNumber: b.idNumber } })));
      });
    }
    sealed += rows.length;
  }
}
