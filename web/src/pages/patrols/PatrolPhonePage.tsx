// PT-01, PT-02: the housekeeper's phone page (390 px, one hand): start today's public-area patrol, record
// findings with photos from the camera (a work order opened when that is the handling), recheck open
// findings, and walk the vacant units — the overdue ones first.
import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, List, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { HANDLINGS, VACANT_CHECKS, type TFinding, type TPatrolDetail, type TPatrolRegister, type TVacantUnit } from '../../../../common/patrols';
import { TRADES } from '../../../../common/desk';
import { api, ApiError, qs } from '../../lib/api';
import { useSession } from '../../lib/session';
import { CameraButton, type PhotoData } from './photo';

const big = { size: 'large' as const, block: true };

export function PatrolPhonePage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'patrol' | 'vacant'>('patrol');
  return (
    <div style={{ maxWidth: 420, margin: '0 auto' }}>
      <Typography.Title level={4}>{t('patrol.phoneTitle')}</Typography.Title>
      <Segmented block size="large" value={tab} onChange={(v) => setTab(v as typeof tab)} options={[{ value: 'patrol', label: t('patrol.todayPatrol') }, { value: 'vacant', label: t('patrol.vacantTitle') }]} style={{ marginBottom: 12 }} />
      {tab === 'patrol' ? <TodayPatrol /> : <VacantRound />}
    </div>
  );
}

function TodayPatrol() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { projectId } = useSession();
  const qc = useQueryClient();
  const month = dayjs().format('YYYY-MM');
  const reg = useQuery({ queryKey: ['patrols', projectId, month], queryFn: () => api.get<TPatrolRegister>(`/api/patrols?${qs({ projectId, month })}`), enabled: !!projectId });
  const todayId = reg.data?.days.find((d) => d.date === reg.data!.today)?.patrolId ?? null;
  const detail = useQuery({ queryKey: ['patrol', todayId], queryFn: () => api.get<TPatrolDetail>(`/api/patrols/${todayId}`), enabled: !!todayId });
  const [route, setRoute] = useState('');
  const start = useMutation({
    mutationFn: () => api.post<TPatrolDetail>('/api/patrols', { projectId, route }),
    onSuccess: (d) => {
      qc.setQueryData(['patrol', d.id], d);
      void qc.invalidateQueries({ queryKey: ['patrols'] });
    },
    onError: (e) => message.error((e as ApiError).message),
  });
  if (!todayId)
    return (
      <Card>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input size="large" placeholder={t('patrol.routePlaceholder')} value={route} onChange={(e) => setRoute(e.target.value)} aria-label={t('patrol.route')} />
          <Button type="primary" {...big} disabled={!route.trim()} loading={start.isPending} onClick={() => start.mutate()}>
            {t('patrol.startPatrol')}
          </Button>
        </Space>
      </Card>
    );
  const d = detail.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small">
        <Tag color="green">{t('patrol.patrolDone')}</Tag> {d?.route}
      </Card>
      {d && <FindingForm patrolId={d.id} onSaved={(x) => qc.setQueryData(['patrol', x.id], x)} />}
      <OpenFindings findings={reg.data?.openFindings ?? []} />
    </Space>
  );
}

