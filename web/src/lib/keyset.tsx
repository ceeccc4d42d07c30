// The keyset-paged lists every page uses: rows gathered across pages and the "load more" button.
import { Button } from 'antd';
import { useInfiniteQuery, type UseInfiniteQueryResult, type InfiniteData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, qs } from './api';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** `query` is the list's filter string (without cursor or limit); it is also the cache key. */
export function useKeysetList<T>(name: string, path: string, query: string, enabled: boolean, limit = 50) {
  const pages = useInfiniteQuery({
    queryKey: [name, query],
    queryFn: ({ pageParam }) => api.get<Page<T>>(`${path}?${query}&${qs({ cursor: pageParam, limit })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
  return { pages, rows: pages.data?.pages.flatMap((p) => p.items) ?? [] };
}

export function LoadMore({ pages }: { pages: UseInfiniteQueryResult<InfiniteData<unknown>> }) {
  const { t } = useTranslation();
  return (
    <div style={{ textAlign: 'center', marginTop: 12 }}>
      <Button onClick={() => pages.fetchNextPage()} disabled={!pages.hasNextPage} loading={pages.isFetchingNextPage}>
        {pages.hasNextPage ? t('ui.loadMore') : t('ui.noMore')}
      </Button>
    </div>
  );
}
