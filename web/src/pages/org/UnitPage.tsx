// ORG-02/03/06: one unit by its path — attributes, owners and tenants — and its edit form.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Form, InputNumber, Modal, Select, Switch, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { UNIT_STATES, UNIT_USES, type TUnit } from '../../../../common/org';
import type { TUnitDetail } from '../../../../common/people';
import { api, ApiError } from '../../lib/api';
import { RelationTag, UnitStateTag } from '../../lib/labels';
import { HistoryTimeline } from '../history/HistoryTimeline';
import { ListTable } from '../../lib/ListTable';
import { UnitMatters } from './UnitMatters';

const UNIT_FIELD_LABELS: Record<string, string> = {
  state: 'ui.unit.state',
  use: 'ui.unit.use',
  areaM2: 'ui.unit.area',
  handoverDate: 'ui.unit.handover',
  groupOwned: 'ui.unit.groupOwned',
};

export function UnitPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const detail = useQuery({ queryKey: ['unit', id], queryFn: () => api.get<TUnitDetail>(`/api/units/${id}`) });
  const [editing, setEditing] = useState(false);
  if (detail.isError) return <Card>{(detail.error as ApiError).message}</Card>;
  const d = detail.data;
  return (
    <Card
      loading={detail.isPending}
      title={<Typography.Text strong data-testid="unit-path">{d?.unit.path}</Typography.Text>}
      extra={
        <>
          {/* the invitation slip with the portal's QR code */}
          <Button href={`/units/${id}/portal-invitation`} target="_blank" data-testid="portal-invitation-print" style={{ marginRight: 8 }}>
            {t('portal.invite.print')}
          </Button>
          {d?.actions.includes('space.write') && <Button onClick={() => setEditing(true)}>{t('ui.edit')}</Button>}
        </>
      }
    >
      {d && (
        <>
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('ui.unit.use')}>{t(`ui.unitUse.${d.unit.use}`)}</Descriptions.Item>
            <Descriptions.Item label={t('ui.unit.area')}>{d.unit.areaM2}</Descriptions.Item>
            <Descriptions.Item label={t('ui.unit.state')}><UnitStateTag state={d.unit.state} /></Descriptions.Item>
            <Descriptions.Item label={t('ui.unit.handover')}>{d.unit.handoverDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('ui.unit.groupOwned')}>{d.unit.groupOwned ? t('ui.yes') : t('ui.no')}</Descriptions.Item>
            <Descriptions.Item label={t('ui.unit.floor')}>{t('ui.unit.floorLabel', { floor: d.unit.floor })}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('ui.unit.occupants')}
          </Typography.Title>
          <ListTable<TUnitDetail['occupants'][number]>
            rowKey="customerId"
            size="small"
            pagination={false}
            locale={{ emptyText: t('ui.unit.noOccupant') }}
            dataSource={d.occupants}
            testId="occupants"
            columns={[
              { title: t('ui.customer.relation'), dataIndex: 'relation', width: 90, card: 'title', render: (v) => <RelationTag relation={v} /> },
              { title: t('ui.customer.name'), dataIndex: 'name', card: 'title' },
              { title: t('ui.customer.kind'), dataIndex: 'kind', width: 80, render: (v) => t(`ui.customerKind.${v}`) },
              { title: t('ui.customer.phone'), dataIndex: 'phone', width: 140 },
              { title: t('ui.unit.consentingOwner'), dataIndex: 'consentingOwnerName', render: (v) => v ?? '—' },
              { title: t('ui.unit.since'), dataIndex: 'since', width: 120 },
            ]}
          />
          <UnitMatters unitId={d.unit.id} projectId={d.unit.projectId} />
          <HistoryTimeline
            entity="unit"
            id={d.unit.id}
            format={{
              label: (f) => t(UNIT_FIELD_LABELS[f] ?? f),
              value: (f, v) =>
                f === 'state' ? t(`ui.unitState.${v}`) : f === 'use' ? t(`ui.unitUse.${v}`) : f === 'groupOwned' ? t(v ? 'ui.yes' : 'ui.no') : undefined,
            }}
          />
          {editing && <EditUnit unit={d.unit} onClose={() => setEditing(false)} />}
        </>
      )}
    </Card>
  );
}

function EditUnit({ unit, onClose }: { unit: TUnit; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      api.put<TUnit>(`/api/units/${unit.id}`, { ...v, handoverDate: v.handoverDate ? dayjs(v.handoverDate as string).format('YYYY-MM-DD') : null, version: unit.version }),
    onSuccess: async () => {
      message.success(t('ui.saved'));
      await queryClient.invalidateQueries({ queryKey: ['unit', unit.id] });
      await queryClient.invalidateQueries({ queryKey: ['history', 'unit', unit.id] });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) {
        form.setFields(e.formFields());
        message.error(e.message);
      }
    },
  });
  return (
    <Modal open title={t('ui.unit.editTitle')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('ui.save')}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ ...unit, handoverDate: unit.handoverDate ? dayjs(unit.handoverDate) : null }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="state" label={t('ui.unit.state')}>
          <Select options={UNIT_STATES.map((s) => ({ value: s, label: t(`ui.unitState.${s}`) }))} />
        </Form.Item>
        <Form.Item name="use" label={t('ui.unit.use')}>
          <Select options={UNIT_USES.map((s) => ({ value: s, label: t(`ui.unitUse.${s}`) }))} />
        </Form.Item>
        <Form.Item name="areaM2" label={t('ui.unit.area')}>
          <InputNumber min={0} step={0.01} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="handoverDate" label={t('ui.unit.handover')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="groupOwned" label={t('ui.unit.groupOwned')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
