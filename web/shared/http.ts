// The JSON round trip both web apps make; each app decides what a refusal means for it (sign-in page, error type).
import type { TErrorBody } from '../../common/shared';

export async function sendJson(method: string, url: string, body?: unknown): Promise<{ ok: boolean; status: number; data: unknown }> {
  const res = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await res.json().catch((): TErrorBody => ({ error: 'internal', message: res.statusText }));
  return { ok: res.ok, status: res.status, data };
}
