import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Person } from '../../services/people/person.schema';
import { DEMO_TENANT_ID } from './demo-school';

/** The Playground's own port (its web UI and its fake connector). */
export const PLAYGROUND_PORT = 56150;

function yamlUser(p: Person, indent: string): string {
  const [givenName, ...rest] = p.name.split(' ');
  return [
    `id: ${p.id}`,
    `name: ${p.name}`,
    `userPrincipleName: ${p.email}`,
    `aadObjectId: ${p.teams?.aadObjectId ?? ''}`,
    `givenName: ${givenName}`,
    `surname: ${rest.join(' ')}`,
    `email: ${p.email}`,
  ].map((line, i) => (i === 0 ? line : `${indent}${line}`)).join('\n');
}

/** Writes the Playground's mock-tenant file so its users are the demo school's people, the first one signed in. */
export function writePlaygroundConfig(dir: string, signedIn: Person, others: Person[]): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, '.m365agentsplayground.yml');
  const text = [
    'version: "0.1.1"',
    `tenantId: ${DEMO_TENANT_ID}`,
    'bot:',
    '  id: 00000000-0000-0000-0000-00000000000011',
    '  name: Appraisals',
    'currentUser:',
    `  ${yamlUser(signedIn, '  ')}`,
    'users:',
    // The Playground accepts at most five other users.
    ...others.slice(0, 5).map((p) => `  - ${yamlUser(p, '    ')}`),
    'personalChat:',
    '  id: personal-chat-demo',
    'groupChat:',
    '  id: group-chat-demo',
    '  name: Staffroom',
    'team:',
    '  id: team-demo',
    '  name: All staff',
    '  aadGroupId: 00000000-0000-0000-0000-000000000031',
    '  channels:',
    '    - id: channel-general-demo',
    '      name: General',
    '',
  ].join('\n');
  fs.writeFileSync(file, text);
  return file;
}

/** Starts the Microsoft 365 Agents Playground (a local Teams-like web client) pointed at the bot. */
export function startPlayground(options: { botEndpoint: string; dir: string; port?: number }): ChildProcess {
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const args = [cli, '-e', options.botEndpoint, '-c', 'msteams', '-p', String(options.port ?? PLAYGROUND_PORT), '--disable-telemetry'];
  return spawn(process.execPath, args, {
    cwd: options.dir,
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      TEAMSAPPTESTER_LOGFILE: path.join(options.dir, 'playground.log'),
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(options.dir, '.m365agentsplayground.yml'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Resolves once `url` answers HTTP, or rejects after `ms` (the Playground takes a few seconds to start). */
export async function waitUntilServing(url: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`nothing answered at ${url} within ${Math.round(ms / 1000)} s`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
