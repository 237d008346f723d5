// Pack-shaped machine files with a Verdict v1 verdict, for the summary and diff tests. Hostile
// strings stand in for scanner output.
import { utf8Encode } from '@warrant/core';

export const XSS = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss = 2">',
  '"><svg onload=window.__xss=3>',
  "' onmouseover='window.__xss=4",
  '</td></tr></table><iframe src="javascript:window.__xss=5"></iframe>',
  '&lt;already escaped&gt; &amp;',
] as const;

const key = (n: number): string => `sha256:${n.toString(16).padStart(64, '0')}`;

export interface FixtureOptions {
  readonly outcome?: string;
  readonly statuses?: ReadonlyArray<string>;
  readonly exceptionStatus?: string;
  readonly extraFinding?: boolean;
  readonly settings?: unknown;
}

export const packFiles = (o: FixtureOptions = {}): { path: string; bytes: Uint8Array }[] => {
  const statuses = o.statuses ?? ['open', 'excepted', 'fixed'];
  const findings = [
    {
      key: key(1),
      vulnerability: { id: 'CVE-2024-0001', aliases: [] },
      component: { name: XSS[0], version: '1.0.0' },
      severity: { level: 'critical' },
    },
    {
      key: key(2),
      vulnerability: { id: 'CVE-2024-0002', aliases: [] },
      component: { name: 'openssl', version: '3.0.1' },
      severity: { level: 'high' },
    },
    {
      key: key(3),
      vulnerability: { id: XSS[1], aliases: [] },
      component: { name: 'zlib' },
      severity: { level: 'low' },
    },
    ...(o.extraFinding
      ? [
          {
            key: key(4),
            vulnerability: { id: 'CVE-2025-9999', aliases: [] },
            component: { name: 'curl', version: '8.0.0' },
            severity: { level: 'medium' },
          },
        ]
      : []),
  ];
  const exception = {
    exception_id: 'exc-0123456789abcdef0123456789abcdef',
    version: 2,
    status: o.exceptionStatus ?? 'active',
    owner: 'alice@corp.example',
    approvers: [
      { id: 'bob@corp.example', role: 'security-lead', at: '2026-01-02T03:04:05Z' },
      { id: XSS[2], role: 'cab', at: '2026-01-03T00:00:00Z' },
    ],
    expires_at: '2026-07-01T00:00:00Z',
    reason_code: 'COMPENSATING_CONTROL',
    rationale: `WAF rule blocks the vector. ${XSS[3]}\nSecond line ${XSS[4]}`,
  };
  const verdict = {
    schema: 'warrant.verdict/v1',
    now: '2026-03-01T00:00:00Z',
    outcome: o.outcome ?? 'fail',
    gates: [
      {
        id: 'no-critical',
        kind: 'severity',
        action: 'fail',
        applies: true,
        triggered: (o.outcome ?? 'fail') === 'fail',
        count: 1,
      },
      { id: XSS[5], kind: 'severity', action: 'warn', applies: true, triggered: false, count: 0 },
    ],
    counts: {
      findings: { total: 3, open: 1, excepted: 1, not_affected: 0, fixed: 1 },
      violations: { total: 0, open: 0, excepted: 0 },
      exceptions: { total: 1, active: 1, applied: 1 },
      near_misses: 0,
      vex_conflicts: 0,
    },
    exceptions: [
      { exception_id: exception.exception_id, version: 2, status: 'active', applied: 1 },
    ],
    findings: findings.map((f, i) => ({
      key: f.key,
      vulnerability: f.vulnerability.id,
      severity: f.severity.level,
      status: statuses[i] ?? 'open',
      ...(statuses[i] === 'excepted'
        ? { exception: { exception_id: exception.exception_id, version: 2, matched: [] } }
        : {}),
    })),
    violations: [],
  };
  const enc = (v: unknown): Uint8Array => utf8Encode(JSON.stringify(v));
  return [
    {
      path: 'inputs/artifacts.json',
      bytes: enc({ artifacts: [{ digest: key(9), name: 'registry.example/app:1.2' }] }),
    },
    { path: 'verdict/verdict.json', bytes: enc(verdict) },
    { path: 'exceptions/exceptions.jsonl', bytes: utf8Encode(`${JSON.stringify(exception)}\n`) },
    {
      path: 'findings/findings.jsonl',
      bytes: utf8Encode(findings.map((f) => `${JSON.stringify(f)}\n`).join('')),
    },
    { path: 'policy/settings.json', bytes: enc(o.settings ?? { gates: ['no-critical'] }) },
  ];
};

export const META = {
  kind: 'artifact',
  generatedAt: '2026-03-01T00:00:00Z',
  profile: 'internal',
  title: 'registry.example/app:1.2',
} as const;
