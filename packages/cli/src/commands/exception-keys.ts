/**
 * Keys for `warrant exception`: the approver trust map (`--trust <file>`: which public keys speak
 * for which actor) and signing an approval statement with an approver's private key
 * (`--sign-key <file>`). Key files are PEM (SubjectPublicKeyInfo / PKCS #8), Ed25519 or ECDSA
 * P-256, as docs/spec/signatures.md describes.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import {
  importPrivateKeyPem,
  importPublicKeyPem,
  type DsseEnvelope,
  type Verifier,
  type WarrantError,
} from '@warrant/core';
import { approvalStatement, signApproval, type ApproverKeys } from '@warrant/policy';
import type { CliIo } from '../io';
import { readJsonFile } from './exception-context';

// --- operations ------------------------------------------------------------

/**
 * Reads a trust map: a JSON object from actor id to a list of public keys, each either PEM text
 * (`-----BEGIN PUBLIC KEY-----…`) or the path of a PEM file relative to the trust file.
 * @param io - streams and working directory
 * @param file - the trust map's path
 * @returns the verifiers per actor, or an error naming the JSON path of the bad entry
 * @example
 * // trust.json: { "bob@example.com": ["keys/bob.pub.pem"] }
 * const keys = await loadApproverKeys(io, 'trust.json');
 */
export const loadApproverKeys = async (
  io: CliIo,
  file: string,
): Promise<{ readonly keys: ApproverKeys } | WarrantError> => {
  const read = await readJsonFile(io, file, 'trust map');
  if (!('value' in read)) return read;
  const map = read.value;
  if (typeof map !== 'object' || map === null || Array.isArray(map)) {
    return invalid('$', 'expected an object from actor id to a list of public keys');
  }
  const base = dirname(resolve(io.cwd, file));
  const keys = new Map<string, Verifier[]>();
  for (const actor of Object.keys(map).sort()) {
    const list = (map as Record<string, unknown>)[actor];
    const at = `$[${JSON.stringify(actor)}]`;
    if (!Array.isArray(list) || list.length === 0) {
      return invalid(at, 'expected a non-empty list of public keys');
    }
    const verifiers: Verifier[] = [];
    for (let i = 0; i < list.length; i++) {
      const entry: unknown = list[i];
      if (typeof entry !== 'string' || entry === '') {
        return invalid(`${at}[${i}]`, 'expected PEM text or the path of a PEM file');
      }
      let pem = entry;
      if (!entry.startsWith('-----BEGIN')) {
        try {
          pem = await readFile(resolve(base, entry), 'utf8');
        } catch (e) {
          return invalid(
            `${at}[${i}]`,
            `cannot read ${entry}: ${e instanceof Error ? e.message : String(e)}`,
          );
        }
      }
      const key = await importPublicKeyPem(pem);
      if (E.isLeft(key)) return invalid(`${at}[${i}]`, key.left.message);
      verifiers.push(key.right.verifier);
    }
    keys.set(actor, verifiers);
  }
  return { keys };
};

/**
 * Signs the approval statement of an approve command with a PEM private key.
 * @param io - streams and working directory
 * @param keyFile - path of a PKCS #8 PEM private key
 * @param fields - the statement's fields (exception, version, content digest, approver, role, at)
 * @returns the DSSE envelope, or why the key could not be used
 * @see docs/spec/governance-v1.md section 7.1
 * @example
 * const s = await signApprovalWith(io, 'bob.key.pem', { exception_id, version: 1, content_digest, approver: 'bob', role: 'cab', at });
 */
export const signApprovalWith = async (
  io: CliIo,
  keyFile: string,
  fields: Parameters<typeof approvalStatement>[0],
): Promise<{ readonly envelope: DsseEnvelope } | WarrantError> => {
  let pem: string;
  try {
    pem = await readFile(resolve(io.cwd, keyFile), 'utf8');
  } catch (e) {
    return {
      code: 'CLI_FILE_UNREADABLE',
      message: `cannot read signing key ${keyFile}: ${e instanceof Error ? e.message : String(e)}`,
      path: keyFile,
    };
  }
  const key = await importPrivateKeyPem(pem);
  if (E.isLeft(key)) return { ...key.left, path: keyFile };
  return { envelope: await signApproval(approvalStatement(fields), key.right.signer) };
};

// --- internal --------------------------------------------------------------

const invalid = (path: string, message: string): WarrantError => ({
  code: 'CLI_TRUST_MAP_INVALID',
  message: `trust map: ${message}`,
  path,
});
