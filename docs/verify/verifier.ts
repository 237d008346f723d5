/**
 * The static browser verifier (docs/verify/): drop a pack, paste or load trusted public keys,
 * and see whether it verifies and, if it does, its report. Bundled by build.ts into one
 * self-contained HTML file; it never uses the network (the page's CSP forbids every fetch).
 *
 * The report is rendered here from the verified machine files with the same renderer the build
 * uses, not taken from the pack's own report/summary.html, so a pack cannot bring its own markup;
 * it is shown in an iframe sandboxed without scripts.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { formatError, importPublicKeyPem, utf8Decode } from '@warrant/core';
import {
  readArchive,
  renderSummaryHtml,
  summarySource,
  summaryTitle,
  verifyPack,
  type PackVerifyFailure,
  type VerifiedPack,
} from '@warrant/pack';

/** What the page shows after a run; also exposed for tests as `window.warrantVerifyResult`. */
export interface PageResult {
  readonly state: 'verified' | 'failed' | 'error';
  readonly lines: ReadonlyArray<string>;
  readonly report?: string;
}

const PEM = /-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g;

/**
 * Verifies pack bytes against the PEM public keys found in `keysText`.
 * @param bytes - the .tar.gz
 * @param keysText - zero or more PEM `PUBLIC KEY` blocks
 * @returns the lines to show and, when verified, the report HTML
 */
export const verifyForPage = async (bytes: Uint8Array, keysText: string): Promise<PageResult> => {
  const verifiers = [];
  for (const pem of keysText.match(PEM) ?? []) {
    const k = await importPublicKeyPem(pem);
    if (E.isLeft(k)) return { state: 'error', lines: [`Key refused: ${formatError(k.left)}`] };
    verifiers.push(k.right.verifier);
  }
  const r = await verifyPack(bytes, verifiers.length > 0 ? { trust: { verifiers } } : {});
  if (E.isLeft(r)) return failed(r.left);
  return verified(r.right, bytes, verifiers.length);
};

function failed(f: PackVerifyFailure): PageResult {
  return {
    state: 'failed',
    lines: ['NOT VERIFIED', ...f.failures.map((x) => formatError(x))],
  };
}

function verified(v: VerifiedPack, bytes: Uint8Array, keys: number): PageResult {
  const m = v.manifest;
  const lines = [
    'VERIFIED',
    `pack ${v.packId}`,
    `merkle root ${v.merkleRoot}`,
    `${v.files} files, ${v.bytes} bytes, kind ${m.kind}, generated ${m.generated_at}, profile ${m.profile}`,
    keys === 0
      ? 'No trusted key given: integrity checked, authenticity NOT checked.'
      : `Signed by ${(v.signature?.keyids ?? []).join(', ')}`,
  ];
  const entries = readArchive(bytes);
  if (E.isLeft(entries)) return { state: 'verified', lines };
  const source = summarySource(
    entries.right.map((e) => ({ path: e.path, bytes: e.bytes })),
    {
      kind: m.kind,
      generatedAt: m.generated_at,
      profile: m.profile,
      title: summaryTitle(m.kind, m.subject),
    },
  );
  if (E.isLeft(source)) return { state: 'verified', lines: [...lines, source.left.message] };
  return { state: 'verified', lines, report: utf8Decode(renderSummaryHtml(source.right)) ?? '' };
}

// --- page wiring (runs only in a document) ----------------------------------

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

const show = (result: PageResult): void => {
  const out = byId<HTMLPreElement>('result');
  out.textContent = result.lines.join('\n');
  out.dataset['state'] = result.state;
  const frame = byId<HTMLIFrameElement>('report');
  frame.hidden = result.report === undefined;
  frame.srcdoc = result.report ?? '';
  (globalThis as { warrantVerifyResult?: PageResult }).warrantVerifyResult = result;
};

const run = async (file: File | undefined): Promise<void> => {
  if (file === undefined) return;
  byId<HTMLPreElement>('result').dataset['state'] = 'running';
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    show(await verifyForPage(bytes, byId<HTMLTextAreaElement>('keys').value));
  } catch (error) {
    show({ state: 'error', lines: [`Unexpected error: ${String(error)}`] });
  }
};

if (typeof document !== 'undefined') {
  const pack = byId<HTMLInputElement>('pack');
  pack.addEventListener('change', () => void run(pack.files?.[0]));
  const keyFile = byId<HTMLInputElement>('key-file');
  keyFile.addEventListener('change', () => {
    const f = keyFile.files?.[0];
    if (f !== undefined) {
      void f.text().then((t) => {
        const keys = byId<HTMLTextAreaElement>('keys');
        keys.value = `${keys.value}\n${t}`.trim();
      });
    }
  });
  const drop = byId<HTMLElement>('drop');
  drop.addEventListener('dragover', (e) => e.preventDefault());
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    void run(e.dataTransfer?.files[0]);
  });
  byId<HTMLButtonElement>('again').addEventListener('click', () => void run(pack.files?.[0]));
}
