import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { utf8Encode } from '@warrant/core';
import { formatPackDiff } from '../../src/diff/format';
import { diffPacks, isEmptyDiff, PACK_DIFF_SCHEMA, type PackDiff } from '../../src/diff/pack-diff';
import { packFiles } from '../report/fixtures';

const diff = (a: ReturnType<typeof packFiles>, b: ReturnType<typeof packFiles>): PackDiff => {
  const r = diffPacks({ packId: 'sha256:old', files: a }, { packId: 'sha256:new', files: b });
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};

describe('diffPacks', () => {
  it('finds nothing between a pack and itself', () => {
    const d = diff(packFiles(), packFiles());
    expect(isEmptyDiff(d)).toBe(true);
    expect(d.schema).toBe(PACK_DIFF_SCHEMA);
    expect(d.verdict).toEqual({ old: 'fail', new: 'fail', changed: false });
    expect(formatPackDiff(d)).toBe(
      [
        'verdict: fail (unchanged)',
        'policy: unchanged',
        'findings: 0 added, 0 removed, 0 changed status',
        'exceptions: 0 added, 0 removed, 0 expired, 0 revoked, 0 changed',
        '',
      ].join('\n'),
    );
  });

  it('reports findings added and changed status, expired exceptions, verdict and policy changes', () => {
    const older = packFiles();
    const newer = packFiles({
      outcome: 'pass',
      statuses: ['fixed', 'excepted', 'fixed', 'open'],
      extraFinding: true,
      exceptionStatus: 'expired',
      settings: { gates: [] },
    });
    const d = diff(older, newer);
    expect(d.verdict).toEqual({ old: 'fail', new: 'pass', changed: true });
    expect(d.policy).toEqual({
      changed: true,
      added: [],
      removed: [],
      modified: ['policy/settings.json'],
    });
    expect(d.findings.added.map((f) => [f.vulnerability, f.component, f.status])).toEqual([
      ['CVE-2025-9999', 'curl@8.0.0', 'open'],
    ]);
    expect(d.findings.status_changed.map((f) => [f.vulnerability, f.old_status, f.status])).toEqual(
      [['CVE-2024-0001', 'open', 'fixed']],
    );
    expect(d.exceptions.expired.map((x) => [x.exception_id, x.old_status, x.status])).toEqual([
      ['exc-0123456789abcdef0123456789abcdef', 'active', 'expired'],
    ]);
    const text = formatPackDiff(d);
    expect(text).toContain('verdict: fail -> pass\n');
    expect(text).toContain('  ~ policy/settings.json\n');
    expect(text).toContain('  + CVE-2025-9999 curl@8.0.0 (medium) [open]\n');
    expect(text).toContain('  expired exc-0123456789abcdef0123456789abcdef v2 expired');
    // the reverse direction: removed instead of added
    expect(diff(newer, older).findings.removed.map((f) => f.vulnerability)).toEqual([
      'CVE-2025-9999',
    ]);
  });

  it('reports revoked, added and removed exceptions', () => {
    const revoked = diff(packFiles(), packFiles({ exceptionStatus: 'revoked' }));
    expect(revoked.exceptions.revoked).toHaveLength(1);
    const none = packFiles().filter((f) => f.path !== 'exceptions/exceptions.jsonl');
    expect(diff(none, packFiles()).exceptions.added).toHaveLength(1);
    expect(diff(packFiles(), none).exceptions.removed).toHaveLength(1);
  });

  it('names the side and file of an unreadable machine file', () => {
    const bad = [{ path: 'findings/findings.jsonl', bytes: utf8Encode('{"key":\n') }];
    const r = diffPacks({ files: packFiles() }, { files: bad });
    expect(E.isLeft(r) && [r.left.code, r.left.path]).toEqual([
      'PACK_DIFF_INPUT_INVALID',
      'new:findings/findings.jsonl',
    ]);
  });

  it('prints control characters from pack data as escapes', () => {
    const files = packFiles({ extraFinding: true }).map((f) =>
      f.path === 'findings/findings.jsonl'
        ? {
            ...f,
            bytes: utf8Encode(new TextDecoder().decode(f.bytes).replace('curl', 'cu\\u001b[31mrl')),
          }
        : f,
    );
    const text = formatPackDiff(diff(packFiles(), files));
    expect(text).toContain('cu\\u001b[31mrl');
    expect(text).not.toContain('\u001b');
  });
});
