// ORG-01: the projects the user works in, with the size of each.
import { Card, Col, Descriptions, Row, Statistic, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TProjectSummary } from '../../../../common/org';
import { api } from '../../lib/api';
import { useSession } from '../../lib/session';

export function ProjectsPage() {
  const { t } = useTranslation();
  const { projectId, setProjectId } = useSession();
  const navigate = useNavigate();
  const projects = useQuery({ queryKey: ['projects'], queryFn: () => api.get<TProjectSummary[]>('/api/projects') });
  return (
    <Row gutter={[16, 16]}>
      {(projects.data ?? []).map((p) => (
        <Col key={p.id} xs={24} md={12} xl={8}>
          <Card
            loading={projects.isPending}
            title={p.name}
            extra={<Tag color={p.id === projectId ? 'green' : undefined}>{t(`ui.projectType.${p.type}`)}</Tag>}
            hoverable
            onClick={() => {
              setProjectId(p.id);
              navigate('/space');
            }}
          >
            <Row gutter={8}>
              <Col span={6}><Statistic title={t('ui.project.areas')} value={p.areaCount} /></Col>
              <Col span={6}><Statistic title={t('ui.project.buildings')} value={p.buildingCount} /></Col>
              <Col span={6}><Statistic title={t('ui.project.units')} value={p.unitCount} /></Col>
              <Col span={6}><Statistic title={t('ui.project.vacant')} value={p.vacantCount} /></Col>
            </Row>
            <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
              <Descriptions.Item label={t('ui.project.level')}>{'★'.repeat(p.serviceLevel)}</Descriptions.Item>
              <Descriptions.Item label={t('ui.project.address')}>{p.address}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
