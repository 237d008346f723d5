/**
 * Rendering for `warrant exception`: exception states as JSON (every version an encoded
 * `warrant.exception/v1` object) and as short text blocks, approval progress and breadth
 * warnings in words. Rendering only: nothing here decides anything.
 * @module
 */
import { Exception, type BreadthAnalysis, type ExceptionState, type LogEvent } from '@warrant/core';
import type { ApprovalProgress } from '@warrant/policy';

// --- operations ------------------------------------------------------------

/**
 * An exception state as JSON: its versions encoded as Exception objects.
 * @param state - the state at an instant
 * @returns a JSON value
 * @example
 * encodeState(state).versions[0].schema // 'warrant.exception/v1'
 */
export const encodeState = (state: ExceptionState): Record<string, unknown> => ({
  exception_id: state.exception_id,
  as_of: state.as_of,
  status: state.status,
  current: Exception.encode(state.current),
  versions: state.versions.map((v) => Exception.encode(v)),
});

/**
 * Events as JSON (log records as stored).
 * @param events - log events
 * @returns plain JSON values
 * @example
 * encodeEvents(appended)[0].seq // 7
 */
export const encodeEvents = (events: ReadonlyArray<LogEvent>): ReadonlyArray<unknown> =>
  events.map((e) => JSON.parse(JSON.stringify(e)) as unknown);

/**
 * One line per unmet approval requirement, or that approvals are complete.
 * @param progress - approval progress of the latest version
 * @returns lines without indentation
 * @example
 * progressLines(progress) // ['needs 1 more approval from role cab (…)']
 */
export const progressLines = (progress: ApprovalProgress): ReadonlyArray<string> =>
  progress.satisfied
    ? [`approvals complete (${progress.approvers} approver${progress.approvers === 1 ? '' : 's'})`]
    : progress.shortfalls.map((s) => s.message);

/**
 * The breadth class and its reasons, as warnings for people.
 * @param breadth - the breadth analysis of a version's scope
 * @returns lines without indentation
 * @example
 * breadthLines(analysis) // ['broad scope: no artifact digest …']
 */
export const breadthLines = (breadth: BreadthAnalysis): ReadonlyArray<string> =>
  breadth.reasons.length === 0
    ? [`${breadth.breadth} scope`]
    : breadth.reasons.map((r) => `${breadth.breadth} scope: ${r.message} (${r.path})`);

/**
 * A short text block for one exception state.
 * @param state - the state
 * @returns lines
 * @example
 * stateLines(state).join('\n')
 */
export const stateLines = (state: ExceptionState): ReadonlyArray<string> => {
  const c = state.current;
  const lines = [
    `${state.exception_id}  ${state.status} since ${c.status_since} (version ${c.version} of ${state.versions.length})`,
    `  type        ${c.type}, reason ${c.reason_code}`,
    `  owner       ${c.owner}; requester ${c.requester}`,
    `  expires     ${c.expires_at}${c.valid_from === undefined ? '' : `; valid from ${c.valid_from}`}`,
    `  approvers   ${(c.approvers ?? []).length === 0 ? '(none)' : (c.approvers ?? []).map((a) => `${a.id} as ${a.role}${a.signature === undefined ? '' : ' (signed)'}`).join(', ')}`,
    `  rationale   ${c.rationale}`,
  ];
  if (c.decision !== undefined) {
    lines.push(
      `  decision    ${c.decision.action} by ${c.decision.actor} at ${c.decision.at}: ${c.decision.reason}`,
    );
  }
  return lines;
};

/**
 * One line per appended event.
 * @param events - the appended events
 * @returns lines
 * @example
 * appendedLines(events) // ['seq 3 exception.approved sha256:…']
 */
export const appendedLines = (events: ReadonlyArray<LogEvent>): ReadonlyArray<string> =>
  events.map((e) => `appended seq ${e.seq} ${e.type} ${e.hash}`);
