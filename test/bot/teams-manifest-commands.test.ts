import { readFileSync } from 'node:fs';
import path from 'node:path';
import { aMessage, demoTeamsUser } from '../support/teams-activities';
import { postJson } from '../support/test-server';
import { useTeamsServer } from './teams-harness';

// Every command the Teams manifest lists in the personal chat's command menu is one the bot understands, over HTTP
// on loopback (R-CHAT-1): picked from the menu, it is sent as typed text, and none may get "Sorry, I didn't
// understand". Asked as the headteacher, who may use every one of them.
const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../manifest/teams/manifest.json'), 'utf8')) as {
  bots: { commandLists?: { scopes: string[]; commands: { title: string }[] }[] }[];
};
const titles = manifest.bots.flatMap((b) => b.commandLists ?? []).filter((l) => l.scopes.includes('personal')).flatMap((l) => l.commands.map((c) => c.title));
const priya = demoTeamsUser('p-head');

describe('the Teams command menu (R-CHAT-1)', () => {
  const server = useTeamsServer();

  it('lists commands at all, at most the ten Teams shows', () => {
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.length).toBeLessThanOrEqual(10);
  });

  it.each(titles)('R-CHAT-1: "%s" from the menu is understood', async (title) => {
    const before = server.connector.calls.length;
    expect((await postJson(`${server.t.base}/api/messages`, aMessage(priya, server.connector.url, title))).status).toBe(200);
    await server.connector.waitForCalls(before + 1);
    expect(JSON.stringify(server.connector.calls.slice(before).map((c) => c.body))).not.toContain('didn’t understand');
  });
});
