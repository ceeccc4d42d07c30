// WO-03..WO-10: one work order — facts, deadlines, the actions allowed now, photos, signature, timeline.
import { App, Button, Card, Col, Descriptions, Image, Row, Space, Tag, Timeline, Typography, Upload } from 'antd';
import { PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TWorkOrderDetail } from '../../../../common/desk';
import { api, ApiError } from '../../lib/api';
import { uploadFile } from '../../lib/upload';
import { DeadlineChips } from '../../lib/deadlines';
import { WoStatusTag } from '../../lib/labels';
import { OrderActions } from './OrderActions';
import { PaidPanel } from '../paid/PaidPanel';

const SETTLED = ['followed_up', 'cancelled', 'cannot_repair'];
const fmt = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** One history event; `ns` names the catalog of action words (orders and cases differ). */
export function EventText({ e, ns = 'woAction' }: { e: TWorkOrderDetail['events'][number]; ns?: 'woAction' | 'caseAction' }) {
  const { t } = useTranslation();
  const after = (e.after ?? {}) as Record<string, unknown>;
  const before = (e.before ?? {}) as Record<string, unknown>;
  // X-02: hand-overs name both people (a transfer's owners, a dispatch's technicians).
  const handover = (from: unknown, to: unknown) => (to ? `${from ? `${from} → ` : ''}${to}` : from ? `${from} →` : '');
  const detail = [handover(before.ownerName, after.ownerName), handover(after.previousAssigneeName, after.assigneeName), after.reason && (t(`ui.holdReason.${after.reason}`, { defaultValue: String(after.reason) }) as string), typeof after.verdict === 'string' && (t(`ui.verdict.${after.verdict}`) as string), typeof after.solved === 'boolean' && (t(after.solved ? 'ui.followup.solved' : 'ui.followup.notSolved') as string), after.note, after.result, after.explanation, after.customerOpinion, after.reply, after.lateReason, after.receipt, after.fee !== undefined && `¥${after.fee}`]
    .filter(Boolean)
    .join('；');
  return (
    <>
      <Typography.Text strong>{t(`ui.${ns}.${e.action}`, { defaultValue: e.action })}</Typography.Text>
      <Typography.Text type="secondary">
        {' '}
        · {e.actorName ?? t('ui.history.system')} · {fmt(e.at)}
      </Typography.Text>
      {detail && <div>{detail}</div>}
    </>
  );
}

