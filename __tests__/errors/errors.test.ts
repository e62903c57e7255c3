import { describe, expect, it } from '@jest/globals'
import { errorMessage, wrapError } from '../../src/errors.js'

describe('errorMessage', () => {
  it('follows the cause chain, saying each message once', () => {
    const root = new Error('ECONNRESET')
    const mid = new Error('fetch failed', { cause: root })
    const top = new Error('uploading the artifact x failed: fetch failed', { cause: mid })
    expect(errorMessage(top)).toBe('uploading the artifact x failed: fetch failed: ECONNRESET')
  })

  it('reads strings and message-bearing objects, not [object Object]', () => {
    expect(errorMessage('plain')).toBe('plain')
    expect(errorMessage({ message: 'from an object' })).toBe('from an object')
    expect(errorMessage({ code: 7 })).toBe('{"code":7}')
    expect(errorMessage(undefined)).toBe('unknown error')
  })

  it('wrapError keeps the cause', () => {
    const cause = new Error('inner')
    const wrapped = wrapError('outer', cause)
    expect(wrapped.message).toBe('outer: inner')
    expect(wrapped.cause).toBe(cause)
  })
})
