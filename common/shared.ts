// Building blocks every contract uses: ids, names, pages, errors.
import * as z from 'zod';

export const ZId = z.uuid();
export const ZName = z.string().trim().min(1).max(100);
export const ZPhone = z.string().trim().regex(/^[0-9+\- ]{3,20}$/);

// Keyset pagination: the cursor is opaque to clients.
export const ZPage = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const zPageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const ZFieldError = z.object({ path: z.string(), message: z.string() });
export const ZErrorBody = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.array(ZFieldError).optional(),
});
export type TErrorBody = z.infer<typeof ZErrorBody>;

export const LOCALES = ['zh-CN', 'en'] as const;
export type TLocale = (typeof LOCALES)[number];
export const ZIdParams = z.object({ id: ZId });
