import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { evaluate, verdictBytes, decodeVerdict, type Verdict } from '@warrant/policy';
import { D, finding, history, input, proposal, statement, ts } from './fixtures';

const LODASH = 'pkg:npm/lodash@4.17.20';
const ok = (v: ReturnType<typeof evaluate>): Verdict => {
  if (E.isLeft(v)) throw new Error(JSON.stringify(v.left));
  return v.right;
};

describe('evaluate', () => {
  const f1 = finding('CVE-2021-23337', LODASH, D('a'), 'high');
  const f2 = finding('CVE-2021-23337', LODASH, D('b'), 'high');
  const narrow = history(
    'exc-narrow',
    proposal({ vulnerabilities: ['CVE-2021-23337'], artifacts: [{ digest: D('a') }] }),
  );
  const broad = history('exc-broad', proposal({ vulnerabilities: ['CVE-2021-23337'] }));

  it('keeps every finding, applies the most specific exception and lists all candidates', () => {
    const v = ok(evaluate(input({ findings: [f1, f2], exceptions: [broad, narrow] })));
    expect(v.findings).toHaveLength(2);
    const a = v.findings.find((x) => x.key === f1.key);
    expect(a?.status).toBe('excepted');
    expect(a?.exception).toEqual({
      exception_id: 'exc-narrow',
      version: 1,
      matched: [
        { dimension: 'vulnerabilities', value: 'CVE-2021-23337', via: 'direct' },
        { dimension: 'artifacts', value: D('a') },
      ],
    });
    expect(a?.candidates?.map((c) => [c.exception_id, c.result])).toEqual([
      ['exc-narrow', 'applied'],
      ['exc-broad', 'outranked'],
    ]);
    const b = v.findings.find((x) => x.key === f2.key);
    expect(b?.exception?.exception_id).toBe('exc-broad');
    expect(b?.near_misses).toEqual([
      expect.objectContaining({ exception_id: 'exc-narrow', dimension: 'artifacts' }),
    ]);
    expect(v.outcome).toBe('pass');
    expect(v.counts.findings).toEqual({
      total: 2,
      open: 0,
      excepted: 2,
      not_affected: 0,
      fixed: 0,
    });
    expect(E.isRight(decodeVerdict(JSON.parse(new TextDecoder().decode(verdictBytes(v)))))).toBe(
      true,
    );
  });

  it('never applies a revoked, expired or unapproved exception, and says why', () => {
    const revoked = history('exc-r', proposal({ vulnerabilities: ['CVE-2021-23337'] }), {
      revoked: '2026-01-10T00:00:00Z',
    });
    const pending = history('exc-p', proposal({ vulnerabilities: ['CVE-2021-23337'] }), {
      approved: null,
    });
    const expired = history(
      'exc-e',
      proposal({ vulnerabilities: ['CVE-2021-23337'] }, { expires_at: '2026-01-20T00:00:00Z' }),
    );
    const v = ok(evaluate(input({ findings: [f1], exceptions: [revoked, pending, expired] })));
    const d = v.findings[0];
    expect(d?.status).toBe('open');
    expect(d?.candidates?.map((c) => [c.exception_id, c.status, c.result])).toEqual([
      ['exc-e', 'expired', 'inactive'],
      ['exc-p', 'proposed', 'inactive'],
      ['exc-r', 'revoked', 'inactive'],
    ]);
    expect(d?.gates).toEqual(['no-high']);
    expect(v.outcome).toBe('fail');
    expect(v.gates.find((g) => g.id === 'no-high')).toMatchObject({ triggered: true, count: 1 });
  });

  it('lets a trusted not_affected statement decide, with the statement as evidence', () => {
    const s = statement('CVE-2021-23337', 'not_affected', {
      digest: D('a'),
      subcomponents: [{ purl: 'pkg:npm/lodash' }],
    });
    const v = ok(evaluate(input({ findings: [f1], exceptions: [broad], vex: [s] })));
    const d = v.findings[0];
    expect(d?.status).toBe('not_affected');
    expect(d?.vex?.status).toBe('not_affected');
    expect(d?.candidates?.[0]?.result).toBe('not_needed');
    expect(d?.exception).toBeUndefined();
  });

  it('ignores untrusted issuers and reports conflicts between trusted ones', () => {
    const a = statement(
      'CVE-2021-23337',
      'not_affected',
      { purl: 'pkg:npm/lodash' },
      'Acme PSIRT',
      '2026-01-05T00:00:00Z',
    );
    const b = statement(
      'CVE-2021-23337',
      'affected',
      { purl: 'pkg:npm/lodash' },
      'Acme PSIRT',
      '2026-01-04T00:00:00Z',
    );
    const c = statement('CVE-2021-23337', 'not_affected', { purl: 'pkg:npm/lodash' }, 'Someone');
    const v = ok(evaluate(input({ findings: [f1], vex: [a, b, c] })));
    const d = v.findings[0];
    expect(d?.status).toBe('not_affected');
    expect(d?.vex?.conflicts?.map((x) => x.status)).toEqual(['affected']);
    expect(d?.vex_untrusted?.map((x) => x.issuer)).toEqual(['Someone']);
    expect(v.counts.vex_conflicts).toBe(1);
  });

  it('covers a policy violation with a policy exception by rule id and scope', () => {
    const pol = history(
      'exc-pol',
      proposal(
        { policy_rules: ['unsigned-artifact'], artifacts: [{ digest: D('a') }] },
        { type: 'policy' },
      ),
    );
    const v = ok(
      evaluate(
        input({
          exceptions: [pol],
          violations: [
            { rule_id: 'unsigned-artifact', artifact: D('a'), detail: 'no signature' },
            { rule_id: 'unsigned-artifact', artifact: D('b'), detail: 'no signature' },
          ] as never,
        }),
      ),
    );
    expect(v.violations.map((x) => x.status).sort()).toEqual(['excepted', 'open']);
    expect(v.outcome).toBe('fail');
    expect(v.gates.find((g) => g.id === 'signed')?.count).toBe(1);
  });

  it('refuses duplicate finding keys and names both places', () => {
    const r = evaluate(input({ findings: [f1, f1] }));
    expect(E.isLeft(r) && r.left.code).toBe('POLICY_EVALUATION_INPUT_INVALID');
    expect(E.isLeft(r) && r.left.path).toBe('$.findings[1].key');
  });

  it('refuses a finding purl that does not parse, at its path, once per distinct purl', () => {
    const bad = finding('CVE-2021-23337', 'pkg:npm/%zz@1', D('c'));
    const r = evaluate(input({ findings: [f1, bad, { ...bad, key: f2.key }] }));
    expect(E.isLeft(r) && r.left.issues.map((i) => [i.code, i.path])).toEqual([
      ['CORE_PURL_INVALID', '$.findings[1].component.purl'],
    ]);
  });

  it('reads no clock: the same input gives the same bytes', () => {
    const i = input({
      findings: [f1, f2],
      exceptions: [broad, narrow],
      now: ts('2026-03-01T00:00:00Z'),
    });
    expect(verdictBytes(ok(evaluate(i)))).toEqual(verdictBytes(ok(evaluate(i))));
  });
});
