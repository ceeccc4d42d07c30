// The demo company's shape: three projects of different types and service levels (issue: demo company).
import type { TProjectType, TUnitUse } from '../../common/org';

export interface BuildingPlan {
  name: string;
  floors: number;
  unitsPerFloor: (floor: number) => number;
  use: (floor: number) => TUnitUse;
  number: (floor: number, index: number) => string;
}

export interface ProjectPlan {
  key: string; // demo user name prefix
  code: string;
  name: string;
  type: TProjectType;
  serviceLevel: number;
  address: string;
  areas: { name: string; buildings: BuildingPlan[] }[];
}

const flat = (floor: number, i: number) => `${floor}${String(i + 1).padStart(2, '0')}`;

function residential(buildingsPerArea: number[], floorsOf: (n: number) => number): ProjectPlan {
  let n = 0;
  return {
    key: 'ch',
    code: 'CHY',
    name: '翠湖苑',
    type: 'residential',
    serviceLevel: 4,
    address: '深圳市南山区沙河西路 1688 号',
    areas: ['A区', 'B区', 'C区', '南区'].slice(0, buildingsPerArea.length).map((area, a) => ({
      name: area,
      buildings: Array.from({ length: buildingsPerArea[a] }, () => {
        n += 1;
        return { name: `${n}栋`, floors: floorsOf(n), unitsPerFloor: () => 4, use: () => 'residence' as const, number: flat };
      }),
    })),
  };
}

function office(floors: number): ProjectPlan {
  const tower = (name: string) => ({
    name,
    floors,
    unitsPerFloor: (f: number) => (f <= 2 ? 4 : 8),
    use: (f: number) => (f <= 2 ? ('shop' as const) : ('office' as const)),
    number: flat,
  });
  return {
    key: 'gm',
    code: 'GMZX',
    name: '国贸中心',
    type: 'office',
    serviceLevel: 5,
    address: '深圳市福田区深南大道 6008 号',
    areas: [
      { name: '南塔', buildings: [tower('A座')] },
      { name: '北塔', buildings: [tower('B座')] },
    ],
  };
}

function villas(perPhase: number[]): ProjectPlan {
  let n = 0;
  return {
    key: 'bs',
    code: 'BSY',
    name: '碧山雅苑别墅',
    type: 'villa',
    serviceLevel: 3,
    address: '深圳市龙岗区碧山路 88 号',
    areas: ['一期', '二期'].map((phase, a) => ({
      name: phase,
      buildings: Array.from({ length: perPhase[a] }, () => {
        n += 1;
        const villa = n;
        return { name: `${villa}栋`, floors: 1, unitsPerFloor: () => 1, use: () => 'residence' as const, number: () => `${villa}号` };
      }),
    })),
  };
}

/** Full demo: ~1,500 residential units in 20 buildings, a 2-tower office, ~110 villas. */
export const fullPlan = (): ProjectPlan[] => [
  residential([6, 6, 5, 3], (n) => 15 + ((n * 7) % 10)),
  office(30),
  villas([60, 50]),
];

/** The same shape, small, for tests. */
export const smallPlan = (): ProjectPlan[] => [residential([2, 1], (n) => (n === 1 ? 11 : 3)), office(3), villas([3, 2])];
