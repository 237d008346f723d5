import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { parseSelector, selectNodes } from '../../src/redact/selector';

const sel = (s: string) => {
  const r = parseSelector(s);
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};

describe('parseSelector', () => {
  it.each([
    ['$', []],
    ['$.a', [{ kind: 'name', name: 'a', descendant: false }]],
    ['$..a', [{ kind: 'name', name: 'a', descendant: true }]],
    ['$.*', [{ kind: 'wildcard', descendant: false }]],
    ['$..*', [{ kind: 'wildcard', descendant: true }]],
    ['$[*]', [{ kind: 'wildcard', descendant: false }]],
    ['$..[0]', [{ kind: 'index', index: 0, descendant: true }]],
    ['$[12]', [{ kind: 'index', index: 12, descendant: false }]],
    ["$['a b']", [{ kind: 'name', name: 'a b', descendant: false }]],
    ['$["it\'s"]', [{ kind: 'name', name: "it's", descendant: false }]],
    [
      "$['\\'\\\\\\n\\u00e9\\ud83d\\ude00']",
      [{ kind: 'name', name: "'\\\n\u00e9\u{1f600}", descendant: false }],
    ],
  ])('%s', (text, steps) => {
    expect(sel(text).steps).toEqual(steps);
  });

  it.each([
    ['', 0],
    ['a', 0],
    ['$a', 1],
    ['$.', 2],
    ['$..', 3],
    ['$...a', 3],
    ['$.1a', 2],
    ['$[-1]', 2],
    ['$[01]', 2],
    ['$[1:2]', 2],
    ['$[?@.a]', 2],
    ['$[*', 3],
    ["$['a'", 5],
    ["$['a\\x']", 4],
    ["$['a\\\"']", 4],
    ["$['\\ud800']", 3],
    ["$['\\udc00']", 3],
    ['$[ 1]', 2],
    ['$.a b', 3],
    ['$[99999999999999999999]', 2],
  ])('refuses %j at offset %i', (text, offset) => {
    const r = parseSelector(text);
    expect(E.isLeft(r) && r.left.offset).toBe(offset);
  });
});

describe('selectNodes', () => {
  const doc = {
    owner: 'o',
    approvers: [{ id: 'a', signature: { sig: 'x' } }, { id: 'b' }],
    nested: { owner: 'p', list: [{ owner: 'q' }] },
  };

  it('selects names, indices, wildcards and descendants in document order', () => {
    expect(selectNodes(doc, sel('$.approvers[*].id'))).toEqual([
      ['approvers', 0, 'id'],
      ['approvers', 1, 'id'],
    ]);
    expect(selectNodes(doc, sel('$..owner'))).toEqual([
      ['owner'],
      ['nested', 'owner'],
      ['nested', 'list', 0, 'owner'],
    ]);
    expect(selectNodes(doc, sel('$.approvers[1]'))).toEqual([['approvers', 1]]);
    expect(selectNodes(doc, sel('$.approvers[2]'))).toEqual([]);
    expect(selectNodes(doc, sel('$.owner.x'))).toEqual([]);
    expect(selectNodes(doc, sel('$'))).toEqual([[]]);
  });

  it('selects each node once even when several routes reach it', () => {
    expect(selectNodes({ a: { a: 1 } }, sel('$..*..a'))).toEqual([['a', 'a']]);
  });

  it('treats __proto__ as an ordinary member', () => {
    const o = JSON.parse('{"__proto__":{"x":1}}');
    expect(selectNodes(o, sel("$['__proto__'].x"))).toEqual([['__proto__', 'x']]);
    expect(selectNodes({}, sel('$.toString'))).toEqual([]);
  });
});
