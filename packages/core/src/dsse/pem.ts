/**
 * PEM armour for keys (RFC 7468): one `-----BEGIN <label>-----` / `-----END <label>-----` block
 * around standard base64 of DER. Parsing follows the RFC's lax reading (section 3): text before
 * and after the block is ignored and whitespace inside the base64 is allowed; headers (RFC 1421
 * `Proc-Type:` and the like) and more than one block are refused. Output is the strict form:
 * 64-character lines, LF line ends, a final newline (what OpenSSL writes).
 * @module
 */
import { decodeBase64, encodeBase64 } from './base64';

/**
 * Extracts the DER from a PEM text with the expected label.
 * @internal
 * @returns the DER bytes, or a message saying what is wrong
 */
export const decodePem = (
  text: string,
  label: string,
): { readonly der: Uint8Array } | { readonly problem: string } => {
  const begins = text.match(/-----BEGIN ([^-\r\n]*)-----/g) ?? [];
  if (begins.length === 0) return { problem: 'no "-----BEGIN …-----" line found' };
  if (begins.length > 1) return { problem: 'more than one PEM block' };
  const m = /-----BEGIN ([^-\r\n]*)-----([\s\S]*?)-----END ([^-\r\n]*)-----/.exec(text);
  if (m === null) return { problem: 'no matching "-----END …-----" line' };
  const [, beginLabel, body, endLabel] = m as unknown as [string, string, string, string];
  if (beginLabel !== endLabel) {
    return { problem: `BEGIN label "${beginLabel}" does not match END label "${endLabel}"` };
  }
  if (beginLabel !== label) {
    return { problem: `expected a "${label}" PEM block, got "${beginLabel}"${hint(beginLabel)}` };
  }
  if (body.includes(':')) return { problem: 'PEM headers are not supported' };
  const b64 = body.replace(/[ \t\r\n]/g, '');
  const der = /^[A-Za-z0-9+/]*={0,2}$/.test(b64) ? decodeBase64(b64) : undefined;
  if (der === undefined || der.length === 0) {
    return { problem: 'the PEM body is not standard base64 (RFC 7468 section 3)' };
  }
  return { der };
};

/**
 * Wraps DER in a PEM block (RFC 7468 section 3 strict form).
 * @internal
 */
export const encodePem = (der: Uint8Array, label: string): string => {
  const b64 = encodeBase64(der);
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
};

const hint = (label: string): string => {
  if (label === 'EC PRIVATE KEY') {
    return ' (SEC 1 form; convert with `openssl pkcs8 -topk8 -nocrypt`)';
  }
  if (label === 'ENCRYPTED PRIVATE KEY')
    return ' (decrypt it first: encrypted keys are not supported)';
  return '';
};
