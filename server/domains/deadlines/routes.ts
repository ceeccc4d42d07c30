// each project's deadline rules, read by every desk page and edited by the project manager.
import { and, eq, sql } from 'drizzle-orm';
import * as z from 'zod';
import { ZIdParams } from '../../../common/shared';
import { runCommand } from '../../platform/audit';
import { staleVersion } from '../../platform/errors';
import { principal, type App, type Deps } from '../../platform/http';
import { authorize, can } from '../../platform/policy';
import { notFound } from '../../platform/errors';
import { rulesOf, ZDeskRules } from './rules';
import { deskRules } from './tables';
import { myTodos } from './todos';
import { ZTodos } from '../../../common/desk';

const ZRulesBody = z.object({ rules: ZDeskRules, version: z.number().int() });

export function deskRuleRoutes(app: App, { db }: Deps) {
  // X-01, QI-05: the role home page's to-dos of the signed-in user, in one statement.
  app.get('/api/me/todos', { schema: { response: { 200: ZTodos } }, config: { access: 'signed_in' } }, (req) => myTodos(db, principal(req)));
  app.get('/api/projects/:id/desk-rules', { schema: { params: ZIdParams, response: { 200: ZRulesBody } }, config: { access: 'project.read' } }, async (req) => {
    if (!can(principal(req), 'project.read', req.params.id)) throw notFound();
    return rulesOf(db, req.params.id);
  });
  app.put(
    '/api/projects/:id/desk-rules',
    { schema: { params: ZIdParams, body: ZRulesBody, response: { 200: ZRulesBody } }, config: { access: 'settings.write' } },
    (req) => {
      const p = principal(req);
      return runCommand(db, p, async ({ tx, audit }) => {
        authorize(p, 'settings.write', req.params.id, 'project.read');
        const before = await rulesOf(tx, req.params.id);
        if (before.version !== req.body.version) throw staleVersion();
        // A new version applies to records created from now on; existing records keep theirs.
        const [row] = await tx
          .insert(deskRules)
          .values({ projectId: req.params.id, companyId: p.companyId, rules: req.body.rules, version: before.version + 1 })
          .onConflictDoUpdate({ target: deskRules.projectId, set: { rules: req.body.rules, version: sql`${deskRules.version} + 1` }, where: and(eq(deskRules.version, req.body.version)) })
          .returning();
        if (!row) throw staleVersion();
        await audit({ entity: 'desk_rules', entityId: req.params.id, projectId: req.params.id, action: 'update', before: before.rules, after: req.body.rules });
        return { rules: row.rules, version: row.version };
      });
    },
  );
}
