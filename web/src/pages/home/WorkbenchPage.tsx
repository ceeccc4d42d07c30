// X-01, QI-05: the role home page (工作台) — the signed-in user's to-dos in the projects their roles cover,
// nearest due first with a live countdown, counts per kind (click one to filter), each opening its
// record; and shortcuts to the pages of the user's work areas. Kind labels are the deadline chips' own.
import { useState } from 'react';
import { Button, Card, Empty, Grid, List, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TTodos } from '../../../../common/desk';
import { api } from '../../lib/api';
import { DeadlineChip, useNow } from '../../lib/deadlines';
import { useMenuGroups } from '../../layout/menu';
import { useMainWork } from '../../layout/AppLayout';

type Todo = TTodos['items'][number];

export function WorkbenchPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const wide = Grid.useBreakpoint().md ?? true;
  const now = useNow(30_000);
  const [kind, setKind] = useState<string | null>(null);
  const todos = useQuery({ queryKey: ['todos'], queryFn: () => api.get<TTodos>('/api/me/todos'), refetchInterval: 60_000 });
  const items = todos.data?.items ?? [];
  const shown = kind === 'overdue' ? items.filter((i) => new Date(i.dueAt).getTime() < now) : kind ? items.filter((i) => i.kind === kind) : items;
  const overdue = items.filter((i) => new Date(i.dueAt).getTime() < now).length;
  const multiProject = new Set(items.map((i) => i.projectId)).size > 1;
  const groups = useMenuGroups().filter((g) => g.key !== 'home');
  const pages = groups.flatMap((g) => g.pages);
  // The role's main work (来电登记, 派单看板, 我的工单…) leads the page, one tap away (issue 18).
  const mainKey = useMainWork();
  const main = pages.find((p) => p.key === mainKey);
  const shortcuts = pages.filter((p) => p !== main).slice(0, wide ? 8 : 6);
  const chip = (i: Todo) => <DeadlineChip d={{ kind: i.kind, dueAt: i.dueAt, metAt: null, overdue: i.overdue }} now={now} />;
  const title = (i: Todo) => (
    <Link to={i.link} data-testid={`todo-${i.kind}-${i.entityId}`}>
      {i.title || t(`ui.deadline.${i.kind}`)}
    </Link>
  );

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card
        size="small"
        title={<Typography.Title level={4} style={{ margin: 0 }}>{t('ui.home.title')}</Typography.Title>}
        extra={
          main && (
            <Button type="primary" size="large" icon={main.icon} onClick={() => navigate(main.key)} data-testid="main-work">
              {main.label}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('ui.home.intro')}
        </Typography.Paragraph>
        <Space wrap size={[6, 6]} data-testid="todo-counts">
          <Tag.CheckableTag checked={kind === null} onChange={() => setKind(null)}>
            {t('ui.home.all')} {items.length}
          </Tag.CheckableTag>
          {overdue > 0 && (
            <Tag.CheckableTag checked={kind === 'overdue'} onChange={() => setKind(kind === 'overdue' ? null : 'overdue')} style={{ color: kind === 'overdue' ? undefined : '#cf1322' }}>
              {t('ui.home.overdue')} {overdue}
            </Tag.CheckableTag>
          )}
          {Object.entries(todos.data?.counts ?? {}).map(([k, n]) => (
            <Tag.CheckableTag key={k} checked={kind === k} onChange={() => setKind(kind === k ? null : k)} data-testid={`count-${k}`}>
              {t(`ui.deadline.${k}`)} {n}
            </Tag.CheckableTag>
          ))}
        </Space>
      </Card>
      <Card size="small" title={t('ui.home.todos')}>
        {todos.data && !shown.length ? (
          <Empty description={t('ui.home.empty')} />
        ) : wide ? (
          <Table<Todo>
            rowKey={(i) => `${i.kind}:${i.entityId}`}
            size="small"
            loading={todos.isPending}
            dataSource={shown}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('ui.home.due'), key: 'due', width: 230, render: (_, i) => chip(i) },
              { title: t('ui.home.item'), key: 'item', render: (_, i) => title(i) },
              ...(multiProject ? [{ title: t('ui.home.project'), dataIndex: 'projectName', width: 140 }] : []),
              { title: '', key: 'mine', width: 100, render: (_: unknown, i: Todo) => (i.mine ? <Tag color="green">{t('ui.home.mine')}</Tag> : null) },
            ]}
          />
        ) : (
          <List
            loading={todos.isPending}
            dataSource={shown}
            renderItem={(i) => (
              <List.Item key={`${i.kind}:${i.entityId}`} onClick={() => navigate(i.link)} style={{ cursor: 'pointer' }}>
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  {chip(i)}
                  <span>{title(i)}</span>
                  {multiProject && <Typography.Text type="secondary">{i.projectName}</Typography.Text>}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      {shortcuts.length > 0 && (
        <Card size="small" title={t('ui.home.shortcuts')}>
          <Space wrap>
            {shortcuts.map((p) => (
              <Button key={p.key} icon={p.icon} onClick={() => navigate(p.key)}>
                {p.label}
              </Button>
            ))}
          </Space>
        </Card>
      )}
    </Space>
  );
}
