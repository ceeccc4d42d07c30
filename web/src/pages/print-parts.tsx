// The heading and the signature lines every printed A4 slip carries (报修受理单, 有偿服务通知单).
import type { TMe } from '../../../common/auth';

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
