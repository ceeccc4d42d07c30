// X-03, CP-01: a resident complains from the phone. The complaint is registered through the desk's own
// command (channel "portal", owned by the clerk on duty, CP-02 flags and deadlines as at the desk); the
// resident follows it and, once it is resolved and answered, gives the follow-up verdict themselves —
// recorded as the complaint's follow-up step by the clerk on duty (satisfied closes it, unsatisfied reopens).
import type { TPortalComplaint, TPortalComplaintCreate } from '../../../common/portal-services';
import type { VERDICTS } from '../../../common/desk';
import type { Db, DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { query } from '../../platform/sql';
import { principalForUser } from '../auth/session';
import { complaintAction } from '../complaints/commands/complaint-action';
import { registerComplaint } from '../complaints/commands/register-complaint';
import { notify } from '../notifications/notify';
import { clerkOnDuty } from './duty';
import { allowedUnit, residentUnits, unitsParam, visibleCasesWhere } from './scope';
import type { Resident } from './session';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function fileComplaint(db: Db, r: Resident, input: TPortalComplaintCreate, now?: Date): Promise<{ caseId: string; number: string }> {
  const unit = await allowedUnit(db, r, input.unitId);
  const clerkId = await clerkOnDuty(db, unit.projectId);
  const clerk = await principalForUser(db, clerkId, r.companyId, 'zh-CN');
  const where = input.locationKind === 'public' ? `【公共区域：${input.publicLocation}】` : '';
  const k = await registerComplaint(
    db,
    clerk,
    {
      projectId: unit.projectId,
      channel: 'portal',
      unitId: unit.unitId,
      customerId: unit.customerId,
      callerName: unit.customerName,
      callerPhone: r.phone,
      content: `${where}${input.content}`,
      confirmedWithCaller: true, // the resident wrote it themselves (IN-03)
      type: input.type,
      majorReasons: [],
    },
    now,
    async (ctx, k) => {
      await ctx.audit({ entity: 'resident', entityId: r.residentId, projectId: unit.projectId, action: 'file_complaint', after: { caseId: k.caseId, number: k.caseNumber } });
      await notify(ctx.tx, { companyId: r.companyId, projectId: unit.projectId, userIds: [clerkId], kind: 'portal_complaint', entity: 'complaint', entityId: k.id, params: { number: k.caseNumber, path: unit.path }, dedupeKey: `portal_complaint:${k.id}`, at: ctx.now });
    },
  );
  return { caseId: k.caseId, number: k.caseNumber };
}

interface Row {
  id: string;
  caseId: string;
  projectId: string;
  number: string;
  type: TPortalComplaint['type'];
  status: TPortalComplaint['status'];
  path: string | null;
  content: string;
  reply: string | null;
  repliedAt: Date | null;
  resolution: string | null;
  verdict: (typeof VERDICTS)[number] | null;
  createdAt: Date;
  replyDueAt: Date | null;
  version: number;
}

/** A complaint of one of the resident's visible cases (by its case id), or not found. */
async function visibleComplaint(db: DbOrTx, r: Resident, caseId: string): Promise<Row> {
  const units = await residentUnits(db, r);
  const [row] = await query<Row>(
    db,
    'resident_complaint',
    `select k.id, k.case_id as "caseId", k.project_id as "projectId", c.number, k.type, k.status, u.path, c.content, c.reply, c.replied_at as "repliedAt",
            k.resolution, k.verdict, c.created_at as "createdAt", k.version,
            (select d.due_at from deadlines d where d.entity_id = c.id and d.kind = 'reply' limit 1) as "replyDueAt"
       from complaints k join cases c on c.id = k.case_id left join units u on u.id = c.unit_id
      where c.id = $3::uuid and c.company_id = $1::uuid and ${visibleCasesWhere('c', '$2')}`,
    [r.companyId, unitsParam(units), caseId],
  );
  if (!row) throw notFound();
  return row;
}

/** CP-01: the complaint as the resident follows it — its state, the desk's reply and resolution, the steps taken. */
export async function residentComplaint(db: DbOrTx, r: Resident, caseId: string): Promise<TPortalComplaint> {
  const k = await visibleComplaint(db, r, caseId);
  const steps = await query<{ entity: string; action: string; at: Date }>(
    db,
    'resident_complaint_steps',
    `select a.entity, a.action, a.at from audit_events a
      where ((a.entity = 'case' and a.entity_id = $1) or (a.entity = 'complaint' and a.entity_id = $2))
        and a.action in ('create', 'reply', 'assign', 'escalate', 'contact', 'progress', 'resolve', 'followup', 'close', 'reopen')
        and not (a.entity = 'complaint' and a.action = 'create') -- the case's own creation says it once
      order by a.id`,
    [k.caseId, k.id],
  );
  return {
    caseId: k.caseId,
    number: k.number,
    type: k.type,
    status: k.status,
    path: k.path,
    content: k.content,
    reply: k.reply,
    resolution: k.resolution,
    verdict: k.verdict,
    createdAt: iso(k.createdAt)!,
    replyDueAt: iso(k.replyDueAt),
    canRate: k.status === 'resolved' && !!k.repliedAt,
    version: k.version,
    timeline: steps.map((s) => ({ entity: s.entity, action: s.action, at: iso(s.at)! })),
  };
}

/** CP-01: the resident's verdict is the complaint's follow-up, recorded by the clerk on duty (who holds followup.do). */
export async function rateComplaint(db: Db, r: Resident, caseId: string, input: { version: number; verdict: (typeof VERDICTS)[number]; note: string }, now?: Date) {
  const k = await visibleComplaint(db, r, caseId);
  const clerk = await principalForUser(db, await clerkOnDuty(db, k.projectId), r.companyId, 'zh-CN');
  await complaintAction(db, clerk, k.id, { action: 'followup', version: input.version, verdict: input.verdict, note: input.note ? `住户端评价：${input.note}` : '住户端评价' }, now);
  return residentComplaint(db, r, caseId);
}
