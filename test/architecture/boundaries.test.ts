import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The core stays free of the edge: services/ imports nothing from bot/, cards/, storage/ nor any chat,
// cloud or storage SDK. The rule lives in eslint.config.mjs (and `npm run lint` applies it to the whole
// tree); these tests prove that it bites. ESLint runs as a child process, as `npm run lint` does.

const root = path.resolve(__dirname, '../..');

function restrictedImports(code: string, file: string): { line: number; message: string }[] {
  const run = spawnSync(path.join(root, 'node_modules/.bin/eslint'), ['--stdin', '--stdin-filename', file, '--format', 'json'], {
    cwd: root,
    input: code,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; line: number; message: string }[] }[];
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports');
}

const forbiddenInServices = [
  "import { CloudAdapter } from 'botbuilder';",
  "import { App } from '@slack/bolt';",
  "import { CosmosClient } from '@azure/cosmos';",
  "import Database from 'better-sqlite3';",
  "import { Application } from '@microsoft/teams-ai';",
  "import express from 'express';",
  "import { startServer } from '../../bot/server';",
  "import { Verbs } from '../../cards/verbs';",
  "import { openStore } from '../../storage/open-store';",
];

describe('import boundaries', () => {
  it('services/ may import no chat, cloud or storage SDK, nor anything from bot/, cards/ or storage/', () => {
    const code = `${forbiddenInServices.join('\n')}\nexport const used = [CloudAdapter, App, CosmosClient, Database, Application, express, startServer, Verbs, openStore];\n`;
    const found = restrictedImports(code, 'services/case/example.ts');
    expect(found.map((m) => m.line)).toEqual(forbiddenInServices.map((_, i) => i + 1));
  });

  it('services/ may import zod, Node built-ins and its own modules', () => {
    const code = "import { createHash } from 'node:crypto';\nimport { z } from 'zod/v4';\nimport { ok } from '../shared/result';\nexport const used = [createHash, z, ok];\n";
    expect(restrictedImports(code, 'services/case/example.ts')).toEqual([]);
  });

  it('cards/ may not import bot/ or storage/', () => {
    const code = "import { startServer } from '../bot/server';\nimport { openStore } from '../storage/open-store';\nexport const used = [startServer, openStore];\n";
    expect(restrictedImports(code, 'cards/example.ts')).toHaveLength(2);
  });
});
