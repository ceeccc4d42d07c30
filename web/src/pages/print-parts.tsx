// What every printed A4 sheet shares (报修受理单, 有偿服务通知单, 放行条, 会议通知…): the print dialog opened
// once the data is there, the bordered cell, the heading and the signature lines.
import { useEffect } from 'react';
import type { TMe } from '../../../common/auth';

/** Opens the print dialog once the sheet has what it prints; a browser under automation (the tests) is left alone. */
export function useAutoPrint(ready: unknown, ...deps: unknown[]) {
  useEffect(() => {
    if (!ready || navigator.webdriver) return;
    const timer = setTimeout(() => window.print(), 300);
    return () => clearTimeout(timer);
  }, [ready, ...deps]);
}

/** The cell of the paper forms' bordered tables. */
export const printCell: React.CSSProperties = { border: '1px solid #000', padding: '6px 8px', verticalAlign: 'top' };

/** The company and the project above the title, as on the company's own paper forms. */
export function PrintHeading({ me, projectId, title, compact = false }: { me: TMe | undefined; projectId: string; title: string; compact?: boolean }) {
  const project = me?.projects.find((p) => p.id === projectId)?.name ?? '';
  return (
    <div style={{ textAlign: 'center', marginBottom: compact ? 2 : 8 }} data-testid="print-heading">
      <div style={{ fontSize: compact ? 12 : 14 }}>
        {me?.companyName} · {project}
      </div>
      <b style={{ fontSize: compact ? 16 : 20 }}>{title}</b>
    </div>
  );
}

/** Lines to sign by hand, each with room for a name, then the date. */
export function SignatureLines({ labels, dateLabel }: { labels: string[]; dateLabel: string }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12, marginTop: 10 }} data-testid="signature-lines">
      {[...labels, dateLabel].map((l) => (
        <span key={l} style={{ whiteSpace: 'nowrap' }}>
          {l}：<span style={{ display: 'inline-block', minWidth: 72, borderBottom: '1px solid #000' }}>&nbsp;</span>
        </span>
      ))}
    </div>
  );
}
