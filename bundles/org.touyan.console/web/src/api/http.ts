// The one HTTP layer of the console: every call to /api goes through request(). It adds the
// bearer token, keeps each GET's ETag and sends it back as If-Match on writes to that resource,
// and turns problem answers (RFC 9457) into ApiError.

export interface Problem {
  type?: string
  title?: string
  status: number
  detail?: string
  field?: string
  [key: string]: unknown
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${status}`)
  }
  get field(): string | undefined {
    return this.problem.field
  }
}

export interface Page<T> {
  items: T[]
  total: number
  offset: number
  limit: number
}

export type Query = Record<string, string | number | boolean | string[] | undefined | null>

export interface RequestOptions {
  query?: Query
  body?: unknown
  /** a text body (CSV) sent as is with this content type */
  text?: { content: string; type: string }
  /** a file sent as is (a plugin jar) with this content type */
  file?: { content: Blob; type: string }
  /** answer the body as text instead of JSON */
  asText?: boolean
  /** answer the body as a file (an xlsx export) */
  asBlob?: boolean
}

/** The content type of an xlsx workbook, which the table endpoints take and answer beside CSV. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** A table file picked by the user, sent as it is: a workbook as xlsx, anything else as CSV. */
export function tableFile(file: File): { content: Blob; type: string } {
  return { content: file, type: /\.xlsx$/i.test(file.name) ? XLSX : 'text/csv' }
}

type Listener = () => void

const TOKEN_KEY = 'touyan.token'

/** ETags of the single resources read last, by path. */
const etags = new Map<string, string>()
let onUnauthorized: Listener = () => {}

export const session = {
  // sessionStorage: the token lives as long as the tab, never in localStorage or a cookie
  get token(): string | null {
    return sessionStorage.getItem(TOKEN_KEY)
  },
  set token(value: string | null) {
    if (value) sessionStorage.setItem(TOKEN_KEY, value)
    else sessionStorage.removeItem(TOKEN_KEY)
    etags.clear()
  },
  onUnauthorized(listener: Listener) {
    onUnauthorized = listener
  },
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    // a list is the parameter repeated (community=a&community=b)
    if (Array.isArray(value)) for (const v of value) params.append(key, v)
    else if (value !== undefined && value !== null && value !== '') params.append(key, String(value))
  }
  const qs = params.toString()
  return '/api' + path + (qs ? '?' + qs : '')
}

/**
 * The resource a write to `path` changes, as far as ETags go: the path itself when it was read,
 * else the nearest read parent (`/filings/7/steps/2/complete` changes `/filings/7`).
 */
export function etagKeyFor(path: string): string | undefined {
  for (let p = path; p.lastIndexOf('/') > 0; p = p.substring(0, p.lastIndexOf('/'))) {
    if (etags.has(p)) return p
  }
  return etags.has(path) ? path : undefined
}

export function etagFor(path: string): string | undefined {
  const key = etagKeyFor(path)
  return key ? etags.get(key) : undefined
}

export function rememberEtag(path: string, tag: string | null) {
  if (tag) etags.set(path, tag)
}


export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  // problems come back in the language the console shows (the toggle keeps it in localStorage)
  const language = localStorage.getItem('touyan.locale') === 'en' ? 'en' : 'zh-CN'
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json, text/csv', 'Accept-Language': language }
  const token = session.token
  if (token) headers.Authorization = `Bearer ${token}`
  let body: string | Blob | undefined
  if (options.file) {
    headers['Content-Type'] = options.file.type
    body = options.file.content
  } else if (options.text) {
    headers['Content-Type'] = options.text.type
    body = options.text.content
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  const etagKey = method === 'GET' ? undefined : etagKeyFor(path)
  if (etagKey) headers['If-Match'] = etags.get(etagKey)!
  let response: Response
  try {
    response = await fetch(buildUrl(path, options.query), { method, headers, body })
  } catch {
    throw new ApiError(0, { status: 0, title: 'network', detail: '' })
  }
  if (method === 'GET') rememberEtag(path, response.headers.get('ETag'))
  else if (response.ok && etagKey) {
    // the resource changed: its new version, when the answer names it, else read it again first
    etags.delete(etagKey)
    rememberEtag(etagKey, response.headers.get('ETag'))
  }
  if (!response.ok) {
    const problem = await readProblem(response)
    if (response.status === 401 && token) onUnauthorized()
    throw new ApiError(response.status, problem)
  }
  if (response.status === 204) return undefined as T
  const type = response.headers.get('Content-Type') ?? ''
  if (options.asBlob) return (await response.blob()) as T
  if (options.asText || !type.includes('json')) return (await response.text()) as T
  return (await response.json()) as T
}

async function readProblem(response: Response): Promise<Problem> {
  const text = await response.text()
  try {
    const parsed = JSON.parse(text)
    if (parsed && typeof parsed === 'object') return { ...parsed, status: response.status }
  } catch {
    /* not JSON: Jetty's own pages */
  }
  return { status: response.status, title: response.statusText, detail: '' }
}

export const http = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body: unknown = {}, query?: Query) => request<T>('POST', path, { body, query }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  del: <T>(path: string) => request<T>('DELETE', path),
}
