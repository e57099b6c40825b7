import { computed, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { codeLabel, useCodes } from './stores/codes'
import { useAuth } from './stores/auth'
import { can as canDo, type Action } from './access'
import { describe, formField } from './errors'
import { formatDate, formatDateTime, formatNumber, type Locale } from './format'
import type { Page, Query } from './api/http'
import { useRoute } from 'vue-router'
import { api } from './api'
import { useOrg } from './stores/org'
import { shownStreet } from './training'

/** Labels, formats and permissions a screen needs, in the current language. */
export function useUi() {
  const { t, locale } = useI18n()
  const codes = useCodes()
  const auth = useAuth()
  const loc = () => locale.value as Locale
  return {
    t,
    locale,
    code: (type: string, value: string | null | undefined) => codeLabel(codes.codes, type, value, locale.value),
    date: (v: string | null | undefined) => formatDate(v, loc()),
    dateTime: (v: string | null | undefined) => formatDateTime(v, loc()),
    num: (v: number | null | undefined) => formatNumber(v, loc()),
    can: (action: Action) => canDo(auth.user, action),
    user: computed(() => auth.user),
    /** shows a failed call: next to its field when the form has it, else as a message */
    fail(error: unknown, fieldErrors?: Record<string, string>, known: string[] = []) {
      const shown = describe(error, t)
      const field = formField(shown.field, known)
      if (fieldErrors && field) fieldErrors[field] = shown.message
      else ElMessage.error(shown.message)
    },
  }
}

/**
 * A form's errors by field: the faults its own check finds before sending (shown in the language
 * the console shows) and, through `ui.fail(e, errors, known)`, the platform's problem by its field.
 */
export function useFieldErrors() {
  const { t } = useI18n()
  const errors = reactive<Record<string, string>>({})
  return {
    errors,
    clear() { for (const k of Object.keys(errors)) delete errors[k] },
    /** shows the faults at their fields; answers whether there were none */
    show(faults: Record<string, { key: string; params?: Record<string, unknown> }>): boolean {
      for (const k of Object.keys(errors)) delete errors[k]
      for (const [field, f] of Object.entries(faults)) errors[field] = t(f.key, f.params ?? {})
      return Object.keys(faults).length === 0
    },
  }
}

/** A table that pages and sorts on the server. */
export function usePaged<T>(load: (q: Query) => Promise<Page<T>>, pageSize = 20) {
  const state = reactive({ items: [] as T[], total: 0, page: 1, size: pageSize, loading: false })
  const error = ref<unknown>(null)
  async function fetchPage(page = state.page) {
    state.loading = true
    try {
      const answer = await load({ offset: (page - 1) * state.size, limit: state.size })
      state.items = answer.items as any
      state.total = answer.total
      state.page = page
      error.value = null
    } catch (e) {
      error.value = e
      throw e
    } finally {
      state.loading = false
    }
  }
  return { state, error, fetchPage }
}

/** People's names by id, read once each as rows that name them come in (the lists carry ids only). */
export function usePersonNames() {
  const names = reactive<Record<string, string>>({})
  const asked = new Set<string>()
  function need(ids: (string | null | undefined)[]) {
    for (const id of ids) {
      if (!id || asked.has(id)) continue
      asked.add(id)
      api.people.get(id).then((p) => { names[id] = p.name }).catch(() => { asked.delete(id) })
    }
  }
  return { names, need, name: (id: string | null | undefined) => (id ? names[id] ?? '…' : '—') }
}

/**
 * The street a screen shows, from the address for the district (`?street=`), always its own for a
 * street administrator (see shownStreet), and the plan year from `?year=` or this year.
 */
export function useTrainingScope() {
  const route = useRoute()
  const auth = useAuth()
  const org = useOrg()
  const asked = Number(route.query.year)
  return {
    street: ref(shownStreet(auth.user, route.query.street, org.streets.map((s) => s.id))),
    year: ref(Number.isInteger(asked) && asked > 2000 ? asked : new Date().getFullYear()),
  }
}

/** Names of the district's people (or a street's), read once per screen: training records name people by id. */
export function usePeopleNames() {
  const names = reactive(new Map<string, string>())
  async function load(q: Query) {
    const page = await api.people.list({ ...q, limit: 500 })
    for (const p of page.items) names.set(p.id, p.name)
  }
  const options = computed(() => [...names].map(([id, name]) => ({ id, name })))
  return { load, options, name: (id: string | null | undefined) => (id ? names.get(id) ?? id : '—') }
}
