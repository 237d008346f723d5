/**
 * The redaction engine (docs/spec/redaction-v1.md section 5-9): applies a profile to the files of
 * a pack before it is built, so the manifest, the summary and every digest are computed from the
 * redacted content, and a redacted pack is an ordinary, fully verifiable pack.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  digestBytes,
  formatJsonPath,
  type JsonValue,
  type PathSegment,
  type Sha256Digest,
} from '@warrant/core';
import { compareArchivePaths } from '../archive/path';
import {
  commitNode,
  commitSource,
  COMMITMENTS_PATH,
  COMMITMENTS_SCHEMA,
  nodeSalt,
  saltHex,
  sourceDigest,
  sourceSalt,
  type CommittedNode,
  type NodeOpening,
} from './commitment';
import {
  applyEdits,
  documentFormat,
  DROPPED,
  mapStrings,
  parseDocuments,
  serializeDocuments,
  type DocumentFormat,
  type NodeEdit,
} from './document';
import { redactionError, type RedactionError } from './errors';
import { redactionProfileDigest, REDACTION_ACTIONS, type RedactionAction } from './profile';
import type { RedactionProfile } from './profile';
import { assertKey, isRedactionOutput, pseudonymize, REDACTION_MASK } from './replacement';
import { compileRules, type CompiledRule } from './rules';
import { makeSweeper, residueTexts, type TableEntry } from './sweep';
import { locationKey, selectNodes, type NodeLocation } from './selector';

// --- model -----------------------------------------------------------------

/** A pack file given to or returned by redaction. */
export interface RedactionFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Keys of one redaction run; the caller keeps them secret and never puts them in the pack. */
export interface RedactionKeys {
  /** 32 bytes; pseudonyms are stable for one key and unrelated across keys. */
  readonly pseudonymKey: Uint8Array;
  /** 32 bytes; when given, the output carries `redaction/commitments.json`. */
  readonly commitmentKey?: Uint8Array;
}

/** What a redacted pack records about its redaction (docs/spec/redaction-v1.md section 2.2). */
export interface RedactionRecord {
  readonly profile: string;
  readonly profile_digest: Sha256Digest;
  /** Present when commitments were made: the path of the commitments file. */
  readonly commitments?: typeof COMMITMENTS_PATH;
}

/** Secrets that let the holder of the full pack open commitments (never put in a pack). */
export interface RedactionOpenings {
  readonly source_salt: string;
  readonly nodes: ReadonlyArray<NodeOpening>;
}

/** The outcome of {@link redactFiles}. */
export interface RedactionResult {
  /** The redacted files, sorted by UTF-8 bytes of their paths. */
  readonly files: ReadonlyArray<RedactionFile>;
  readonly record: RedactionRecord;
  /** Present when a commitment key was given. */
  readonly openings?: RedactionOpenings;
}

// --- operations ------------------------------------------------------------

/**
 * Redacts a pack's files with a profile.
 * @param files - the full pack's content files (no manifest, signature or summary: those are
 *   produced afterwards from the redacted files)
 * @param profile - a decoded profile
 * @param keys - the pseudonym key and, optionally, the commitment key
 * @returns the redacted files and the manifest record, or `PACK_REDACTION_INPUT_INVALID`
 *   (duplicate or reserved path), `PACK_REDACTION_FILE_NOT_JSON` (a rule with paths matched a
 *   `.json`/`.jsonl` file that does not parse) or `PACK_REDACTION_RESIDUE` (a redacted value
 *   would remain in the output); the error path names the file and never holds a redacted value
 * @throws RangeError or TypeError when a key is not a 32-byte Uint8Array
 * @see docs/spec/redaction-v1.md section 5
 * @example
 * redactFiles(files, EXTERNAL_AUDITOR_PROFILE, { pseudonymKey })
 * // right({ files: [...], record: { profile: 'external-auditor', profile_digest: 'sha256:…' } })
 */
export const redactFiles = (
  files: ReadonlyArray<RedactionFile>,
  profile: RedactionProfile,
  keys: RedactionKeys,
): E.Either<RedactionError, RedactionResult> => {
  assertKey(keys.pseudonymKey, 'pseudonymKey');
  if (keys.commitmentKey !== undefined) assertKey(keys.commitmentKey, 'commitmentKey');
  const sorted = [...files].sort((a, b) => compareArchivePaths(a.path, b.path));
  for (let i = 0; i < sorted.length; i++) {
    const f = sorted[i] as RedactionFile;
    if (i > 0 && (sorted[i - 1] as RedactionFile).path === f.path) {
      return E.left(redactionError('PACK_REDACTION_INPUT_INVALID', 'duplicate path', f.path));
    }
    if (keys.commitmentKey !== undefined && f.path === COMMITMENTS_PATH) {
      return E.left(redactionError('PACK_REDACTION_INPUT_INVALID', 'reserved path', f.path));
    }
  }
  const rules = compileRules(profile);
  const run = new Run(keys);
  const works: Work[] = [];
  for (const f of sorted) {
    const w = run.select(f, rules);
    if (E.isLeft(w)) return w;
    works.push(w.right);
  }
  const out = run.finish(works);
  if (E.isLeft(out)) return out;
  const record: RedactionRecord = {
    profile: profile.name,
    profile_digest: redactionProfileDigest(profile),
    ...(keys.commitmentKey === undefined ? {} : { commitments: COMMITMENTS_PATH }),
  };
  return E.right({ files: out.right.files, record, ...out.right.openings });
};

