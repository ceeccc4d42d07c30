// AR-04: every detail view of personal data and every export is logged — who, when, which record, from where.
import type { FastifyRequest } from 'fastify';
import type { Tx } from '../../platform/db';
import type { Principal } from '../../platform/policy';
import { archiveAccessLog } from './tables';

export interface Origin {
  ip: string;
  userAgent: string;
}

export const originOf = (req: FastifyRequest): Origin => ({ ip: req.ip ?? '', userAgent: String(req.headers['user-agent'] ?? '').slice(0, 300) });

export async function logAccess(
  tx: Tx,
  p: Principal,
  e: { projectId: string; action: 'view' | 'export'; entity: 'archive' | 'archive_list' | 'archive_document'; entityId: string | null; label: string },
  origin: Origin,
  at: Date,
): Promise<void> {
  await tx.insert(archiveAccessLog).values({ companyId: p.companyId, userId: p.userId, ...e, ip: origin.ip, userAgent: origin.userAgent, at });
}
