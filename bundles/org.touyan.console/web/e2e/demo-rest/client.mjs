// The loader's REST client: JSON and CSV bodies, the ETag of a read sent back as If-Match, whole
// collections read page by page. Nothing here reaches past /api.

export class ApiError extends Error {
  constructor(method, path, status, body) {
    super(`${method} ${path}: ${status} ${body}`)
    this.status = status
    this.body = body
  }
}

/** Logs in and answers a client; a one-time password must have been changed first (403 otherwise). */
export async function login(base, loginName, password) {
  const r = await fetch(base + '/api/session', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login: loginName, password }),
  })
  const text = await r.text()
  if (!r.ok) throw new ApiError('POST', '/session', r.status, text)
  const session = JSON.parse(text)
  return client(base, session.token, session.user)
}

export function client(base, token, user) {
  const call = async (method, path, { body, query, ifMatch, csv, anonymous } = {}) => {
    const qs = query ? '?' + new URLSearchParams(Object.entries(query).filter(([, v]) => v != null)) : ''
    const headers = { 'Accept-Language': 'en' }
    if (!anonymous) headers.Authorization = `Bearer ${token}`
    if (ifMatch) headers['If-Match'] = ifMatch
    let payload
    if (csv != null) {
      headers['Content-Type'] = 'text/csv'
      payload = csv
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json'
      payload = JSON.stringify(body)
    }
    for (let attempt = 0; ; attempt++) {
      const r = await fetch(base + '/api' + path + qs, { method, headers, body: payload })
      const text = await r.text()
      // a transaction that kept colliding wrote nothing and says when to try again
      if (r.status === 503 && attempt < 10) {
        await new Promise((ok) => setTimeout(ok, 1000 * Number(r.headers.get('Retry-After') ?? 1)))
        continue
      }
      if (!r.ok) throw new ApiError(method, path, r.status, text)
      const type = r.headers.get('Content-Type') ?? ''
      return { status: r.status, etag: r.headers.get('ETag'), body: text && type.includes('json') ? JSON.parse(text) : text }
    }
  }
  const api = {
    base, token, user,
    get: async (path, query) => (await call('GET', path, { query })).body,
    post: async (path, body = {}, ifMatch) => (await call('POST', path, { body, ifMatch })).body,
    put: async (path, body, ifMatch) => (await call('PUT', path, { body, ifMatch })).body,
    postCsv: async (path, csv, query) => (await call('POST', path, { csv, query })).body,
    anonymousPost: async (path, body) => (await call('POST', path, { body, anonymous: true })).body,
    /** The ETag of a single resource, for the If-Match of a write to it. */
    tag: async (path) => (await call('GET', path)).etag,
    /** A transition or write that needs If-Match: reads the resource's tag, then writes. */
    async postMatching(readPath, path, body = {}) {
      return api.post(path, body, await api.tag(readPath))
    },
    /** Every item of a collection, page by page (at most 500 a page). */
    async all(path, query = {}) {
      const items = []
      for (let offset = 0; ; offset += 500) {
        const page = await api.get(path, { ...query, offset, limit: 500 })
        items.push(...page.items)
        if (page.items.length === 0 || offset + page.items.length >= page.total) return items
      }
    },
  }
  return api
}
