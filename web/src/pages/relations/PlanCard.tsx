// CR-02: the housekeepers' monthly visit plans — each plan's progress (planned units visited this month),
// and the form to make or change one: pick the units on each building's floor grid (units not visited in
// the coverage window can be added in one click). A housekeeper keeps their own plan; the CS supervisor
// and the project manager keep any housekeeper's (the server checks both, and a stale version is a 409).
import { useMemo, useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Modal, Progress, Select, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type * as z from 'zod';
import type { TSpaceTree } from '../../../../common/org';
import type { TStaff } from '../../../../common/people';
import type { TFloorClimb, ZPlanList } from '../../../../common/relations';
import { api, qs } from '../../lib/api';
import { useFormAction } from '../../lib/form-action';
import { useSession } from '../../lib/session';

type TPlan = z.infer<typeof ZPlanList>['items'][number];

export function PlanCard({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { can, me } = useSession();
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const [editing, setEditing] = useState<null | { plan?: TPlan }>(null);
  const plans = useQuery({ queryKey: ['visit-plans', projectId, month], queryFn: () => api.get<z.infer<typeof ZPlanList>>(`/api/visit-plans?${qs({ projectId, month })}`) });
  const manage = can('relations.manage');
  const mine = plans.data?.items.find((p) => p.staffId === me?.id);
  const canEdit = (p: TPlan) => manage || p.staffId === me?.id;
  // The supervisor makes plans for housekeepers who have none this month; a housekeeper makes their own once.
  const staff = useQuery({ queryKey: ['staff', projectId], queryFn: () => api.get<{ items: TStaff[] }>(`/api/projects/${projectId}/staff`), enabled: manage });
  const withoutPlan = (staff.data?.items ?? []).filter((s) => s.active && s.roles.some((r) => r.role === 'housekeeper' && r.projectId === projectId) && !plans.data?.items.some((p) => p.staffId === s.id));
  return (
    <Card
      size="small"
      title={t('relation.plansTitle')}
      data-testid="visit-plans"
      extra={
        <Space wrap>
          <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />
          {can('relations.visit') && (manage ? withoutPlan.length > 0 : !mine) && (
            <Button type="primary" onClick={() => setEditing({})} data-testid="new-plan">
              {t('relation.newPlan')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<TPlan>
        rowKey="id"
        size="small"
        pagination={false}
        loading={plans.isPending}
        dataSource={plans.data?.items}
        locale={{ emptyText: t('relation.noPlans') }}
        scroll={{ x: 520 }}
        columns={[
          { title: t('relation.planKeeper'), dataIndex: 'staffName', width: 110 },
          { title: t('relation.planProgressTitle'), width: 220, render: (_, p) => <Progress size="small" percent={p.planned ? Math.round((p.done / p.planned) * 100) : 0} format={() => `${p.done} / ${p.planned}`} /> },
          { title: t('relation.note'), dataIndex: 'note', render: (v) => v || '—' },
          { title: '', width: 90, render: (_, p) => canEdit(p) && <Button size="small" onClick={() => setEditing({ plan: p })}>{t('relation.editPlan')}</Button> },
        ]}
      />
      {editing && <PlanModal projectId={projectId} month={month} plan={editing.plan} taken={(plans.data?.items ?? []).map((p) => p.staffId)} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function PlanModal({ projectId, month, plan, taken, onClose }: { projectId: string; month: string; plan?: TPlan; taken: string[]; onClose(): void }) {
  const { t } = useTranslation();
  const { can, me } = useSession();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const manage = can('relations.manage');
  const [selected, setSelected] = useState<Set<string>>(new Set(plan?.unitIds ?? []));
  const tree = useQuery({ queryKey: ['space', projectId], queryFn: () => api.get<TSpaceTree>(`/api/projects/${projectId}/space`) });
  const buildings = (tree.data?.areas ?? []).flatMap((a) => a.buildings.map((b) => ({ value: b.id, label: `${a.name}-${b.name}` })));
  const [buildingId, setBuildingId] = useState<string>();
  const current = buildingId ?? buildings[0]?.value;
  const map = useQuery({ queryKey: ['floor-climb', projectId, current], queryFn: () => api.get<TFloorClimb>(`/api/projects/${projectId}/floor-climb?buildingId=${current}`), enabled: !!current });
  const staff = useQuery({ queryKey: ['staff', projectId], queryFn: () => api.get<{ items: TStaff[] }>(`/api/projects/${projectId}/staff`), enabled: manage && !plan });
  const keepers = (staff.data?.items ?? []).filter((s) => s.active && s.roles.some((r) => r.role === 'housekeeper' && r.projectId === projectId) && !taken.includes(s.id));
  const here = useMemo(() => (map.data?.floors ?? []).flatMap((f) => f.units), [map.data]);
  const toggle = (ids: string[], on: boolean) =>
    setSelected((s) => {
      const n = new Set(s);
      for (const id of ids) if (on) n.add(id);
      else n.delete(id);
      return n;
    });
  const save = useFormAction(
    form,
    (v) => api.put('/api/visit-plans', { projectId, month, staffId: plan?.staffId ?? (manage ? v.staffId : me?.id), unitIds: [...selected], note: v.note ?? '', version: plan?.version ?? 0 }),
    async () => {
      await Promise.all(['visit-plans', 'relation-figures'].map((k) => client.invalidateQueries({ queryKey: [k] })));
      onClose();
    },
  );
  const due = here.filter((u) => !u.lastVisitOn || u.lastVisitOn < map.data!.since);
  return (
    <Modal open width={760} title={`${plan ? t('relation.editPlan') : t('relation.newPlan')} · ${month}${plan ? ` · ${plan.staffName}` : ''}`} onCancel={onClose} onOk={() => form.submit()} okText={t('relation.savePlan')} confirmLoading={save.isPending}>
      <Form form={form} layout="vertical" initialValues={{ note: plan?.note ?? '' }} onFinish={(v) => save.mutate(v)}>
        {!plan && manage && (
          <Form.Item name="staffId" label={t('relation.planKeeper')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
            <Select data-testid="plan-keeper" loading={staff.isPending} options={keepers.map((k) => ({ value: k.id, label: k.displayName }))} />
          </Form.Item>
        )}
        <Form.Item name="unitIds" label={t('relation.planUnits')} help={t('relation.planSelected', { count: selected.size, here: here.filter((u) => selected.has(u.unitId)).length })}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Select style={{ minWidth: 160 }} value={current} options={buildings} onChange={setBuildingId} />
              <Button size="small" onClick={() => toggle(due.map((u) => u.unitId), true)} disabled={!due.length}>
                {t('relation.planAddDue', { count: due.length })}
              </Button>
              <Button size="small" onClick={() => toggle(here.map((u) => u.unitId), false)}>
                {t('relation.planClearBuilding')}
              </Button>
            </Space>
            <div style={{ maxHeight: 320, overflow: 'auto' }}>
              {(map.data?.floors ?? []).map((fl) => (
                <div key={fl.floor} style={{ display: 'flex', gap: 4, marginBottom: 4, alignItems: 'center' }}>
                  <span style={{ width: 36, textAlign: 'right', marginRight: 4, flex: 'none' }}>{fl.floor}F</span>
                  {fl.units.map((u) => {
                    const on = selected.has(u.unitId);
                    const isDue = !u.lastVisitOn || u.lastVisitOn < map.data!.since;
                    return (
                      <button
                        key={u.unitId}
                        type="button"
                        data-testid="plan-unit"
                        aria-pressed={on}
                        title={`${u.path} · ${u.lastVisitOn ?? t('relation.legend.never')}`}
                        onClick={() => toggle([u.unitId], !on)}
                        style={{ minWidth: 52, flex: 'none', padding: '2px 4px', cursor: 'pointer', borderRadius: 3, fontSize: 12, border: `1px solid ${on ? '#1677ff' : isDue ? '#ff4d4f' : '#d9d9d9'}`, background: on ? '#1677ff' : '#fff', color: on ? '#fff' : isDue ? '#cf1322' : '#333' }}
                      >
                        {u.number}
                      </button>
                    );
                  })}
                </div>
              ))}
            </div>
            <Space wrap size={4}>
              <Tag color="blue">{t('relation.planLegendSelected')}</Tag>
              <Tag color="red">{t('relation.legend.never')}</Tag>
            </Space>
          </Space>
        </Form.Item>
        <Form.Item name="note" label={t('relation.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
