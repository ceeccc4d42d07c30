// Issue 16 item 6 (QI-05 wave): each staff role sees only the menu's work areas it can act in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MENU_GROUPS, menuGroupShown, ROLE_ACTIONS, type TRole } from './roles';

const EXPECTED: Record<TRole, string[]> = {
  clerk: ['home', 'desk', 'orders', 'paid', 'relations', 'frontdesk', 'quality', 'basics'], // SV-04: the desk takes survey answers
  housekeeper: ['home', 'desk', 'orders', 'relations', 'frontdesk', 'patrols', 'quality', 'basics'],
  cs_supervisor: [...MENU_GROUPS],
  dept_supervisor: ['home', 'orders', 'patrols', 'basics'],
  technician: ['home', 'orders', 'patrols', 'basics'],
  finance: ['home', 'paid', 'basics'],
  project_manager: [...MENU_GROUPS],
  quality_inspector: [...MENU_GROUPS],
  company_admin: [...MENU_GROUPS],
  security_guard: ['home', 'frontdesk', 'basics'], // FD-01: the gate's pass check
};

test('QI-05 menu: each role sees only the work areas it can act in (reading alone is not acting; overseers see every area)', () => {
  for (const [role, expected] of Object.entries(EXPECTED) as [TRole, string[]][]) {
    const holds = (a: string) => (ROLE_ACTIONS[role] as readonly string[]).includes(a);
    assert.deepEqual(
      MENU_GROUPS.filter((g) => menuGroupShown(g, holds)),
      expected,
      role,
    );
  }
});
