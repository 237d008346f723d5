// A vitest reporter that ends the run with one plain line CI tooling can read:
//   "vitest: N passed, N failed, N skipped"
// and, under CI=true, fails the run if any test was skipped: a missing system dependency in CI is
// a failure, not a skip.
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const skippedNames: string[] = [];
    for (const m of testModules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else {
          skipped++;
          skippedNames.push(`${m.moduleId}: ${t.fullName}`);
        }
      }
    }
    if (process.env['CI'] === 'true' && skipped > 0) {
      process.stdout.write(
        `\nCI=true but ${skipped} test(s) were skipped:\n  ${skippedNames.join('\n  ')}\n`,
      );
      process.exitCode = 1;
    }
    process.stdout.write(`\nvitest: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
