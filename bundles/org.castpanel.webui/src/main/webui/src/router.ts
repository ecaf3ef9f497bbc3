import { createRouter, createWebHistory } from 'vue-router'
import { whenUnauthorized, token } from './api'
import { loadMe, session, managesAccounts, isAdmin } from './session'

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', component: () => import('./views/LoginView.vue'), meta: { public: true } },
    { path: '/', component: () => import('./views/DashboardView.vue') },
    { path: '/accounts', component: () => import('./views/AccountsView.vue'), meta: { manages: true } },
    { path: '/plans', component: () => import('./views/PlansView.vue'), meta: { manages: true } },
    { path: '/services', component: () => import('./views/ServicesView.vue') },
    { path: '/services/new', component: () => import('./views/ServiceWizard.vue'), meta: { manages: true } },
    { path: '/services/:id', component: () => import('./views/ServiceView.vue'), props: true },
    { path: '/media', component: () => import('./views/MediaView.vue') },
    { path: '/accounts/:id/media', component: () => import('./views/MediaView.vue'), props: true, meta: { manages: true } },
    { path: '/engines', component: () => import('./views/EnginesView.vue'), meta: { admin: true } },
    { path: '/audit', component: () => import('./views/AuditView.vue') },
    { path: '/profile', component: () => import('./views/ProfileView.vue') },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
})

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  if (!session.account && !(token() && (await loadMe()))) return { path: '/login', query: { next: to.fullPath } }
  if (session.twoFactorSetupRequired && to.path !== '/profile') return '/profile'
  if (to.meta.manages && !managesAccounts()) return '/'
  if (to.meta.admin && !isAdmin()) return '/'
  return true
})

whenUnauthorized(() => {
  if (session.account) {
    session.account = null
    session.expired = true
    router.push({ path: '/login', query: { next: router.currentRoute.value.fullPath } })
  }
})
