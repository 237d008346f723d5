/**
 * Bench content for the pack benches: deterministic CycloneDX-like JSON (LCG, seed 7) in files
 * of 8 MiB, written once to `<dir>/content` and reused by later runs (`<dir>/done` marks a
 * complete set). Each file compresses about 3.6:1 at gzip level 6, like real SBOMs.
 * @module
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MIB = 2 ** 20;
const FILE_MIB = 8;

/**
 * Generates (once) and lists the content files.
 * @param dir - the bench's scratch folder
 * @param sizeMib - total content size, rounded up to whole 8 MiB files
 * @returns the file paths in name order
 */
export const sbomFixture = (dir: string, sizeMib: number): string[] => {
  const contentDir = join(dir, 'content');
  if (!existsSync(join(dir, 'done'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(contentDir, { recursive: true });
    let x = 7;
    const next = (): number => (x = (x * 1103515245 + 12345) % 2 ** 31);
    const hex = (n: number): string => {
      let s = '';
      while (s.length < n) s += next().toString(16).padStart(8, '0');
      return s.slice(0, n);
    };
    for (let f = 0; f < sizeMib / FILE_MIB; f++) {
      const parts: string[] = ['{"bomFormat":"CycloneDX","specVersion":"1.5","components":['];
      let length = parts[0]!.length;
      while (length < FILE_MIB * MIB - 600) {
        const name = `pkg-${next() % 20000}`;
        const version = `${next() % 10}.${next() % 40}.${next() % 100}`;
        const c = `{"type":"library","bom-ref":"${hex(16)}","name":"${name}","version":"${version}","purl":"pkg:npm/${name}@${version}","hashes":[{"alg":"SHA-256","content":"${hex(64)}"}]},\n`;
        parts.push(c);
        length += c.length;
      }
      writeFileSync(
        join(contentDir, `sbom-${String(f).padStart(4, '0')}.cdx.json`),
        `${parts.join('')}{}]}`.padEnd(FILE_MIB * MIB, ' '),
      );
    }
    writeFileSync(join(dir, 'done'), '');
  }
  return readdirSync(contentDir)
    .sort()
    .map((f) => join(contentDir, f));
};
