import type { Person } from '../people/person.schema';
import type { Store } from '../ports/store.port';
import type { CivilDate } from '../shared/time';
import type { Messenger, Recipient } from './messenger.port';

/** Who a nudge can go to: a reachable chat, or why not. */
export type Resolution =
  | { kind: 'ok'; recipient: Recipient; person: Person }
  | { kind: 'left'; person: Person | null }
  | { kind: 'unreachable'; person: Person };

/**
 * Finds how to reach a person: Teams through their stored conversation reference, else a Slack DM. Someone
 * who has left (or is not on the roster) gets nothing; someone marked unreachable everywhere is unreachable.
 */
export async function resolveRecipient(
  store: Pick<Store, 'people' | 'conversations'>,
  messengers: Partial<Record<'teams' | 'slack', Messenger>>,
  schoolId: string,
  personId: string,
  today: CivilDate,
): Promise<Resolution> {
  const person = await store.people.get(schoolId, personId);
  if (!person || (person.leftOn !== null && person.leftOn <= today)) return { kind: 'left', person };
  if (person.teams && !person.teams.unreachable && messengers.teams) {
    const ref = await store.conversations.get('teams', person.teams.aadObjectId);
    if (ref) {
      const recipient = { schoolId, personId, channel: 'teams', userKey: person.teams.aadObjectId, reference: ref.reference, tenantId: person.teams.tenantId ?? null } as const;
      return { kind: 'ok', recipient, person };
    }
  }
  if (person.slack && !person.slack.unreachable && messengers.slack) {
    const recipient = { schoolId, personId, channel: 'slack', userKey: person.slack.userId, reference: null, tenantId: person.slack.teamId ?? null } as const;
    return { kind: 'ok', recipient, person };
  }
  return { kind: 'unreachable', person };
}

/** The person marked unreachable on one chat (a 403/404 from the platform), so nothing more is tried there. */
export function markedUnreachable(person: Person, channel: 'teams' | 'slack'): Person {
  if (channel === 'teams' && person.teams) return { ...person, teams: { ...person.teams, unreachable: true } };
  if (channel === 'slack' && person.slack) return { ...person, slack: { ...person.slack, unreachable: true } };
  return person;
}
