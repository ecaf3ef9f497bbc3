import { reactive } from 'vue'
import { get, post, setToken, token } from './api'
import type { Account, Me, PasswordRules, Session } from './api'

export type { Account }
import { locale, pickLocale, timeZone } from './i18n'


/** Who is logged in, as GET /me says. */
export const session = reactive({
  account: null as Account | null,
  impersonatorId: null as number | null,
  reseller: false,
  twoFactorSetupRequired: false,
  subResellersAllowed: false,
  expired: false,
})

const ORIGINAL = 'castpanel.originalToken'

export const isAdmin = () => session.account?.kind === 'ADMINISTRATOR'
export const managesAccounts = () => isAdmin() || session.reseller

export async function loadMe(): Promise<boolean> {
  if (!token()) return false
  try {
    const me = await get<Me>('/me')
    session.account = me.account
    session.impersonatorId = me.impersonatorId
    session.reseller = me.reseller
    session.subResellersAllowed = me.subResellersAllowed
    session.twoFactorSetupRequired = me.twoFactorSetupRequired
    locale.value = pickLocale(me.account.language)
    timeZone.value = me.account.timezone || timeZone.value
    document.documentElement.lang = locale.value
    return true
  } catch {
    return false
  }
}

/**
 * Logs in; returns a challenge instead when the account has two-factor authentication on, to be
 * completed with {@link completeLogin} and a code from the authenticator app.
 */
export async function login(username: string, password: string): Promise<string | null> {
  const s = await post<Session>('/auth/login', { username, password })
  if (s.challenge) return s.challenge
  setToken(s.token)
  session.expired = false
  await loadMe()
  return null
}

export async function completeLogin(challenge: string, code: string) {
  const s = await post<Session>('/auth/login/two-factor', { challenge, code })
  setToken(s.token)
  session.expired = false
  await loadMe()
}

export async function logout() {
  try {
    await post('/auth/logout')
  } catch {
    // already gone
  }
  setToken(null)
  sessionStorage.removeItem(ORIGINAL)
  session.account = null
}

/** "Log in as": the session becomes the customer's; the original one is kept to come back to. */
export async function impersonate(accountId: number) {
  const s = await post<Session>(`/accounts/${accountId}/impersonate`)
  if (!sessionStorage.getItem(ORIGINAL)) sessionStorage.setItem(ORIGINAL, token() ?? '')
  setToken(s.token)
  await loadMe()
}

export async function backToSelf() {
  const original = sessionStorage.getItem(ORIGINAL)
  try {
    await post('/auth/logout')
  } catch {
    // the impersonation session may have expired already
  }
  sessionStorage.removeItem(ORIGINAL)
  setToken(original)
  await loadMe()
}

/** The server's rules for new passwords (public); 5, the floor, until they are known. */
export const passwordRules = reactive({ minLength: 5 })
export async function loadPasswordRules(): Promise<void> {
  try {
    const rules = await get<PasswordRules>('/auth/password-policy')
    passwordRules.minLength = rules.minLength
  } catch {
    // the server checks again anyway; its message lands on the field
  }
}
