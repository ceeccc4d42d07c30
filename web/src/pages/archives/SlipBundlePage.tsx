// WO-11: last month's repair slips as one bundle — on screen to check and file, and as the A4 print
// (cover, index, then each slip; paid and free filed apart) with its Excel index.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TSlipBundle } from '../../../../common/archives';
import { api, ApiError, qs } from '../../lib/api';
import { useMe, useSession } from '../../lib/session';
import { PrintHeading, SignatureLines, useAutoPrint } from '../print-parts';
import '../print.css';

type Slip = TSlipBundle['paid'][number];
const fmt = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');
/** Due by the end of a day: shown as that day. */
const dueDay = (iso: string) => dayjs(iso).subtract(1, 'second').format('YYYY-MM-DD');
const useBundle = (projectId: string | undefined, month: string) =>
  useQuery({ queryKey: ['slip-bundle', projectId, month], queryFn: () => api.get<TSlipBundle>(`/api/slip-bundles?${qs({ projectId, month })}`), enabled: !!projectId });

export function SlipBundlePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { projectId } = useSession();
  // The bundle due now is last month's.
  const [month, setMonth] = useState(dayjs().subtract(1, 'month'));
  const m = month.format('YYYY-MM');
  const q = useBundle(projectId, m);
  const client = useQueryClient();
  const file = useMutation({
    mutationFn: (b: TSlipBundle) => api.post<TSlipBundle>('/api/slip-bundles/file', { projectId, month: m, version: b.version }),
    onSuccess: (b) => {
      client.setQueryData(['slip-bundle', projectId, m], b);
      message.success(t('ui.saved'));
    },
    onError: (e) => e instanceof ApiError && message.error(e.message),
  });
  const b = q.data;
  const query = qs({ projectId, month: m });
  return (
    <Card
      size="small"
      title={t('archive.bundle.title')}
      extra={
        <Space wrap>
          <DatePicker picker="month" value={month} onChange={(v) => v && setMonth(v)} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
          <Button icon={<PrinterOutlined />} href={`/slip-bundles/print?${query}`} target="_blank">
            {t('archive.bundle.print')}
          </Button>
          <Button icon={<DownloadOutlined />} href={`/api/slip-bundles/export?${query}`}>
            {t('archive.bundle.excel')}
          </Button>
          {b?.mayFile && !b.filedAt && (
            <Button type="primary" loading={file.isPending} onClick={() => file.mutate(b)} data-testid="file-bundle">
              {t('archive.bundle.file')}
            </Button>
          )}
        </Space>
      }
    >
      {b && (
        <Descriptions size="small" column={{ xs: 1, md: 4 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('archive.bundle.due')}>{dueDay(b.dueAt)}</Descriptions.Item>
          <Descriptions.Item label={t('archive.bundle.paid')}>{t('archive.bundle.count', { count: b.paid.length })}</Descriptions.Item>
          <Descriptions.Item label={t('archive.bundle.free')}>{t('archive.bundle.count', { count: b.free.length })}</Descriptions.Item>
          <Descriptions.Item label={t('archive.state')}>
            {b.filedAt ? (
              <Tag color="green" data-testid="bundle-filed">
                {t('archive.bundle.filed')} · {b.filedByName} {fmt(b.filedAt)}
              </Tag>
            ) : (
              <Tag color={dayjs().isAfter(b.dueAt) ? 'red' : 'orange'}>{t('archive.bundle.notFiled')}</Tag>
            )}
          </Descriptions.Item>
        </Descriptions>
      )}
      <SlipIndex slips={[...(b?.paid ?? []), ...(b?.free ?? [])]} loading={q.isPending} />
    </Card>
  );
}

function SlipIndex({ slips, loading }: { slips: Slip[]; loading?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<Slip>
      rowKey="orderId"
      size="small"
      loading={loading}
      dataSource={slips}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 900 }}
      locale={{ emptyText: t('archive.bundle.empty') }}
      columns={[
        { title: t('archive.bundle.number'), dataIndex: 'number', width: 150 },
        { title: t('archive.bundle.location'), dataIndex: 'path', width: 160 },
        { title: t('archive.bundle.trade'), dataIndex: 'trade', width: 70, render: (v) => t(`ui.trade.${v}`) },
        { title: t('archive.bundle.description'), dataIndex: 'description', ellipsis: true },
        { title: t('archive.bundle.status'), dataIndex: 'status', width: 80, render: (v) => t(`ui.woStatus.${v}`) },
        { title: t('archive.bundle.createdAt'), dataIndex: 'createdAt', width: 140, render: fmt },
        { title: t('archive.bundle.assignee'), dataIndex: 'assigneeName', width: 80 },
        ...(slips.some((s) => s.paid) ? [{ title: t('archive.bundle.fee'), dataIndex: 'fee', width: 80, render: (v: number | null) => (v == null ? '' : v.toFixed(2)) }] : []),
      ]}
    />
  );
}

