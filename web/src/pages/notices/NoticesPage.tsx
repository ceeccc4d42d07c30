// NT-01..NT-05: the project's notices — the month's figures (overdue take-downs, a stale board, the
// briefing's deadline, delivery coverage), the list by state, and drafting from a template.
import { useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, Modal, Row, Select, Space, Statistic, Switch, Table, Tag, DatePicker } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type * as z from 'zod';
import { maxValidTo, noticeTitle, NOTICE_KINDS, NOTICE_STATUSES, NOTICE_TEMPLATES, type TNoticeDetail, type TNoticeFigures, type TNoticeSummary, type TPublicationCheck, type ZNoticeList } from '../../../../common/notices';
import { api, qs } from '../../lib/api';
import { useFormAction } from '../../lib/form-action';
import { useSession } from '../../lib/session';

export const statusColour: Record<string, string> = { draft: 'default', submitted: 'gold', approved: 'cyan', published: 'green', expired: 'orange', taken_down: 'default' };
const day = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—');

function PublicationTag({ c }: { c: TPublicationCheck }) {
  const { t } = useTranslation();
  if (!c.publishedAt) return <Tag color={c.overdue ? 'red' : 'default'}>{c.overdue ? t('notice.missing') : t('notice.dueBy', { date: day(c.dueAt) })}</Tag>;
  return (
    <Space size={4}>
      <Tag color={c.onTime ? 'green' : 'red'}>{c.onTime ? t('notice.onTime') : t('notice.late')}</Tag>
      {c.keptUp !== null && <Tag color={c.keptUp ? 'green' : 'red'}>{c.keptUp ? t('notice.keptUp') : t('notice.notKeptUp')}</Tag>}
    </Space>
  );
}

export function NoticesPage() {
  const { t } = useTranslation();
  const { projectId, can } = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const [status, setStatus] = useState<string>();
  const [overdue, setOverdue] = useState(false);
  const [drafting, setDrafting] = useState(false);
  const figures = useQuery({ queryKey: ['notice-figures', projectId, month], queryFn: () => api.get<TNoticeFigures>(`/api/projects/${projectId}/notice-figures?month=${month}`), enabled: !!projectId });
  const listQs = qs({ projectId, status, overdue: overdue ? '1' : undefined, limit: 200 });
  const list = useQuery({ queryKey: ['notices', listQs], queryFn: () => api.get<z.infer<typeof ZNoticeList>>(`/api/notices?${listQs}`), enabled: !!projectId });
  const f = figures.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title={t('notice.figures')} loading={figures.isPending} extra={<DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />}>
        {f && (
          <>
            {f.boardStale && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`${t('notice.boardStale')} · ${t('notice.boardLast', { date: day(f.boardLastChangedAt) })}`} />}
            <Row gutter={16}>
              <Col xs={12} md={4}><Statistic title={t('notice.published')} value={f.published} /></Col>
              <Col xs={12} md={4}><Statistic title={t('notice.overdueTakeDowns')} value={f.overdueTakeDowns} valueStyle={{ color: f.overdueTakeDowns ? '#cf1322' : undefined }} /></Col>
              <Col xs={12} md={4}><Statistic title={t('notice.withoutPostingPhoto')} value={f.withoutPostingPhoto} /></Col>
              <Col xs={12} md={4}><Statistic title={t('notice.awaitingApproval')} value={f.awaitingApproval} /></Col>
              {f.delivery.required && <Col xs={12} md={4}><Statistic title={t('notice.deliveryCoverage')} value={f.delivery.ratio * 100} precision={1} suffix="%" /></Col>}
            </Row>
            <Space wrap style={{ marginTop: 12 }}>
              <span>{t('notice.board')}：</span>
              <Tag color={f.boardStale ? 'red' : 'green'}>{f.boardStale ? t('notice.boardStale') : t('notice.boardFresh')}</Tag>
              <span>{t('notice.briefing')}：</span>
              <PublicationTag c={f.briefing} />
              {f.annual && (
                <>
                  <span>{t('notice.annual')}：</span>
                  <PublicationTag c={f.annual} />
                </>
              )}
            </Space>
          </>
        )}
      </Card>
      <Card
        size="small"
        title={t('notice.list')}
        extra={
          <Space wrap>
            <Select allowClear placeholder={t('notice.status')} style={{ width: 130 }} value={status} onChange={setStatus} options={NOTICE_STATUSES.map((s) => ({ value: s, label: t(`notice.statuses.${s}`) }))} />
            <Switch checked={overdue} onChange={setOverdue} /> {t('notice.onlyOverdue')}
            {can('notice.draft') && <Button type="primary" data-testid="notice-new" onClick={() => setDrafting(true)}>{t('notice.new')}</Button>}
          </Space>
        }
      >
        <Table<TNoticeSummary>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data?.items}
          scroll={{ x: 900 }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('notice.empty') }}
          columns={[
            { title: t('notice.number'), dataIndex: 'number', width: 160, render: (v, n) => <Link to={`/notices/${n.id}`}>{v}</Link> },
            { title: t('notice.titlePreview'), dataIndex: 'title', ellipsis: true },
            { title: t('notice.kind'), dataIndex: 'kind', width: 110, render: (v) => t(`notice.kinds.${v}`) },
            {
              title: t('notice.status'),
              dataIndex: 'status',
              width: 170,
              render: (v, n) => (
                <Space size={4}>
                  <Tag color={statusColour[v]}>{t(`notice.statuses.${v}`)}</Tag>
                  {n.takeDownOverdue && <Tag color="red">{t('notice.takeDownOverdue')}</Tag>}
                  {n.takenDownLate && <Tag color="orange">{t('notice.takenDownLate')}</Tag>}
                </Space>
              ),
            },
            { title: t('notice.validity'), width: 200, render: (_, n) => `${n.validFrom} ~ ${n.validTo}` },
            { title: t('notice.publishedAt'), dataIndex: 'publishedAt', width: 110, render: day },
            { title: t('notice.createdBy'), dataIndex: 'createdByName', width: 100 },
          ]}
        />
      </Card>
      {drafting && (
        <DraftModal
          projectId={projectId}
          onClose={() => setDrafting(false)}
          onDone={async (n) => {
            await client.invalidateQueries({ queryKey: ['notices'] });
            navigate(`/notices/${n.id}`);
          }}
        />
      )}
    </Space>
  );
}

