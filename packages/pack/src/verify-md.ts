/**
 * The text of `VERIFY.md`: how to check a pack offline with GNU coreutils, jq and OpenSSL only.
 * It is the same for every v1 pack (it names no pack-specific value), so it never needs trusting
 * beyond the manifest that lists it. The commands are exercised by the test suite.
 * @see docs/spec/pack-v1.md section 7 (VERIFY.md)
 * @module
 */
import { utf8Encode } from '@warrant/core';

/**
 * The bytes of `VERIFY.md` in a v1 pack.
 * @see docs/spec/pack-v1.md section 7
 * @example
 * utf8Decode(VERIFY_MD).startsWith('# Verifying this audit pack') // true
 */
export const VERIFY_MD: Uint8Array = utf8Encode(
  [
    '# Verifying this audit pack',
    '',
    'This pack is evidence, not a report: check it without trusting whoever gave it to you.',
    'Format: warrant.pack/v1, specified in docs/spec/pack-v1.md of the Warrant repository.',
    'The steps below need only GNU tar, GNU coreutils, jq and OpenSSL 3, and no network.',
    '',
    '## 1. Extract',
    '',
    '    mkdir pack && tar -xzf pack.tar.gz -C pack && cd pack',
    '',
    'The archive holds regular files only, with relative paths and no links.',
    '',
    '## 2. Check every file against SHA256SUMS',
    '',
    '    sha256sum -c --strict SHA256SUMS',
    '',
    'Every line must say OK. SHA256SUMS lists manifest.json and every file the manifest lists.',
    'Files not in SHA256SUMS: SHA256SUMS itself and signatures/*.dsse.json. Anything else is',
    'an unlisted file and the pack must be rejected:',
    '',
    "    find . -type f | sed 's|^\\./||' | LC_ALL=C sort > ../present.txt",
    '    (cut -c67- SHA256SUMS; echo SHA256SUMS; ls signatures/*.dsse.json 2>/dev/null) \\',
    '      | LC_ALL=C sort | diff - ../present.txt',
    '',
    '(present.txt goes outside the folder: a file created inside would be listed by find itself.)',
    '',
    '## 3. Check that SHA256SUMS is the one the manifest implies',
    '',
    '    (jq -r \'.files[] | .sha256 + "  " + .path\' manifest.json;',
    '     echo "$(sha256sum manifest.json | cut -c1-64)  manifest.json") \\',
    "      | LC_ALL=C sort -t ' ' -k 3 | diff - SHA256SUMS",
    '',
    'No output means the manifest lists exactly these files with these digests.',
    '',
    '## 4. Check the manifest signature',
    '',
    'signatures/manifest.dsse.json is a DSSE envelope whose payload must be manifest.json,',
    'byte for byte. With the signer public key you trust in key.pub.pem (SPKI PEM):',
    '',
    '    jq -r .payload signatures/manifest.dsse.json | base64 -d | cmp - manifest.json',
    '    T=$(jq -r .payloadType signatures/manifest.dsse.json)',
    '    printf \'DSSEv1 %d %s %d \' "${#T}" "$T" "$(stat -c %s manifest.json)" > /tmp/pae.bin',
    '    cat manifest.json >> /tmp/pae.bin',
    "    jq -r '.signatures[0].sig' signatures/manifest.dsse.json | base64 -d > /tmp/sig.bin",
    '    # Ed25519 keys:',
    '    openssl pkeyutl -verify -pubin -inkey key.pub.pem -rawin -in /tmp/pae.bin -sigfile /tmp/sig.bin',
    '    # ECDSA P-256 keys (DER signatures):',
    '    openssl dgst -sha256 -verify key.pub.pem -signature /tmp/sig.bin /tmp/pae.bin',
    '',
    'Try each signature index if there are several; count distinct trusted keys that verify.',
    'signatures/verdict.intoto.dsse.json is an in-toto Statement v1 about the verdict: its',
    'subjects are the artifact digests and predicate.verdict_sha256 is the SHA-256 of',
    'verdict/verdict.json (or verdict/verdicts.jsonl). Check it the same way.',
    '',
    '## 5. What the signature then proves',
    '',
    'The signed manifest fixes every listed file by size and SHA-256, the pack subject, the',
    'generation time and the Merkle root (RFC 9162) over the file entries, which lets one file',
    'be proven to belong to the pack without the others (warrant pack prove / verify-proof).',
    'exceptions/events.jsonl is a hash-chained event log; exceptions/checkpoint.dsse.json is a',
    'signed checkpoint of its Merkle root. `warrant pack verify <pack> --key <key.pub.pem>`',
    'performs all of the above and those two checks in one step.',
    '',
  ].join('\n'),
);
