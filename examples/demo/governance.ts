/**
 * Demo step: exceptions under the default governance rules, recorded in a hash-chained log.
 * Every command goes through `executeExceptionCommand` (pure: it returns events or refusals) and
 * its events are appended with the expected sequence number, as a host service would do it.
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  foldExceptionEvents,
  type ExceptionRecord,
  type LogEvent,
  type LogId,
  type Sha256Digest,
  type Timestamp,
  type WarrantStore,
} from '@warrant/core';
import {
  defaultGovernance,
  executeExceptionCommand,
  type CommandOutcome,
  type GovernanceConfig,
} from '@warrant/policy';
import { ok } from './util';

/** Who may act with each role (the default configuration's roles). */
export const GOVERNANCE: GovernanceConfig = defaultGovernance({
  approver: ['alice@example.com', 'bob@example.com'],
  'security-reviewer': ['sec@example.com'],
  cab: ['cab@example.com'],
});

const human = (id: string) => ({ id, kind: 'human' as const });

/** Runs lifecycle commands against one log of a store, appending what each command produces. */
export class ExceptionDesk {
  constructor(
    private readonly store: WarrantStore,
    private readonly logId: LogId,
  ) {}

  /** Executes a command on the current record; appends its events or returns the refusal. */
  async run(
    command: Record<string, unknown>,
  ): Promise<E.Either<ReadonlyArray<{ code: string; message: string }>, CommandOutcome>> {
    const id = command['exception_id'];
    const record = typeof id === 'string' ? await this.record(id) : undefined;
    const outcome = executeExceptionCommand(record, command, GOVERNANCE);
    if (E.isLeft(outcome))
      return E.left('refusals' in outcome.left ? outcome.left.refusals : outcome.left.issues);
    const head = ok(await this.store.events.head(this.logId));
    ok(await this.store.events.append(this.logId, head.size, outcome.right.events));
    return outcome;
  }

  /** The folded record of one exception, from the log. */
  async record(exceptionId: string): Promise<ExceptionRecord> {
    return ok(
      foldExceptionEvents(ok(await this.store.events.readSubject(this.logId, exceptionId))),
    );
  }

  /** One exception's events, in log order (its history, as `evaluate` reads it). */
  async history(exceptionId: string): Promise<ReadonlyArray<LogEvent>> {
    return ok(await this.store.events.readSubject(this.logId, exceptionId));
  }

  /** Every event of the log. */
  async events(): Promise<ReadonlyArray<LogEvent>> {
    return ok(await this.store.events.read(this.logId, { from: 0 }));
  }
}

/** The three proposals of the story: a narrow prod exception, a dev one, and a broad one. */
export const proposals = (testapp: Sha256Digest, vexDigest: Sha256Digest) => ({
  /** Prod, narrow: expat in the testapp image, mitigated by a control; needs two approvers. */
  prodExpat: {
    type: 'vulnerability',
    owner: 'team-platform',
    scope: {
      artifacts: [{ digest: testapp }],
      components: [{ purl: 'pkg:rpm/amazon/expat', range: 'vers:rpm/<2.1.0-15.amzn2.0.3' }],
      vulnerabilities: ['CVE-2022-23990', 'CVE-2022-25313'],
      environment: { envs: ['prod'] },
    },
    reason_code: 'COMPENSATING_CONTROL',
    rationale:
      'testapp parses no untrusted XML: expat is only linked by the OS image. The base image rebuild with expat 2.1.0-15.amzn2.0.3 ships in the next release train.',
    compensating_controls: [
      {
        control: 'The pod runs with a read-only root filesystem and no XML-accepting endpoint',
        measurement: 'Weekly admission audit confirms readOnlyRootFilesystem and the route list',
        enforcement: 'Kyverno policy rejects deployments without readOnlyRootFilesystem',
      },
    ],
    evidence_refs: [
      {
        kind: 'control',
        uri: 'https://policies.example.com/kyverno/readonly-rootfs.yaml',
        media_type: 'application/yaml',
        digest: `sha256:${'c'.repeat(64)}`,
      },
    ],
    risk_acceptance: { accepted: true, statement: 'Platform lead accepts until the rebuild.' },
    risk_score: 35,
    links: [{ kind: 'ticket', ref: 'PLAT-4711' }],
    expires_at: '2027-01-31T00:00:00Z',
  },
  /** Dev, narrow: logback in dev only; its requester may approve it. */
  devLogback: {
    type: 'vulnerability',
    owner: 'team-app',
    scope: {
      artifacts: [{ digest: testapp }],
      components: [{ purl: 'pkg:maven/ch.qos.logback/logback-classic@1.2.12' }],
      vulnerabilities: ['CVE-2023-6378'],
      environment: { envs: ['dev'] },
    },
    reason_code: 'NOT_AFFECTED',
    rationale: 'The logback receiver component is not configured in testapp.',
    evidence_refs: [
      {
        kind: 'vex',
        uri: 'https://example.com/vex/testapp-0.0.2-2026-11-20',
        media_type: 'application/openvex+json',
        digest: vexDigest,
      },
    ],
    risk_acceptance: { accepted: false },
    risk_score: 10,
    expires_at: '2026-12-31T00:00:00Z',
  },
  /** Broad: one CVE everywhere, no artifact, no component, no environment. */
  broadLogback: {
    type: 'vulnerability',
    owner: 'team-app',
    scope: { vulnerabilities: ['CVE-2023-6481'] },
    reason_code: 'RISK_ACCEPTED',
    rationale: 'Accept everywhere until every service upgrades logback.',
    risk_acceptance: { accepted: true, statement: 'Blanket acceptance, flagged as broad.' },
    risk_score: 60,
    expires_at: '2027-01-15T00:00:00Z',
  },
});

/** A command as JSON, the way a CLI or an API would receive it. */
export const command = (
  name: string,
  by: string,
  at: Timestamp,
  rest: Record<string, unknown>,
): Record<string, unknown> => ({ command: name, actor: human(by), at, ...rest });
