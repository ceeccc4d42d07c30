// Uploads a photo or document to a case or order as base64 JSON (the server checks type and size).
import { api } from './api';

export async function uploadFile(entity: 'case' | 'work_order', entityId: string, kind: 'photo' | 'before' | 'after' | 'document', file: File) {
  const data = await new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
  return api.post('/api/files', { entity, entityId, kind, name: file.name, data });
}
