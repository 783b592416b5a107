import fs from 'node:fs';
import path from 'node:path';

// `npm run bench`: runs every `*.bench` module beside this file, one after another, each printing its
// own figures and ratios. Speed and memory targets live here, never in the test suite.

async function main(): Promise<void> {
  const only = process.argv[2];
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => /\.bench\.(js|ts)$/.test(f))
    .filter((f) => !only || f.startsWith(only))
    .sort();
  for (const file of files) {
    const mod = (await import(path.join(__dirname, file))) as { run?: () => Promise<void> };
    if (typeof mod.run !== 'function') continue;
    process.stdout.write(`\n== ${file.replace(/\.(js|ts)$/, '')} ==\n`);
    await mod.run();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
