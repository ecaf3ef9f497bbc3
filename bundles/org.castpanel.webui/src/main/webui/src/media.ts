// Small pure helpers of the media library page (unit-tested in logic.test.ts).

/** A folder path inside the library: "" is the top; names joined by "/". */
export function joinFolder(folder: string, name: string): string {
  const n = name.replace(/^\/+|\/+$/g, '')
  return folder ? (n ? `${folder}/${n}` : folder) : n
}

/** Milliseconds as m:ss (or h:mm:ss). */
export function clock(millis: number): string {
  const total = Math.round(millis / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = String(total % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

/** A file's size in the unit that reads best: KiB, MiB or GiB. */
export function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KiB`
  if (bytes < 1024 * 1024 * 1024) return mib(bytes)
  return `${(bytes / (1024 * 1024 * 1024)).toFixed(2)} GiB`
}

export function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`
}

/** What the panel said about a failed upload (its JSON error message), or the client's own error. */
export function uploadError(error: Error & { originalResponse?: { getBody(): string } | null }): string {
  const body = error.originalResponse?.getBody?.()
  if (body) {
    try {
      const parsed = JSON.parse(body) as { message?: string }
      if (parsed.message) return parsed.message
    } catch {
      // not JSON: fall through to the client's message
    }
  }
  return error.message
}
