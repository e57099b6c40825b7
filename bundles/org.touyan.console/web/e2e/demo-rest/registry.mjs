// The demo district's registry through the REST API: what DemoDistrict.java and DemoRegistry.java
// (bundles/org.touyan.registry) make through the registry's services, drawn from the same seed in
// the same order, so names, ID numbers, phones and dates come out the same.
import { JavaRandom, date, epochDay, plusDays, plusYears } from './random.mjs'

export const DISTRICT = { code: 'DEMO', name: '示范区', nameEn: 'Demo District' }

export const STREETS = [
  ['DC', '东城街道', 'Dongcheng Subdistrict'], ['XC', '西城街道', 'Xicheng Subdistrict'], ['NH', '南湖街道', 'Nanhu Subdistrict'],
  ['BY', '北苑街道', 'Beiyuan Subdistrict'], ['XH', '新华街道', 'Xinhua Subdistrict'], ['XF', '幸福街道', 'Xingfu Subdistrict'],
]

const SEED = 20261127

const COMMUNITIES = [
  ['DC', '东湖', '翠园', '花园', '和平', '建设', '友谊', '光明', '新村', '春晖'],
  ['XC', '西苑', '锦绣', '文化', '民主', '团结', '金桥', '银河', '丰收', '育才'],
  ['NH', '南湖', '湖滨', '碧水', '青山', '柳岸', '荷花', '滨江', '映月', '桂花'],
  ['BY', '北苑', '龙泉', '朝阳', '启明', '景苑', '兴盛', '安康', '如意', '长青'],
  ['XH', '新华', '华苑', '振兴', '繁荣', '富民', '康乐', '益民', '新星'],
  ['XF', '幸福', '福满', '和美', '悦居', '乐业', '怡景', '祥和', '宜居'],
]

/** code, name, scores star ratings, vets: 11 score, 18 vet. */
const DEPARTMENTS = [
  ['JWJW', '区纪委监委', true, true], ['ZFW', '区委政法委', true, true], ['TZB', '区委统战部', false, true],
  ['XCB', '区委宣传部', true, false], ['MZJ', '区民政局', true, true], ['GAFJ', '区公安分局', true, true],
  ['FY', '区人民法院', false, true], ['JCY', '区人民检察院', false, true], ['SFJ', '区司法局', true, true],
  ['SJJ', '区审计局', false, true], ['XFJ', '区信访局', true, true], ['RSJ', '区人力资源和社会保障局', false, true],
  ['WJW', '区卫生健康委员会', true, true], ['YJJ', '区应急管理局', true, true], ['SCJG', '区市场监督管理局', false, true],
  ['SWJ', '区税务局', false, true], ['ZRZY', '区自然资源局', false, true], ['ZJJ', '区住房和城乡建设局', true, true],
  ['CGJ', '区城市管理局', true, true],
]

const category = (name, items) => ({ name, items })
const DUTIES = [
  category('党的建设', ['落实全面从严治党主体责任', '严格执行“三会一课”等组织生活制度', '做好党员发展、教育、管理和服务', '推进社区党组织标准化规范化建设',
    '抓好网格党支部和楼栋党小组建设', '组织在职党员到社区报到服务', '落实意识形态工作责任制']),
  category('社区治理', ['组织居民议事协商', '指导居委会依法自治', '推动物业服务企业、业主委员会规范运行', '统筹辖区单位共驻共建', '推进网格化精细化管理',
    '完善居民公约并督促落实']),
  category('为民服务', ['办好党群服务中心', '落实首问负责和全程代办', '开展“我为群众办实事”实践活动', '做好老年人、残疾人、困难群众关爱服务', '组织志愿服务',
    '回应和办理居民诉求']),
  category('平安建设', ['排查化解矛盾纠纷', '做好安全生产和消防隐患排查', '配合开展扫黑除恶常态化工作', '做好防汛、疫情等应急处置', '加强重点人群服务管理']),
  category('民生保障', ['落实社会救助和低保政策', '推动就业创业服务', '做好医疗保障和健康服务宣传', '配合开展养老托育服务', '做好退役军人服务保障']),
  category('文明创建', ['培育和践行社会主义核心价值观', '开展文明城市、文明家庭创建', '组织群众性文化体育活动', '维护社区环境卫生和公共秩序']),
  category('队伍建设', ['带好“两委”班子和社区工作者队伍', '培养书记助理和后备力量', '严格执行廉洁自律规定', '按要求述职述廉并接受评议']),
]
const STANDARD = [category('三好', ['政治素质好', '道德品行好', '纪律作风好']), category('三强', ['业务能力强', '协调能力强', '服务能力强'])]

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万严武戴孔汤'
const MALE = '建国志强伟明军磊涛斌鹏辉杰勇刚毅文博浩宇俊峰海波亮超晨阳健林永华德成立新'
const FEMALE = '秀英丽娟敏静艳芳玲霞燕红梅雪婷慧琳洁颖晶萍瑶怡倩欣悦雯岚蓉佳璐'
const AREA = '320106'
const ROLES = ['LEAD', 'ASSIST', 'KEY_TASKS', 'DRIVE', 'SUPERVISE']
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

/** Set.add's answer: whether the value was new. */
const added = (set, v) => set.size !== set.add(v).size

const checkCharacter = (first17) => '10X98765432'[[...first17].reduce((s, d, i) => s + Number(d) * WEIGHTS[i], 0) % 11]

/** The district, its streets and their codes: DemoDistrict. */
export async function loadDistrict(api) {
  const district = await api.post('/districts', { parentId: null, ...DISTRICT })
  const streets = {}
  for (const [code, name, nameEn] of STREETS) streets[code] = await api.post('/streets', { parentId: district.id, code, name, nameEn })
  return { district, streets }
}

