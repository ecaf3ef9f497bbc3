// The only way the UI talks to CastPanel: the public REST API under /api/v1 and its event stream.
import { locale } from './i18n'

// the API's types, generated from its OpenAPI document (scripts/openapi-types.mjs)
export type * from './generated/openapi'
import type { LiveStatus, MediaService, NowPlaying, ServiceAction, ServiceStats } from './generated/openapi'

/** Values of an engine's settings as a form edits them (the API's config maps hold these). */
export type SettingValue = string | number | boolean | null | undefined
export type SettingValues = Record<string, SettingValue>

/**
 * What /events streams. Not in the OpenAPI document (it describes the JSON resources), so kept
 * here next to the code that sends it: ServiceRuntime, StatsCollector, ActionQueueImpl.
 */
export type PanelEvent =
  | { type: 'hello'; data: unknown }
  | { type: 'service.state'; data: { serviceId: number; state: MediaService['state']; detail: string } }
  | { type: 'service.event'; data: { serviceId: number; message: string } }
  | { type: 'service.deleted'; data: { serviceId: number } }
  | { type: 'service'; data: MediaService }
  | { type: 'stats'; data: { serviceId: number; sample: ServiceStats } }
  | { type: 'action'; data: ServiceAction }
  | { type: 'engine'; data: { type: string; available?: boolean; enabled?: boolean } }
  | { type: 'autodj.track'; data: NowPlaying }
  | { type: 'autodj.live'; data: { serviceId: number; live: LiveStatus | null } }

export class ApiError extends Error {
  constructor(public status: number, public code: string, message: string, public field?: string) {
    super(message)
  }
}

const TOKEN = 'castpanel.token'
let onUnauthorized: () => void = () => {}

export function token(): string | null {
  return sessionStorage.getItem(TOKEN)
}

export function setToken(value: string | null) {
  if (value) sessionStorage.setItem(TOKEN, value)
  else sessionStorage.removeItem(TOKEN)
}

/** Called when a request answers 401: the session expired or was ended elsewhere. */
export function whenUnauthorized(handler: () => void) {
  onUnauthorized = handler
}

export async function api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  // engine plugins' setting labels come back in the UI's language where the plugin ships it
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale.value }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const t = token()
  if (t) headers.Authorization = `Bearer ${t}`
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (response.status === 204) return undefined as T
  const text = await response.text()
  const data = text ? JSON.parse(text) : undefined
  if (!response.ok) {
    if (response.status === 401 && path !== '/auth/login') onUnauthorized()
    throw new ApiError(response.status, data?.error ?? 'error', data?.message ?? response.statusText, data?.field ?? undefined)
  }
  return data as T
}

export const get = <T = unknown>(path: string) => api<T>('GET', path)
export const post = <T = unknown>(path: string, body?: unknown) => api<T>('POST', path, body ?? {})
export const patch = <T = unknown>(path: string, body: unknown) => api<T>('PATCH', path, body)
export const put = <T = unknown>(path: string, body: unknown) => api<T>('PUT', path, body)
export const del = <T = unknown>(path: string) => api<T>('DELETE', path)

/** Server-sent events arrive in chunks; this splits them into complete events (type + parsed data). */
export class SseParser {
  private buffer = ''

  push(chunk: string): { type: string; data: unknown }[] {
    this.buffer += chunk.replace(/\r\n/g, '\n')
    const events: { type: string; data: unknown }[] = []
    let end: number
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end)
      this.buffer = this.buffer.slice(end + 2)
      let type = 'message'
      const data: string[] = []
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue
        const colon = line.indexOf(':')
        const field = colon < 0 ? line : line.slice(0, colon)
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
        if (field === 'event') type = value
        else if (field === 'data') data.push(value)
      }
      if (data.length === 0) continue
      const joined = data.join('\n')
      let parsed: unknown = joined
      try {
        parsed = JSON.parse(joined)
      } catch {
        // plain text data stays text
      }
      events.push({ type, data: parsed })
    }
    return events
  }
}

/**
 * Follows /api/v1/events with the session token (EventSource cannot send headers, so this reads
 * the stream with fetch), reconnecting after a pause when the connection drops.
 */
export function subscribe(handler: (event: PanelEvent) => void): () => void {
  let stopped = false
  let controller: AbortController | null = null
  const run = async () => {
    while (!stopped) {
      controller = new AbortController()
      try {
        const response = await fetch('/api/v1/events', {
          headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token()}` },
          signal: controller.signal,
        })
        if (!response.ok || !response.body) throw new Error(String(response.status))
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
        const parser = new SseParser()
        for (;;) {
          const { value, done } = await reader.read()
          if (done) break
          for (const event of parser.push(value)) handler(event as PanelEvent)
        }
      } catch {
        // dropped or refused: try again shortly
      }
      if (!stopped) await new Promise((resolve) => setTimeout(resolve, 3000))
    }
  }
  run()
  return () => {
    stopped = true
    controller?.abort()
  }
}

/** The usage line of a plan limit as a share (0–100) for progress bars; null when unlimited. */
export function usagePercent(line: { used: number; allowed: number | null }): number | null {
  if (line.allowed === null || line.allowed === undefined) return null
  if (line.allowed === 0) return line.used > 0 ? 100 : 0
  return Math.min(100, Math.round((line.used / line.allowed) * 100))
}
