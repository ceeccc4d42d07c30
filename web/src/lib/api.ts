// The web client's one door to the server; errors carry the server's localized field messages.
import { sendJson } from '../../shared/http';
import type { TErrorBody } from '../../../common/shared';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: TErrorBody,
  ) {
    super(body.message);
  }
  /** Field errors shaped for antd Form.setFields. */
  formFields() {
    return (this.body.fields ?? []).map((f) => ({ name: f.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [f.message] }));
  }
}

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await sendJson(method, url, body);
  const data = res.data;
  if (!res.ok) {
    if (res.status === 401 && !url.startsWith('/api/auth/') && location.pathname !== '/login') location.assign('/login');
    throw new ApiError(res.status, data as TErrorBody);
  }
  return data as T;
}

export const api = {
  get: <T>(url: string) => call<T>('GET', url),
  post: <T>(url: string, body: unknown = {}) => call<T>('POST', url, body),
  put: <T>(url: string, body: unknown) => call<T>('PUT', url, body),
};

export const qs = (params: Record<string, string | number | undefined | null>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  return p.toString();
};
