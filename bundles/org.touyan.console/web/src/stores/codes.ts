// Display names of codes from GET /api/codes; a code the platform does not name is shown as is.
import { defineStore } from 'pinia'
import { api } from '../api'
import type { Codes } from '../api/types'

export function codeLabel(codes: Codes, type: string, code: string | null | undefined, locale: string): string {
  if (code === null || code === undefined || code === '') return '—'
  const entry = codes[type]?.[code]
  if (!entry) return code
  return (locale === 'en' ? entry.en : entry.zh) || entry.zh || code
}

let pending: Promise<void> | null = null

export const useCodes = defineStore('codes', {
  state: () => ({ codes: {} as Codes, loaded: false }),
  actions: {
    load(): Promise<void> {
      if (this.loaded) return Promise.resolve()
      if (!pending) pending = this.read().finally(() => { pending = null })
      return pending
    },
    async read() {
      try {
        this.codes = await api.codes()
      } catch {
        this.codes = {} // an older platform without /codes: codes show as they are
      }
      this.loaded = true
    },
    options(type: string, locale: string, fallback: string[] = []) {
      const known = Object.keys(this.codes[type] ?? {})
      return (known.length ? known : fallback).map((code) => ({ value: code, label: codeLabel(this.codes, type, code, locale) }))
    },
  },
})
