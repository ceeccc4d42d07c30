// CR-02, CR-03: the month's visit figures (coverage by role against the level's targets, the monthly
// minimums), the floor-climb map (爬楼图) coloured by each unit's last visit — one click opens the unit's
// visits and the form to record one (a raised matter opens a case owned by the visitor) — and the plan.
import { useState } from 'react';
import { Button, Card, Checkbox, Col, Drawer, Form, Input, List, Progress, Row, Segmented, Select, Space, Statistic, Tag, Tooltip } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { CATEGORIES } from '../../../../common/desk';
import type { TSpaceTree } from '../../../../common/org';
import type { TFloorClimb, TRelationFigures, TVisit } from '../../../../common/relations';
import { api, qs } from '../../lib/api';
import { useFormAction } from '../../lib/form-action';
import { useSession } from '../../lib/session';
import { PlanCard } from './PlanCard';

const COLOURS = { recent: '#389e0d', quarter: '#95de64', window: '#faad14', never: '#ff4d4f' };
function shade(last: string | null, since: string): keyof typeof COLOURS {
  if (!last || last < since) return 'never';
  const days = dayjs().diff(dayjs(last), 'day');
  return days <= 31 ? 'recent' : days <= 92 ? 'quarter' : 'window';
}
const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;

function Figures({ f }: { f: TRelationFigures }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 12]}>
      <Col xs={12} md={4}><Statistic title={t('relation.units')} value={f.units} /></Col>
      <Col xs={12} md={4}><Statistic title={t('relation.visitsInMonth')} value={f.visitsInMonth} /></Col>
      <Col xs={12} md={4}><Statistic title={t('relation.faceShare')} value={pct(f.faceShare)} /></Col>
      <Col xs={12} md={4}><Statistic title={t('relation.keyCoverage')} value={`${f.keyCustomers.visited} / ${f.keyCustomers.listed}`} valueStyle={{ color: f.keyCustomers.overdue ? '#cf1322' : undefined }} /></Col>
      <Col xs={12} md={4}><Statistic title={t('relation.plans')} value={`${f.plans.done} / ${f.plans.planned}`} /></Col>
      <Col xs={12} md={4}><Statistic title={t('relation.keepersWithoutPlan')} value={f.plans.keepersWithoutPlan} valueStyle={{ color: f.plans.keepersWithoutPlan ? '#cf1322' : undefined }} /></Col>
      {(['housekeeper', 'cs_supervisor', 'project_manager'] as const).map((r) => (
        <Col xs={24} md={8} key={r}>
          <div>{t('relation.yearCoverage', { role: t(`relation.roles.${r}`), target: pct(f.yearCoverage[r].target) })}</div>
          <Progress percent={Math.round(f.yearCoverage[r].share * 1000) / 10} status={f.yearCoverage[r].short ? 'exception' : 'normal'} />
        </Col>
      ))}
      <Col xs={24} md={8}>
        <div>{t('relation.fullCoverage', { months: f.fullCoverage.months })}</div>
        <Progress percent={Math.round(f.fullCoverage.share * 1000) / 10} status={f.fullCoverage.short ? 'exception' : 'success'} />
      </Col>
      <Col xs={24} md={16}>
        <div>{t('relation.minimums')}</div>
        <Space wrap>
          {f.monthlyMinimums.map((m) => (
            <Tag key={m.userId} color={m.short ? 'red' : 'green'}>
              {t('relation.minimumOf', { name: m.name, role: t(`relation.roles.${m.role}`), count: m.customers, min: m.minimum })}
            </Tag>
          ))}
        </Space>
      </Col>
    </Row>
  );
}