// --- internal --------------------------------------------------------------

interface Work {
  readonly file: RedactionFile;
  readonly dropped: boolean;
  readonly format?: DocumentFormat;
  readonly docs?: JsonValue[];
  readonly edits: Array<Map<string, NodeEdit>>;
}

interface Selected {
  readonly loc: NodeLocation;
  action: RedactionAction;
}

const severity = (a: RedactionAction): number => REDACTION_ACTIONS.indexOf(a);

class Run {
  private readonly table = new Map<string, { action: RedactionAction; origin: string }>();
  private readonly committed: CommittedNode[] = [];
  private readonly pending: Array<{
    edits: Map<string, NodeEdit>;
    key: string;
    node: JsonValue;
    action: RedactionAction;
  }> = [];

  constructor(private readonly keys: RedactionKeys) {}

  select(file: RedactionFile, rules: ReadonlyArray<CompiledRule>): E.Either<RedactionError, Work> {
    const matching = rules.filter((r) => r.matches(file.path));
    if (matching.some((r) => r.selectors === undefined)) {
      this.committed.push({ file: file.path, path: null, value: digestBytes(file.bytes) });
      return E.right({ file, dropped: true, edits: [] });
    }
    const format = documentFormat(file.path);
    if (format === undefined) return E.right({ file, dropped: false, edits: [] });
    // A file no rule matches is parsed later, and only if the sweep has values to look for.
    if (matching.length === 0) return E.right({ file, dropped: false, format, edits: [] });
    const parsed = parseDocuments(format, file.bytes);
    if (E.isLeft(parsed)) {
      if (matching.length === 0) return E.right({ file, dropped: false, edits: [] });
      const where = parsed.left.line === undefined ? '' : ` on line ${parsed.left.line + 1}`;
      return E.left(
        redactionError(
          'PACK_REDACTION_FILE_NOT_JSON',
          `a rule with paths matches this file, but it is not ${format === 'json' ? 'JSON' : 'JSON Lines'}${where}: ${parsed.left.error.code} at ${parsed.left.error.path}`,
          file.path,
        ),
      );
    }
    const docs = parsed.right;
    const edits = docs.map((doc, d) => this.selectInDocument(file.path, format, doc, d, matching));
    return E.right({ file, dropped: false, format, docs, edits });
  }

  finish(
    works: ReadonlyArray<Work>,
  ): E.Either<
    RedactionError,
    { files: RedactionFile[]; openings: { openings?: RedactionOpenings } }
  > {
    const table = new Map<string, TableEntry>();
    for (const [value, e] of this.table) {
      const replacement =
        e.action === 'pseudonymize' ? pseudonymize(this.keys.pseudonymKey, value) : REDACTION_MASK;
      table.set(value, { replacement, origin: e.origin });
    }
    for (const p of this.pending) p.edits.set(p.key, this.edit(p.node, p.action, table));
    const sweeper = makeSweeper(table);
    const files: RedactionFile[] = [];
    const texts = new Map<string, ReadonlyArray<string>>();
    for (let w of works) {
      if (w.dropped) continue;
      const lazy =
        w.docs === undefined && w.format !== undefined && table.size > 0
          ? parseDocuments(w.format, w.file.bytes)
          : undefined;
      if (lazy !== undefined && E.isRight(lazy)) {
        w = { ...w, docs: lazy.right, edits: lazy.right.map(() => new Map()) };
      }
      if (w.docs === undefined || w.format === undefined) {
        files.push(w.file);
        texts.set(w.file.path, residueTexts(w.file.bytes, undefined));
        continue;
      }
      let changed = w.edits.some((e) => e.size > 0);
      const docs: JsonValue[] = [];
      for (let i = 0; i < w.docs.length; i++) {
        const edited = applyEdits(w.docs[i] as JsonValue, w.edits[i] as Map<string, NodeEdit>);
        if (edited === DROPPED) continue;
        const swept =
          table.size === 0 ? { value: edited, changed: false } : mapStrings(edited, sweeper.sweep);
        changed ||= swept.changed;
        docs.push(swept.value);
      }
      if (w.format === 'json' && docs.length === 0) continue;
      const bytes = changed ? serializeDocuments(w.format, docs) : w.file.bytes;
      files.push({ path: w.file.path, bytes });
      texts.set(w.file.path, residueTexts(bytes, docs));
    }
    let openings: { openings?: RedactionOpenings } = {};
    const key = this.keys.commitmentKey;
    if (key !== undefined) {
      const nodes = this.committed.map((n) => ({
        ...n,
        salt: saltHex(nodeSalt(key, n.file, n.path)),
      }));
      const salt = sourceSalt(key);
      const commitments = {
        schema: COMMITMENTS_SCHEMA,
        source: commitSource(salt, sourceDigest(works.map((w) => w.file))),
        nodes: nodes.map((n) => commitNode(nodeSalt(key, n.file, n.path), n)).sort(),
      };
      const bytes = serializeDocuments('json', [commitments]);
      files.push({ path: COMMITMENTS_PATH, bytes });
      files.sort((a, b) => compareArchivePaths(a.path, b.path));
      texts.set(COMMITMENTS_PATH, residueTexts(bytes, [commitments]));
      openings = { openings: { source_salt: saltHex(salt), nodes } };
    }
    for (const f of files) {
      const origin =
        sweeper.findResidue(f.path) ?? firstResidue(texts.get(f.path) ?? [], sweeper.findResidue);
      if (origin !== undefined) {
        return E.left(
          redactionError(
            'PACK_REDACTION_RESIDUE',
            `a value redacted at ${origin} would remain in this file (in its path, a member name, a signed payload or non-JSON content); add a rule for it or drop the file`,
            f.path,
          ),
        );
      }
    }
    return E.right({ files, openings });
  }

