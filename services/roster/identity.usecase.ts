import type { Person } from '../people/person.schema';
import type { PersonRepository, SchoolRepository } from '../ports/store.port';
import { fail, ok } from '../shared/result';
import type { Result } from '../shared/result';
import type { SlackDirectory } from './slack-directory.port';

/** Why a chat identity could not be linked. */
export type IdentityError = 'IDENTITY.UNKNOWN_TENANT' | 'IDENTITY.NO_MATCH' | 'IDENTITY.TAKEN';

/** Links a Teams user to a person by work email, only within the school that owns the tenant; never by display name. */
export async function linkTeamsIdentity(
  store: { schools: SchoolRepository; people: PersonRepository },
  input: { tenantId: string; aadObjectId: string; email: string },
): Promise<Result<Person, IdentityError>> {
  const school = await store.schools.findByTeamsTenant(input.tenantId);
  if (!school || !school.teamsTenantIds.includes(input.tenantId)) return fail('IDENTITY.UNKNOWN_TENANT', 'This Teams organisation is not linked to a school.');
  const email = input.email.trim().toLowerCase();
  const person = (await store.people.list(school.id)).find((p) => p.email.toLowerCase() === email && p.leftOn === null);
  if (!person) return fail('IDENTITY.NO_MATCH', 'No one on the school roster has this work email.');
  const holder = await store.people.findByTeamsAadObjectId(input.aadObjectId);
  if (holder && holder.id !== person.id) return fail('IDENTITY.TAKEN', 'This Teams account is already linked to someone else.');
  if (person.teams?.aadObjectId === input.aadObjectId && person.teams.tenantId === input.tenantId && !person.teams.unreachable) return ok(person);
  const linked: Person = { ...person, teams: { aadObjectId: input.aadObjectId, tenantId: input.tenantId, unreachable: false } };
  await store.people.upsert(linked);
  return ok(linked);
}

/** What a Slack linking pass did, by person id. */
export interface SlackLinkReport {
  linked: string[];
  notFound: string[];
  /** Found, but in a workspace that is not the school's. */
  otherWorkspace: string[];
}

/** Looks up every active person without a Slack user by work email and links those found in the school's workspace. */
export async function linkSlackIdentities(
  store: { schools: SchoolRepository; people: PersonRepository },
  directory: SlackDirectory,
  schoolId: string,
): Promise<SlackLinkReport> {
  const school = await store.schools.get(schoolId);
  const report: SlackLinkReport = { linked: [], notFound: [], otherWorkspace: [] };
  for (const person of await store.people.list(schoolId)) {
    if (person.leftOn !== null || person.slack) continue;
    const found = await directory.lookupByEmail(person.email);
    if (!found) report.notFound.push(person.id);
    else if (school && school.slackTeamIds.length > 0 && !school.slackTeamIds.includes(found.teamId)) report.otherWorkspace.push(person.id);
    else {
      await store.people.upsert({ ...person, slack: { userId: found.userId, teamId: found.teamId, unreachable: false } });
      report.linked.push(person.id);
    }
  }
  return report;
}

/** Who cannot yet be reached in each chat (active people only). */
export interface UnreachableReport {
  teams: Person[];
  slack: Person[];
  /** Reachable in neither chat: the head must brief them another way (R-CHAT-4). */
  neither: Person[];
}

/** Lists active people without a usable Teams or Slack identity. */
export function unreachableReport(people: readonly Person[]): UnreachableReport {
  const active = people.filter((p) => p.leftOn === null);
  const noTeams = (p: Person) => !p.teams || p.teams.unreachable;
  const noSlack = (p: Person) => !p.slack || p.slack.unreachable;
  return { teams: active.filter(noTeams), slack: active.filter(noSlack), neither: active.filter((p) => noTeams(p) && noSlack(p)) };
}
