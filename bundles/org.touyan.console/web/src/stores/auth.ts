import { defineStore } from 'pinia'
import { api } from '../api'
import { session } from '../api/http'
import type { User } from '../api/types'
import { discardBatch } from '../ballotSheet'

export const useAuth = defineStore('auth', {
  state: () => ({ user: null as User | null, expired: false }),
  getters: {
    loggedIn: (s) => !!s.user,
    mustChange: (s) => !!s.user?.mustChangePassword,
  },
  actions: {
    /** After a reload of the tab: the token is still in sessionStorage, ask who it belongs to. */
    async restore() {
      if (!session.token || this.user) return
      try {
        this.user = await api.session.me()
      } catch {
        session.token = null
      }
    },
    async login(login: string, password: string) {
      const previous = this.user?.id
      const answer = await api.session.login(login, password)
      this.user = answer.user
      this.expired = false
      return previous === undefined || previous === answer.user.id
    },
    async changePassword(current: string, next: string) {
      await api.session.changePassword(current, next)
      this.user = await api.session.me()
    },
    async logout() {
      await api.session.logout().catch(() => undefined)
      // ballot codes not yet printed belong to this login, not to the next one in the tab
      discardBatch()
      this.user = null
      this.expired = false
    },
    /** A 401 on a call: the token ran out or was revoked. The screen stays, a login dialog opens. */
    sessionEnded() {
      session.token = null
      if (this.user) this.expired = true
    },
  },
})
