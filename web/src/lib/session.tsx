// The signed-in user and the project being worked on, shared by every page.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TMe } from '../../../common/auth';
import type { TAction } from '../../../common/roles';
import { api } from './api';

interface Session {
  me: TMe;
  projectId: string;
  setProjectId(id: string): void;
  /** Buttons follow the server's grants; the server still checks every call. */
  can(action: TAction, projectId?: string): boolean;
}

const SessionContext = createContext<Session | null>(null);

export const useMe = () => useQuery({ queryKey: ['me'], queryFn: () => api.get<TMe>('/api/me'), retry: false, staleTime: 60_000 });

export function SessionProvider({ me, children }: { me: TMe; children: ReactNode }) {
  const stored = localStorage.getItem('ed_project');
  const initial = me.projects.find((p) => p.id === stored)?.id ?? me.projects[0]?.id ?? '';
  const [projectId, setProject] = useState(initial);
  useEffect(() => {
    if (!me.projects.some((p) => p.id === projectId)) setProject(me.projects[0]?.id ?? '');
  }, [me, projectId]);
  const value: Session = {
    me,
    projectId,
    setProjectId(id) {
      localStorage.setItem('ed_project', id);
      setProject(id);
    },
    can: (action, pid = projectId) => me.projects.find((p) => p.id === pid)?.actions.includes(action) ?? false,
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
