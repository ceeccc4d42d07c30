// PS-01: the per-project catalogue of paid convenience services and its public price list.
import * as z from 'zod';
import { ZId } from './shared';

// Household water/electric work, cleaning and greening; appliance repair and renovation are outside by default.
export const SERVICE_CATEGORIES = ['water_electric', 'cleaning', 'greening'] as const;
export const ZServiceCategory = z.enum(SERVICE_CATEGORIES);

const ZPrice = z.number().min(0).max(100_000).multipleOf(0.01);

export const ZServiceItem = z.object({
  id: ZId,
  projectId: ZId,
  category: ZServiceCategory,
  name: z.string(),
  unit: z.string(),
  price: z.number(),
  note: z.string(),
  active: z.boolean(),
  version: z.number().int(),
});
export type TServiceItem = z.infer<typeof ZServiceItem>;

export const ZPriceList = z.object({
  projectId: ZId,
  projectName: z.string(),
  currency: z.literal('CNY'),
  excluded: z.array(z.string()), // PS-01: what the desk does not take on
  items: z.array(ZServiceItem),
});
export type TPriceList = z.infer<typeof ZPriceList>;

export const ZServiceItemCreate = z.object({
  projectId: ZId,
  category: ZServiceCategory,
  name: z.string().trim().min(1).max(50),
  unit: z.string().trim().min(1).max(10),
  price: ZPrice,
  note: z.string().trim().max(200).default(''),
});
export const ZServiceItemUpdate = z.object({
  name: z.string().trim().min(1).max(50).optional(),
  unit: z.string().trim().min(1).max(10).optional(),
  price: ZPrice.optional(),
  note: z.string().trim().max(200).optional(),
  active: z.boolean().optional(),
  version: z.number().int(),
});