export function OrderPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  // The order changes under the clerk's eyes (the technician completes it on the phone): asked again when
  // the window gets focus and every 15 s while the order is still open.
  const q = useQuery({
    queryKey: ['order', id],
    queryFn: () => api.get<TWorkOrderDetail>(`/api/work-orders/${id}`),
    refetchOnWindowFocus: 'always',
    refetchInterval: (query) => (query.state.data && SETTLED.includes(query.state.data.status) ? false : 15_000),
  });
  if (q.isError) return <Card>{(q.error as ApiError).message}</Card>;
  const o = q.data;
  // WO-07: the customer's verdict of the latest return visit, from the order's own history.
  const visit = o && [...o.events].reverse().find((e) => e.action === 'followed_up' || e.action === 'rework');
  const visitAfter = (visit?.after ?? {}) as { verdict?: string; solved?: boolean };
  const upload = async (file: File, kind: 'before' | 'after') => {
    await uploadFile('work_order', id!, kind, file).catch((e: ApiError) => message.error(e.body?.fields?.[0]?.message ?? e.message));
    await queryClient.invalidateQueries({ queryKey: ['order', id] });
    return false;
  };
  return (
    <Card
      loading={q.isPending}
      title={
        o && (
          <Space>
            <span data-testid="order-number">{o.number}</span>
            <WoStatusTag status={o.status} />
            {o.priority === 'emergency' && <Tag color="red">{t('ui.priority.emergency')}</Tag>}
            {o.reworkCount > 0 && <Tag color="magenta">{t('ui.order.rework', { n: o.reworkCount })}</Tag>}
            <Tag>{o.paid ? t('ui.order.paid') : t('ui.order.free')}</Tag>
          </Space>
        )
      }
      extra={
        o && (
          <Link to={`/orders/${o.id}/print`} target="_blank">
            <Button icon={<PrinterOutlined />}>{t('ui.order.print')}</Button>
          </Link>
        )
      }
    >
      {o && (
        <Row gutter={16}>
          <Col xs={24} lg={15}>
            <div style={{ marginBottom: 12 }} data-testid="order-actions">
              <OrderActions order={o} />
            </div>
            <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('ui.order.location')}>
                {o.unitId ? <Link to={`/units/${o.unitId}`}>{o.location}</Link> : `${t('ui.order.publicArea')} · ${o.location}`}
              </Descriptions.Item>
              <Descriptions.Item label={t('ui.order.trade')}>{t(`ui.trade.${o.trade}`)}</Descriptions.Item>
              <Descriptions.Item label={t('ui.order.customer')}>
                {o.customerName} {o.customerPhone && !o.customerPhone.includes('*') ? <a href={`tel:${o.customerPhone}`}>{o.customerPhone}</a> : o.customerPhone}
              </Descriptions.Item>
              <Descriptions.Item label={t('ui.order.case')}>
                <Link to={`/cases/${o.caseId}`}>{o.caseNumber}</Link> · {t('ui.order.owner')} {o.ownerName}
              </Descriptions.Item>
              <Descriptions.Item label={t('ui.order.description')} span={2}>
                {o.description}
              </Descriptions.Item>
              <Descriptions.Item label={t('ui.order.department')}>{t(`ui.department.${o.department}`)}</Descriptions.Item>
              <Descriptions.Item label={t('ui.order.assignee')}>{o.assigneeName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('ui.order.reportedAt')}>{fmt(o.reportedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('ui.order.completedAt')}>{fmt(o.completedAt)}</Descriptions.Item>
              {o.holdReason && <Descriptions.Item label={t('ui.order.reason')}>{t(`ui.holdReason.${o.holdReason}`)}</Descriptions.Item>}
              {o.result && (
                <Descriptions.Item label={t('ui.order.result')} span={2}>
                  {o.result}
                  {o.materials.length > 0 && ` （${o.materials.map((m) => `${m.name}×${m.quantity}${m.unit}`).join('、')}）`}
                </Descriptions.Item>
              )}
              {o.explanation && (
                <Descriptions.Item label={t('ui.order.explanation')} span={2}>
                  {o.explanation}
                </Descriptions.Item>
              )}
              {o.acceptance && (
                <Descriptions.Item label={t('ui.order.acceptance')} span={2}>
                  {o.acceptance.kind === 'signature' ? t('ui.order.signature') : t('ui.woAction.record_acceptance')} · {t('ui.order.handledBy', { name: o.acceptance.by })} · {fmt(o.acceptance.at)}
                  {o.acceptance.opinion && ` · ${o.acceptance.opinion}`}
                </Descriptions.Item>
              )}
              {o.onsiteConfirmedBy && <Descriptions.Item label={t('ui.order.onsite')}>{o.onsiteConfirmedBy}</Descriptions.Item>}
              {o.followupSelected !== null && <Descriptions.Item label={t('ui.order.followupSelected')}>{o.followupSelected ? t('ui.yes') : t('ui.no')}</Descriptions.Item>}
              {visit && (
                <Descriptions.Item label={t('ui.daily.followupResult')} span={2}>
                  <span data-testid="followup-result">
                    {visitAfter.verdict && t(`ui.verdict.${visitAfter.verdict}`)}
                    {visitAfter.solved !== undefined && ` · ${t(visitAfter.solved ? 'ui.followup.solved' : 'ui.followup.notSolved')}`} · {visit.actorName ?? ''} {fmt(visit.at)}
                  </span>
                </Descriptions.Item>
              )}
            </Descriptions>
            {o.paid && (
              <div style={{ marginTop: 12 }}>
                <PaidPanel orderId={o.id} />
              </div>
            )}
            <Card size="small" title={t('ui.order.deadlines')} style={{ marginTop: 12 }}>
              <DeadlineChips deadlines={o.deadlines} all />
            </Card>
            <Card
              size="small"
              title={t('ui.order.photos')}
              style={{ marginTop: 12 }}
              extra={
                <Space>
                  {(['before', 'after'] as const).map((kind) => (
                    <Upload key={kind} accept="image/*" showUploadList={false} beforeUpload={(f) => upload(f, kind)}>
                      <Button size="small" icon={<UploadOutlined />}>
                        {t(kind === 'before' ? 'ui.order.photoBefore' : 'ui.order.photoAfter')}
                      </Button>
                    </Upload>
                  ))}
                </Space>
              }
            >
              <Space wrap>
                {o.attachments.map((a) => (a.mime.startsWith('image/') ? <Image key={a.id} width={96} src={a.url} alt={a.name} /> : <a key={a.id} href={a.url}>{a.name}</a>))}
                {!o.attachments.length && <Typography.Text type="secondary">{t('ui.daily.noPhotos')}</Typography.Text>}
              </Space>
            </Card>
            {o.signatureUrl && (
              <Card size="small" title={t('ui.daily.customerSignature')} style={{ marginTop: 12 }} data-testid="signature-card">
                <Image width={200} src={o.signatureUrl} alt={t('ui.order.signature')} style={{ border: '1px solid #eee' }} />
                {o.acceptance && (
                  <div>
                    <Typography.Text type="secondary">{fmt(o.acceptance.at)}</Typography.Text>
                  </div>
                )}
              </Card>
            )}
          </Col>
          <Col xs={24} lg={9}>
            <Card size="small" title={t('ui.order.timeline')}>
              <Timeline items={[...o.events].reverse().map((e) => ({ key: e.id, content: <EventText e={e} /> }))} />
            </Card>
          </Col>
        </Row>
      )}
    </Card>
  );
}
