// PS-01: the catalogue a new project starts from (prices in CNY; each project edits its own).
import type { TServiceItem } from '../../../common/paid';

type Default = Pick<TServiceItem, 'category' | 'name' | 'unit' | 'price' | 'note'>;

export const DEFAULT_CATALOG: Default[] = [
  { category: 'water_electric', name: '更换水龙头（不含材料）', unit: '个', price: 30, note: '' },
  { category: 'water_electric', name: '疏通下水道/地漏', unit: '处', price: 50, note: '' },
  { category: 'water_electric', name: '更换马桶配件（不含材料）', unit: '套', price: 40, note: '' },
  { category: 'water_electric', name: '更换开关/插座面板（不含材料）', unit: '个', price: 15, note: '' },
  { category: 'water_electric', name: '安装灯具', unit: '盏', price: 30, note: '吊灯另议' },
  { category: 'water_electric', name: '检查线路跳闸故障', unit: '次', price: 50, note: '' },
  { category: 'cleaning', name: '家庭日常保洁', unit: '小时', price: 45, note: '两小时起' },
  { category: 'cleaning', name: '擦玻璃（室内侧）', unit: '平方米', price: 6, note: '' },
  { category: 'cleaning', name: '装修后开荒保洁', unit: '平方米', price: 8, note: '' },
  { category: 'greening', name: '阳台/庭院绿植修剪', unit: '小时', price: 60, note: '' },
  { category: 'greening', name: '花木病虫害防治', unit: '次', price: 80, note: '药剂另计' },
];

/** PS-01: appliance repair and renovation are not taken by default; the price list says so. */
export const EXCLUDED_SERVICES = ['家用电器维修', '房屋装修'];

export const catalogRows = (companyId: string, projectId: string) => DEFAULT_CATALOG.map((d, sort) => ({ companyId, projectId, sort, ...d }));
