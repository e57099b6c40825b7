// The residents' ballot (群众评议) without any framework: what the page knows and decides, apart from
// drawing it (main.ts), so that it can be tested on its own.
import { halfYear } from '../period'

/** The five aspects residents judge, in the API's field names, with a line saying what each means. */
export const ASPECTS = [
  { key: 'de', name: '德', title: '政治品德', hint: '政治立场坚定，品行端正，作风民主，在群众中有威信' },
  { key: 'neng', name: '能', title: '履职能力', hint: '善于组织群众、化解矛盾，能带领社区班子解决难题' },
  { key: 'qin', name: '勤', title: '勤勉敬业', hint: '工作认真负责，经常走访居民，有事找得到、办得快' },
  { key: 'ji', name: '绩', title: '工作实绩', hint: '为居民办成了实事，社区环境和服务有明显改善' },
  { key: 'lian', name: '廉', title: '廉洁自律', hint: '办事公道，不谋私利，遵守廉洁纪律' },
] as const

export type AspectKey = (typeof ASPECTS)[number]['key']

/** The choices a resident taps, each with the score (0–100) the API receives: evenly 20 apart. */
export const LEVELS = [
  { label: '优秀', score: 100 },
  { label: '良好', score: 80 },
  { label: '一般', score: 60 },
  { label: '较差', score: 40 },
  { label: '差', score: 20 },
] as const

export type Choices = Partial<Record<AspectKey, number>>

/** The token of /ballot/<token>; null for any other address. */
export function tokenFromPath(path: string): string | null {
  const m = /^\/ballot\/([A-Za-z0-9_-]{8,128})\/?$/.exec(path)
  return m ? m[1] : null
}

/** The aspects still without a choice, in page order. */
export function missing(choices: Choices): AspectKey[] {
  return ASPECTS.filter((a) => typeof choices[a.key] !== 'number').map((a) => a.key)
}

/** The request body once every aspect has a choice. */
export function body(choices: Choices): Record<AspectKey, number> {
  const left = missing(choices)
  if (left.length) throw new Error('unanswered: ' + left.join(','))
  return { de: choices.de!, neng: choices.neng!, qin: choices.qin!, ji: choices.ji!, lian: choices.lian! }
}

/** What the page shows. */
export type View =
  | { kind: 'form'; community: string; period: string }
  | { kind: 'thanks' }
  | { kind: 'used' }
  | { kind: 'unknown' }
  | { kind: 'closed' }
  | { kind: 'offline' }

/** The page for GET /api/ballots/{token}'s answer: its status and body (null when nothing came back). */
export function viewOfStatus(status: number, answer: { state?: string; communityName?: string; period?: string } | null): View {
  if (status === 404) return { kind: 'unknown' }
  if (status !== 200 || !answer) return { kind: 'offline' }
  if (answer.state === 'USED') return { kind: 'used' }
  if (answer.state === 'CLOSED') return { kind: 'closed' }
  return { kind: 'form', community: answer.communityName ?? '', period: halfYear(answer.period ?? '') }
}

/**
 * The page after POST /api/ballots/{token}: 204 thanks; 404 unknown; a 409 is either the token
 * used meanwhile or the cycle closed, told apart by the problem's detail; anything else keeps the
 * form (the choices stay) with a note to try again.
 */
export function viewOfCast(status: number, detail: string): View | null {
  if (status === 204 || status === 200) return { kind: 'thanks' }
  if (status === 404) return { kind: 'unknown' }
  if (status === 409) return /投过|cast already/.test(detail) ? { kind: 'used' } : { kind: 'closed' }
  return null
}

/** The friendly pages: a title and what to do next, never an error dump. */
export const PAGES: Record<Exclude<View['kind'], 'form'>, { icon: string; title: string; text: string }> = {
  thanks: { icon: '✓', title: '感谢您的评议！', text: '您的评议已匿名提交，每张票只计一次。可以关闭本页了。' },
  used: { icon: '✓', title: '这张评议票已经投过了', text: '每张评议票只能投一次，不能重复或修改。如有疑问，请联系发票的社区或街道工作人员。' },
  unknown: { icon: '?', title: '没有找到这张评议票', text: '二维码可能不完整或已失效。请重新扫描评议票上的二维码，或联系发票的工作人员。' },
  closed: { icon: '—', title: '本期群众评议已结束', text: '这张评议票所属的评议已截止，不再接受投票。感谢您的关心。' },
  offline: { icon: '!', title: '暂时无法连接', text: '网络似乎不太稳定，请稍后刷新本页再试。' },
}
