import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { aliasMapFrom } from '@warrant/core';
import { importDocument } from '@warrant/formats';
import { fixtureJson, importFixture } from './helpers';

describe('osv', () => {
  it('keeps aliases, related and ranges, deriving versionless purls from the ecosystem', () => {
    const r = importFixture('osv/GO-2023-2102.json');
    const a = r.knowledge[0];
    expect(a).toMatchObject({
      id: 'GO-2023-2102',
      aliases: ['CVE-2023-39325', 'GHSA-4374-p667-p6c8'],
      related: ['CVE-2023-44487'],
    });
    expect(a?.affected.map((x) => x.purl)).toEqual([
      'pkg:golang/golang.org/x/net',
      'pkg:golang/stdlib',
    ]);
    expect(a?.affected[1]?.ranges[0]?.events).toEqual([
      { introduced: '0' },
      { fixed: '1.20.10' },
      { introduced: '1.21.0-0' },
      { fixed: '1.21.3' },
    ]);
  });

  it('keeps Ubuntu upstream ids apart from aliases and the record purl as given', () => {
    const r = importFixture('osv/UBUNTU-CVE-2025-38094.json');
    expect(r.knowledge[0]).toMatchObject({
      aliases: [],
      upstream: ['CVE-2025-38094'],
      severity: [{ type: 'Ubuntu', score: 'medium' }],
    });
    expect(r.knowledge[0]?.affected[0]?.versions).toHaveLength(180);
    expect(r.knowledge[0]?.affected[0]?.purlSource).toBe('document');
  });

  it('imports an array of records and feeds the alias map', () => {
    const r = importDocument([
      fixtureJson('osv/GO-2023-2102.json'),
      fixtureJson('osv/GHSA-838r-hvwh-24h8.json'),
    ] as never);
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect(r.right.knowledge.map((k) => k.id)).toEqual(['GHSA-838r-hvwh-24h8', 'GO-2023-2102']);
    const m = aliasMapFrom(r.right.knowledge);
    expect(m.get('GHSA-4374-p667-p6c8')).toEqual(['CVE-2023-39325', 'GO-2023-2102']);
    expect(m.get('CVE-2021-38555')).toEqual(['GHSA-838r-hvwh-24h8']);
  });

  it('refuses an event with more than one kind', () => {
    const r = importDocument({
      id: 'X-1',
      modified: '2024-01-01T00:00:00Z',
      affected: [
        {
          package: { ecosystem: 'npm', name: 'a' },
          ranges: [{ type: 'SEMVER', events: [{ introduced: '0', fixed: '1' }] }],
        },
      ],
    });
    expect(E.isLeft(r) && r.left).toMatchObject({
      code: 'FORMATS_INVALID_DOCUMENT',
      path: '$.affected[0].ranges[0].events[0]',
    });
  });
});
