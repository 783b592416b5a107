import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import { z } from 'zod/v4';
import { actAsCard, errorCard, welcomeCard } from '../../cards/teams/cards';
import { actAsView } from '../../cards/views/act-as.view';
import { errorView } from '../../cards/views/error.view';
import { Verbs } from '../../cards/verbs';
import type { Store } from '../../services/ports/store.port';
import { resolveActor, withTeamRole } from '../actor';
import { welcomeScreen } from '../screens';

/**
 * Local mode only (authentication off): lets one person at a laptop act as anyone of their school, so a
 * whole cycle can be walked from every chair in the Playground. Never registered when authentication is on.
 * Who is being acted as is remembered per conversation, in memory, for the life of the process.
 */
export class LocalIdentitySwitch {
  private readonly actingAs = new Map<string, string>();

  /** The AAD object id to act as in this conversation, else the sender's own. */
  userKeyFor(context: TurnContext): string {
    const own = context.activity.from?.aadObjectId ?? context.activity.from?.id ?? '';
    return this.actingAs.get(context.activity.conversation?.id ?? '') ?? own;
  }

  /** Acts as `aadObjectId` from now on in this conversation. */
  actAs(context: TurnContext, aadObjectId: string): void {
    this.actingAs.set(context.activity.conversation?.id ?? '', aadObjectId);
  }
}

const actAsInputSchema = z.object({ personId: z.string().min(1).max(200) });

/** Registers "act as" (typed, or the picker's buttons). */
export function registerActAsRoutes(app: Application, store: Store, identities: LocalIdentitySwitch): void {
  async function picker(context: TurnContext) {
    const actor = await resolveActor(store, 'teams', identities.userKeyFor(context));
    const schoolId = actor.person?.schoolId;
    const people = schoolId ? (await store.people.list(schoolId)).filter((p) => p.leftOn === null && p.teams) : [];
    const roles = (p: (typeof people)[number]) =>
      [p.headteacher ? 'headteacher' : '', p.slt ? 'SLT' : '', people.some((o) => o.lineManagerIds.includes(p.id)) ? 'reviewer' : ''].filter(Boolean);
    return actAsCard(actAsView(actor.person?.name ?? 'nobody on a roster', people.map((p) => ({ id: p.id, name: p.name, jobTitle: p.jobTitle, roles: roles(p) }))));
  }

  app.message(/^\s*act as\s*$/i, async (context) => {
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(await picker(context))] });
  });

  app.adaptiveCards.actionExecute(Verbs.devActAs, async (context, _state, data) => {
    const input = actAsInputSchema.safeParse(data);
    const current = await resolveActor(store, 'teams', identities.userKeyFor(context));
    const chosen = input.success && current.person ? await store.people.get(current.person.schoolId, input.data.personId) : null;
    if (!chosen?.teams) {
      return errorCard(errorView({ code: 'DEV.UNKNOWN_PERSON', message: 'I couldn’t find that person at your school. Pick someone from the list again.' }));
    }
    identities.actAs(context, chosen.teams.aadObjectId);
    const view = welcomeScreen(await withTeamRole(store, await resolveActor(store, 'teams', chosen.teams.aadObjectId)));
    return welcomeCard({ ...view, note: `You are now acting as ${chosen.name}. Say "act as" to switch again.` });
  });
}
