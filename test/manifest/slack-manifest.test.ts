import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

// The Slack app manifest, ready to paste: one endpoint for everything, the minimum scopes, App Home on.

interface SlackManifest {
  display_information: { name: string; description: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    slash_commands: { command: string; url: string }[];
    shortcuts: { callback_id: string; type: string }[];
  };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: { event_subscriptions: { request_url: string; bot_events: string[] }; interactivity: { is_enabled: boolean; request_url: string }; socket_mode_enabled: boolean };
}

const manifest = parse(fs.readFileSync(path.resolve(__dirname, '../../manifest/slack/manifest.yaml'), 'utf8')) as SlackManifest;

describe('Slack app manifest', () => {
  it('asks for the minimum bot scopes and no user scopes', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['chat:write', 'commands', 'im:history', 'im:write', 'users:read', 'users:read.email']);
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
  });

  it('sends events, the /ipp command and interactivity to the one /slack/events endpoint', () => {
    const urls = [manifest.settings.event_subscriptions.request_url, manifest.settings.interactivity.request_url, ...manifest.features.slash_commands.map((c) => c.url)];
    for (const url of urls) expect(new URL(url).pathname).toBe('/slack/events');
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/ipp']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it('subscribes to App Home and direct messages, with the Home tab on', () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_home_opened', 'message.im']);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
  });

  it('keeps within Slack’s limits for names and descriptions', () => {
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
  });
});
