import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { useAuth } from './stores/auth'
import { mayOpen } from './access'

const routes: RouteRecordRaw[] = [
  { path: '/login', component: () => import('./views/Login.vue'), meta: { public: true } },
  // the ballots' print sheet stands outside the layout, so that it prints without the menu
  { path: '/evaluate/ballots/sheet', component: () => import('./views/BallotSheet.vue') },
  {
    path: '/', component: () => import('./views/Layout.vue'), children: [
      { path: '', component: () => import('./views/Dashboard.vue') },
      { path: 'org', component: () => import('./views/Org.vue') },
      { path: 'people', component: () => import('./views/People.vue') },
      { path: 'people/:id', component: () => import('./views/Person.vue'), props: true },
      { path: 'mine', component: () => import('./views/Person.vue'), props: () => ({ id: useAuth().user?.person }) },
      { path: 'select/eligibility', component: () => import('./views/Eligibility.vue') },
      { path: 'select/working-groups', component: () => import('./views/WorkingGroups.vue') },
      { path: 'select/first-secretaries', component: () => import('./views/FirstSecretaries.vue') },
      { path: 'select/reserve', component: () => import('./views/Reserve.vue') },
      { path: 'select/coverage', component: () => import('./views/Coverage.vue') },
      { path: 'manage/filings', component: () => import('./views/Filings.vue') },
      { path: 'manage/filings/:id', component: () => import('./views/Filing.vue'), props: true },
      { path: 'manage/classification', component: () => import('./views/Classification.vue') },
      { path: 'evaluate/cycles', component: () => import('./views/Cycles.vue') },
      { path: 'evaluate/scores', component: () => import('./views/Scores.vue') },
      { path: 'evaluate/ratings', component: () => import('./views/Ratings.vue') },
      { path: 'evaluate/reviews', component: () => import('./views/Reviews.vue') },
      { path: 'evaluate/ballots', component: () => import('./views/Ballots.vue') },
      { path: 'manage/mentoring', component: () => import('./views/Mentoring.vue') },
      { path: 'manage/duty-reports', component: () => import('./views/DutyReports.vue') },
      { path: 'use/negative-list', component: () => import('./views/NegativeList.vue') },
      { path: 'use/records', component: () => import('./views/UseRecords.vue') },
      { path: 'train/plan', component: () => import('./views/TrainingPlan.vue') },
      { path: 'train/attendance', component: () => import('./views/Attendance.vue') },
      { path: 'train/credits', component: () => import('./views/Credits.vue') },
      { path: 'train/exchange', component: () => import('./views/Exchange.vue') },
      { path: 'train/pairing', component: () => import('./views/Pairing.vue') },
      { path: 'train/report', component: () => import('./views/TrainingReport.vue') },
      { path: 'roster', component: () => import('./views/Roster.vue') },
      { path: 'users', component: () => import('./views/Users.vue') },
      { path: 'audit', component: () => import('./views/Audit.vue') },
      { path: 'plugins', component: () => import('./views/Plugins.vue') },
      { path: ':rest(.*)*', redirect: '/' },
    ],
  },
]

export const router = createRouter({ history: createWebHistory(), routes })

router.beforeEach(async (to) => {
  const auth = useAuth()
  await auth.restore()
  if (to.meta.public) return true
  if (!auth.user) return { path: '/login', query: to.fullPath !== '/' ? { next: to.fullPath } : {} }
  if (auth.mustChange) return { path: '/login', query: { change: '1' } }
  // a person id under /people is the secretary's own record only through /mine
  if (auth.user.role === 'SECRETARY' && to.path.startsWith('/people/')) return to.params.id === auth.user.person ? true : '/mine'
  return mayOpen(auth.user, to.path) ? true : '/'
})