function FindingForm({ patrolId, onSaved }: { patrolId: string; onSaved: (d: TPatrolDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [photos, setPhotos] = useState<PhotoData[]>([]);
  const handling = Form.useWatch('handling', form);
  const save = useMutation({
    mutationFn: (v: Record<string, string>) =>
      api.post<TPatrolDetail>(`/api/patrols/${patrolId}/findings`, {
        location: v.location,
        problem: v.problem,
        handling: v.handling,
        handlingNote: v.handlingNote ?? '',
        photos,
        order: v.handling === 'work_order' ? { trade: v.trade ?? 'public_facility', priority: v.priority ?? 'normal', department: v.department ?? 'engineering' } : undefined,
      }),
    onSuccess: (d) => {
      onSaved(d);
      form.resetFields();
      setPhotos([]);
      message.success(t('patrol.saved'));
      void qc.invalidateQueries({ queryKey: ['patrols'] });
    },
    onError: (e) => (e instanceof ApiError && e.body.fields ? form.setFields(e.formFields()) : message.error((e as Error).message)),
  });
  return (
    <Card size="small" title={t('patrol.addFinding')}>
      <Form form={form} layout="vertical" size="large" initialValues={{ handling: 'fixed_on_spot' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="location" label={t('patrol.location')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="problem" label={t('patrol.problem')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="handling" label={t('patrol.handling')}>
          <Select options={HANDLINGS.map((h) => ({ value: h, label: t(`patrol.handlings.${h}`) }))} />
        </Form.Item>
        {handling === 'work_order' ? (
          <Space.Compact block>
            <Form.Item name="trade" noStyle initialValue="public_facility">
              <Select style={{ width: '50%' }} options={TRADES.map((x) => ({ value: x, label: t(`ui.trade.${x}`, x) }))} aria-label={t('patrol.trade')} />
            </Form.Item>
            <Form.Item name="department" noStyle initialValue="engineering">
              <Select style={{ width: '50%' }} options={(['engineering', 'environment', 'security'] as const).map((x) => ({ value: x, label: t(`patrol.departments.${x}`) }))} aria-label={t('patrol.department')} />
            </Form.Item>
          </Space.Compact>
        ) : (
          <Form.Item name="handlingNote" label={t('patrol.handlingNote')}>
            <Input />
          </Form.Item>
        )}
        <div style={{ margin: '12px 0' }}>
          <CameraButton photos={photos} onChange={setPhotos} />
        </div>
        <Button type="primary" htmlType="submit" data-testid="finding-save" {...big} loading={save.isPending}>
          {t('patrol.save')}
        </Button>
      </Form>
    </Card>
  );
}

export function OpenFindings({ findings }: { findings: TFinding[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const recheck = useMutation({
    mutationFn: ({ f, result }: { f: TFinding; result: 'resolved' | 'unresolved' }) => api.post(`/api/patrol-findings/${f.id}/recheck`, { version: f.version, result }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['patrols'] }),
    onError: (e) => message.error((e as Error).message),
  });
  return (
    <Card size="small" title={`${t('patrol.openFindings')} (${findings.length})`}>
      {!findings.length && <Empty description={t('patrol.empty')} />}
      <List
        dataSource={findings}
        renderItem={(f) => (
          <List.Item key={f.id} data-testid="open-finding">
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Typography.Text strong>
                {f.location}：{f.problem}
              </Typography.Text>
              <Space wrap>
                <Tag color={f.recheckOverdue ? 'red' : 'blue'}>
                  {f.recheckOverdue ? t('patrol.recheckOverdue') : t('patrol.recheckDue')} {dayjs(f.recheckDueAt).format('MM-DD HH:mm')}
                </Tag>
                {f.workOrderNumber && <Tag>{f.workOrderNumber}</Tag>}
                {f.photos.map((p) => (
                  <a key={p.id} href={p.url} target="_blank" rel="noreferrer">
                    {t('patrol.photos')}
                  </a>
                ))}
              </Space>
              <Space>
                <Button onClick={() => recheck.mutate({ f, result: 'resolved' })} loading={recheck.isPending}>
                  {t('patrol.resolved')}
                </Button>
                <Button onClick={() => recheck.mutate({ f, result: 'unresolved' })} loading={recheck.isPending}>
                  {t('patrol.unresolved')}
                </Button>
              </Space>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

function VacantRound() {
  const { t } = useTranslation();
  const { projectId } = useSession();
  const reg = useQuery({
    queryKey: ['vacant', projectId],
    queryFn: () => api.get<{ units: TVacantUnit[]; heatingSeason: boolean; overdue: number }>(`/api/vacant-units?${qs({ projectId })}`),
    enabled: !!projectId,
  });
  const [open, setOpen] = useState<string | null>(null);
  const units = [...(reg.data?.units ?? [])].sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.nextDueOn ?? '').localeCompare(b.nextDueOn ?? ''));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {reg.data && <Typography.Text type="secondary">{reg.data.heatingSeason ? t('patrol.heatingSeason') : t('patrol.normalSeason')}</Typography.Text>}
      <List
        loading={reg.isPending}
        dataSource={units}
        renderItem={(u) => (
          <Card key={u.unitId} size="small" style={{ marginBottom: 8 }}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {u.path}
                </Typography.Text>
                {u.overdue ? <Tag color="red">{u.nextDueOn ? t('patrol.overdueDays', { n: u.overdueDays }) : t('patrol.neverPatrolled')}</Tag> : <Tag>{t('patrol.nextDue')} {u.nextDueOn}</Tag>}
              </Space>
              {open === u.unitId ? <VacantForm unit={u} onDone={() => setOpen(null)} /> : <Button {...big} onClick={() => setOpen(u.unitId)}>{t('patrol.checkUnit')}</Button>}
            </Space>
          </Card>
        )}
      />
    </Space>
  );
}

function VacantForm({ unit, onDone }: { unit: TVacantUnit; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [failed, setFailed] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<PhotoData[]>([]);
  const save = useMutation({
    mutationFn: () => api.post('/api/vacant-patrols', { unitId: unit.unitId, failed, note, photos }),
    onSuccess: () => {
      message.success(t('patrol.saved'));
      void qc.invalidateQueries({ queryKey: ['vacant'] });
      onDone();
    },
    onError: (e) => message.error((e as Error).message),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('patrol.failedHint')}</Typography.Text>
      <Space wrap>
        {VACANT_CHECKS.map((c) => (
          <Tag.CheckableTag key={c} checked={failed.includes(c)} onChange={(on) => setFailed(on ? [...failed, c] : failed.filter((x) => x !== c))} style={{ fontSize: 15, padding: '6px 10px', border: '1px solid #d9d9d9' }}>
            {t(`patrol.vacantChecks.${c}`)}
          </Tag.CheckableTag>
        ))}
      </Space>
      <Input size="large" placeholder={t('patrol.note')} value={note} onChange={(e) => setNote(e.target.value)} />
      <CameraButton photos={photos} onChange={setPhotos} />
      <Button type="primary" {...big} loading={save.isPending} onClick={() => save.mutate()}>
        {t('patrol.save')}
      </Button>
    </Space>
  );
}
