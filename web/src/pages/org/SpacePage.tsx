// ORG-02: the space tree — areas and buildings — and a floor-by-floor grid of a building's units.
import { useEffect, useState } from 'react';
import { Card, Col, Empty, Row, Space, Spin, Tooltip, Tree, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TSpaceTree, TUnit } from '../../../../common/org';
import { UNIT_STATES } from '../../../../common/org';
import { api, qs } from '../../lib/api';
import { STATE_COLORS, UnitStateTag } from '../../lib/labels';
import { useSession } from '../../lib/session';

const CELL_COLORS: Record<string, string> = { default: '#f0f0f0', green: '#d9f7be', blue: '#bae0ff', orange: '#ffe7ba' };

async function allUnits(projectId: string, buildingId: string): Promise<TUnit[]> {
  const out: TUnit[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: TUnit[]; nextCursor: string | null } = await api.get(`/api/units?${qs({ projectId, buildingId, limit: 200, cursor })}`);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

export function SpacePage() {
  const { t } = useTranslation();
  const { projectId } = useSession();
  const navigate = useNavigate();
  const tree = useQuery({ queryKey: ['space', projectId], queryFn: () => api.get<TSpaceTree>(`/api/projects/${projectId}/space`), enabled: !!projectId });
  const [buildingId, setBuildingId] = useState<string>();
  useEffect(() => setBuildingId(tree.data?.areas[0]?.buildings[0]?.id), [tree.data]);
  const units = useQuery({
    queryKey: ['building-units', projectId, buildingId],
    queryFn: () => allUnits(projectId, buildingId!),
    enabled: !!buildingId,
  });
  const building = tree.data?.areas.flatMap((a) => a.buildings.map((b) => ({ ...b, area: a.name }))).find((b) => b.id === buildingId);
  const floors = [...new Set((units.data ?? []).map((u) => u.floor))].sort((a, b) => b - a);

  return (
    <Row gutter={16}>
      <Col xs={24} md={6}>
        <Card title={t('ui.nav.space')} size="small" loading={tree.isPending}>
          <Tree
            defaultExpandAll
            selectedKeys={buildingId ? [buildingId] : []}
            onSelect={(keys, info) => info.node.isLeaf && setBuildingId(String(keys[0]))}
            treeData={(tree.data?.areas ?? []).map((a) => ({
              key: a.id,
              title: a.name,
              selectable: false,
              children: a.buildings.map((b) => ({ key: b.id, title: `${b.name}（${b.unitCount}）`, isLeaf: true })),
            }))}
          />
        </Card>
      </Col>
      <Col xs={24} md={18}>
        <Card
          size="small"
          title={building ? `${building.area}-${building.name}` : ''}
          extra={
            <Space>
              {UNIT_STATES.map((s) => (
                <UnitStateTag key={s} state={s} />
              ))}
            </Space>
          }
        >
          {units.isPending && buildingId ? (
            <Spin />
          ) : !floors.length ? (
            <Empty />
          ) : (
            <div style={{ overflowX: 'auto' }}>
              {floors.map((floor) => (
                <div key={floor} style={{ display: 'flex', alignItems: 'center', gap: 6, marginBottom: 6 }}>
                  <Typography.Text type="secondary" style={{ width: 48, flex: 'none' }}>
                    {t('ui.unit.floorLabel', { floor })}
                  </Typography.Text>
                  {units.data!
                    .filter((u) => u.floor === floor)
                    .map((u) => (
                      <Tooltip key={u.id} title={`${u.path} · ${t(`ui.unitState.${u.state}`)} · ${u.areaM2}㎡`}>
                        <button
                          type="button"
                          onClick={() => navigate(`/units/${u.id}`)}
                          style={{
                            width: 64,
                            height: 32,
                            border: '1px solid #d9d9d9',
                            borderRadius: 4,
                            background: CELL_COLORS[STATE_COLORS[u.state]],
                            cursor: 'pointer',
                          }}
                        >
                          {u.number}
                        </button>
                      </Tooltip>
                    ))}
                </div>
              ))}
            </div>
          )}
        </Card>
      </Col>
    </Row>
  );
}
