// Exception events for property tests: mostly valid events of every type (proposals with
// deliberately unsorted sets), and hostile mutations of any node of them.
import fc from 'fast-check';
import { EXCEPTION_EVENT_SCHEMA as schema } from '@warrant/core';
import { arbDigest, arbName, arbProposalJson, arbTime, permuteArrays } from './arbitraries';

type Json = unknown;

const arbActor = fc.record({ id: arbName, kind: fc.constantFrom('human', 'service') });
const arbEnvelope = (type: string, payload: fc.Arbitrary<Record<string, unknown>>) =>
  fc.record({
    type: fc.constant(type),
    time: arbTime,
    actor: arbActor,
    reason: fc.constantFrom('', 'because', ' ', 'why\u0000'),
    subject: fc.constantFrom('exc-1', 'exc-2'),
    payload,
  });
const arbVersion = fc.integer({ min: 1, max: 4 });
const arbSignature = fc.record(
  {
    payloadType: fc.constantFrom('application/vnd.warrant.exception-approval+json', ''),
    payload: fc.constantFrom('eyJhIjoxfQ==', 'eyJhIjoxfQ', 'e30='),
    signatures: fc.array(
      fc.record(
        { sig: fc.constantFrom('MEUCIQ==', 'bad!'), keyid: fc.constantFrom('k1', '') },
        {
          requiredKeys: ['sig'],
        },
      ),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: ['payloadType', 'payload', 'signatures'] },
);

/** Events of every type, mostly valid, with proposals whose sets are deliberately unsorted. */
export const arbEvent: fc.Arbitrary<Json> = fc.oneof(
  arbEnvelope(
    'exception.proposed',
    arbProposalJson.map((proposal) => ({ schema, version: 1, proposal })),
  ),
  fc
    .tuple(fc.constantFrom('exception.amended', 'exception.renewed'), arbVersion, arbProposalJson)
    .chain(([type, v, proposal]) =>
      arbEnvelope(type, fc.constant({ schema, version: v + 1, previous_version: v, proposal })),
    ),
  arbEnvelope(
    'exception.approved',
    fc.record(
      {
        schema: fc.constant(schema),
        version: arbVersion,
        role: arbName,
        content_digest: arbDigest,
        final: fc.boolean(),
        governance_digest: arbDigest,
        signature: arbSignature,
      },
      { requiredKeys: ['schema', 'version', 'role', 'content_digest', 'final'] },
    ),
  ),
  fc
    .constantFrom('exception.rejected', 'exception.changes_requested')
    .chain((type) =>
      arbEnvelope(
        type,
        fc.record({ schema: fc.constant(schema), version: arbVersion, role: arbName }),
      ),
    ),
  fc
    .constantFrom('exception.revoked', 'exception.expired')
    .chain((type) =>
      arbEnvelope(type, fc.record({ schema: fc.constant(schema), version: arbVersion })),
    ),
);

// Values that some codec refuses, or accepts only after normalizing.
const HOSTILE: ReadonlyArray<unknown> = [
  null,
  undefined,
  0,
  -1,
  1.5,
  2 ** 53,
  Number.NaN,
  true,
  '',
  ' x',
  'x ',
  'a*b',
  'x\u0000',
  '\ud800',
  'x'.repeat(300),
  [],
  {},
  ['a', 'a'],
  ['b', 'a'],
  'pkg:NPM/lodash@1.0.0',
  'pkg:npm/lodash',
  'vers:npm/<2.0.0|>=1.0.0',
  'vers:pypi/<2',
  'CVE-2024-1',
  'cve-2024-12345',
  'GHSA-abcd-abcd-abcd',
  '2026-02-30T00:00:00Z',
  '2026-01-01T00:00:00.5Z',
  '2026-01-01T00:00:00+01:00',
  'sha256:' + 'A'.repeat(64),
  'exception.activated',
  'warrant.exception-event/v2',
  'https://x',
  'HTTP://x',
  'application/JSON',
  { accepted: true },
  { digest: `sha256:${'a'.repeat(64)}` },
  Object.create(null) as unknown,
];

const paths = (
  v: unknown,
  at: ReadonlyArray<string | number> = [],
): Array<Array<string | number>> => {
  const out: Array<Array<string | number>> = [[...at]];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  }
  return out;
};

export const clone = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(clone)
    : typeof v === 'object' && v !== null
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)]))
      : v;

type Mutation = (parent: Record<string | number, unknown>, key: string | number) => void;
const MUTATIONS: ReadonlyArray<(pick: number) => Mutation> = [
  (pick) => (p, k) => {
    p[k] = HOSTILE[pick % HOSTILE.length];
  },
  () => (p, k) => {
    if (Array.isArray(p)) p.splice(Number(k), 1);
    else delete p[k];
  },
  (pick) => (p, k) => {
    const v = p[k];
    if (Array.isArray(v) && v.length > 0) v.push(clone(v[pick % v.length]));
    else if (typeof v === 'object' && v !== null) {
      const extra = ['extra', 'constructor', 'toString', '__proto__', 'ref', 'range', 'statement'];
      Object.defineProperty(v, extra[pick % extra.length] as string, {
        value: HOSTILE[pick % HOSTILE.length],
        enumerable: true,
        configurable: true,
        writable: true,
      });
    }
  },
  (pick) => (p, k) => {
    p[k] = permuteArrays(p[k], pick);
  },
  () => (p, k) => {
    const v = p[k];
    if (typeof v === 'string') p[k] = v.toUpperCase();
    else if (typeof v === 'number') p[k] = v + 1;
    else if (typeof v === 'boolean') p[k] = !v;
  },
];

/** One mutation of one node of `event` (a fresh copy; the root itself may be replaced). */
export const mutate = (event: unknown, where: number, how: number, pick: number): unknown => {
  const holder = { root: clone(event) } as Record<string | number, unknown>;
  const all = paths(holder.root);
  const path = all[where % all.length] as Array<string | number>;
  let parent = holder;
  let key: string | number = 'root';
  for (const seg of path) {
    parent = parent[key] as Record<string | number, unknown>;
    key = seg;
  }
  (MUTATIONS[how % MUTATIONS.length] as (p: number) => Mutation)(pick)(parent, key);
  return holder.root;
};

export const arbMutation = fc.record({
  where: fc.nat(),
  how: fc.nat(),
  pick: fc.nat(),
});
