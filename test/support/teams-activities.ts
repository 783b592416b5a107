import { randomUUID } from 'node:crypto';
import { demoPeople, DEMO_TENANT_ID } from '../../bot/dev/demo-school';

// Builders for Teams activities as the Bot Connector delivers them, with overrides.

/** The ids of an invented Teams user and their personal chat. */
export interface TeamsUser {
  aadObjectId: string;
  name: string;
  conversationId?: string;
  tenantId?: string;
}

const base = (user: TeamsUser, serviceUrl: string) => ({
  id: randomUUID(),
  channelId: 'msteams',
  serviceUrl,
  timestamp: new Date().toISOString(),
  from: { id: `29:${user.aadObjectId}`, name: user.name, aadObjectId: user.aadObjectId },
  recipient: { id: '28:ipp-bot', name: 'Appraisals' },
  conversation: { id: user.conversationId ?? `a:personal-${user.aadObjectId}`, conversationType: 'personal', tenantId: user.tenantId ?? 'tenant-1' },
  channelData: { tenant: { id: user.tenantId ?? 'tenant-1' } },
  locale: 'en-GB',
});

/** A message typed by the user. */
export function aMessage(user: TeamsUser, serviceUrl: string, text: string, overrides: Record<string, unknown> = {}) {
  return { ...base(user, serviceUrl), type: 'message', text, ...overrides };
}

/** An Action.Execute invoke from a card button. */
export function anActionExecute(user: TeamsUser, serviceUrl: string, verb: string, data: unknown = {}, overrides: Record<string, unknown> = {}) {
  return {
    ...base(user, serviceUrl),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    ...overrides,
  };
}

/** The bot being added to a personal chat. */
export function anInstall(user: TeamsUser, serviceUrl: string) {
  const b = base(user, serviceUrl);
  return { ...b, type: 'conversationUpdate', membersAdded: [{ id: b.recipient.id }] };
}

/** A person of the demo school as a Teams user. */
export function demoTeamsUser(personId: string): TeamsUser {
  const p = demoPeople().find((x) => x.id === personId);
  if (!p) throw new Error(`no demo person ${personId}`);
  return { aadObjectId: p.teams?.aadObjectId ?? '', name: p.name, tenantId: DEMO_TENANT_ID };
}
