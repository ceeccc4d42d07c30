// 中文（默认）文案：界面、错误和通知共用一个目录（X-04）。
export const zhCN = {
  errors: {
    validation: '提交的数据有误，请检查标红的字段',
    bad_json: '请求内容不是有效的 JSON',
    unauthenticated: '请先登录',
    bad_credentials: '用户名或密码错误',
    locked: '密码错误次数过多，账号已锁定，请 15 分钟后再试',
    forbidden: '您没有执行此操作的权限',
    not_found: '记录不存在或您无权查看',
    stale_version: '该记录已被他人修改，请刷新后重试',
    conflict: '操作与现有数据冲突',
    too_large: '请求内容过大',
    internal: '系统繁忙，请稍后再试',
  },
  fieldErrors: {
    invalid_characters: '含有不允许的字符',
    required: '此项必填',
    duplicate_day: '同一日期只能设置一次',
    bad_cursor: '分页参数无效，请从第一页重新加载',
    tenant_needs_owner: '租户须关联同意出租的业主',
    end_before_start: '下班时间须晚于上班时间',
    owner_not_in_unit: '所选业主不是该房号的业主',
    unknown_unit: '房号不存在',
    unknown_timezone: '时区无效',
  },
} as const;
