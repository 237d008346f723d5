// Runs every bench/*.bench.ts (or those whose name contains an argument) with tsx, one process each.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const filters = process.argv.slice(2);
const files = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
for (const f of files) {
  console.log(`\n## ${f}`);
  execFileSync('npx', ['--no-install', 'tsx', '--conditions=@warrant/source', `bench/${f}`], {
    stdio: 'inherit',
  });
}
