import type { Person } from '../services/people/person.schema';
import type { SchoolRecord, Store } from '../services/ports/store.port';

/** The roles a person holds at their school, from stored state — never from a card payload. */
export type Role = 'reviewer' | 'headteacher' | 'slt' | 'pd-manager' | 'clerk' | 'appeal-panel';

/** Who is acting, as the store knows them. `person` is null when their chat identity is not on any roster. */
export interface Actor {
  chat: 'teams' | 'slack';
  /** The chat's id for the user (AAD object id or Slack user id). */
  userKey: string;
  person: Person | null;
  school: SchoolRecord | null;
  roles: ReadonlySet<Role>;
}

/** The roles the person's own record names. Whether they review anyone is asked separately (`withTeamRole`). */
function rolesOf(person: Person): Set<Role> {
  const roles = new Set<Role>();
  if (person.headteacher) roles.add('headteacher');
  if (person.slt) roles.add('slt');
  if (person.pdManager) roles.add('pd-manager');
  if (person.clerk) roles.add('clerk');
  if (person.appealPanel) roles.add('appeal-panel');
  return roles;
}

/**
 * Resolves the actor from their chat identity: two reads. Case actions need no more: who reviews a case is on the
 * case. The `reviewer` role (someone is line-managed by them) is left to `withTeamRole`, for the screens that use it.
 */
export async function resolveActor(store: Store, chat: 'teams' | 'slack', userKey: string): Promise<Actor> {
  const person = chat === 'teams' ? await store.people.findByTeamsAadObjectId(userKey) : await store.people.findBySlackUserId(userKey);
  if (!person || person.leftOn !== null) return { chat, userKey, person: null, school: null, roles: new Set() };
  const school = await store.schools.get(person.schoolId);
  return { chat, userKey, person, school, roles: rolesOf(person) };
}

/**
 * The actor with the `reviewer` role when anyone still at the school has them as line manager, so the welcome card
 * and Slack Home offer their team (R-CHAT-2). It reads the school's staff list: only those screens ask.
 */
export async function withTeamRole(store: Store, actor: Actor): Promise<Actor> {
  const me = actor.person;
  if (!me || actor.roles.has('reviewer')) return actor;
  const colleagues = await store.people.list(me.schoolId);
  return colleagues.some((p) => p.leftOn === null && p.lineManagerIds.includes(me.id)) ? { ...actor, roles: new Set([...actor.roles, 'reviewer']) } : actor;
}

/** The first name to greet someone by. */
export function firstName(person: Person): string {
  return person.name.trim().split(/\s+/)[0] ?? person.name;
}
