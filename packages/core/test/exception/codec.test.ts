import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  canonicalize,
  decodeException,
  decodeProposal,
  ExceptionProposal,
  formatJsonPath,
  proposalDigest,
  type DecodeError,
} from '@warrant/core';
import { DIGEST_A, proposalJson } from './fixtures';

const issuesOf = (input: unknown): ReadonlyArray<{ path: string; message: string }> => {
  const r = decodeProposal(input);
  if (E.isRight(r)) throw new Error('expected a refusal');
  return r.left.issues;
};
const withScope = (scope: unknown) => ({ ...proposalJson(), scope });

describe('ExceptionProposal codec', () => {
  it('accepts the reference example and normalizes nothing that is already canonical', () => {
    const r = decodeProposal(proposalJson());
    expect(E.isRight(r) && ExceptionProposal.encode(r.right)).toEqual(proposalJson());
  });

  it('refuses unknown members instead of dropping them', () => {
    expect(issuesOf({ ...proposalJson(), severity: 'high' })).toEqual([
      {
        code: 'CORE_EXCEPTION_INVALID',
        path: '$.severity',
        message: 'unexpected member "severity"',
      },
    ]);
  });

  it('refuses members named after Object.prototype properties too', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      // JSON.parse makes "__proto__" an own data member, as the strict parser does.
      const input: unknown = JSON.parse(
        JSON.stringify(proposalJson()).replace('{', `{"${name}":"x",`),
      );
      expect(issuesOf(input)).toEqual([
        {
          code: 'CORE_EXCEPTION_INVALID',
          path: formatJsonPath([name]),
          message: `unexpected member "${name}"`,
        },
      ]);
    }
  });

  it('reports every problem with its RFC 9535 path', () => {
    const bad = { ...proposalJson(), owner: ' x', risk_score: 101, expires_at: 'tomorrow' };
    delete (bad as Record<string, unknown>).rationale;
    const paths = issuesOf(bad).map((i) => i.path);
    expect(paths).toEqual(['$.owner', '$.rationale', '$.risk_score', '$.expires_at']);
  });

  it('names the path inside sets and nested objects', () => {
    const r = decodeProposal(
      withScope({
        vulnerabilities: ['CVE-2021-23337', 'cve-2021-1'],
        environment: { envs: ['prod '] },
      }),
    );
    expect(E.isLeft(r) && r.left.issues.map((i) => i.path)).toEqual([
      '$.scope.vulnerabilities[1]',
      '$.scope.environment.envs[0]',
    ]);
  });

  it('refuses empty sets: a missing member means "any", [] is ambiguous', () => {
    expect(
      issuesOf(withScope({ vulnerabilities: ['CVE-2021-23337'], artifacts: [] }))[0]?.path,
    ).toBe('$.scope.artifacts');
  });

  it('refuses duplicates and sorts sets by code units', () => {
    expect(
      issuesOf(withScope({ vulnerabilities: ['CVE-2021-1234', 'CVE-2021-1234'] }))[0],
    ).toMatchObject({
      path: '$.scope.vulnerabilities[1]',
      message: 'duplicate element (same as index 0)',
    });
    const r = decodeProposal(
      withScope({ vulnerabilities: ['GHSA-35jh-r3h4-6jhm', 'CVE-2021-23337', 'DSA-5678-1'] }),
    );
    expect(E.isRight(r) && r.right.scope.vulnerabilities).toEqual([
      'CVE-2021-23337',
      'DSA-5678-1',
      'GHSA-35jh-r3h4-6jhm',
    ]);
  });

  it('refuses the same artifact digest twice even with different refs', () => {
    const r = issuesOf(
      withScope({
        vulnerabilities: ['CVE-2021-23337'],
        artifacts: [{ digest: DIGEST_A }, { digest: DIGEST_A, ref: 'x:1' }],
      }),
    );
    expect(r[0]?.path).toBe('$.scope.artifacts');
  });

  it.each([
    ['CVE-2024-1234', true],
    ['CVE-2024-123456', true],
    ['CVE-24-1234', false],
    ['cve-2024-1234', false],
    ['GHSA-35jh-r3h4-6jhm', true],
    ['GHSA-35JH-R3H4-6JHM', false],
    ['RHSA-2024:1234', true],
    ['openSUSE-SU-2024:1234-1', true],
    ['USN-6543-1', true],
    ['CVE 2024 1', false],
    ['*', false],
  ])('vulnerability id %s accepted: %s', (id, ok) => {
    expect(E.isRight(decodeProposal(withScope({ vulnerabilities: [id] })))).toBe(ok);
  });

  it.each([
    ['pkg:npm/lodash', true],
    ['pkg:npm/%40angular/core@12.0.0', true],
    ['pkg:deb/debian/openssl@3.0.11-1?arch=amd64', true],
    ['npm/lodash', false],
    ['pkg:NPM/lodash', true],
    ['pkg:npm/', false],
    ['pkg:npm/lodash@', false],
    ['pkg:npm/lo dash', false],
  ])('purl %s accepted: %s', (purl, ok) => {
    const r = decodeProposal(
      withScope({ vulnerabilities: ['CVE-2021-23337'], components: [{ purl }] }),
    );
    expect(E.isRight(r)).toBe(ok);
  });

  it('stores purls in canonical form and refuses ranges of another scheme', () => {
    const r = decodeProposal(
      withScope({
        vulnerabilities: ['CVE-2021-23337'],
        components: [{ purl: 'pkg:PYPI/Django_Package' }],
      }),
    );
    expect(E.isRight(r) && r.right.scope.components).toEqual([{ purl: 'pkg:pypi/django-package' }]);
    const bad = issuesOf(
      withScope({
        vulnerabilities: ['CVE-2021-23337'],
        components: [{ purl: 'pkg:npm/a', range: 'vers:pypi/<2' }],
      }),
    );
    expect(bad[0]?.path).toBe('$.scope.components[0].range');
  });

  it('refuses a component with both a purl version and a range', () => {
    const r = issuesOf(
      withScope({
        vulnerabilities: ['CVE-2021-23337'],
        components: [{ purl: 'pkg:npm/lodash@4.17.20', range: 'vers:npm/<4.17.21' }],
      }),
    );
    expect(r[0]?.path).toBe('$.scope.components[0].range');
  });

  it('requires the scope dimension of the type', () => {
    expect(issuesOf({ ...proposalJson(), type: 'policy' })[0]).toMatchObject({
      path: '$.scope',
      message: 'expected scope.policy_rules for a policy exception',
    });
  });

  it('requires expires_at after valid_from', () => {
    expect(issuesOf({ ...proposalJson(), valid_from: '2026-04-01T00:00:00Z' })[0]?.path).toBe(
      '$.expires_at',
    );
  });

  it('requires a statement when risk is accepted', () => {
    expect(issuesOf({ ...proposalJson(), risk_acceptance: { accepted: true } })[0]?.path).toBe(
      '$.risk_acceptance.statement',
    );
  });

  it('refuses uppercase media types and scheme-less URIs', () => {
    const ev = { kind: 'vex', uri: 'vex.json', media_type: 'Application/JSON', digest: DIGEST_A };
    expect(issuesOf({ ...proposalJson(), evidence_refs: [ev] }).map((i) => i.path)).toEqual([
      '$.evidence_refs[0].uri',
      '$.evidence_refs[0].media_type',
    ]);
  });

  it('refuses lone surrogates in URIs, which have no canonical JSON form (RFC 8785 section 3.2.2.2)', () => {
    const ev = {
      kind: 'vex',
      uri: 'https://vex.example/\ud800',
      media_type: 'a/b',
      digest: DIGEST_A,
    };
    // Before: decoded, and proposalDigest then threw a TypeError on the decoded value.
    expect(issuesOf({ ...proposalJson(), evidence_refs: [ev] }).map((i) => i.path)).toEqual([
      '$.evidence_refs[0].uri',
    ]);
  });

  it('refuses non-objects at the root with a typed error', () => {
    const r = decodeProposal('nope') as E.Left<DecodeError>;
    expect(r.left).toMatchObject({ code: 'CORE_EXCEPTION_INVALID', path: '$' });
  });

  it('has order-independent canonical bytes', () => {
    const a = proposalJson();
    const b = {
      ...proposalJson(),
      scope: { ...(a.scope as object), vulnerabilities: ['GHSA-35jh-r3h4-6jhm', 'CVE-2021-23337'] },
    };
    const c = {
      ...proposalJson(),
      scope: { ...(a.scope as object), vulnerabilities: ['CVE-2021-23337', 'GHSA-35jh-r3h4-6jhm'] },
    };
    const [pb, pc] = [decodeProposal(b), decodeProposal(c)];
    if (E.isLeft(pb) || E.isLeft(pc)) throw new Error('decode failed');
    expect(canonicalize(ExceptionProposal.encode(pb.right))).toEqual(
      canonicalize(ExceptionProposal.encode(pc.right)),
    );
    expect(proposalDigest(pb.right)).toBe(proposalDigest(pc.right));
  });
});

