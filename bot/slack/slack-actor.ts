import type { Actor } from '../actor';
import { resolveActor } from '../actor';
import type { ProductStore } from '../compose';

// Who is acting in Slack, from stored state only (R-ROLE-1): the roster's Slack link, and — when the school has
// named its Slack workspaces — only from one of those, so a user of another workspace is never taken for staff.

/** The actor for a Slack user in a workspace; a stranger when the school's workspaces do not include it. */
export async function slackActor(store: ProductStore, userId: string, teamId: string | undefined): Promise<Actor> {
  const actor = await resolveActor(store, 'slack', userId);
  const allowed = actor.school?.slackTeamIds ?? [];
  if (allowed.length > 0 && (!teamId || !allowed.includes(teamId))) return { chat: 'slack', userKey: userId, person: null, school: null, roles: new Set() };
  return actor;
}
