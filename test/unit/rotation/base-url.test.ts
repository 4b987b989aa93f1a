import { describe, expect, it } from 'vitest';
import { isLoopbackHost, joinUrl, resolveBaseUrl } from '../../../electron/core/rotation/adapters/base-url.js';
import { expectRekeyError } from '../../support/rekey-errors.js';

function refusal(input: string): string {
  return expectRekeyError(() => resolveBaseUrl(input, 'https://api.example.com'), 'invalid-input').message;
}

describe('resolveBaseUrl', () => {
  it('uses the default when none is set', () => {
    expect(resolveBaseUrl(undefined, 'https://gitlab.com').href).toBe('https://gitlab.com/');
    expect(resolveBaseUrl('  ', 'https://gitlab.com').href).toBe('https://gitlab.com/');
  });

  it('accepts https anywhere (self-hosted instances, EU regions)', () => {
    expect(resolveBaseUrl('https://gitlab.example.com', 'https://gitlab.com').host).toBe('gitlab.example.com');
    expect(resolveBaseUrl('https://api.eu.mailgun.net/', 'https://api.mailgun.net').host).toBe('api.eu.mailgun.net');
  });

  it('accepts plain http only to loopback', () => {
    for (const url of [
      'http://127.0.0.1:8080',
      'http://127.1.2.3',
      'http://[::1]:3000',
      'http://localhost:9',
      'http://0x7f.1/',
      'http://2130706433/',
    ]) {
      expect(resolveBaseUrl(url, 'https://x.example').protocol, url).toBe('http:');
    }
  });

  it('refuses plain http to any other host, with a message that says why', () => {
    for (const url of [
      'http://gitlab.example.com',
      'http://10.0.0.1',
      'http://192.168.1.1',
      'http://127.0.0.1.nip.io',
      'http://localhost.example.com',
      'http://[::ffff:127.0.0.1]',
      'http://[::2]',
      'http://0.0.0.0',
    ]) {
      expect(refusal(url), url).toMatch(/must use https: plain http is allowed only for this machine/);
    }
  });

  it('refuses other schemes, credentials in the URL, queries, fragments and garbage', () => {
    expect(refusal('ftp://api.example.com')).toMatch(/must use https, not ftp/);
    expect(refusal('file:///etc/passwd')).toMatch(/must use https, not file/);
    expect(refusal('https://user:pass@api.example.com')).toMatch(/user name or password/);
    expect(refusal('https://api.example.com/?x=1')).toMatch(/query/);
    expect(refusal('https://api.example.com/#x')).toMatch(/fragment/);
    expect(refusal('not a url')).toMatch(/not a valid URL/);
  });

  it('does not quote a password given in the URL', () => {
    expect(refusal('https://user:hunter2-very-secret@api.example.com')).not.toContain('hunter2');
  });
});

describe('isLoopbackHost', () => {
  it('knows loopback from the rest', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
    expect(isLoopbackHost('example.com')).toBe(false);
  });
});

describe('joinUrl', () => {
  it('keeps the base path (GitLab under a relative URL, GitHub Enterprise /api/v3)', () => {
    expect(joinUrl(new URL('https://h.example/gitlab/'), '/api/v4/x').href).toBe('https://h.example/gitlab/api/v4/x');
    expect(joinUrl(new URL('https://h.example/api/v3'), 'credentials/revoke').href).toBe('https://h.example/api/v3/credentials/revoke');
    expect(joinUrl(new URL('https://h.example'), '/a', { page: '2' }).href).toBe('https://h.example/a?page=2');
  });
});
