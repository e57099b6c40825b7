// Reference lists every screen needs (the district, its streets, communities and departments):
// small, read once per login.
import { defineStore } from 'pinia'
import { api } from '../api'
import type { Community, Department, District, JointCommittee, Street } from '../api/types'

let pending: Promise<void> | null = null

export const useOrg = defineStore('org', {
  state: () => ({
    district: null as District | null, streets: [] as Street[], communities: [] as Community[],
    departments: [] as Department[], jointCommittees: [] as JointCommittee[], loaded: false,
  }),
  getters: {
    streetName: (s) => (id: string | null | undefined) => s.streets.find((x) => x.id === id)?.name ?? id ?? '—',
    communityName: (s) => (id: string | null | undefined) => s.communities.find((x) => x.id === id)?.name ?? id ?? '—',
    unitName: (s) => (id: string | null | undefined) =>
      s.communities.find((x) => x.id === id)?.name ?? s.streets.find((x) => x.id === id)?.name ?? id ?? '—',
    departmentName: (s) => (id: string | null | undefined) => s.departments.find((x) => x.id === id)?.name ?? id ?? '—',
    communitiesOf: (s) => (streetId: string | null | undefined) => s.communities.filter((c) => !streetId || c.streetId === streetId),
  },
  actions: {
    /** Reads the lists once; a second caller while they travel waits for the same reads. */
    load(force = false): Promise<void> {
      if (this.loaded && !force) return Promise.resolve()
      if (!pending || force) pending = this.read().finally(() => { pending = null })
      return pending
    },
    async read() {
      const [districts, streets, communities, departments, committees] = await Promise.all([
        api.org.districts(), api.org.streets(), api.org.communities(), api.org.departments(), api.org.jointCommittees(),
      ])
      this.district = districts.items[0] ?? null
      this.streets = streets.items
      this.communities = communities.items
      this.departments = departments.items
      this.jointCommittees = committees.items
      this.loaded = true
    },
  },
})
