// WO-11: by the 10th, last month's repair slips as one bundle — cover, index, each slip — paid and free
// filed apart, with an Excel index; a deadline on the 10th for the CS supervisor, met when it is filed.
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { TSlipBundle } from '../../../common/archives';
import { translate } from '../../../common/i18n';
import { addDays, fromLocal, localMonth, toLocal } from '../../platform/clock';
import type { Db, DbOrTx, Tx } from '../../platform/db';
import { cellTime } from '../../platform/excel';
import { AppError, notFound, updatedOrStale } from '../../platform/errors';
import { can, type Principal } from '../../platform/policy';
import { runCommand } from '../../platform/audit';
import ExcelJS from 'exceljs';
import { syncDeadlines } from '../deadlines/sync';
import { projects } from '../org/tables';
import { paidOrders } from '../paid/tables';
import { users } from '../people/tables';
import { workOrders } from '../workorders/tables';
import { slipBundles } from './tables';

/** The 10th of the month after `month`, end of that local day. */
export function bundleDueAt(month: string, tz: string): Date {
  const { lastDay } = localMonth(month, tz);
  return fromLocal(addDays(addDays(lastDay, 1), 10), 0, tz);
}

const previousMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

export async function slipBundle(db: DbOrTx, p: Principal, projectId: string, month: string, now = new Date()): Promise<TSlipBundle> {
  if (!can(p, 'case.read', projectId)) throw notFound();
  const [project] = await db.select().from(projects).where(eq(projects.id, projectId));
  const { from, to } = localMonth(month, project.timezone);
  const rows = await db
    .select({ o: workOrders, assigneeName: users.displayName, fee: paidOrders.fee })
    .from(workOrders)
    .leftJoin(users, eq(users.id, workOrders.assigneeId))
    .leftJoin(paidOrders, eq(paidOrders.orderId, workOrders.id))
    .where(and(eq(workOrders.projectId, projectId), gte(workOrders.reportedAt, from), lt(workOrders.reportedAt, to)))
    .orderBy(asc(workOrders.number));
  const [b] = await db.select({ b: slipBundles, by: users.displayName }).from(slipBundles).leftJoin(users, eq(users.id, slipBundles.filedBy)).where(and(eq(slipBundles.projectId, projectId), eq(slipBundles.month, month)));
  const slips = rows.map(({ o, assigneeName, fee }) => ({
    orderId: o.id,
    number: o.number,
    paid: o.paid,
    path: o.location,
    trade: o.trade,
    description: o.description,
    status: o.status,
    createdAt: o.reportedAt.toISOString(),
    closedAt: o.closedAt?.toISOString() ?? null,
    assigneeName,
    fee: fee === null || fee === undefined ? null : Number(fee),
  }));
  return {
    projectId,
    projectName: project.name,
    month,
    dueAt: bundleDueAt(month, project.timezone).toISOString(),
    filedAt: b?.b.filedAt?.toISOString() ?? null,
    filedByName: b?.by ?? null,
    paid: slips.filter((s) => s.paid),
    free: slips.filter((s) => !s.paid),
    version: b?.b.version ?? 0,
    mayFile: can(p, 'case.manage', projectId) && !b?.b.filedAt && to <= now,
  };
}

async function ensureRow(tx: Tx, companyId: string, projectId: string, month: string, tz: string, now: Date) {
  await tx.insert(slipBundles).values({ companyId, projectId, month, createdAt: now }).onConflictDoNothing();
  const [b] = await tx.select().from(slipBundles).where(and(eq(slipBundles.projectId, projectId), eq(slipBundles.month, month)));
  await syncDeadlines(tx, { companyId, projectId, entity: 'slip_bundle', entityId: b.id, ruleVersion: 1 }, [{ kind: 'slip_bundle', dueAt: bundleDueAt(month, tz), metAt: b.filedAt, responsibleId: null }], now);
  return b;
}

export function fileSlipBundle(db: Db, p: Principal, input: { projectId: string; month: string; version: number }) {
  return runCommand(db, p, async (ctx) => {
    const { tx } = ctx;
    if (!can(p, 'case.read', input.projectId)) throw notFound();
    if (!can(p, 'case.manage', input.projectId)) throw new AppError(403, 'forbidden');
    const [project] = await tx.select().from(projects).where(eq(projects.id, input.projectId));
    if (localMonth(input.month, project.timezone).to > ctx.now) throw new AppError(409, 'bundle_not_due');
    const b = await ensureRow(tx, project.companyId, project.id, input.month, project.timezone, ctx.now);
    if (b.filedAt) throw new AppError(409, 'bundle_filed');
    const current = await slipBundle(tx, p, input.projectId, input.month, ctx.now);
    const counts = { paid: current.paid.length, free: current.free.length };
    const [filed] = [
      updatedOrStale(
        await tx
          .update(slipBundles)
          .set({ filedAt: ctx.now, filedBy: p.userId, counts, version: sql`${slipBundles.version} + 1` })
          .where(and(eq(slipBundles.id, b.id), eq(slipBundles.version, input.version === 0 ? b.version : input.version)))
          .returning(),
      ),
    ];
    await syncDeadlines(tx, { companyId: project.companyId, projectId: project.id, entity: 'slip_bundle', entityId: b.id, ruleVersion: 1 }, [{ kind: 'slip_bundle', dueAt: bundleDueAt(input.month, project.timezone), metAt: filed.filedAt, responsibleId: null }], ctx.now);
    await ctx.audit({ entity: 'slip_bundle', entityId: b.id, projectId: project.id, action: 'file', after: { month: input.month, ...counts } });
    return slipBundle(tx, p, input.projectId, input.month, ctx.now);
  });
}

/** WO-11: on each project's first days of a month, last month's bundle and its deadline on the 10th exist. */
export async function ensureSlipBundles(db: Db, now = new Date()): Promise<number> {
  const all = await db.select().from(projects);
  let made = 0;
  for (const project of all) {
    const month = previousMonth(toLocal(now, project.timezone).date.slice(0, 7));
    await db.transaction(async (tx) => {
      const [had] = await tx.select({ id: slipBundles.id }).from(slipBundles).where(and(eq(slipBundles.projectId, project.id), eq(slipBundles.month, month)));
      if (had) return;
      await ensureRow(tx, project.companyId, project.id, month, project.timezone, now);
      made++;
    });
  }
  return made;
}

/** The Excel index of the bundle: paid slips, then free ones. */
export async function slipBundleWorkbook(b: TSlipBundle, locale: 'zh-CN' | 'en', tz: string) {
  const t = (k: string) => translate(locale, `archive.bundle.${k}`);
  const wb = new ExcelJS.Workbook();
  for (const [title, slips] of [[t('paid'), b.paid], [t('free'), b.free]] as const) {
    const ws = wb.addWorksheet(title);
    ws.columns = [
      { header: t('number'), width: 18 },
      { header: t('location'), width: 24 },
      { header: t('trade'), width: 10 },
      { header: t('description'), width: 40 },
      { header: t('createdAt'), width: 18 },
      { header: t('closedAt'), width: 18 },
      { header: t('assignee'), width: 10 },
      { header: t('fee'), width: 10 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const s of slips) ws.addRow([s.number, s.path, translate(locale, `ui.trade.${s.trade}`), s.description, cellTime(s.createdAt, locale, tz), cellTime(s.closedAt, locale, tz), s.assigneeName ?? '', s.fee ?? '']);
  }
  return { name: `${b.projectName}-${b.month}-${t('title')}.xlsx`, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
}
