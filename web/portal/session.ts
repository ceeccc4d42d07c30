// the signed-in resident, refreshed every 30 s (the unread count on the tab bar).
import { useQuery } from '@tanstack/react-query';
import type { TResidentMe } from '../../common/residents';
import { api } from './api';

export const useMe = () => useQuery({ queryKey: ['resident-me'], queryFn: () => api.get<TResidentMe>('/api/resident/me'), refetchInterval: 30_000 });
