// CR-05: the housekeeper's A4 notice for each building lobby — photo, name, area covered, phone, service
// hours and the CS supervisor's 24 h phone — printed from the staff records, one building a page.
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type * as z from 'zod';
import type { TLobbyCard, ZLobbyCards } from '../../../../common/relations';
import { api } from '../../lib/api';
import { App, Button, Card, Space, Table, Tag, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../lib/api';
import { useMe, useSession } from '../../lib/session';
import { shrink } from '../patrols/photo';
import { PrintHeading, useAutoPrint } from '../print-parts';
import '../print.css';

const line: React.CSSProperties = { fontSize: 22, margin: '10mm 0 0', borderBottom: '1px solid #000', paddingBottom: 4 };

export function LobbyCardsPrintPage() {
  const { t } = useTranslation();
  const { projectId } = useParams();
  const me = useMe();
  const q = useQuery({ queryKey: ['lobby-cards', projectId], queryFn: () => api.get<z.infer<typeof ZLobbyCards>>(`/api/projects/${projectId}/lobby-cards`), enabled: !!projectId });
  useAutoPrint(q.data);
  if (!q.data || !projectId) return null;
  return (
    <div style={{ background: '#fff', color: '#000' }}>
      {q.data.items.map((c) => (
        <section key={c.buildingId} data-testid="lobby-card" style={{ width: '190mm', minHeight: '270mm', margin: '0 auto', padding: '12mm 0', pageBreakAfter: 'always' }}>
          <PrintHeading me={me.data} projectId={projectId} title={`${c.building} · ${t('relation.cardsTitle')}`} />
          <div style={{ display: 'flex', gap: '10mm', marginTop: '12mm', alignItems: 'flex-start' }}>
            <div style={{ width: '60mm', height: '80mm', border: '1px solid #000', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
              {c.photoUrl ? <img src={c.photoUrl} alt="" style={{ maxWidth: '100%', maxHeight: '100%' }} /> : t('relation.cardPhoto')}
            </div>
            <div style={{ flex: 1 }}>
              <p style={{ fontSize: 18, margin: 0 }}>{t('relation.cardKeeper')}</p>
              <p style={{ fontSize: 40, fontWeight: 700, margin: '4mm 0' }}>{c.keeperName ?? t('relation.cardNoKeeper')}</p>
              <p style={line}>{t('relation.cardArea')}：{c.area.join('、') || c.building}</p>
              <p style={line}>{t('relation.cardPhone')}：{c.keeperPhone ?? ''}</p>
              <p style={line}>{t('relation.cardHours')}：{c.serviceHours}</p>
              <p style={line}>{t('relation.cardSupervisor')}：{c.supervisorName ?? ''} {c.supervisorPhone ?? ''}</p>
            </div>
          </div>
        </section>
      ))}
    </div>
  );
}

/** CR-05: the cards as a list in the app, with the print view one click away. */
export function LobbyCardsPage() {
  const { t } = useTranslation();
  const { projectId, can } = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  // CR-05: the housekeeper's photo for the card, shrunk in the browser to 800 px; the newest one counts.
  const upload = useMutation({
    mutationFn: async ({ userId, file }: { userId: string; file: File }) => api.post('/api/staff-photos', { projectId, userId, ...(await shrink(file, 800)) }),
    onSuccess: async () => {
      message.success(t('ui.saved'));
      await client.invalidateQueries({ queryKey: ['lobby-cards'] });
    },
    onError: (e) => e instanceof ApiError && message.error(e.message),
  });
  const q = useQuery({ queryKey: ['lobby-cards', projectId], queryFn: () => api.get<z.infer<typeof ZLobbyCards>>(`/api/projects/${projectId}/lobby-cards`), enabled: !!projectId });
  // One photo per housekeeper, shown on every card of the buildings they answer for.
  const keepers = [...new Map((q.data?.items ?? []).filter((c) => c.keeperId).map((c) => [c.keeperId!, { id: c.keeperId!, name: c.keeperName ?? '', photoUrl: c.photoUrl, buildings: 0 }])).values()].map((k) => ({ ...k, buildings: (q.data?.items ?? []).filter((c) => c.keeperId === k.id).length }));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
    {keepers.length > 0 && (
      <Card size="small" title={t('relation.keeperPhotos')}>
        <Space wrap size="large">
          {keepers.map((k) => (
            <Space key={k.id} align="center" data-testid="keeper-photo">
              {k.photoUrl ? <img src={k.photoUrl} alt={k.name} style={{ height: 64, width: 48, objectFit: 'cover', border: '1px solid #d9d9d9' }} /> : <div style={{ height: 64, width: 48, border: '1px dashed #faad14', display: 'flex', alignItems: 'center', justifyContent: 'center', fontSize: 12, color: '#d48806', textAlign: 'center' }}>{t('relation.cardNoPhoto')}</div>}
              <div>
                <div>{k.name}</div>
                <div style={{ color: '#888', fontSize: 12 }}>{t('relation.keeperBuildings', { count: k.buildings })}</div>
                {can('relations.manage') && (
                  <Upload accept="image/*" showUploadList={false} beforeUpload={(file) => (upload.mutate({ userId: k.id, file }), false)}>
                    <Button size="small" icon={<UploadOutlined />} loading={upload.isPending && upload.variables?.userId === k.id} data-testid="upload-staff-photo">
                      {k.photoUrl ? t('relation.changePhoto') : t('relation.uploadPhoto')}
                    </Button>
                  </Upload>
                )}
              </div>
            </Space>
          ))}
        </Space>
      </Card>
    )}
    <Card size="small" title={t('relation.cardsTitle')} extra={<Button type="primary" href={`/projects/${projectId}/lobby-cards`} target="_blank">{t('relation.printCards')}</Button>}>
      <Table<TLobbyCard>
        rowKey="buildingId"
        size="small"
        pagination={false}
        loading={q.isPending}
        dataSource={q.data?.items}
        scroll={{ x: 820 }}
        columns={[
          { title: t('relation.cardArea'), dataIndex: 'building', width: 140 },
          { title: t('relation.cardKeeper'), dataIndex: 'keeperName', render: (v) => v ?? <Tag color="red">{t('relation.cardNoKeeper')}</Tag> },
          { title: t('relation.cardPhone'), dataIndex: 'keeperPhone', render: (v) => v ?? '—' },
          { title: t('relation.cardPhoto'), dataIndex: 'photoUrl', width: 90, render: (v) => (v ? <img src={v} alt="" style={{ height: 40, width: 30, objectFit: 'cover' }} /> : <Tag color="orange">{t('relation.cardNoPhoto')}</Tag>) },
          { title: t('relation.cardHours'), dataIndex: 'serviceHours' },
          { title: t('relation.cardSupervisor'), render: (_, c) => `${c.supervisorName ?? ''} ${c.supervisorPhone ?? ''}` },
        ]}
      />
    </Card>
    </Space>
  );
}
