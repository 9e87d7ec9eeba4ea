#!/usr/bin/env node
// The `twinning` command. It runs the compiled code in dist/, which `npm ci` builds (the prepare script).
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('Twinning is not built yet: run `npm run build` (npm ci does it for you).\n');
  process.exit(1);
}
// Output piped into a program that stops reading (`| head`) is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { run } = await import(main.href);
const code = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
if (code !== 0) process.exit(code);
