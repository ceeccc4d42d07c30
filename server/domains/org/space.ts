// ORG-02: how a unit is named and ordered — "区域-栋号-楼层-房号", and an order people expect
// (area, building, floor, number; 2层 before 10层), stored so lists page by keyset on an index.

export const unitPath = (area: string, building: string, floor: number, number: string) => `${area}-${building}-${floor}层-${number}`;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function unitSortKey(areaSort: number, buildingSort: number, floor: number, number: string): string {
  return `${pad(areaSort, 3)}.${pad(buildingSort, 4)}.${pad(floor + 1000, 4)}.${number.padStart(10, '0')}`;
}
