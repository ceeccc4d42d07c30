// WO-03: one form per state-machine action, asking exactly what the server's contract needs.
import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Segmented, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { HOLD_REASONS, type TTransitionResult, type TWoAction, type TWorkOrder } from '../../../../common/desk';
import type { TStaff } from '../../../../common/people';
import { api, ApiError } from '../../lib/api';
import { SignaturePad } from './SignaturePad';

/** Actions that need nothing but a confirmation. */
export const DIRECT_ACTIONS: TWoAction[] = ['accept', 'start', 'resume', 'close', 'confirm_onsite'];

export function useTechnicians(projectId: string, department: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ['staff', projectId],
    queryFn: () => api.get<{ items: TStaff[] }>(`/api/projects/${projectId}/staff`),
    select: (d) => d.items.filter((s) => s.roles.some((r) => r.role === 'technician') && (!department || s.departmentKind === department)),
  });
}

export function useTransition(order: Pick<TWorkOrder, 'id' | 'version'>, onDone?: () => void) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<TTransitionResult>(`/api/work-orders/${order.id}/transitions`, { ...body, version: order.version }),
    onSuccess: async (o) => {
      // WO-03: an order handed back leaves this user's sight; the lists refresh without it.
      if ('visible' in o) queryClient.removeQueries({ queryKey: ['order', o.id] });
      else {
        queryClient.setQueryData(['order', o.id], o);
        // The lists show the new state and version at once, so the next tap never sends a stale version
        // (the state only: a list keeps its masked phone numbers, AR-04).
        queryClient.setQueriesData<{ items: TWorkOrder[] }>({ queryKey: ['orders'] }, (d) =>
          d?.items ? { ...d, items: d.items.map((x) => (x.id === o.id ? { ...x, status: o.status, version: o.version, actions: o.actions, deadlines: o.deadlines } : x)) } : d,
        );
      }
      await queryClient.invalidateQueries({ predicate: (q) => ['orders', 'case', 'followups', 'notifications', 'paid', 'paidOrders'].includes(String(q.queryKey[0])) });
      message.success(t('ui.saved'));
      onDone?.();
    },
    onError: (e) => e instanceof ApiError && message.error(e.body.fields?.map((f) => f.message).join('；') || e.message),
  });
}

export function ActionModal({ order, action, onClose }: { order: TWorkOrder; action: TWoAction; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [signature, setSignature] = useState<string>();
  // Only dispatchers choose a technician; a technician completing an order needs no staff list.
  const techs = useTechnicians(order.projectId, order.department, action === 'dispatch' || action === 'reassign');
  const run = useTransition(order, onClose);
  const required = [{ required: true, message: t('fieldErrors.required') }];
  const submit = (v: Record<string, unknown>) =>
    run.mutate(
      { action, ...v, ...((action === 'complete' || action === 'record_acceptance') && signature ? { signature } : {}), ...(action === 'record_acceptance' ? { consent: true } : {}) },
      { onError: (e) => e instanceof ApiError && form.setFields(e.formFields()) },
    );
  return (
    <Modal open title={t(`ui.woAction.${action}`)} onCancel={onClose} onOk={() => form.submit()} confirmLoading={run.isPending} okText={t(`ui.woAction.${action}`)}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ reason: action === 'hold' ? 'waiting_parts' : undefined, contactedBy: 'phone', materials: [] }}>
        {(action === 'dispatch' || action === 'reassign') && (
          <Form.Item name="assigneeId" label={t('ui.order.assignee')} rules={required}>
            <Select
              showSearch
              optionFilterProp="label"
              placeholder={t('ui.order.selectTech')}
              loading={techs.isPending}
              options={(techs.data ?? []).map((s) => ({ value: s.id, label: s.displayName }))}
              data-testid="assignee-select"
            />
          </Form.Item>
        )}
        {action === 'hold' && (
          <>
            <Form.Item name="reason" label={t('ui.order.reason')} rules={required}>
              <Segmented options={HOLD_REASONS.map((r) => ({ value: r, label: t(`ui.holdReason.${r}`) }))} />
            </Form.Item>
            <Form.Item name="note" label={t('ui.order.note')}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        {['reassign', 'return', 'cancel'].includes(action) && (
          <Form.Item name="reason" label={t('ui.order.reason')} rules={required}>
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        )}
        {action === 'cannot_repair' && (
          <Form.Item name="explanation" label={t('ui.order.explanation')} rules={required}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        )}
        {action === 'progress_note' && (
          <Form.Item name="note" label={t('ui.order.note')} rules={required}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        )}
        {action === 'record_acceptance' && (
          <>
            <Form.Item name="contactedBy" label={t('ui.order.consentBy')}>
              <Segmented options={[{ value: 'phone', label: t('ui.order.byPhone') }, { value: 'on_site', label: t('ui.order.onSite') }]} />
            </Form.Item>
            <Form.Item name="customerOpinion" label={t('ui.order.opinion')} rules={required}>
              <Input.TextArea rows={2} maxLength={200} />
            </Form.Item>
            {/* PS-06: a paid service is signed for; the customer signs at the desk when paying. */}
            {order.paid && (
              <Form.Item label={t('ui.paid.signAtDesk')} required>
                <SignaturePad onChange={setSignature} />
              </Form.Item>
            )}
          </>
        )}
        {action === 'confirm_onsite' && (
          <Form.Item name="note" label={t('ui.order.note')}>
            <Input maxLength={200} />
          </Form.Item>
        )}
        {action === 'complete' && (
          <>
            <Form.Item name="result" label={t('ui.order.result')} rules={required}>
              <Input.TextArea rows={2} maxLength={500} placeholder={t('ui.my.resultPlaceholder')} />
            </Form.Item>
            <Form.List name="materials">
              {(fields, { add, remove }) => (
                <Form.Item label={t('ui.order.materials')}>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline">
                      <Form.Item name={[f.name, 'name']} rules={required}>
                        <Input placeholder={t('ui.order.materialName')} style={{ width: 140 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'quantity']} rules={required}>
                        <InputNumber min={0.01} placeholder={t('ui.order.qty')} style={{ width: 80 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'unit']} initialValue="个">
                        <Input placeholder={t('ui.order.unitName')} style={{ width: 60 }} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                    {t('ui.add')}
                  </Button>
                </Form.Item>
              )}
            </Form.List>
            {order.locationKind === 'unit' && (
              <Form.Item label={t('ui.order.signHere')}>
                <SignaturePad onChange={setSignature} />
              </Form.Item>
            )}
            <Form.Item name="customerOpinion" label={t('ui.order.opinion')}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
