// Realistic Chinese names, companies, phones and ID numbers, generated (not copied from any data set).
import type { Rng } from './random';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力斌宇浩凯健俊帆鹏鑫波宁琳晨雪婷欣怡子轩梓涵一诺雨萱思远嘉怡浩然佳琪博文欣悦晓东海燕春梅志强国庆立新';
const COMPANY_WORDS = ['华信', '恒达', '瑞丰', '中科', '远航', '金石', '锦程', '鼎盛', '天诚', '宏图', '博雅', '盛世', '泰和', '永安', '嘉禾'];
const COMPANY_KINDS = ['科技有限公司', '贸易有限公司', '咨询有限公司', '投资管理有限公司', '律师事务所', '会计师事务所', '文化传媒有限公司'];
const RELATIONS = ['配偶', '子女', '父母', '兄弟姐妹', '朋友'];

export function personName(r: Rng): string {
  const given = r.chance(0.6) ? r.pick([...GIVEN]) + r.pick([...GIVEN]) : r.pick([...GIVEN]);
  return r.pick([...SURNAMES]) + given;
}

export function companyName(r: Rng, city: string): string {
  return `${city}${r.pick(COMPANY_WORDS)}${r.pick(COMPANY_KINDS)}`;
}

/** Unique mobile numbers: a prefix and a counter scrambled through a fixed permutation. */
export function mobile(r: Rng, serial: number): string {
  const prefix = r.pick(['135', '136', '137', '138', '139', '150', '151', '158', '159', '186', '187', '188', '177', '199']);
  const body = (serial * 7919 + 10_000_019) % 100_000_000;
  return prefix + String(body).padStart(8, '0');
}

/** An 18-digit resident ID with a valid check digit (GB 11643) and a made-up serial. */
export function idNumber(r: Rng): string {
  const region = r.pick(['440304', '440305', '310115', '110105', '330106', '510107']);
  const y = r.int(1950, 2000);
  const m = String(r.int(1, 12)).padStart(2, '0');
  const d = String(r.int(1, 28)).padStart(2, '0');
  const body = `${region}${y}${m}${d}${String(r.int(0, 999)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

export function emergencyContact(r: Rng, serial: number) {
  return { name: personName(r), phone: mobile(r, serial), relation: r.pick(RELATIONS) };
}