/** NT-01: a draft from a template; the title is always 关于…的通知, the validity at most 3 months (NT-02). */
export function DraftModal({ projectId, notice, onClose, onDone }: { projectId: string; notice?: TNoticeDetail; onClose: () => void; onDone: (n: TNoticeDetail) => Promise<void> | void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const subject = Form.useWatch('subject', form) as string | undefined;
  const validFrom = Form.useWatch('validFrom', form) as dayjs.Dayjs | undefined;
  const action = useFormAction(
    form,
    (v) => {
      const body = { ...v, validFrom: (v.validFrom as dayjs.Dayjs).format('YYYY-MM-DD'), validTo: (v.validTo as dayjs.Dayjs).format('YYYY-MM-DD'), period: (v.period as string) || undefined };
      return notice ? api.put<TNoticeDetail>(`/api/notices/${notice.id}`, { ...body, kind: undefined, version: notice.version }) : api.post<TNoticeDetail>('/api/notices', { ...body, projectId });
    },
    async (n) => {
      await onDone(n);
      onClose();
    },
  );
  const initial = notice
    ? { ...notice, validFrom: dayjs(notice.validFrom), validTo: dayjs(notice.validTo), period: notice.period ?? '' }
    : { kind: 'general', template: '', validFrom: dayjs(), validTo: dayjs().add(1, 'month'), boardLocation: '' };
  return (
    <Modal open title={notice ? t('notice.edit') : t('notice.new')} width={720} onCancel={onClose} onOk={() => form.submit()} confirmLoading={action.isPending}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => action.mutate(v)}>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="kind" label={t('notice.kind')}>
              <Select disabled={!!notice} options={NOTICE_KINDS.map((k) => ({ value: k, label: t(`notice.kinds.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="template" label={t('notice.template')}>
              <Select
                allowClear
                options={NOTICE_TEMPLATES.map((x) => ({ value: x.code, label: noticeTitle(x.subject) }))}
                onChange={(code) => {
                  const tpl = NOTICE_TEMPLATES.find((x) => x.code === code);
                  if (tpl) form.setFieldsValue({ kind: tpl.kind, subject: tpl.subject, body: tpl.body });
                }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="subject" label={t('notice.subject')} rules={[{ required: true }]} extra={subject ? noticeTitle(subject) : undefined}>
          <Input maxLength={60} addonBefore="关于" addonAfter="的通知" />
        </Form.Item>
        <Form.Item name="body" label={t('notice.body')} rules={[{ required: true }]}>
          <Input.TextArea rows={8} maxLength={5000} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="validFrom" label={t('notice.validFrom')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="validTo" label={t('notice.validTo')} rules={[{ required: true }]} extra={validFrom ? t('notice.validityHint', { date: maxValidTo(validFrom.format('YYYY-MM-DD')) }) : undefined}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="period" label={t('notice.period')}>
              <Input placeholder="2026-12" maxLength={7} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="boardLocation" label={t('notice.boardLocation')}>
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
