import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, buildUrl, http, request, session } from '../src/api/http'

interface Call { url: string; init: RequestInit }
let calls: Call[]
let answers: Response[]

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  return new Response(status === 204 ? null : text, { status, headers: { 'Content-Type': 'application/json', ...headers } })
}

beforeEach(() => {
  calls = []
  answers = []
  sessionStorage.clear()
  session.token = null
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init })
    return answers.shift() ?? answer(200, {})
  })
})
afterEach(() => vi.unstubAllGlobals())

const header = (i: number, name: string) => (calls[i].init.headers as Record<string, string>)[name]

describe('the API client', () => {
  it('sends the bearer token kept for the tab only', async () => {
    session.token = 'abc'
    await http.get('/districts')
    expect(header(0, 'Authorization')).toBe('Bearer abc')
    expect(sessionStorage.getItem('touyan.token')).toBe('abc')
    expect(localStorage.getItem('touyan.token')).toBeNull()
  })

  it('builds queries without empty filters', () => {
    expect(buildUrl('/people', { street: 's1', community: '', kind: undefined, offset: 0, limit: 20 })).toBe('/api/people?street=s1&offset=0&limit=20')
  })

  it("sends a resource's ETag back as If-Match on a write to it and to its transitions", async () => {
    session.token = 't'
    answers.push(answer(200, { id: 'f1' }, { ETag: '"v1"' }))
    await http.get('/filings/f1')
    answers.push(answer(201, { id: 'f1' }, { ETag: '"v2"' }))
    await http.post('/filings/f1/steps/1/complete', {})
    expect(header(1, 'If-Match')).toBe('"v1"')
    // the answer's new version is the one sent next
    await http.post('/filings/f1/steps/2/complete', {})
    expect(header(2, 'If-Match')).toBe('"v2"')
  })

  it('sends no If-Match for a resource it has not read, nor on reads', async () => {
    answers.push(answer(200, {}, { ETag: '"p1"' }))
    await http.get('/people/p1')
    await http.put('/people/p2', {})
    await http.get('/people/p1')
    expect(header(1, 'If-Match')).toBeUndefined()
    expect(header(2, 'If-Match')).toBeUndefined()
  })

  it('forgets a version after a write whose answer names none', async () => {
    answers.push(answer(200, {}, { ETag: '"p1"' }))
    await http.get('/people/p1')
    answers.push(answer(200, {}))
    await http.put('/people/p1', {})
    await http.put('/people/p1', {})
    expect(header(1, 'If-Match')).toBe('"p1"')
    expect(header(2, 'If-Match')).toBeUndefined()
  })

  it('turns a problem into an ApiError with its detail and field', async () => {
    answers.push(answer(422, { type: 'about:blank', title: 'Invalid', status: 422, detail: '身份证号校验位不正确', field: 'idNumber' }, { 'Content-Type': 'application/problem+json' }))
    const error = await http.post('/people', {}).catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(422)
    expect(error.field).toBe('idNumber')
    expect(error.message).toBe('身份证号校验位不正确')
  })

  it('reports a 401 of a logged-in tab once, as the end of the session', async () => {
    const ended = vi.fn()
    session.onUnauthorized(ended)
    session.token = 'old'
    answers.push(answer(401, { status: 401, title: 'Unauthorized' }))
    await expect(http.get('/people')).rejects.toBeInstanceOf(ApiError)
    expect(ended).toHaveBeenCalledTimes(1)
    // a wrong password at login is not an ended session
    session.token = null
    answers.push(answer(401, { status: 401, title: 'Unauthorized' }))
    await expect(request('POST', '/session', { body: {} })).rejects.toBeInstanceOf(ApiError)
    expect(ended).toHaveBeenCalledTimes(1)
  })

  it('sends CSV as text and reads a non-JSON body as text', async () => {
    answers.push(new Response('name,idNumber\n', { status: 200, headers: { 'Content-Type': 'text/csv' } }))
    const text = await request<string>('GET', '/districts/d/roster', { asText: true })
    expect(text).toBe('name,idNumber\n')
    await request('POST', '/districts/d/roster', { text: { content: 'a,b', type: 'text/csv' } })
    expect(header(1, 'Content-Type')).toBe('text/csv')
    expect(calls[1].init.body).toBe('a,b')
  })

  it('maps an unreachable server to status 0', async () => {
    vi.stubGlobal('fetch', async () => { throw new TypeError('Failed to fetch') })
    const error = await http.get('/health').catch((e) => e)
    expect(error.status).toBe(0)
  })
})
