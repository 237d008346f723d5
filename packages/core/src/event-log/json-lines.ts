/**
 * The JSON Lines form of a log (docs/spec/event-log-v1.md section 5): each stored event as its
 * RFC 8785 canonical UTF-8 text followed by one line feed (0x0A), in `seq` order.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { canonicalizeToBytes } from '../canonical-json';
import { makeError } from '../errors';
import type { LogEvent } from '../event';
import { formatJsonPath } from '../json-path';
import type { SealError } from './chain';

/**
 * Encodes events as JSON Lines: canonical JSON per event, each followed by a line feed.
 * @param events - sealed events (from `sealEvents` or a store)
 * @returns the bytes to append to a `.jsonl` log, or `CORE_EVENT_DRAFT_INVALID` naming
 *   `$[i]` and the member that canonical JSON cannot represent
 * @see docs/spec/event-log-v1.md section 5
 * @example
 * encodeEventLines([event]) // right(bytes of '{"actor":{…},"hash":"sha256:…",…}\n')
 */
export const encodeEventLines = (
  events: ReadonlyArray<LogEvent>,
): E.Either<SealError, Uint8Array> => {
  const parts: Uint8Array[] = [];
  let length = 0;
  for (let i = 0; i < events.length; i++) {
    const bytes = canonicalizeToBytes(events[i]);
    if (E.isLeft(bytes)) {
      return E.left(
        makeError(
          'CORE_EVENT_DRAFT_INVALID',
          bytes.left.message,
          `${formatJsonPath([i])}${bytes.left.path.slice(1)}`,
        ) as SealError,
      );
    }
    parts.push(bytes.right);
    length += bytes.right.length + 1;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
    out[offset++] = 0x0a;
  }
  return E.right(out);
};
