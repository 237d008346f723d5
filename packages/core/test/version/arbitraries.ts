/**
 * fast-check generators of valid versions for every scheme (and some spelling variety), for
 * the order laws in schemes.prop.test.ts and the containment laws in vers.prop.test.ts.
 * @module
 */
import fc from 'fast-check';

const num = fc
  .oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 1_000_000 }))
  .map(String);
const numNoLeadingZero = num;
const pick = <T>(...xs: T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);
const join = (parts: ReadonlyArray<string>): string => parts.join('');

const semverCore = fc
  .tuple(numNoLeadingZero, numNoLeadingZero, numNoLeadingZero)
  .map((p) => p.join('.'));
const preId = fc.oneof(numNoLeadingZero, pick('alpha', 'beta', 'rc', 'x-y', 'A1', '0a'));
const semver = fc
  .tuple(
    semverCore,
    fc.option(fc.array(preId, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    fc.option(fc.array(pick('build', '001', 'sha', 'x-1'), { minLength: 1, maxLength: 2 }), {
      nil: undefined,
    }),
  )
  .map(
    ([c, pre, build]) =>
      c + (pre ? `-${pre.join('.')}` : '') + (build ? `+${build.join('.')}` : ''),
  );

const pypi = fc
  .tuple(
    fc.option(num, { nil: undefined }),
    fc.array(num, { minLength: 1, maxLength: 4 }),
    fc.option(
      fc.tuple(
        pick('a', 'alpha', 'b', 'beta', 'c', 'rc', 'pre', 'preview'),
        pick('', '.', '-', '_'),
        fc.option(num, { nil: undefined }),
      ),
      { nil: undefined },
    ),
    fc.option(
      fc.tuple(pick('.post', 'post', '-post', '.r', 'rev'), fc.option(num, { nil: undefined })),
      { nil: undefined },
    ),
    fc.option(fc.tuple(pick('.dev', 'dev', '-dev'), fc.option(num, { nil: undefined })), {
      nil: undefined,
    }),
    fc.option(
      fc.array(fc.oneof(num, pick('abc', 'ubuntu', 'XY')), { minLength: 1, maxLength: 3 }),
      { nil: undefined },
    ),
  )
  .map(
    ([epoch, release, pre, post, dev, local]) =>
      (epoch === undefined ? '' : `${epoch}!`) +
      release.join('.') +
      (pre ? `${pre[1]}${pre[0]}${pre[2] ?? ''}` : '') +
      (post ? `${post[0]}${post[1] ?? ''}` : '') +
      (dev ? `${dev[0]}${dev[1] ?? ''}` : '') +
      (local ? `+${local.join('.')}` : ''),
  );

// Maven's ComparableVersion is not transitive on arbitrary strings (see docs/spec/scope-matching.md,
// "maven"); the laws are checked on the conventional shape N(.N)* followed by hyphen segments that
// are a qualifier (optionally with a number, attached or after "-") or a positive build number.
const positive = fc.integer({ min: 1, max: 1_000_000 }).map(String);
const qualifier = pick(
  'alpha',
  'a',
  'beta',
  'b',
  'm',
  'milestone',
  'rc',
  'cr',
  'snapshot',
  'SNAPSHOT',
  'ga',
  'final',
  'release',
  'sp',
  'foo',
  'zeta',
);
const hyphenSegment = fc.oneof(
  positive,
  fc
    .tuple(qualifier, fc.option(fc.tuple(pick('', '-'), num), { nil: undefined }))
    .map(([q, n]) => (n === undefined ? q : q.length === 1 ? q + n[1] : q + n[0] + n[1])),
);
const maven = fc
  .tuple(fc.array(num, { minLength: 1, maxLength: 4 }), fc.array(hyphenSegment, { maxLength: 3 }))
  .map(([core, segs]) => core.join('.') + join(segs.map((s) => `-${s}`)));

const debPart = fc
  .array(fc.oneof(num, pick('a', 'b', 'z', 'A', '~', '+', '.', '~rc', '+b', '~~')), {
    minLength: 0,
    maxLength: 5,
  })
  .map(join);
const deb = fc
  .tuple(
    fc.option(num, { nil: undefined }),
    num,
    debPart,
    fc.option(fc.tuple(num, debPart), { nil: undefined }),
  )
  .map(
    ([e, first, rest, rev]) =>
      (e === undefined ? '' : `${e}:`) +
      first +
      rest +
      (rev ? `-${rev[0]}${rev[1].replace(/[^A-Za-z0-9.+~]/g, '')}` : ''),
  );

const rpmPart = fc
  .array(fc.oneof(num, pick('a', 'b', 'fc', 'el', '.', '_', '+', '~', '^', '~rc', '^git')), {
    minLength: 1,
    maxLength: 6,
  })
  .map(join);
const rpm = fc
  .tuple(fc.option(num, { nil: undefined }), rpmPart, fc.option(rpmPart, { nil: undefined }))
  .map(([e, v, r]) => (e === undefined ? '' : `${e}:`) + v + (r === undefined ? '' : `-${r}`));

const apk = fc
  .tuple(
    fc.array(num, { minLength: 1, maxLength: 4 }),
    fc.option(pick('a', 'b', 'z'), { nil: undefined }),
    fc.array(
      fc.tuple(
        pick('alpha', 'beta', 'pre', 'rc', 'cvs', 'svn', 'git', 'hg', 'p'),
        fc.option(num, { nil: undefined }),
      ),
      { maxLength: 3 },
    ),
    fc.option(num, { nil: undefined }),
  )
  .map(
    ([ns, l, sfx, r]) =>
      ns.join('.') +
      (l ?? '') +
      join(sfx.map(([s, n]) => `_${s}${n ?? ''}`)) +
      (r === undefined ? '' : `-r${r}`),
  );

const gem = fc
  .tuple(
    num,
    fc.array(fc.oneof(num, pick('a', 'b', 'pre', 'rc', 'A', 'x1')), { maxLength: 4 }),
    fc.option(fc.array(fc.oneof(num, pick('alpha', 'x-y')), { minLength: 1, maxLength: 2 }), {
      nil: undefined,
    }),
  )
  .map(([n, rest, pre]) => n + join(rest.map((s) => `.${s}`)) + (pre ? `-${pre.join('.')}` : ''));

const nuget = fc
  .tuple(
    fc.array(num, { minLength: 1, maxLength: 4 }),
    fc.option(
      fc.array(fc.oneof(num, pick('alpha', 'ALPHA', 'Beta', 'rc', 'x-y')), {
        minLength: 1,
        maxLength: 3,
      }),
      { nil: undefined },
    ),
    fc.option(pick('meta', 'AA'), { nil: undefined }),
  )
  .map(
    ([ps, pre, meta]) => ps.join('.') + (pre ? `-${pre.join('.')}` : '') + (meta ? `+${meta}` : ''),
  );

const generic = fc
  .array(fc.oneof(num, pick('a', 'B', 'rc', '.', '-', '_', '~', ' ', '+')), {
    minLength: 1,
    maxLength: 6,
  })
  .map(join)
  .filter((s) => /[A-Za-z0-9]/.test(s));

/** A generator of valid versions per scheme. */
export const VERSION_ARBITRARIES: Readonly<Record<string, fc.Arbitrary<string>>> = {
  semver,
  cargo: semver,
  npm: fc.tuple(fc.boolean(), semver).map(([v, s]) => (v ? `v${s}` : s)),
  golang: fc.oneof(
    semver.map((s) => `v${s}`),
    fc
      .tuple(num, fc.option(num, { nil: undefined }))
      .map(([a, b]) => `v${a}${b === undefined ? '' : `.${b}`}`),
  ),
  pypi,
  maven,
  deb,
  rpm,
  apk,
  alpine: apk,
  gem,
  nuget,
  generic,
};
