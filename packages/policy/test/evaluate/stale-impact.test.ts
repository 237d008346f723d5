import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { previewImpact, staleExceptions } from '@warrant/policy';
import { D, finding, history, NOW, proposal } from './fixtures';

const LODASH = 'pkg:npm/lodash@4.17.20';

describe('staleExceptions', () => {
  it('lists active exceptions matching no finding, never inactive or matching ones', () => {
    const findings = [finding('CVE-2021-23337', LODASH, D('a'))];
    const used = history('exc-used', proposal({ vulnerabilities: ['CVE-2021-23337'] }));
    const unused = history('exc-unused', proposal({ vulnerabilities: ['CVE-2020-0001'] }));
    const revoked = history('exc-revoked', proposal({ vulnerabilities: ['CVE-2020-0002'] }), {
      revoked: '2026-01-10T00:00:00Z',
    });
    const r = staleExceptions({ findings, exceptions: [unused, revoked, used], now: NOW });
    expect(E.isRight(r) && r.right).toEqual([
      { exception_id: 'exc-unused', version: 1, expires_at: '2026-06-01T00:00:00Z' },
    ]);
  });

  it('counts an exception limited to another environment as stale there', () => {
    const findings = [finding('CVE-2021-23337', LODASH, D('a'))];
    const prodOnly = history(
      'exc-prod',
      proposal({ vulnerabilities: ['CVE-2021-23337'], environment: { envs: ['prod'] } }),
    );
    const inDev = staleExceptions({
      findings,
      exceptions: [prodOnly],
      now: NOW,
      context: { env: 'dev' },
    });
    const inProd = staleExceptions({
      findings,
      exceptions: [prodOnly],
      now: NOW,
      context: { env: 'prod' },
    });
    expect(E.isRight(inDev) && inDev.right.length).toBe(1);
    expect(E.isRight(inProd) && inProd.right.length).toBe(0);
  });
});

describe('previewImpact', () => {
  const findings = [
    finding('CVE-2021-23337', LODASH, D('a')),
    finding('CVE-2021-23337', LODASH, D('b')),
    finding('CVE-2021-23337', 'pkg:npm/lodash@4.17.21', D('c')),
    finding('CVE-2020-0001', LODASH, D('a')),
  ];

  it('counts findings by artifact and environment and warns about breadth', () => {
    const r = previewImpact({
      proposal: {
        type: 'vulnerability',
        scope: proposal({ vulnerabilities: ['CVE-2021-23337'] }).scope,
      },
      findings,
      environments: [{ env: 'prod' }, { env: 'dev' }],
    });
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect(r.right.findings).toHaveLength(3);
    expect(r.right.by_artifact).toEqual([
      { artifact: D('a'), findings: 1 },
      { artifact: D('b'), findings: 1 },
      { artifact: D('c'), findings: 1 },
    ]);
    expect(r.right.by_environment.map((e) => e.findings)).toEqual([3, 3]);
    expect(r.right.warnings[0]).toEqual({
      code: 'wide_impact',
      message: 'this would suppress 3 findings across 3 images',
    });
    expect(r.right.warnings.map((w) => w.code)).toContain('no_artifact');
    expect(r.right.breadth.breadth).toBe('broad');
  });

  it('says when a proposal matches nothing, and respects environments', () => {
    const r = previewImpact({
      proposal: {
        type: 'vulnerability',
        scope: proposal({ vulnerabilities: ['CVE-2021-23337'], environment: { envs: ['prod'] } })
          .scope,
      },
      findings,
      environments: [{ env: 'dev' }],
    });
    expect(E.isRight(r) && r.right.warnings[0]?.code).toBe('matches_nothing');
  });
});
