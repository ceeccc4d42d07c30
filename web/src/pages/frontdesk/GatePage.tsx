// FD-01: the gate's phone page (390 px): type the pass number or its check code, see what may leave, let
// it through once. A second use is refused and shows when and where the pass was used.
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Input, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type * as z from 'zod';
import type { TPass, ZPassList } from '../../../../common/frontdesk';
import { api, ApiError, qs } from '../../lib/api';
import { useSession } from '../../lib/session';
import { PASS_COLORS } from './PassesPage';

export function GatePage() {
  const { t } = useTranslation();
  const { projectId, can } = useSession();
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [passed, setPassed] = useState<TPass | null>(null);
  const [gate, setGate] = useState(() => localStorage.getItem('ed_gate') ?? '');
  const query = qs({ projectId, q });
  const found = useQuery({ queryKey: ['pass-check', query], queryFn: () => api.get<z.infer<typeof ZPassList>>(`/api/release-passes/check?${query}`), enabled: !!projectId && q.length > 0 });
  const use = useMutation({
    mutationFn: (p: TPass) => api.post<TPass>(`/api/release-passes/${p.id}/use`, { gate }),
    onSuccess: (p) => (setRefusal(null), setPassed(p)),
    onError: (e) => (setPassed(null), setRefusal(e instanceof ApiError ? e.message : String(e))),
    onSettled: () => qc.invalidateQueries({ queryKey: ['pass-check'] }),
  });
  return (
    <div style={{ maxWidth: 390, margin: '0 auto' }} data-testid="gate-page">
      <Card size="small" title={t('frontdesk.gate.title')}>
        <Input.Search
          data-testid="gate-search"
          size="large"
          inputMode="numeric"
          autoFocus
          enterButton={t('frontdesk.gate.check')}
          placeholder={t('frontdesk.gate.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => {
            setRefusal(null);
            setPassed(null);
            setQ(v.trim());
          }}
        />
        <Input
          data-testid="gate-post"
          style={{ marginTop: 8 }}
          addonBefore={t('frontdesk.gate.gate')}
          value={gate}
          onChange={(e) => {
            setGate(e.target.value);
            localStorage.setItem('ed_gate', e.target.value);
          }}
        />
      </Card>
      {passed && <Alert data-testid="gate-passed" style={{ marginTop: 8 }} type="success" showIcon title={t('frontdesk.gate.passed', { number: passed.number })} />}
      {refusal && <Alert data-testid="gate-refused" style={{ marginTop: 8 }} type="error" showIcon title={refusal} />}
      {q && found.data && !found.data.items.length && <Empty style={{ marginTop: 16 }} description={t('frontdesk.gate.none')} />}
      {found.data?.items.map((p) => (
        <Card key={p.id} data-testid={`gate-pass-${p.number}`} size="small" style={{ marginTop: 8, borderColor: p.state === 'valid' ? '#0b6e4f' : '#cf1322' }} title={<span>{p.number} <Tag color={PASS_COLORS[p.state]}>{t(`frontdesk.pass.states.${p.state}`)}</Tag></span>}>
          <Descriptions size="small" column={1} labelStyle={{ width: 80 }}>
            <Descriptions.Item label={t('frontdesk.pass.unit')}>{p.unitPath}</Descriptions.Item>
            <Descriptions.Item label={t('frontdesk.pass.bearer')}>{p.bearerName}</Descriptions.Item>
            <Descriptions.Item label={t('frontdesk.pass.items')}>
              <b>{p.items}</b>（{p.pieces}
              {t('frontdesk.pass.pieceUnit')}）
            </Descriptions.Item>
            <Descriptions.Item label={t('frontdesk.pass.validOn')}>{p.validOn}</Descriptions.Item>
            {p.vehiclePlate && <Descriptions.Item label={t('frontdesk.pass.plate')}>{p.vehiclePlate}</Descriptions.Item>}
            {p.usedAt && (
              <Descriptions.Item label={t('frontdesk.gate.usedAt')}>
                {dayjs(p.usedAt).format('MM-DD HH:mm')} {p.gate} {p.usedByName}
              </Descriptions.Item>
            )}
          </Descriptions>
          {p.state === 'valid' && can('frontdesk.gate') && (
            <Button type="primary" data-testid="gate-let-through" size="large" block loading={use.isPending} onClick={() => use.mutate(p)}>
              {t('frontdesk.gate.letThrough')}
            </Button>
          )}
        </Card>
      ))}
    </div>
  );
}
