// the portal's door to /api/resident; a 401 sends the resident to the sign-in page.
import { sendJson } from '../shared/http';
import type { TErrorBody } from '../../common/shared';

export class PortalError extends Error {
  constructor(
    readonly status: number,
    readonly body: TErrorBody,
  ) {
    super(body.message);
  }
}

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await sendJson(method, url, body);
  const data = res.data;
  if (!res.ok) {
    if (res.status === 401 && !url.startsWith('/api/resident/code') && !url.startsWith('/api/resident/sign-in') && location.pathname !== '/m/login') location.assign('/m/login');
    throw new PortalError(res.status, data as TErrorBody);
  }
  return data as T;
}

export const api = {
  get: <T>(url: string) => call<T>('GET', url),
  post: <T>(url: string, body: unknown = {}) => call<T>('POST', url, body),
  put: <T>(url: string, body: unknown) => call<T>('PUT', url, body),
};

/** The server's message (already in the resident's language), with the first field error when there is one. */
export const errorText = (e: unknown, fallback: string) =>
  e instanceof PortalError ? (e.body.fields?.[0]?.message ?? e.body.message ?? fallback) : fallback;
