import type { HomeView } from '../cards/views/home.view';
import { homeView } from '../cards/views/home.view';
import type { WelcomeView } from '../cards/views/welcome.view';
import { welcomeView } from '../cards/views/welcome.view';
import type { Store } from '../services/ports/store.port';
import type { Actor } from './actor';
import { firstName } from './actor';

// The use-cases behind the chat screens, shared by Teams and Slack: each returns a view-model
// that either chat renders its own way.

/** The welcome / help screen for this actor. */
export function welcomeScreen(actor: Actor): WelcomeView {
  if (!actor.person || !actor.school) return welcomeView({ person: null });
  return welcomeView({ person: { firstName: firstName(actor.person), schoolName: actor.school.name, roles: actor.roles } });
}

/** "My appraisal" for this actor, or the welcome screen when they are not on a roster. */
export async function homeScreen(store: Store, actor: Actor): Promise<{ kind: 'home'; view: HomeView } | { kind: 'welcome'; view: WelcomeView }> {
  if (!actor.person || !actor.school) return { kind: 'welcome', view: welcomeView({ person: null }) };
  const managerId = actor.person.lineManagerIds[0];
  const manager = managerId ? await store.people.get(actor.person.schoolId, managerId) : null;
  return {
    kind: 'home',
    view: homeView({ firstName: firstName(actor.person), schoolName: actor.school.name, reviewerName: manager?.name ?? null, appraisal: null }),
  };
}