/** Departments, reference data, communities, working groups, joint committees and people: DemoRegistry. */
export async function loadRegistry(api, { district, streets }) {
  const random = new JavaRandom(SEED)
  const names = new Set()
  const idNumbers = new Set()
  const dateBetween = (from, to) => plusDays(date(from, 1, 1), random.nextInt(365 * (to - from + 1)))

  /** DemoRegistry.person: the same draws in the same order. */
  const person = async (fromYear, toYear, partyBy) => {
    const male = random.nextBoolean()
    const birth = dateBetween(fromYear, toYear)
    let name
    do {
      const given = male ? MALE : FEMALE
      name = SURNAMES[random.nextInt(SURNAMES.length)] + given[random.nextInt(given.length)]
      name += random.nextInt(3) === 0 ? '' : given[random.nextInt(given.length)]
    } while (!added(names, name))
    let idNumber
    do {
      const seq = random.nextInt(500) * 2 + (male ? 1 : 0)
      const first17 = AREA + birth.replaceAll('-', '') + String(seq).padStart(3, '0')
      idNumber = first17 + checkCharacter(first17)
    } while (!added(idNumbers, idNumber))
    let joined = null
    if (partyBy != null) {
      const earliest = plusYears(birth, 20)
      joined = earliest < partyBy ? plusDays(earliest, random.nextInt(epochDay(partyBy) - epochDay(earliest) + 1)) : null
    }
    const phone = '1' + (3 + random.nextInt(7)) + String(random.nextInt(1_000_000_000)).padStart(9, '0')
    const education = ['大学专科', '大学本科', '大学本科', '硕士研究生'][random.nextInt(4)]
    return api.post('/people', { districtId: district.id, name, idNumber, phone, education, partyMemberSince: joined })
  }
  const post = (who, kind, unitId, startDate) => api.post(`/people/${who.id}/posts`, { kind, unitId, startDate })

  for (const [code, name, scores, vets] of DEPARTMENTS) {
    await api.post('/departments', { districtId: district.id, code, name, scores, vets })
  }
  await api.post(`/districts/${district.id}/reference/duty-list`, { effectiveFrom: '2021-01-01', categories: DUTIES })
  await api.post(`/districts/${district.id}/reference/selection-standard`, { effectiveFrom: '2021-01-01', categories: STANDARD })

  const byStreet = []
  for (const [code, ...names] of COMMUNITIES) {
    const street = streets[code]
    const communities = []
    for (let i = 0; i < names.length; i++) {
      communities.push(await api.post('/communities', { parentId: street.id, code: code + String(i + 1).padStart(2, '0'), name: names[i] + '社区' }))
    }
    byStreet.push(communities)
    // the street's five-person working group (五人工作小组), each member a street cadre
    const members = []
    for (const role of ROLES) {
      const official = await person(1968, 1985, '2012-07-01')
      await post(official, 'STREET_CADRE', street.id, '2015-03-01')
      members.push({ role, personId: official.id })
    }
    await api.post(`/streets/${street.id}/working-groups`, { term: '2026', members })
  }
  const jointSizes = [4, 3, 4, 3]
  for (let j = 0; j < jointSizes.length; j++) {
    await api.post('/joint-committees', { districtId: district.id, code: 'PQ' + (j + 1), name: '第' + '一二三四'[j] + '片区联合党委',
      communityIds: byStreet[j].slice(0, jointSizes[j]).map((k) => k.id) })
  }
  for (const communities of byStreet) {
    for (const [index, k] of communities.entries()) {
      const secretary = await person(1968, 1990, '2019-06-01')
      await post(secretary, 'COMMUNITY_SECRETARY', k.id, dateBetween(2021, 2024))
      const assistant = await person(1996, 2003, null)
      const recruited = dateBetween(2023, 2025)
      await post(assistant, 'SECRETARY_ASSISTANT', k.id, recruited)
      await api.post(`/people/${assistant.id}/assistant-recruitment`, {
        year: Number(recruited.slice(0, 4)), source: index % 3 === 2 ? 'SOCIAL_WORKER' : 'GRADUATE' })
    }
  }
  // first secretaries: street cadres dispatched to the last community of the first five streets, a two-year term
  for (let f = 0; f < 5; f++) {
    const street = streets[COMMUNITIES[f][0]]
    const cadre = await person(1982, 1992, '2014-07-01')
    await post(cadre, 'STREET_CADRE', street.id, '2016-09-01')
    const sent = await post(cadre, 'FIRST_SECRETARY', byStreet[f].at(-1).id, '2025-03-01')
    await api.post(`/posts/${sent.id}/first-secretary-mission`, { termEnd: '2027-02-28' })
  }
  // 105 reserve cadres: 60 post-1995 community workers for the committee, 45 committee members for secretary
  for (let r = 0; r < 105; r++) {
    const s = r % byStreet.length
    const street = streets[COMMUNITIES[s][0]]
    if (r < 60) {
      const p = await person(1995, 2001, null)
      await api.post(`/people/${p.id}/reserve`, { tier: 'COMMITTEE_RESERVE', streetId: street.id, date: dateBetween(2023, 2025), reason: '“95后”优秀社区工作者' })
    } else {
      const p = await person(1985, 1995, '2018-07-01')
      const k = byStreet[s][r % byStreet[s].length]
      await post(p, 'COMMITTEE_MEMBER', k.id, '2021-01-15')
      await api.post(`/people/${p.id}/reserve`, { tier: 'SECRETARY_RESERVE', streetId: street.id, date: dateBetween(2023, 2025), reason: '优秀“两委”成员' })
    }
  }
}