function UnitVisits({ projectId, unit, onClose }: { projectId: string; unit: { unitId: string; path: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const [raised, setRaised] = useState(false);
  const visits = useQuery({ queryKey: ['visits', projectId, unit.unitId], queryFn: () => api.get<{ items: TVisit[] }>(`/api/visits?${qs({ projectId, unitId: unit.unitId })}`) });
  const record = useFormAction(
    form,
    (v) =>
      api.post('/api/visits', {
        projectId,
        unitId: unit.unitId,
        mode: v.mode,
        personMet: v.personMet,
        content: v.content,
        raised: raised ? { category: v.category, content: v.raisedContent, phone: v.phone } : undefined,
      }),
    async () => {
      form.resetFields();
      setRaised(false);
      await Promise.all(['visits', 'floor-climb', 'relation-figures', 'visit-plans'].map((k) => client.invalidateQueries({ queryKey: [k] })));
    },
  );
  return (
    <Drawer open title={t('relation.visitsOf', { path: unit.path })} onClose={onClose} width={520}>
      {can('relations.visit') && (
        <Form form={form} layout="vertical" initialValues={{ mode: 'face', category: 'repair' }} onFinish={(v) => record.mutate(v)}>
          <Form.Item name="mode" label={t('relation.record')}>
            <Segmented options={(['face', 'phone'] as const).map((m) => ({ value: m, label: t(`relation.modes.${m}`) }))} />
          </Form.Item>
          <Form.Item name="personMet" label={t('relation.personMet')} rules={[{ required: true }]}>
            <Input autoFocus maxLength={50} />
          </Form.Item>
          <Form.Item name="content" label={t('relation.content')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Checkbox checked={raised} onChange={(e) => setRaised(e.target.checked)} style={{ marginBottom: 12 }}>
            {t('relation.raised')}
          </Checkbox>
          {raised && (
            <>
              <Form.Item name="category" label={t('relation.raisedCategory')}>
                <Select options={CATEGORIES.map((c) => ({ value: c, label: t(`ui.category.${c}`) }))} />
              </Form.Item>
              <Form.Item name="raisedContent" label={t('relation.raisedContent')} rules={[{ required: true }]}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
              <Form.Item name="phone" label={t('relation.raisedPhone')} rules={[{ required: true }]}>
                <Input maxLength={20} />
              </Form.Item>
            </>
          )}
          <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="record-visit">
            {t('relation.record')}
          </Button>
        </Form>
      )}
      <List
        data-testid="unit-visits"
        style={{ marginTop: 16 }}
        loading={visits.isPending}
        locale={{ emptyText: t('relation.noVisits') }}
        dataSource={visits.data?.items}
        renderItem={(v) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap>
                  {dayjs(v.visitedAt).format('YYYY-MM-DD HH:mm')}
                  <Tag>{t(`relation.modes.${v.mode}`)}</Tag>
                  {v.visitorName}（{t(`relation.roles.${v.visitorRole}`)}）
                  {v.caseNumber && <Tag color="blue">{t('relation.caseNumber')} {v.caseNumber}</Tag>}
                </Space>
              }
              description={`${v.personMet}：${v.content}`}
            />
          </List.Item>
        )}
      />
    </Drawer>
  );
}

export function VisitsPage() {
  const { t } = useTranslation();
  const { projectId } = useSession();
  const [buildingId, setBuildingId] = useState<string>();
  const [unit, setUnit] = useState<{ unitId: string; path: string } | null>(null);
  const month = dayjs().format('YYYY-MM');
  const tree = useQuery({ queryKey: ['space', projectId], queryFn: () => api.get<TSpaceTree>(`/api/projects/${projectId}/space`), enabled: !!projectId });
  const buildings = (tree.data?.areas ?? []).flatMap((a) => a.buildings.map((b) => ({ value: b.id, label: `${a.name}-${b.name}` })));
  const current = buildingId ?? buildings[0]?.value;
  const map = useQuery({ queryKey: ['floor-climb', projectId, current], queryFn: () => api.get<TFloorClimb>(`/api/projects/${projectId}/floor-climb?buildingId=${current}`), enabled: !!current });
  const figures = useQuery({ queryKey: ['relation-figures', projectId, month], queryFn: () => api.get<TRelationFigures>(`/api/projects/${projectId}/relations-figures?month=${month}`), enabled: !!projectId });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title={t('relation.figures')} loading={figures.isPending}>
        {figures.data && <Figures f={figures.data} />}
      </Card>
      <Card size="small" title={t('relation.floorClimb')} extra={<Select style={{ minWidth: 160 }} value={current} options={buildings} onChange={setBuildingId} />}>
        <Space wrap style={{ marginBottom: 8 }}>
          {(Object.keys(COLOURS) as (keyof typeof COLOURS)[]).map((k) => (
            <Tag key={k} color={COLOURS[k]}>{t(`relation.legend.${k}`)}</Tag>
          ))}
          {map.data && <span>{t('relation.since', { since: map.data.since })}</span>}
        </Space>
        <div style={{ overflowX: 'auto' }}>
          {(map.data?.floors ?? []).map((fl) => (
            <div key={fl.floor} style={{ display: 'flex', gap: 4, marginBottom: 4, alignItems: 'center' }}>
              <span style={{ width: 40, textAlign: 'right', marginRight: 4 }}>{fl.floor}F</span>
              {fl.units.map((u) => (
                <Tooltip key={u.unitId} title={`${u.path} · ${u.lastVisitOn ?? '—'} ${u.lastVisitorName ?? ''}`}>
                  <button
                    type="button"
                    data-testid="climb-unit"
                    data-unit={u.unitId}
                    onClick={() => setUnit(u)}
                    style={{ minWidth: 56, padding: '2px 4px', border: u.keyCustomer ? '2px solid #1677ff' : 'none', cursor: 'pointer', background: COLOURS[shade(u.lastVisitOn, map.data!.since)], color: '#fff', borderRadius: 3, fontSize: 12 }}
                  >
                    {u.number}
                    {u.visits ? ` ·${u.visits}` : ''}
                  </button>
                </Tooltip>
              ))}
            </div>
          ))}
        </div>
      </Card>
      {projectId && <PlanCard projectId={projectId} />}
      {unit && projectId && <UnitVisits projectId={projectId} unit={unit} onClose={() => setUnit(null)} />}
    </Space>
  );
}
