// the overdue sweeper. Claims a batch of overdue deadlines with FOR UPDATE SKIP LOCKED (so several
// server instances can sweep at once), raises each one's notice level and writes the notices in the
// same transaction: one instance wins each deadline, and each level is told once.
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../platform/db';
import { notifyMany, type Notice } from '../notifications/notify';
import { flagNoAction } from '../complaints/flags';
import { recipients } from './recipients';

interface Claimed {
  id: string;
  company_id: string;
  project_id: string;
  entity: string;
  entity_id: string;
  kind: string;
  responsible_id: string | null;
  department: string | null;
  notified_level: number;
  label: string | null;
}

export async function sweepOverdue(db: Db, now = new Date(), batch = 500): Promise<{ claimed: number; notices: number }> {
  return db.transaction(async (tx) => {
    const res = await tx.execute(sql`
      with due as (
        select d.id
        from deadlines d
        left join desk_rules r on r.project_id = d.project_id
        where d.met_at is null and d.paused_at is null and d.notified_level < 2
          and d.due_at < ${now.toISOString()}::timestamptz
          and (d.notified_level = 0
               or d.due_at < ${now.toISOString()}::timestamptz
                  - make_interval(secs => coalesce((r.rules->>'escalateAfterHours')::float8, 2) * 3600))
        order by d.due_at
        limit ${batch}
        for update of d skip locked
      )
      update deadlines d set notified_level = d.notified_level + 1
      from due where d.id = due.id
      returning d.id, d.company_id, d.project_id, d.entity, d.entity_id, d.kind, d.responsible_id, d.department, d.notified_level,
        coalesce((select number from work_orders w where w.id = d.entity_id), (select number from cases c where c.id = d.entity_id),
          (select c.number from complaints k join cases c on c.id = k.case_id where k.id = d.entity_id),
          (select u.path from archives a join units u on u.id = a.unit_id where a.id = d.entity_id),
          (select b.month from slip_bundles b where b.id = d.entity_id)) as label`);
    const rows = rowsOf<Claimed>(res);
    // CP-02: a request whose reply or dispatch time has passed with nothing done is flagged.
    await flagNoAction(tx, rows.filter((d) => d.notified_level === 1), now);
    // Who hears of a deadline depends on project, kind, department, level and the responsible person only.
    const asked = new Map<string, Promise<string[]>>();
    const who = (d: Claimed, level: 1 | 2) => {
      const key = [d.project_id, d.kind, d.department, d.responsible_id, level].join('|');
      if (!asked.has(key)) asked.set(key, recipients(tx, { projectId: d.project_id, kind: d.kind, responsibleId: d.responsible_id, department: d.department }, level));
      return asked.get(key)!;
    };
    const notices: Notice[] = [];
    for (const d of rows) {
      const level = d.notified_level as 1 | 2;
      notices.push({
        companyId: d.company_id,
        projectId: d.project_id,
        userIds: await who(d, level),
        kind: level === 1 ? `overdue_${d.kind}` : `escalated_${d.kind}`,
        entity: d.entity as Notice['entity'],
        entityId: d.entity_id,
        params: { number: d.label ?? '' },
        dedupeKey: `deadline:${d.id}:${level}`,
      });
    }
    return { claimed: rows.length, notices: await notifyMany(tx, notices) };
  });
}

/** Runs the sweeper every `everyMs` until stopped; errors are logged and the next round tries again. */
export function startSweeper(db: Db, log: { error(o: object, m: string): void }, everyMs = 60_000): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await sweepOverdue(db);
    } catch (err) {
      log.error({ err }, 'overdue sweep failed');
    } finally {
      running = false;
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
