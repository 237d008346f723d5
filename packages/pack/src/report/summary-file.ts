/**
 * `report/summary.html` as a build step: rendered from the planned (and, for a redacted pack,
 * already redacted) machine files, after every other content file is known.
 * @see docs/spec/pack-v1.md section 3.1
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type { PlannedFile } from '../build-input';
import { packError, type PackError } from '../errors';
import type { PackKind } from '../layout';
import type { PackSubject } from '../manifest';
import { renderSummaryHtml } from './summary-html';
import { summarySource } from './summary-source';

/** Path of the HTML summary. */
export const SUMMARY_HTML_PATH = 'report/summary.html';

/**
 * Renders `report/summary.html` from planned files.
 * @param files - the planned content files (streamed ones are not read: the summary's inputs are
 *   always in memory)
 * @param meta - kind, generation time, profile name and subject
 * @returns the planned summary file, or `PACK_INPUT_INVALID` when a machine file does not parse
 * @example
 * summaryHtmlFile(files, { kind: 'artifact', generatedAt, profile: 'internal', subject })
 */
export const summaryHtmlFile = (
  files: ReadonlyArray<PlannedFile>,
  meta: {
    readonly kind: PackKind;
    readonly generatedAt: string;
    readonly profile: string;
    readonly subject: PackSubject;
  },
): E.Either<PackError, PlannedFile> => {
  const source = summarySource(
    files.flatMap((f) =>
      f.content instanceof Uint8Array ? [{ path: f.path, bytes: f.content }] : [],
    ),
    {
      kind: meta.kind,
      generatedAt: meta.generatedAt,
      profile: meta.profile,
      title: summaryTitle(meta.kind, meta.subject),
    },
  );
  if (E.isLeft(source)) {
    return E.left(packError('PACK_INPUT_INVALID', source.left.message, source.left.path));
  }
  return E.right({
    path: SUMMARY_HTML_PATH,
    mediaType: 'text/html',
    content: renderSummaryHtml(source.right),
  });
};

/**
 * The page title's subject: the release, environment or period, else the first artifact.
 * @param kind - the pack kind
 * @param subject - the (redacted) subject
 * @returns a label
 * @example
 * summaryTitle('release', { artifacts: [], release: 'v1.2.0' }) // 'release v1.2.0'
 */
export const summaryTitle = (kind: PackKind, subject: PackSubject): string => {
  if (kind === 'release' && subject.release !== undefined) return `release ${subject.release}`;
  if (kind === 'environment' && subject.environment !== undefined) {
    return `environment ${subject.environment}`;
  }
  if (kind === 'period' && subject.period !== undefined) {
    return `period ${subject.period.from} to ${subject.period.to}`;
  }
  const a = subject.artifacts[0];
  return a === undefined ? kind : `${a.name ?? a.digest}`;
};
