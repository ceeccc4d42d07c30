// The main lists: a table on a desk screen, a list of cards on a phone (a 390 px table cuts every cell).
import type { ReactNode } from 'react';
import { Card, Empty, Grid, Space, Table, Typography, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';

export type ListColumn<T> = ColumnType<T> & {
  /** On a phone card: 'title' heads the card, 'hide' leaves the field out (its value shows elsewhere). */
  card?: 'title' | 'hide';
};

function cellOf<T>(col: ListColumn<T>, row: T, index: number): ReactNode {
  const key = col.dataIndex as keyof T | undefined;
  const value = key === undefined ? undefined : row[key];
  return col.render ? (col.render(value, row, index) as ReactNode) : (value as ReactNode);
}

export function ListTable<T extends object>(props: Omit<TableProps<T>, 'columns'> & { columns: ListColumn<T>[]; testId?: string }) {
  const { columns, testId, ...table } = props;
  const phone = !(Grid.useBreakpoint().md ?? true);
  if (!phone) return <Table<T> {...table} columns={columns} data-testid={testId} />;
  const rows = [...(table.dataSource ?? [])];
  const rowKey = (row: T, i: number) => String(typeof table.rowKey === 'function' ? table.rowKey(row, i) : row[(table.rowKey ?? 'key') as keyof T]);
  const head = columns.filter((c) => c.card === 'title');
  const body = columns.filter((c) => !c.card);
  return (
    <div data-testid={testId ? `${testId}-cards` : undefined} className="list-cards">
      {!rows.length && !table.loading && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={table.locale?.emptyText as ReactNode} />}
      {rows.map((row, i) => {
        const { style, onClick } = table.onRow?.(row, i) ?? {};
        return (
          <Card
            key={rowKey(row, i)}
            size="small"
            style={{ marginBottom: 8, ...style }}
            onClick={onClick}
            title={<Space wrap size={6}>{head.map((c, k) => <span key={k}>{cellOf(c, row, i)}</span>)}</Space>}
          >
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              {body.map((c, k) => {
                const v = cellOf(c, row, i);
                if (v === null || v === undefined || v === '' || v === '—') return null;
                return (
                  <div key={k} style={{ display: 'flex', gap: 8 }}>
                    {c.title ? <Typography.Text type="secondary" style={{ flex: '0 0 72px' }}>{c.title as ReactNode}</Typography.Text> : null}
                    <div style={{ minWidth: 0, flex: 1, overflowWrap: 'anywhere' }}>{v}</div>
                  </div>
                );
              })}
            </Space>
          </Card>
        );
      })}
    </div>
  );
}
