import { execFile } from 'node:child_process';
import path from 'node:path';

// The admin command line as a user runs it: a child process over a data folder, its exit code and output.

const TSX = path.join('node_modules', '.bin', 'tsx');

/** Runs `npm run admin -- <args>` over the embedded store in `dataDir`. */
export function runAdmin(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, ['bot/cli/admin.cli.ts', ...args, '--data-dir', dataDir], (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
  });
}
