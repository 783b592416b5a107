import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { commandOf, OPEN_MY_APPRAISAL, SLACK_COMMAND, SLACK_EVENTS } from '../../bot/slack/slack-commands';

// The manifest and the bot agree (R-CHAT-1): the command, the shortcut and the events it declares are the ones
// the bot answers, every word its usage hint offers is understood, and each scope is one the bot uses.
interface Manifest {
  features: { app_home: { messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean }; slash_commands: { command: string; usage_hint: string }[]; shortcuts: { callback_id: string; type: string; name: string }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] } };
}
const text = fs.readFileSync(path.resolve(__dirname, '../../manifest/slack/manifest.yaml'), 'utf8');
const manifest = parse(text) as Manifest;

describe('the Slack manifest and the bot agree (R-CHAT-1)', () => {
  it('declares the one slash command and the one global shortcut the bot answers', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([SLACK_COMMAND]);
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ callback_id: OPEN_MY_APPRAISAL, type: 'global' })]);
    expect(manifest.features.shortcuts[0]?.name.length).toBeLessThanOrEqual(24);
  });

  it('subscribes to exactly the events the bot answers, and people can write to it in its messages tab', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...SLACK_EVENTS].sort());
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
  });

  it('offers in its usage hint only words the bot understands', () => {
    const words = (manifest.features.slash_commands[0]?.usage_hint ?? '').replace(/[[\]]/g, '').split('|').map((w) => w.trim());
    expect(words.length).toBeGreaterThan(3);
    for (const word of words) expect({ word, command: commandOf(word) }).toEqual({ word, command: expect.any(String) as unknown });
    expect(commandOf('please file my taxes')).toBeNull();
  });

  it('explains every scope it asks for', () => {
    for (const scope of manifest.oauth_config.scopes.bot) expect(text).toMatch(new RegExp(`#\\s+${scope.replace('.', '\\.')}\\s+—`));
  });
});
