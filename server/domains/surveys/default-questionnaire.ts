// SV-01: the questionnaire the product ships — every section the catalogue names, each question in our
// own words, on the three-level scale (满意 / 较满意 / 不满意) with room for comments. Companies revise it.
import { DEFAULT_ITEM_TARGET, type TQuestionItem } from '../../../common/surveys';

export const DEFAULT_QUESTIONNAIRE_CODE = 'default';
export const DEFAULT_QUESTIONNAIRE_NAME = '业主满意度调查问卷';

let n = 0;
const q = (section: string, text: string, target = DEFAULT_ITEM_TARGET): TQuestionItem => ({ code: `Q${String(++n).padStart(2, '0')}`, section, text, target });

export const DEFAULT_QUESTIONNAIRE_ITEMS: TQuestionItem[] = [
  q('物业管理', '您对物业服务中心整体管理水平的评价'),
  q('物业管理', '您对公共设施设备日常维护保养情况的评价'),
  q('清洁卫生', '您对楼道、大堂、电梯等公共区域清洁状况的评价'),
  q('清洁卫生', '您对垃圾清运及时、分类规范的评价'),
  q('工作效率', '您对报修响应和维修完成速度的评价'),
  q('邮政服务', '您对信件、快递代收与通知及时性的评价'),
  q('安保服务', '您对门岗值守和园区巡逻的评价'),
  q('投诉处理', '您对投诉处理的及时性和处理结果的评价'),
  q('员工礼仪', '您对工作人员言谈举止和礼貌待人的评价'),
  q('消防安全', '您对消防设施完好和消防通道畅通的评价'),
  q('出入登记', '您对访客及车辆出入登记手续的评价'),
  q('物品出入', '您对搬入搬出物品放行手续的评价'),
];
