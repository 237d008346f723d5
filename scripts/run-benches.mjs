// Runs every bench/*.bench.ts (or those whose name contains an argument) with tsx, one process each.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

// Numeric arguments (sizes) are passed to every bench run, the others select benches by name.
const sizes = process.argv.slice(2).filter((a) => /^\d+$/.test(a));
const filters = process.argv.slice(2).filter((a) => !/^\d+$/.test(a));
const files = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
for (const f of files) {
  console.log(`\n## ${f}`);
  execFileSync(
    'npx',
    ['--no-install', 'tsx', '--conditions=@warrant/source', `bench/${f}`, ...sizes],
    {
      stdio: 'inherit',
    },
  );
}
