import { INVOKE_RESPONSE_KEY } from 'botbuilder';
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';

// What reaches /api/messages after authentication but is not a well-formed Teams activity — no conversation, no
// sender, a card action without its action, an invoke no route answers — is the client's mistake, not ours: it is
// answered 4xx (or ignored), never left to the adapter's 501 or to an "unhandled error" log (R-CHAT-1).

const CARD_ACTION = 'adaptiveCard/action';

/** The Universal Actions error answer for a card action that is not one. */
const badCardAction = (message: string): InvokeResponse => ({
  status: 200,
  body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message } },
});
const NOT_ANSWERED: InvokeResponse = { status: 400, body: { code: 'BadRequest', message: 'This bot does not answer that kind of request.' } };

/** Why an activity cannot be run: an invoke answer to give, 'ignore' for anything else, or null when it is fine. */
export function refusalOf(activity: Partial<Activity>): InvokeResponse | 'ignore' | null {
  const isInvoke = activity.type === 'invoke';
  if (typeof activity.conversation?.id !== 'string' || typeof activity.from?.id !== 'string') return isInvoke ? NOT_ANSWERED : 'ignore';
  if (isInvoke && activity.name === CARD_ACTION) {
    const action = (activity.value as { action?: { type?: unknown } } | undefined)?.action;
    if (typeof action !== 'object' || action === null || action.type !== 'Action.Execute') return badCardAction('The card action is missing or is not an Action.Execute.');
  }
  return null;
}

/** Runs one Teams turn behind the guard; an invoke that no route answered gets a 400 rather than a 501. */
export async function runGuardedTurn(context: TurnContext, run: (context: TurnContext) => Promise<void>): Promise<void> {
  const refusal = refusalOf(context.activity);
  if (refusal === 'ignore') return;
  if (refusal) return void (await context.sendActivity({ type: 'invokeResponse', value: refusal }));
  await run(context);
  if (context.activity.type === 'invoke' && !context.turnState.get(INVOKE_RESPONSE_KEY)) {
    await context.sendActivity({ type: 'invokeResponse', value: NOT_ANSWERED });
  }
}
