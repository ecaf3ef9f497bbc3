import { describe, expect, it } from 'vitest'
import { SseParser, usagePercent } from './api'
import { formatDate, messages, pickLocale, t, locale } from './i18n'

describe('SseParser', () => {
  it('joins events split across chunks and parses JSON data', () => {
    const parser = new SseParser()
    expect(parser.push('event: service.state\ndata: {"serviceId":4,')).toEqual([])
    expect(parser.push('"state":"RUNNING"}\n\nevent: hello\r\ndata: {}\r\n\r\n')).toEqual([
      { type: 'service.state', data: { serviceId: 4, state: 'RUNNING' } },
      { type: 'hello', data: {} },
    ])
  })

  it('skips comments and keeps plain text', () => {
    const parser = new SseParser()
    expect(parser.push(': keep-alive\n\ndata: plain\n\n')).toEqual([{ type: 'message', data: 'plain' }])
  })
})

describe('usagePercent', () => {
  it('is null when unlimited and capped at 100', () => {
    expect(usagePercent({ used: 3, allowed: null })).toBeNull()
    expect(usagePercent({ used: 3, allowed: 4 })).toBe(75)
    expect(usagePercent({ used: 9, allowed: 4 })).toBe(100)
    expect(usagePercent({ used: 0, allowed: 0 })).toBe(0)
  })
})

describe('i18n', () => {
  it('has every English message in German too', () => {
    expect(Object.keys(messages.de).sort()).toEqual(Object.keys(messages.en).sort())
  })

  it('fills placeholders in the chosen language', () => {
    locale.value = pickLocale('de-DE')
    expect(t('app.loggedInAs', { name: 'dj' })).toBe('Angemeldet als dj')
    locale.value = pickLocale('fr')
    expect(t('app.loggedInAs', { name: 'dj' })).toBe('Logged in as dj')
  })

  it('shows times in the user\'s time zone', () => {
    expect(formatDate('2026-01-15T23:30:00Z', 'Europe/Berlin', 'de')).toContain('00:30')
    expect(formatDate('2026-01-15T23:30:00Z', 'America/New_York', 'en')).toContain('18:30')
  })
})