const cell: React.CSSProperties = { border: '1px solid #000', padding: '4px 6px', verticalAlign: 'top' };

/** The printed index: a plain bordered table, so the description gets the width on paper. */
function PrintIndex({ slips }: { slips: Slip[] }) {
  const { t } = useTranslation();
  const head = ['number', 'location', 'trade', 'description', 'createdAt', 'assignee', ...(slips.some((s) => s.paid) ? ['fee'] : [])];
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 12 }}>
      <thead>
        <tr>
          <th style={cell}>#</th>
          {head.map((h) => (
            <th key={h} style={{ ...cell, whiteSpace: 'nowrap' }}>
              {t(`archive.bundle.${h}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {slips.map((s, i) => (
          <tr key={s.orderId}>
            <td style={cell}>{i + 1}</td>
            <td style={{ ...cell, whiteSpace: 'nowrap' }}>{s.number}</td>
            <td style={cell}>{s.path}</td>
            <td style={cell}>{t(`ui.trade.${s.trade}`)}</td>
            <td style={cell}>{s.description}</td>
            <td style={{ ...cell, whiteSpace: 'nowrap' }}>{fmt(s.createdAt)}</td>
            <td style={cell}>{s.assigneeName}</td>
            {head.includes('fee') && <td style={cell}>{s.fee?.toFixed(2)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The A4 print: cover, index, then the slips — paid ones first, filed apart from the free ones. */
export function SlipBundlePrintPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const me = useMe();
  const month = params.get('month') ?? '';
  const q = useBundle(params.get('projectId') ?? undefined, month);
  useAutoPrint(q.data);
  const b = q.data;
  if (!b) return null;
  const parts = [
    { key: 'paid', title: t('archive.bundle.paid'), slips: b.paid },
    { key: 'free', title: t('archive.bundle.free'), slips: b.free },
  ];
  return (
    <div style={{ width: '190mm', margin: '0 auto', padding: '10mm 0', fontSize: 13, color: '#000', background: '#fff' }} data-testid="slip-bundle-print">
      <section style={{ minHeight: '250mm', display: 'flex', flexDirection: 'column', justifyContent: 'center', textAlign: 'center', breakAfter: 'page' }} data-testid="bundle-cover">
        <PrintHeading me={me.data} projectId={b.projectId} title={`${month.replace('-', '年')}月 ${t('archive.bundle.cover')}`} />
        {parts.map((p) => (
          <Typography.Paragraph key={p.key} style={{ fontSize: 16 }}>
            {p.title}：{t('archive.bundle.count', { count: p.slips.length })}
          </Typography.Paragraph>
        ))}
        <Typography.Paragraph>
          {t('archive.bundle.filedBy')}：{b.filedByName ?? '________'}　{t('archive.bundle.due')}：{dueDay(b.dueAt)}
        </Typography.Paragraph>
      </section>
      {parts.map((p) => (
        <section key={p.key} style={{ breakAfter: 'page' }} data-testid={`bundle-${p.key}`}>
          <h3>
            {p.title} · {t('archive.bundle.index')}（{t('archive.bundle.count', { count: p.slips.length })}）
          </h3>
          <PrintIndex slips={p.slips} />
          {p.slips.map((s) => (
            <SlipSheet key={s.orderId} slip={s} />
          ))}
        </section>
      ))}
    </div>
  );
}

function SlipSheet({ slip: s }: { slip: Slip }) {
  const { t } = useTranslation();
  const row = (label: string, value: React.ReactNode) => (
    <tr>
      <th style={{ ...cell, width: 90, textAlign: 'left', background: '#f5f5f5' }}>{label}</th>
      <td style={cell}>{value}</td>
    </tr>
  );
  return (
    <div style={{ breakInside: 'avoid', marginTop: 14 }} data-testid="bundle-slip">
      <b>
        {t('ui.order.slipTitle')} {s.number}
      </b>
      <table style={{ width: '100%', borderCollapse: 'collapse', marginTop: 4 }}>
        <tbody>
          {row(t('archive.bundle.location'), s.path)}
          {row(t('archive.bundle.trade'), `${t(`ui.trade.${s.trade}`)} · ${t(`ui.woStatus.${s.status}`)}${s.fee == null ? '' : ` · ${s.fee.toFixed(2)} 元`}`)}
          {row(t('archive.bundle.description'), s.description)}
          {row(t('archive.bundle.createdAt'), `${fmt(s.createdAt)}　${t('archive.bundle.closedAt')}：${fmt(s.closedAt)}`)}
          {row(t('archive.bundle.assignee'), s.assigneeName ?? '')}
        </tbody>
      </table>
      <SignatureLines labels={[t('ui.daily.slip.staffSign'), t('ui.daily.slip.customerSign')]} dateLabel={t('ui.daily.slip.date')} />
    </div>
  );
}