  private selectInDocument(
    file: string,
    format: DocumentFormat,
    doc: JsonValue,
    index: number,
    rules: ReadonlyArray<CompiledRule>,
  ): Map<string, NodeEdit> {
    const selected = new Map<string, Selected>();
    for (const rule of rules) {
      for (const selector of rule.selectors ?? []) {
        for (const loc of selectNodes(doc, selector)) {
          const key = locationKey(loc);
          const prev = selected.get(key);
          if (prev === undefined) selected.set(key, { loc, action: rule.action });
          else if (severity(rule.action) < severity(prev.action)) prev.action = rule.action;
        }
      }
    }
    const edits = new Map<string, NodeEdit>();
    for (const [key, s] of selected) {
      // A node under another selected node goes with it (section 5.3).
      if (s.loc.some((_, i) => selected.has(locationKey(s.loc.slice(0, i))))) continue;
      const node = nodeAt(doc, s.loc);
      const path: PathSegment[] = format === 'jsonl' ? [index, ...s.loc] : [...s.loc];
      const origin = `${file} ${formatJsonPath(path)}`;
      this.committed.push({ file, path, value: node });
      collectStrings(node, (v) => {
        const prev = this.table.get(v);
        if (prev === undefined) this.table.set(v, { action: s.action, origin });
        else if (severity(s.action) < severity(prev.action)) prev.action = s.action;
      });
      this.pending.push({ edits, key, node, action: s.action });
    }
    return edits;
  }

  private edit(
    node: JsonValue,
    action: RedactionAction,
    table: ReadonlyMap<string, TableEntry>,
  ): NodeEdit {
    if (action === 'drop') return { kind: 'drop' };
    if (typeof node === 'string') {
      if (isRedactionOutput(node)) return { kind: 'set', value: node };
      const t = table.get(node);
      if (t !== undefined) return { kind: 'set', value: t.replacement };
    }
    if (action === 'mask') return { kind: 'set', value: REDACTION_MASK };
    return { kind: 'set', value: pseudonymize(this.keys.pseudonymKey, node) };
  }
}

function nodeAt(doc: JsonValue, loc: NodeLocation): JsonValue {
  let v: JsonValue = doc;
  for (const seg of loc) v = (v as Record<string | number, JsonValue>)[seg] as JsonValue;
  return v;
}

// Every non-empty string value under a node that is not already a redaction output.
function collectStrings(node: JsonValue, visit: (s: string) => void): void {
  if (typeof node === 'string') {
    if (node !== '' && !isRedactionOutput(node)) visit(node);
  } else if (Array.isArray(node)) for (const v of node) collectStrings(v, visit);
  else if (node !== null && typeof node === 'object') {
    const o = node as { readonly [k: string]: JsonValue };
    for (const k of Object.keys(o)) collectStrings(o[k] as JsonValue, visit);
  }
}

function firstResidue(
  texts: ReadonlyArray<string>,
  find: (t: string) => string | undefined,
): string | undefined {
  for (const t of texts) {
    const o = find(t);
    if (o !== undefined) return o;
  }
  return undefined;
}
