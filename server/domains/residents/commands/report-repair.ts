// a resident reports a repair from the phone. It becomes a case through the desk's own case command
// (channel "portal", category repair, its first work order), owned by the clerk on duty (duty.ts), with
// the photos attached to the case — so the desk sees exactly what it would have recorded itself.
import type { TRepairReport } from '../../../../common/residents';
import { runCommand } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import type { Storage } from '../../../platform/storage';
import { principalForUser } from '../../auth/session';
import { openCase } from '../../cases/commands/create-case';
import { saveAttachment } from '../../files/store';
import { notify } from '../../notifications/notify';
import { clerkOnDuty } from '../duty';
import { allowedUnit } from '../scope';
import type { Resident } from '../session';

const ENVIRONMENT_TRADES = new Set(['cleaning', 'greening']);

export async function reportRepair(db: Db, storage: Storage, r: Resident, input: TRepairReport, now?: Date): Promise<{ caseId: string; number: string }> {
  const unit = await allowedUnit(db, r, input.unitId);
  const clerkId = await clerkOnDuty(db, unit.projectId);
  const clerk = await principalForUser(db, clerkId, r.companyId, 'zh-CN');
  return runCommand(
    db,
    clerk,
    async (ctx) => {
      const m = await openCase(ctx, clerk, {
        projectId: unit.projectId,
        channel: 'portal',
        category: 'repair',
        unitId: unit.unitId,
        customerId: unit.customerId,
        callerName: unit.customerName,
        callerPhone: r.phone,
        content: input.description,
        confirmedWithCaller: true, // the resident wrote it themselves (IN-03)
        order: {
          trade: input.trade,
          priority: 'normal',
          locationKind: input.locationKind,
          publicLocation: input.locationKind === 'public' ? input.publicLocation : undefined,
          description: input.description,
          department: ENVIRONMENT_TRADES.has(input.trade) ? 'environment' : 'engineering',
        },
      });
      let i = 0;
      for (const photo of input.photos) {
        const bytes = Buffer.from(photo.data.replace(/^data:[^,]*,/, ''), 'base64');
        const saved = await saveAttachment(
          ctx.tx,
          storage,
          { companyId: r.companyId, projectId: unit.projectId, entity: 'case', entityId: m.kase.id, kind: 'photo', name: photo.name, bytes, uploadedBy: clerkId },
          `photos.${i++}`,
        );
        await ctx.audit({ entity: 'case', entityId: m.kase.id, projectId: unit.projectId, action: 'attach', after: { fileId: saved.id, kind: 'photo', name: saved.name, via: 'portal' } });
      }
      await ctx.audit({ entity: 'resident', entityId: r.residentId, projectId: unit.projectId, action: 'report_repair', after: { caseId: m.kase.id, number: m.kase.number } });
      await notify(ctx.tx, {
        companyId: r.companyId,
        projectId: unit.projectId,
        userIds: [clerkId],
        kind: 'portal_case',
        entity: 'case',
        entityId: m.kase.id,
        params: { number: m.kase.number, location: m.order?.location ?? unit.path },
        dedupeKey: `portal_case:${m.kase.id}`,
        at: ctx.now,
      });
      return { caseId: m.kase.id, number: m.kase.number };
    },
    now,
  );
}
