// AR-01, AR-02: archives by building and floor — a grid coloured by missing items — the month's
// inspection figures, and the masked list filed by 区域-栋号-楼层-房号.
import { useState } from 'react';
import { App, Button, Card, Col, Input, Row, Select, Space, Statistic, Switch, Table, Tag, Tooltip } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type * as z from 'zod';
import type { TArchiveFigures, TArchiveSummary, ZArchiveList, ZFloorGrid } from '../../../../common/archives';
import type { TSpaceTree } from '../../../../common/org';
import { api, qs } from '../../lib/api';
import { useSession } from '../../lib/session';

const colour = (u: { archives: number; missing: number; overdue: boolean; needed: number }) =>
  u.overdue ? '#ff4d4f' : u.needed ? '#bfbfbf' : u.missing ? '#faad14' : u.archives ? '#52c41a' : '#f0f0f0';

export function ArchivesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { projectId, can } = useSession();
  const client = useQueryClient();
  const [buildingId, setBuildingId] = useState<string>();
  const [floor, setFloor] = useState<number>();
  const [search, setSearch] = useState('');
  const [missing, setMissing] = useState(false);
  const [overdue, setOverdue] = useState(false);
  const month = dayjs().format('YYYY-MM');
  const tree = useQuery({ queryKey: ['space', projectId], queryFn: () => api.get<TSpaceTree>(`/api/projects/${projectId}/space`), enabled: !!projectId });
  const buildings = (tree.data?.areas ?? []).flatMap((a) => a.buildings.map((b) => ({ value: b.id, label: `${a.name}-${b.name}` })));
  const current = buildingId ?? buildings[0]?.value;
  const grid = useQuery({ queryKey: ['archive-grid', projectId, current], queryFn: () => api.get<z.infer<typeof ZFloorGrid>>(`/api/archives/floor-grid?${qs({ projectId, buildingId: current })}`), enabled: !!current });
  const figures = useQuery({ queryKey: ['archive-figures', projectId, month], queryFn: () => api.get<TArchiveFigures>(`/api/projects/${projectId}/archive-figures?month=${month}`), enabled: !!projectId });
  const listQs = qs({ projectId, buildingId: current, floor, q: search || undefined, missing: missing ? '1' : undefined, overdue: overdue ? '1' : undefined, limit: 200 });
  const list = useQuery({ queryKey: ['archives', listQs], queryFn: () => api.get<z.infer<typeof ZArchiveList>>(`/api/archives?${listQs}`), enabled: !!current });
  const sync = useMutation({
    mutationFn: () => api.post<{ opened: number }>(`/api/projects/${projectId}/archives/sync`),
    onSuccess: (r) => {
      message.success(t('archive.synced', { count: r.opened }));
      void client.invalidateQueries({ queryKey: ['archive-grid'] });
      void client.invalidateQueries({ queryKey: ['archives'] });
    },
  });
  const f = figures.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title={t('archive.figures')} loading={figures.isPending}>
        {f && (
          <Row gutter={16}>
            <Col xs={12} md={4}><Statistic title={t('archive.archives')} value={f.archives} /></Col>
            <Col xs={12} md={4}><Statistic title={t('archive.complete')} value={f.complete} /></Col>
            <Col xs={12} md={4}><Statistic title={t('archive.missingItems')} value={f.missingItems} /></Col>
            <Col xs={12} md={4}><Statistic title={t('archive.points')} value={f.points} precision={1} /></Col>
            <Col xs={12} md={4}><Statistic title={t('archive.overdue')} value={f.overdue} valueStyle={{ color: f.overdue ? '#cf1322' : undefined }} /></Col>
            <Col xs={12} md={4}><Statistic title={t('archive.unitsWithoutArchive')} value={f.unitsWithoutArchive} /></Col>
          </Row>
        )}
      </Card>
      <Card
        size="small"
        title={t('archive.floorGrid')}
        extra={
          <Space wrap>
            <Select style={{ minWidth: 160 }} value={current} options={buildings} onChange={(v) => { setBuildingId(v); setFloor(undefined); }} />
            {can('archive.manage') && <Button onClick={() => sync.mutate()} loading={sync.isPending}>{t('archive.sync')}</Button>}
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 8 }}>
          {[['#52c41a', 'legendComplete'], ['#faad14', 'legendMissing'], ['#ff4d4f', 'legendOverdue'], ['#bfbfbf', 'legendNeeded']].map(([c, k]) => (
            <Tag key={k} color={c}>{t(`archive.${k}`)}</Tag>
          ))}
        </Space>
        <div style={{ overflowX: 'auto' }}>
          {(grid.data?.floors ?? []).map((fl) => (
            <div key={fl.floor} style={{ display: 'flex', gap: 4, marginBottom: 4, alignItems: 'center' }}>
              <Button size="small" type={floor === fl.floor ? 'primary' : 'text'} style={{ width: 56 }} onClick={() => setFloor(floor === fl.floor ? undefined : fl.floor)}>
                {fl.floor}
              </Button>
              {fl.units.map((u) => (
                <Tooltip key={u.unitId} title={`${u.path} · ${t('archive.missing')} ${u.missing}`}>
                  <div data-testid="grid-unit" style={{ minWidth: 52, padding: '2px 4px', textAlign: 'center', background: colour(u), color: '#fff', borderRadius: 3, fontSize: 12 }}>
                    {u.number}
                    {u.missing ? ` (${u.missing})` : ''}
                  </div>
                </Tooltip>
              ))}
            </div>
          ))}
        </div>
      </Card>
      <Card
        size="small"
        title={t('archive.list')}
        extra={
          <Space wrap>
            <Input.Search allowClear placeholder={t('archive.search')} style={{ width: 240 }} onSearch={setSearch} />
            <Switch checked={missing} onChange={setMissing} /> {t('archive.onlyMissing')}
            <Switch checked={overdue} onChange={setOverdue} /> {t('archive.onlyOverdue')}
            {can('archive.export') && <Button href={`/api/archives/export?${listQs}`}>{t('archive.export')}</Button>}
          </Space>
        }
      >
        <Table<TArchiveSummary>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data?.items}
          scroll={{ x: 900 }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('archive.empty') }}
          columns={[
            { title: t('archive.path'), dataIndex: 'path', width: 190, render: (v, a) => <Link to={`/archives/${a.id}`}>{v}</Link> },
            { title: t('archive.kind'), dataIndex: 'kind', width: 110, render: (v) => t(`archive.kinds.${v}`) },
            { title: t('archive.customer'), dataIndex: 'customerName', width: 140, render: (v) => v ?? '—' },
            { title: t('archive.phone'), dataIndex: 'phone', width: 130, render: (v) => v ?? '—' },
            { title: t('archive.idNumber'), dataIndex: 'idNumber', width: 190, render: (v) => v ?? '—' },
            { title: t('archive.missing'), dataIndex: 'missingCount', width: 80, render: (v, a) => (v ? <Tag color={a.overdue ? 'red' : 'orange'}>{v}</Tag> : <Tag color="green">{t('archive.complete')}</Tag>) },
            { title: t('archive.dueAt'), dataIndex: 'dueAt', width: 110, render: (v) => (v ? dayjs(v).format('YYYY-MM-DD') : '—') },
          ]}
        />
      </Card>
    </Space>
  );
}