describe('Exception codec', () => {
  const record = () => {
    const p = decodeProposal(proposalJson());
    if (E.isLeft(p)) throw new Error('bad fixture');
    return {
      schema: 'warrant.exception/v1',
      exception_id: 'exc-1',
      version: 1,
      origin: 'propose',
      status: 'proposed',
      status_since: '2026-01-05T00:00:00Z',
      as_of: '2026-01-06T00:00:00Z',
      requester: 'alice@example.com',
      created_at: '2026-01-05T00:00:00Z',
      updated_at: '2026-01-05T00:00:00Z',
      content_digest: proposalDigest(p.right),
      ...proposalJson(),
    };
  };

  it('accepts a consistent record', () => {
    expect(E.isRight(decodeException(record()))).toBe(true);
  });

  it('refuses a content digest that does not match the content', () => {
    const r = decodeException({ ...record(), rationale: 'changed after approval' });
    expect(E.isLeft(r) && r.left.issues.map((i) => i.path)).toEqual(['$.content_digest']);
  });

  it('checks lifecycle consistency', () => {
    const r = decodeException({
      ...record(),
      status: 'active',
      origin: 'renew',
      updated_at: '2027-01-01T00:00:00Z',
    });
    expect(E.isLeft(r) && r.left.issues.map((i) => i.path)).toEqual([
      '$.previous_version',
      '$.updated_at',
      '$.approved_at',
    ]);
  });

  it('requires a decision matching a decided status', () => {
    const r = decodeException({ ...record(), status: 'revoked' });
    expect(E.isLeft(r) && r.left.issues[0]?.path).toBe('$.decision');
  });
});
