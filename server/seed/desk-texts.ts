// What residents call the desk about, written for the demo (categories per IN-04, trades per WO-08).
import type { TCategory } from '../../common/desk';

export const DEMO_REPAIRS: ['water' | 'electric' | 'door_window' | 'public_facility' | 'cleaning' | 'other', string][] = [
  ['water', '厨房水龙头漏水'],
  ['water', '卫生间地漏堵塞，积水'],
  ['water', '马桶水箱不停进水'],
  ['water', '阳台排水管渗水到楼下'],
  ['electric', '客厅插座没电'],
  ['electric', '卫生间浴霸不工作，空开跳闸'],
  ['electric', '入户门口感应灯不亮'],
  ['door_window', '入户门锁芯卡住，钥匙拧不动'],
  ['door_window', '主卧窗户关不严，漏风'],
  ['door_window', '阳台推拉门滑轮损坏'],
  ['other', '可视对讲没有声音'],
  ['cleaning', '装修后楼道垃圾需清运'],
];

export const DEMO_MATTERS: [TCategory, string, string | null][] = [
  ['consultation', '请问物业费可以用微信缴纳吗', '可以，关注物业服务号后在“缴费”栏目在线缴纳'],
  ['consultation', '小区游泳池什么时候开放', '每年6月1日至9月30日开放，开放时间为每天下午2点至9点'],
  ['consultation', '装修需要办理什么手续', '请携带房产证复印件、装修方案到服务中心办理装修申请'],
  ['payment', '咨询上季度水电费明细', '已告知明细，可在服务号账单中查看'],
  ['suggestion', '建议在3栋门口增设电动车充电桩', null],
  ['suggestion', '建议增加夜间巡逻频次', null],
  ['lost_item', '在中心花园丢失一串钥匙', null],
  ['found_item', '保洁员在电梯内拾到一个钱包，已交前台', null],
  ['meeting_booking', '预约周六上午会所活动室', '已预约周六9:00-12:00活动室'],
  ['item_release', '搬家需要办理物品放行', '请业主到前台签字确认后领取放行条'],
  ['other', '楼上夜间噪音影响休息', null],
];

export const DEMO_FAQ: [string, string][] = [
  ['物业费怎么缴纳？', '可在物业服务号“缴费”栏目在线缴纳，也可到服务中心刷卡或转账缴纳。'],
  ['停车月卡怎么办理？', '携带行驶证、身份证到服务中心办理，月卡费用按车位类型收取。'],
  ['装修需要办理哪些手续？', '携带房产证复印件、装修方案、施工单位资质到服务中心办理装修申请，审批后发放装修许可证。'],
  ['家里停水停电怎么办？', '请先确认是否欠费或跳闸，再拨打服务中心电话，工程部会在30分钟内响应。'],
  ['快递可以放在前台吗？', '前台可代收小件快递，请在三日内凭取件码领取。'],
  ['宠物有什么管理规定？', '遛狗须牵绳，及时清理粪便，大型犬需办理登记。'],
];

/** PS-03: why a resident asks for a paid service, and the result promised, per catalogue category. */
export const DEMO_PAID_WORK: Record<'water_electric' | 'cleaning' | 'greening', { reasons: string[]; result: string }> = {
  water_electric: { reasons: ['家里用了多年，已老化', '自己处理不了，请师傅上门', '新买的，需要安装'], result: '按约定完成，试用正常' },
  cleaning: { reasons: ['家里来客人前打扫', '刚装修完准备入住', '老人独居，请人帮忙'], result: '清洁到位、无污渍，客户验收' },
  greening: { reasons: ['阳台绿植长得太乱', '庭院花木有虫'], result: '处理完毕、清走枝叶' },
};

/** CP-01: what residents complain about, by type. */
export const DEMO_COMPLAINTS: ['attitude' | 'quality' | 'facility' | 'fee' | 'noise' | 'neighbour' | 'environment', string][] = [
  ['attitude', '前台接电话态度生硬，没说清楚就挂了'],
  ['quality', '上周修过的水管又漏了'],
  ['facility', '2栋电梯一周内停了三次'],
  ['fee', '物业费账单多收了一个月'],
  ['noise', '楼上装修周末一早就开始电钻'],
  ['neighbour', '邻居长期在楼道堆放杂物'],
  ['environment', '地下车库垃圾桶满了没人清'],
  ['facility', '单元门禁刷卡经常失灵'],
];
