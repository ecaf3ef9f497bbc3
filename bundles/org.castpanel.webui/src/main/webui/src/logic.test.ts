import { describe, expect, it } from 'vitest'
import { SseParser, usagePercent } from './api'
import { formatDate, messages, pickLocale, t, locale } from './i18n'
import { clock, joinFolder, mib, size, uploadError } from './media'

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

describe('media helpers', () => {
  it('joins folders without doubled or stray slashes', () => {
    expect(joinFolder('', 'Rock')).toBe('Rock')
    expect(joinFolder('Rock', '80s')).toBe('Rock/80s')
    expect(joinFolder('Rock', '/80s/')).toBe('Rock/80s')
    expect(joinFolder('Rock', '')).toBe('Rock')
  })

  it('shows lengths as a clock and sizes in MiB', () => {
    expect(clock(4000)).toBe('0:04')
    expect(clock(61500)).toBe('1:02')
    expect(clock(3723000)).toBe('1:02:03')
    expect(mib(1572864)).toBe('1.5 MiB')
    expect(size(35 * 1024)).toBe('35 KiB')
    expect(size(100)).toBe('1 KiB')
    expect(size(1572864)).toBe('1.5 MiB')
    expect(size(3 * 1024 * 1024 * 1024)).toBe('3.00 GiB')
  })

  it("gives the panel's message for a refused upload", () => {
    const refused = Object.assign(new Error('tus: unexpected response'), {
      originalResponse: { getBody: () => '{"error":"invalid","message":"this file does not fit in the disk quota"}' },
    })
    expect(uploadError(refused)).toBe('this file does not fit in the disk quota')
    expect(uploadError(new Error('network down'))).toBe('network down')
  })
})
