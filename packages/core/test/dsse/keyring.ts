// Keys shared by the DSSE tests: generated once per test file (Ed25519 and P-256).
import * as E from 'fp-ts/lib/Either.js';
import { generateSigningKey, type DsseAlgorithm, type GeneratedSigningKey } from '@warrant/core';

export const makeKey = async (alg: DsseAlgorithm): Promise<GeneratedSigningKey> => {
  const key = await generateSigningKey(alg);
  if (E.isLeft(key)) throw new Error(key.left.message);
  return key.right;
};

export const makeKeys = (algs: ReadonlyArray<DsseAlgorithm>): Promise<GeneratedSigningKey[]> =>
  Promise.all(algs.map(makeKey));
