// Every label the console shows, Chinese first with its English beside it. Components use only keys.
const pairs = {
  app: { title: ['头雁 · 社区党组织书记管理平台', 'Touyan · Community Party Secretaries'], short: ['头雁', 'Touyan'] },
  common: {
    search: ['查询', 'Search'], reset: ['重置', 'Reset'], create: ['新增', 'New'], edit: ['编辑', 'Edit'], save: ['保存', 'Save'],
    cancel: ['取消', 'Cancel'], confirm: ['确定', 'OK'], close: ['关闭', 'Close'], actions: ['操作', 'Actions'], view: ['查看', 'View'],
    all: ['全部', 'All'], yes: ['是', 'Yes'], no: ['否', 'No'], none: ['无', 'None'], loading: ['加载中…', 'Loading…'],
    saved: ['已保存', 'Saved'], code: ['代码', 'Code'], name: ['名称', 'Name'], nameEn: ['英文名称', 'English name'],
    street: ['街道', 'Street'], community: ['社区', 'Community'], district: ['区', 'District'], total: ['共 {n} 条', '{n} in all'],
    note: ['备注', 'Note'], reason: ['理由', 'Reason'], date: ['日期', 'Date'], status: ['状态', 'Status'], back: ['返回', 'Back'],
    language: ['English', '中文'], refresh: ['刷新', 'Refresh'], export: ['导出', 'Export'], import: ['导入', 'Import'],
  },
  role: {
    DISTRICT_ADMIN: ['组织部管理员', 'District administrator'], STREET_ADMIN: ['街道管理员', 'Street administrator'],
    DEPARTMENT_SCORER: ['部门评分员', 'Department scorer'], SECRETARY: ['社区书记', 'Community secretary'],
    AUDITOR: ['审计员', 'Auditor'], PLUGIN_ADMIN: ['插件管理员', 'Plugin administrator'],
  },
  menu: {
    dashboard: ['首页', 'Dashboard'], org: ['组织架构', 'Organization'], people: ['人员', 'People'], mine: ['我的档案', 'My record'],
    select: ['选', 'Select'], eligibility: ['资格审查', 'Eligibility check'], workingGroups: ['五人工作小组', 'Five-person working groups'],
    firstSecretaries: ['第一书记', 'First secretaries'], reserve: ['雏雁储备', 'Reserve pipeline'], coverage: ['书记助理覆盖', 'Assistant coverage'],
    manage: ['管', 'Manage'], filings: ['规范备案', 'Adjustment filings'], classification: ['分类与措施', 'Types and measures'],
    roster: ['花名册导入导出', 'Roster import / export'], users: ['用户与角色', 'Users and roles'], audit: ['审计日志', 'Audit log'], plugins: ['策略插件', 'Policy plugins'], cycles: ['评价周期', 'Evaluation cycles'],
  },
  login: {
    title: ['登录', 'Log in'], login: ['账号', 'Login'], password: ['密码', 'Password'], submit: ['登录', 'Log in'],
    logout: ['退出登录', 'Log out'], failed: ['账号或密码不正确', 'Wrong login or password'],
    locked: ['尝试次数过多，请稍后再试', 'Too many attempts, try again later'],
    mustChange: ['首次登录须修改密码', 'Change your password before you go on'], current: ['当前密码', 'Current password'],
    newPassword: ['新密码（至少12位，5种不同字符）', 'New password (12+ characters, 5 different)'],
    repeat: ['再次输入新密码', 'Repeat the new password'], mismatch: ['两次输入的新密码不一致', 'The new passwords differ'],
    change: ['修改密码', 'Change password'], expired: ['登录已过期，请重新登录（表单内容已保留）', 'Your session has ended: log in again (the form is kept)'],
    required: ['请输入账号和密码', 'Enter your login and password'],
  },
  errors: {
    network: ['无法连接服务器', 'The server cannot be reached'], forbidden: ['无权执行此操作', 'You may not do this'],
    notFound: ['未找到或不在您的管辖范围内', 'Not found, or outside your scope'], conflict: ['与现有数据冲突', 'Conflicts with existing data'],
    stale: ['数据已被他人修改，请刷新后重试', 'Someone else changed this: reload and try again'],
    server: ['服务器内部错误', 'Internal server error'], invalid: ['输入有误', 'Invalid input'],
  },
  dashboard: {
    title: ['{year}年度概览', 'The year {year} at a glance'], streetTitle: ['{street} {year}年度概览', '{street}, {year}'],
    secretaries: ['在任社区书记', 'Serving secretaries'], firstSecretaries: ['第一书记', 'First secretaries'], communitiesHelped: ['累计帮扶社区', 'Communities helped so far'],
    reserve: ['雏雁储备（按梯队）', 'Reserve by tier'], coverage: ['书记助理覆盖', 'Assistant coverage'],
    training: ['培训学时达标', 'Training hours met'], dispatches: ['挂职派驻', 'Dispatches'], projects: ['经验转化项目', 'Transfer projects'],
    stars: ['最近一期星级分布（{period}）', 'Stars of the latest cycle ({period})'], types: ['书记类型（{period}）', 'Types ({period})'],
    incidents: ['负面清单未结事项', 'Open negative-list incidents'], star: ['{n}星', '{n} stars'], noCycle: ['暂无已评星的周期', 'No rated cycle yet'],
    met: ['{met} / {all} 人', '{met} of {all}'], welcome: ['欢迎，{name}', 'Welcome, {name}'],
  },
  org: {
    streets: ['街道与社区', 'Streets and communities'], jointCommittees: ['片区联合党委', 'Joint committees'], departments: ['职能部门', 'Departments'],
    newStreet: ['新增街道', 'New street'], newCommunity: ['新增社区', 'New community'], newCommittee: ['新增联合党委', 'New joint committee'],
    newDepartment: ['新增部门', 'New department'], scores: ['参与评分', 'Scores'], vets: ['参与联审', 'Vets'], members: ['所辖社区', 'Communities'],
    parent: ['上级', 'Parent'],
  },
  people: {
    name: ['姓名', 'Name'], gender: ['性别', 'Gender'], birthDate: ['出生日期', 'Date of birth'], age: ['年龄', 'Age'], idNumber: ['身份证号', 'ID number'],
    phone: ['手机号', 'Phone'], education: ['学历', 'Education'], partyMemberSince: ['入党时间', 'Party member since'],
    postKind: ['岗位类别', 'Post kind'], tier: ['储备梯队', 'Reserve tier'], minAge: ['最小年龄', 'Min age'], maxAge: ['最大年龄', 'Max age'],
    register: ['登记人员', 'Register a person'], posts: ['任职经历', 'Posts over time'], unit: ['任职单位', 'Unit'], start: ['起始日期', 'Start'],
    end: ['结束日期', 'End'], endReason: ['离任原因', 'Reason for leaving'], current: ['至今', 'to date'], archive: ['一人一档', 'Lifetime archive'],
    verify: ['校验档案', 'Verify the archive'], intact: ['档案完整，共 {n} 条记录，哈希链校验通过', 'Intact: {n} entries, hash chain verified'],
    broken: ['档案在第 {seq} 条处被改动：{problem}', 'Changed at entry {seq}: {problem}'], seal: ['封存档案', 'Seal the archive'],
    sealed: ['已封存', 'Sealed'], sealedBy: ['{at} 由 {actor} 封存：{reason}', 'Sealed {at} by {actor}: {reason}'],
    sealReason: ['封存理由（如：离任）', 'Reason (e.g. departure)'], reveal: ['查看完整号码', 'Reveal'],
    revealTitle: ['查看完整{field}', 'Reveal the {field}'], revealReason: ['查看理由（必填，记入审计日志）', 'Reason (required, written to the audit log)'],
    revealed: ['完整号码', 'Number'], addPost: ['新增任职', 'Add a post'], endPost: ['结束任职', 'End the post'],
    male: ['男', 'Male'], female: ['女', 'Female'], filterBy: ['筛选方式', 'Filter by'], noPost: ['暂无任职', 'No posts'],
    checks: ['资格审查记录', 'Eligibility checks'], actor: ['操作人', 'Actor'], action: ['事项', 'Action'], hash: ['哈希', 'Hash'],
  },
  select: {
    candidate: ['候选人', 'Candidate'], asOf: ['审查基准日', 'As of'], facts: ['审查事实', 'Facts'], run: ['开始审查', 'Check'],
    eligible: ['符合任职资格', 'Eligible'], ineligible: ['不符合任职资格', 'Not eligible'], fired: ['触发的情形', 'Rules that fired'],
    rule: ['情形', 'Rule'], evidence: ['依据', 'Evidence'], ruleSet: ['规则集', 'Rule set'], noneFired: ['未触发任何情形', 'No rule fired'],
    pickPerson: ['选择人员', 'Pick a person'], term: ['届期', 'Term'], role: ['分工', 'Role'], member: ['成员', 'Member'],
    newGroup: ['组建工作小组', 'New working group'], funnel: ['雏雁储备漏斗', 'Reserve funnel'], promote: ['晋升', 'Promote'],
    leave: ['退出储备', 'Leave'], enteredOn: ['入库日期', 'Entered on'], entryReason: ['入库理由', 'Entry reason'],
    lacking: ['缺少书记助理的社区', 'Communities without an assistant'], covered: ['已覆盖 {covered} / {all} 个社区', '{covered} of {all} communities covered'],
    addReserve: ['纳入储备', 'Add to the reserve'], assistants: ['书记助理', 'Assistants'],
    helped: ['累计选派 {n} 个社区', '{n} communities helped so far'], serving: ['驻社中 {n} 人', '{n} serving'],
    reportDue: ['期满待报告 {n} 人', '{n} reports due'], reported: ['已提交报告 {n} 份', '{n} reports filed'],
    helpedCommunity: ['帮扶社区', 'Community helped'], sentReason: ['选派原因', 'Reason'], termStart: ['任期开始', 'Term starts'],
    termEnd: ['任期结束', 'Term ends'], missionStatus: ['状态', 'Status'], recordMission: ['登记派驻', 'Record the mission'],
    fileReport: ['提交期满报告', 'File the report'], report: ['期满报告', 'End-of-term report'], reportedOn: ['报告日期', 'Report date'],
    reportSummary: ['履职成效', 'What the mission achieved'], unrecorded: ['待登记', 'Not recorded'], viewReport: ['查看报告', 'View the report'],
  },
  filing: {
    kind: ['备案类型', 'Kind'], person: ['人员', 'Person'], community: ['社区', 'Community'], post: ['岗位', 'Post'], effectiveDate: ['生效日期', 'Effective date'],
    new: ['发起备案', 'New filing'], steps: ['备案流程', 'Steps'], complete: ['完成本步', 'Complete this step'], vetting: ['联查联审', 'Joint vetting'],
    department: ['部门', 'Department'], passed: ['通过', 'Passed'], failed: ['未通过', 'Not passed'], pending: ['待审部门', 'Pending'],
    vet: ['登记审查意见', 'Record a verdict'], file: ['区委组织部备案', 'File with the district'], withdraw: ['撤回', 'Withdraw'],
    doneBy: ['{at} · {actor}', '{at} · {actor}'], closed: ['{at} 由 {actor} 办结', 'Closed {at} by {actor}'], allVetted: ['联审已全部完成', 'Every department has vetted'],
  },
  classify: { cycle: ['评价周期', 'Cycle'], type: ['类型', 'Type'], stars: ['星级', 'Stars'], measures: ['跟进措施', 'Measures'], title: ['名称', 'Title'], startedOn: ['开始日期', 'Started on'], readOnly: ['本页只读，评价与措施的录入在第二部分提供', 'Read only here'] },
  roster: {
    export: ['导出花名册（CSV，号码已脱敏）', 'Export the roster (CSV, numbers masked)'], import: ['导入花名册（CSV）', 'Import a roster (CSV)'],
    pick: ['选择 CSV 文件', 'Choose a CSV file'], upload: ['上传并导入', 'Upload and import'], rejected: ['导入被拒绝：共 {rows} 行，{n} 处错误，未写入任何数据', 'Rejected: {rows} rows, {n} errors, nothing written'],
    done: ['导入成功：共 {rows} 行，新增人员 {people} 名、任职 {posts} 条', 'Imported {rows} rows: {people} people and {posts} posts created'],
    row: ['行号', 'Row'], field: ['字段', 'Field'], error: ['错误', 'Error'], uploading: ['正在导入…', 'Importing…'],
  },
  users: {
    login: ['账号', 'Login'], displayName: ['姓名', 'Name'], role: ['角色', 'Role'], scope: ['管辖范围', 'Scope'], state: ['状态', 'State'],
    enabled: ['正常', 'Active'], disabled: ['已停用', 'Disabled'], mustChange: ['待改初始密码', 'Must change password'],
    new: ['新增用户', 'New user'], edit: ['编辑用户', 'Edit user'], reset: ['重置密码', 'Reset password'], disable: ['停用该用户', 'Disable this user'],
    department: ['部门', 'Department'], person: ['本人档案', 'Their record'], wholeDistrict: ['全区', 'The whole district'],
    resetConfirm: ['为 {name} 生成新的一次性密码？其现有登录将全部失效。', 'Give {name} a new one-time password? Their sessions end.'],
    otpTitle: ['一次性密码', 'One-time password'],
    otpNote: ['请当面或经安全渠道交给 {name}（账号 {login}）。此密码只显示这一次，首次登录须修改。', 'Hand it to {name} (login {login}) in person or over a safe channel. It is shown this once only and must be changed at the first login.'],
    copy: ['复制', 'Copy'], copied: ['已复制', 'Copied'], loginHint: ['小写字母、数字、点、横线，2–64 位', 'lower-case letters, digits, dots, dashes; 2–64'],
  },
  audit: {
    seq: ['序号', 'No.'], at: ['时间', 'Time'], actor: ['操作人', 'Actor'], role: ['角色', 'Role'], action: ['操作', 'Action'], target: ['对象', 'Target'],
    outcome: ['结果', 'Outcome'], status: ['状态码', 'Status'], detail: ['说明', 'Detail'], actionHint: ['操作前缀，如 POST /api/people', 'action prefix, e.g. POST /api/people'],
    from: ['开始时间', 'From'], to: ['结束时间', 'To'], verify: ['校验哈希链', 'Verify the chain'],
    intact: ['哈希链完整：共 {n} 条记录，未被篡改', 'The chain is intact: {n} entries, none altered'],
    broken: ['哈希链自第 {seq} 条起不一致，共 {n} 条记录：请报告', 'The chain breaks at entry {seq} of {n}: report it'],
    ok: ['成功', 'OK'], denied: ['拒绝', 'Denied'], failed: ['失败', 'Failed'],
  },
  plugins: {
    mode: ['运行模式', 'Mode'], production: ['生产模式：只接受受信任密钥签名的插件', 'Production: only plugins signed by a trusted key'],
    development: ['开发模式：也接受未签名的插件，不可用于正式环境', 'Development: unsigned plugins are accepted too; not for real use'],
    bsn: ['插件', 'Plugin'], version: ['版本', 'Version'], state: ['状态', 'State'], signer: ['签名者', 'Signer'], unsigned: ['未签名', 'Unsigned'],
    staged: ['待发布版本', 'Staged'], policies: ['策略', 'Policies'], bindings: ['绑定范围', 'Bound for'], pinnedBy: ['被评价周期锁定', 'Pinned by'],
    upload: ['上传插件（拖放 jar 文件到此处，或点击选择）', 'Upload a plugin (drop a jar here, or click to choose)'], stage: ['仅暂存，不立即启用', 'Stage only, do not bind yet'],
    installed: ['已安装 {bsn} {version}', 'Installed {bsn} {version}'], stagedDone: ['已暂存 {bsn} {version}，确认后可发布', 'Staged {bsn} {version}: promote it when checked'],
    promote: ['发布', 'Promote'], discard: ['放弃暂存', 'Discard staged'], rollback: ['回退到上一版本', 'Roll back'], release: ['解除隔离', 'Release quarantine'], remove: ['卸载', 'Remove'],
    confirm: ['确认对 {bsn} 执行“{action}”？', '{action} {bsn}?'], quarantined: ['已隔离的策略', 'Quarantined policies'], since: ['隔离时间', 'Since'],
    runaway: ['仍有 {n} 个超时调用在插件内运行', '{n} timed-out calls are still running inside plugins'],
    refusals: ['最近被拒绝的安装', 'Recent refusals'], events: ['插件事件', 'Plugin events'], at: ['时间', 'Time'], action: ['事件', 'Event'], outcome: ['结果', 'Outcome'], detail: ['说明', 'Detail'],
    district: ['全区', 'District'],
  },
} as const

type Tree = { [key: string]: readonly [string, string] | Tree }

function pick(tree: Tree, index: 0 | 1): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(tree)) {
    out[key] = Array.isArray(value) ? value[index] : pick(value as Tree, index)
  }
  return out
}

export const messages = { 'zh-CN': pick(pairs as unknown as Tree, 0), en: pick(pairs as unknown as Tree, 1) }
