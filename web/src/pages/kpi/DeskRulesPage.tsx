// QI-05, QI-04: the project's KPI targets and its rectification period — per-project desk rules
// (`/api/projects/:id/desk-rules`), read by every staff member of the project, changed by whoever holds
// settings.write there (the project manager, the company admin). A saved change applies from now on.
import { useEffect } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Select, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TKpiTargets } from '../../../../common/desk';
import { api, ApiError } from '../../lib/api';
import { useSession } from '../../lib/session';

type Rule = { clock: string; [k: string]: unknown };
interface Rules {
  rules: { kpiTargets: TKpiTargets; rectification: Rule } & Record<string, unknown>;
  version: number;
}
const TARGETS: (keyof TKpiTargets)[] = ['complaintTimeliness', 'sameDayDispatch', 'paidFollowup', 'feeCollection', 'ownerSatisfaction', 'facilityFailure'];
const DAY_CLOCKS = ['calendar_days', 'working_days'] as const;
/** A share (0.98) as the percent shown (98), without float noise. */
const pct = (v: number) => Math.round(v * 1000) / 10;

export default function DeskRulesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { projectId, can } = useSession();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const key = ['desk-rules', projectId];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<Rules>(`/api/projects/${projectId}/desk-rules`), enabled: !!projectId });
  const editable = can('settings.write');
  const rect = q.data?.rules.rectification;
  const dayRule = rect && (DAY_CLOCKS as readonly string[]).includes(rect.clock);
  useEffect(() => {
    if (!q.data) return;
    const r = q.data.rules;
    form.setFieldsValue({
      kpiTargets: Object.fromEntries(TARGETS.map((k) => [k, pct(r.kpiTargets[k])])),
      rectification: dayRule ? { clock: r.rectification.clock, days: r.rectification.days } : { clock: 'calendar_days', days: 7 },
    });
  }, [q.data, form, dayRule]);
  const save = useMutation({
    mutationFn: (v: { kpiTargets: Record<string, number>; rectification: { clock: string; days: number } }) =>
      api.put<Rules>(`/api/projects/${projectId}/desk-rules`, {
        version: q.data!.version,
        rules: {
          ...q.data!.rules,
          kpiTargets: Object.fromEntries(TARGETS.map((k) => [k, Math.round(v.kpiTargets[k] * 10) / 1000])),
          rectification: { clock: v.rectification.clock, days: v.rectification.days },
        },
      }),
    onSuccess: async (r) => {
      client.setQueryData(key, r);
      message.success(t('ui.saved'));
    },
    onError: async (e) => {
      if (!(e instanceof ApiError)) return;
      message.error(e.message);
      if (e.status === 409) await client.invalidateQueries({ queryKey: key });
    },
  });
  const required = [{ required: true, message: t('fieldErrors.required') }];
  return (
    <Card size="small" title={t('ui.rules.title')} loading={q.isLoading}>
      <Alert type="info" showIcon message={t(editable ? 'ui.rules.intro' : 'ui.rules.readOnly')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="horizontal" labelCol={{ flex: '200px' }} disabled={!editable} onFinish={(v) => save.mutate(v)} data-testid="desk-rules-form" style={{ maxWidth: 820 }}>
        <Typography.Title level={5}>{t('ui.rules.kpiTargets')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('ui.rules.kpiHelp')}</Typography.Paragraph>
        {TARGETS.map((k) => (
          <Form.Item key={k} name={['kpiTargets', k]} label={t(`ui.kpi.dash.name.${k}`)} rules={required} extra={t(`ui.rules.targetHelp.${k}`)}>
            <InputNumber min={0} max={100} step={0.5} precision={1} addonBefore={t(k === 'facilityFailure' ? 'ui.rules.atMost' : 'ui.rules.atLeast')} addonAfter="%" style={{ width: 200 }} />
          </Form.Item>
        ))}
        <Typography.Title level={5}>{t('ui.rules.rectification')}</Typography.Title>
        {rect && !dayRule && <Alert type="warning" showIcon message={t('ui.rules.otherClock')} style={{ marginBottom: 12 }} />}
        <Form.Item label={t('ui.rules.rectificationPeriod')} required extra={t('ui.rules.rectificationHelp')}>
          <Space.Compact>
            <Form.Item name={['rectification', 'days']} rules={required} noStyle>
              <InputNumber min={1} max={90} precision={0} style={{ width: 100 }} aria-label={t('ui.rules.rectificationPeriod')} />
            </Form.Item>
            <Form.Item name={['rectification', 'clock']} noStyle>
              <Select style={{ width: 120 }} options={DAY_CLOCKS.map((c) => ({ value: c, label: t(`ui.rules.clock.${c}`) }))} aria-label={t('ui.rules.clockLabel')} />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        {editable && (
          <Form.Item label=" " colon={false}>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('ui.save')}
            </Button>
          </Form.Item>
        )}
      </Form>
    </Card>
  );
}
