// PS-05: the three copies of the service notice (有偿服务通知单) — finance, the doing department and the
// archive — each with its own state, all read from the one order record so they can never disagree.
import type { TNoticeCopies, TPaidOrder } from '../../../common/paid';

interface Facts {
  status: string;
  signed: boolean;
  receipt: { handoverStatus: string | null; inHandover: boolean } | null; // the valid receipt, if any
}

export function noticeCopies(f: Facts): TNoticeCopies {
  const cancelled = f.status === 'cancelled';
  const finance: TNoticeCopies['finance'] = f.receipt
    ? f.receipt.handoverStatus === 'confirmed'
      ? 'confirmed'
      : f.receipt.inHandover
        ? 'handed_over'
        : 'paid'
    : cancelled
      ? 'cancelled'
      : 'awaiting_payment';
  const department: TNoticeCopies['department'] = cancelled
    ? 'cancelled'
    : f.status === 'reported'
      ? 'to_dispatch'
      : ['dispatched', 'accepted'].includes(f.status)
        ? 'dispatched'
        : ['in_progress', 'on_hold'].includes(f.status)
          ? 'in_progress'
          : 'done';
  const archive: TNoticeCopies['archive'] = cancelled
    ? 'cancelled'
    : f.status === 'followed_up'
      ? 'followed_up'
      : f.status === 'closed'
        ? 'filed'
        : f.signed
          ? 'signed'
          : 'open';
  return { finance, department, archive };
}

/** PS-03..PS-06: the desk's next steps on a paid order, so the page shows only those buttons. */
export function paidActions(o: { status: string; agreed: boolean; signed: boolean; collected: boolean }): TPaidOrder['actions'] {
  const beforeWork = ['reported', 'dispatched', 'accepted'].includes(o.status);
  const open = beforeWork || ['in_progress', 'on_hold'].includes(o.status);
  const out: TPaidOrder['actions'] = [];
  if (beforeWork) out.push('quote');
  if (beforeWork && !o.agreed) out.push('agree');
  if (open) out.push('appoint');
  if (o.status === 'completed' && o.signed && !o.collected) out.push('collect');
  return out;
}
