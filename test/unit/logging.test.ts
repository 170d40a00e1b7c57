import { Logger } from '@aws-lambda-powertools/logger';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { redact, redactingReplacer } from '../../shared/http/redact';

afterEach(() => vi.restoreAllMocks());

describe('log redaction', () => {
  it('removes phone numbers, bearer tokens and JWTs from any text', () => {
    expect(redact('call +33612345678 or 06 12 34 56 78 or 06.12.34.56.78')).toBe(
      'call [phone] or [phone] or [phone]',
    );
    expect(redact('Authorization: Bearer abc.def.ghi')).toBe('Authorization: Bearer [token]');
    expect(redact('token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln end')).toBe('token [jwt] end');
    expect(redact('vacancy 64335, 2 openings, version 3')).toBe('vacancy 64335, 2 openings, version 3');
  });

  it('the logger configured like the functions’ never prints them, however deeply nested', () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const logger = new Logger({
      serviceName: 'bassin',
      logLevel: 'DEBUG',
      jsonReplacerFn: redactingReplacer,
    });
    logger.info('offer sent to +33612345678', {
      request: { headers: { authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' } },
      contact: { phone: '+33699887766' },
      error: new Error('could not reach +33611223344'),
    });
    const output = lines.join('');
    expect(output).toContain('"service":"bassin"');
    expect(output).toContain('offer sent to [phone]');
    expect(output).not.toMatch(/\+336\d{8}/);
    expect(output).not.toContain('eyJ');
  });
});
