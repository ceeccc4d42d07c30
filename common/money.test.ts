// PS-05: the paid-service notice writes the amount in Chinese capitals as finance would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yuanInWords } from './money';

test('PS-05 金额大写: whole yuan end in 整, gaps read as one 零, jiao and fen as written on a receipt', () => {
  const cases: [number, string][] = [
    [0, '零元整'],
    [10, '壹拾元整'],
    [100, '壹佰元整'],
    [1005, '壹仟零伍元整'],
    [1005.5, '壹仟零伍元伍角整'],
    [1234.56, '壹仟贰佰叁拾肆元伍角陆分'],
    [80.05, '捌拾元零伍分'],
    [0.5, '伍角整'],
    [0.05, '伍分'],
    [100500, '壹拾万零伍佰元整'],
    [1000000, '壹佰万元整'],
    [10010000, '壹仟零壹万元整'],
    [0.1 + 0.2, '叁角整'],
  ];
  for (const [yuan, words] of cases) assert.equal(yuanInWords(yuan), words, String(yuan));
});
