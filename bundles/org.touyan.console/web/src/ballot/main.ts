// The residents' ballot page (群众评议), opened from a QR code on a phone: no login, no framework, no
// console code. It asks the API once what the token is for, shows 德能勤绩廉 with a tap per aspect,
// and sends the ballot once; every other outcome is a page of its own, in plain words.
import { ASPECTS, LEVELS, PAGES, body, missing, tokenFromPath, viewOfCast, viewOfStatus, type Choices, type View } from './model'

const root = document.getElementById('ballot')!
const token = tokenFromPath(location.pathname)
const choices: Choices = {}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v)
  node.append(...children)
  return node
}

function show(view: View) {
  root.replaceChildren(view.kind === 'form' ? form(view) : page(view.kind))
  root.setAttribute('data-view', view.kind)
  window.scrollTo(0, 0)
}

function page(kind: Exclude<View['kind'], 'form'>) {
  const p = PAGES[kind]
  return el('section', { class: 'done ' + kind, 'data-test': 'ballot-' + kind }, el('div', { class: 'icon' }, p.icon), el('h1', {}, p.title), el('p', {}, p.text))
}

function form(view: Extract<View, { kind: 'form' }>) {
  const note = el('p', { class: 'note', role: 'alert', 'data-test': 'ballot-note' })
  const submit = el('button', { type: 'submit', class: 'submit', 'data-test': 'ballot-submit' }, '提交评议')
  const items = ASPECTS.map((a) => {
    const buttons = LEVELS.map((l) => {
      const b = el('button', { type: 'button', 'data-aspect': a.key, 'data-score': String(l.score), 'aria-pressed': 'false' }, l.label)
      b.addEventListener('click', () => {
        choices[a.key] = l.score
        for (const x of item.querySelectorAll('button')) x.setAttribute('aria-pressed', String(x === b))
        item.classList.remove('unanswered')
        // a note about unanswered aspects follows the choices
        if (note.textContent) note.textContent = missingNote()
      })
      return b
    })
    const item = el('fieldset', { class: 'aspect', 'data-key': a.key, 'data-test': 'aspect-' + a.key },
      el('legend', {}, el('b', {}, a.name), a.title), el('p', { class: 'hint' }, a.hint), el('div', { class: 'levels' }, ...buttons))
    return item
  })
  const f = el('form', { novalidate: '' },
    el('header', {}, el('h1', {}, '社区党组织书记群众评议'),
      el('p', { 'data-test': 'ballot-community' }, `${view.community} · ${view.period}`),
      el('p', { class: 'small' }, '请对本社区党组织书记的表现逐项评价。评议匿名进行，每张票只能提交一次。')),
    ...items, note, submit)
  f.addEventListener('submit', async (e) => {
    e.preventDefault()
    const left = missing(choices)
    if (left.length) {
      for (const item of items) item.classList.toggle('unanswered', (left as string[]).includes(item.getAttribute('data-key')!))
      note.textContent = missingNote()
      items.find((i) => i.classList.contains('unanswered'))?.scrollIntoView({ block: 'center' })
      return
    }
    submit.disabled = true
    submit.textContent = '正在提交…'
    note.textContent = ''
    const next = await cast()
    if (next) return show(next)
    submit.disabled = false
    submit.textContent = '提交评议'
    note.textContent = '提交没有成功，请检查网络后再点一次“提交评议”（您的选择已保留）。'
  })
  return f
}

function missingNote() {
  const left = missing(choices)
  return left.length ? `还有 ${left.length} 项没有选择：${left.map((k) => ASPECTS.find((a) => a.key === k)!.name).join('、')}` : ''
}

async function cast(): Promise<View | null> {
  try {
    const r = await fetch('/api/ballots/' + token, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' }, body: JSON.stringify(body(choices)) })
    const detail = r.ok ? '' : String((await r.json().catch(() => ({}))).detail ?? '')
    return viewOfCast(r.status, detail)
  } catch {
    return null
  }
}

async function start() {
  if (!token) return show({ kind: 'unknown' })
  try {
    const r = await fetch('/api/ballots/' + token, { headers: { Accept: 'application/json, application/problem+json' } })
    show(viewOfStatus(r.status, r.status === 200 ? await r.json() : null))
  } catch {
    show({ kind: 'offline' })
  }
}

start()
