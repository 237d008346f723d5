/**
 * @warrant/cli: the `warrant` command. Programmatic use: `run(argv, io)`.
 * @module
 */
export { run } from './main';
export { EXIT } from './io';
export type { CliIo, ExitCode } from './io';
