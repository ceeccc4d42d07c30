// ORG-01: the project's working calendar — weekly pattern, business hours, holidays and make-up days.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Form, Input, Row, Segmented, Select, Table, Tag, TimePicker, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { TCalendar, TCalendarDay } from '../../../../common/calendar';
import { api, ApiError } from '../../lib/api';
import { timezoneLabel } from '../../lib/labels';
import { useSession } from '../../lib/session';

/** ORG-01: the years a calendar holds, in runs: 2004–2026. */
function yearRanges(years: number[]): string {
  const runs: [number, number][] = [];
  for (const y of years) {
    const last = runs.at(-1);
    if (last && last[1] === y - 1) last[1] = y;
    else runs.push([y, y]);
  }
  return runs.map(([a, b]) => (a === b ? String(a) : `${a}–${b}`)).join('、');
}

export function CalendarPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { projectId, can } = useSession();
  const queryClient = useQueryClient();
  const editable = can('calendar.write');
  const cal = useQuery({ queryKey: ['calendar', projectId], queryFn: () => api.get<TCalendar>(`/api/projects/${projectId}/calendar`), enabled: !!projectId });
  const [form] = Form.useForm();
  const [days, setDays] = useState<TCalendarDay[]>([]);
  const [year, setYear] = useState(String(new Date().getFullYear()));
  useEffect(() => {
    if (!cal.data) return;
    setDays(cal.data.days);
    form.setFieldsValue({
      weekdays: cal.data.settings.weekdays,
      hours: [dayjs(cal.data.settings.businessStart, 'HH:mm'), dayjs(cal.data.settings.businessEnd, 'HH:mm')],
    });
  }, [cal.data, form]);
  const save = useMutation({
    mutationFn: (v: { weekdays: number[]; hours: [Dayjs, Dayjs] }) =>
      api.put<TCalendar>(`/api/projects/${projectId}/calendar`, {
        settings: { timezone: cal.data!.settings.timezone, weekdays: v.weekdays, businessStart: v.hours[0].format('HH:mm'), businessEnd: v.hours[1].format('HH:mm') },
        days,
        version: cal.data!.version,
      }),
    onSuccess: (next) => {
      queryClient.setQueryData(['calendar', projectId], next);
      message.success(t('ui.saved'));
    },
    onError: (e) => e instanceof ApiError && message.error(e.body.fields?.map((f) => f.message).join('；') || e.message),
  });
  const [adding] = Form.useForm();
  const years = [...new Set(days.map((d) => d.date.slice(0, 4)))].sort();
  const shown = days.filter((d) => d.date.startsWith(year));
  return (
    <Row gutter={16}>
      <Col xs={24} lg={9}>
        <Card size="small" title={t('ui.calendar.settings')} loading={cal.isPending}>
          <Form form={form} layout="vertical" disabled={!editable} onFinish={(v) => save.mutate(v)}>
            <Form.Item name="weekdays" label={t('ui.calendar.weekdays')}>
              <Checkbox.Group options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`ui.calendar.weekday.${d}`) }))} />
            </Form.Item>
            <Form.Item name="hours" label={t('ui.calendar.businessHours')}>
              <TimePicker.RangePicker format="HH:mm" minuteStep={5} />
            </Form.Item>
            <Form.Item label={t('ui.project.timezone')}>{cal.data && timezoneLabel(t, cal.data.settings.timezone)}</Form.Item>
            {editable && (
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('ui.save')}
              </Button>
            )}
          </Form>
          <Alert style={{ marginTop: 16 }} type="info" showIcon title={t('ui.calendar.hint')} />
          {cal.data && <Typography.Paragraph style={{ marginTop: 16 }}>{t('ui.calendarYears.loaded', { years: yearRanges(cal.data.loadedYears) })}</Typography.Paragraph>}
          {cal.data?.nextYearMissing && <Alert type="warning" showIcon title={t('ui.calendarYears.nextYearMissing', { year: dayjs().year() + 1 })} data-testid="next-year-missing" />}
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        <Card size="small" title={t('ui.calendar.days')} extra={<Select value={year} onChange={setYear} options={(years.length ? years : [year]).map((y) => ({ value: y, label: y }))} style={{ width: 96 }} />}>
          {editable && (
            <Form
              form={adding}
              layout="inline"
              style={{ marginBottom: 12 }}
              initialValues={{ kind: 'holiday' }}
              onFinish={(v: { date: Dayjs; kind: 'holiday' | 'workday'; name: string }) => {
                const date = v.date.format('YYYY-MM-DD');
                setDays((ds) => [...ds.filter((d) => d.date !== date), { date, kind: v.kind, name: v.name }].sort((a, b) => a.date.localeCompare(b.date)));
                adding.resetFields();
              }}
            >
              <Form.Item name="date" rules={[{ required: true, message: t('fieldErrors.required') }]}>
                <DatePicker placeholder={t('ui.calendar.date')} />
              </Form.Item>
              <Form.Item name="kind">
                <Segmented options={[{ value: 'holiday', label: t('ui.calendar.holiday') }, { value: 'workday', label: t('ui.calendar.workday') }]} />
              </Form.Item>
              <Form.Item name="name" rules={[{ required: true, message: t('fieldErrors.required') }]}>
                <Input placeholder={t('ui.calendar.name')} maxLength={50} style={{ width: 140 }} />
              </Form.Item>
              <Button htmlType="submit">{t('ui.calendar.addDay')}</Button>
            </Form>
          )}
          <Table<TCalendarDay>
            rowKey="date"
            size="small"
            dataSource={shown}
            pagination={{ pageSize: 15 }}
            columns={[
              { title: t('ui.calendar.date'), dataIndex: 'date', width: 160, render: (v) => `${v}（${t(`ui.calendar.weekday.${dayjs(v).day() || 7}`)}）` },
              { title: t('ui.calendar.kind'), dataIndex: 'kind', width: 110, render: (v) => <Tag color={v === 'holiday' ? 'red' : 'blue'}>{t(`ui.calendar.${v}`)}</Tag> },
              { title: t('ui.calendar.name'), dataIndex: 'name' },
              ...(editable
                ? [{ title: t('ui.actions'), width: 80, render: (_: unknown, d: TCalendarDay) => <Button size="small" type="link" danger onClick={() => setDays((ds) => ds.filter((x) => x.date !== d.date))}>{t('ui.remove')}</Button> }]
                : []),
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
