import type { App } from '@slack/bolt';
import { z } from 'zod/v4';
import { buttons, caseBlocks, formModal, listBlocks, verbOfActionId } from '../../cards/slack/case-blocks';
import type { FormMetadata } from '../../cards/slack/case-blocks';
import { errorBlocks, fallbackText } from '../../cards/slack/blocks';
import type { Block } from '../../cards/slack/blocks';
import { fieldErrorsOf, formInput } from '../../cards/views/forms';
import type { FormView } from '../../cards/views/forms';
import { commandOfVerb, Verbs } from '../../cards/verbs';
import { COMMAND_INPUT_SCHEMAS } from '../../services/case';
import type { CommandType } from '../../services/case';
import { resolveActor } from '../actor';
import type { Actor } from '../actor';
import type { CaseRuntime } from '../case-runtime';
import { caseScreen, formScreen, myCase, runCaseCommand } from '../case-screens';
import type { CaseScreen } from '../case-screens';
import type { ProductStore } from '../compose';
import { accessScreen, moderationScreen, teamScreen } from '../queue-screens';
import type { ListScreen } from '../queue-screens';

// The case in Slack (R-CHAT-1, R-CHAT-2): buttons run or open each command, forms are modals, the App Home
// shows my appraisal and my queues. Every listener acknowledges first; the store is the record, never Slack.

/** Block Kit for a screen. */
export function screenBlocks(screen: CaseScreen | ListScreen): Block[] {
  if (screen.kind === 'case') return caseBlocks(screen.view);
  if (screen.kind === 'list') return listBlocks(screen.view);
  if (screen.kind === 'error') return errorBlocks(screen.view);
  return [];
}

const metadataSchema = z.object({
  command: z.string(), caseId: z.string(), version: z.number().int(),
  fixed: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  fields: z.array(z.object({ id: z.string(), kind: z.enum(['text', 'date', 'choice', 'toggle', 'heading']), required: z.boolean(), multi: z.boolean() })),
});
type StateValue = { value?: string | null; selected_date?: string | null; selected_option?: { value: string } | null; selected_options?: { value: string }[] };

/** A modal's inputs as flat values by field id, the way a card's inputs arrive. */
export function modalValues(values: Record<string, Record<string, StateValue>>, fields: FormMetadata['fields']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const v = values[f.id]?.value;
    if (!v) continue;
    if (f.kind === 'toggle') out[f.id] = (v.selected_options ?? []).length > 0 ? 'true' : 'false';
    else if (f.kind === 'date') out[f.id] = v.selected_date ?? '';
    else if (f.kind === 'choice') out[f.id] = f.multi ? (v.selected_options ?? []).map((o) => o.value).join(',') : (v.selected_option?.value ?? '');
    else out[f.id] = v.value ?? '';
  }
  return out;
}

/** Checks a modal's input against its command's schema without any I/O, so errors go back inside Slack's 3 seconds. */
export function checkModal(meta: FormMetadata, values: Record<string, string>): Record<string, string> | null {
  const type = commandOfVerb(`ipp.do.${meta.command}`)?.type;
  if (!type) return { _: 'This form is out of date.' };
  const form = { fixed: meta.fixed, fields: meta.fields.map((f) => ({ ...f, label: '', value: '', choices: [], multiline: false, maxLength: 0, placeholder: '', error: null })) } as unknown as FormView;
  const parsed = (COMMAND_INPUT_SCHEMAS[type] as unknown as z.ZodType).safeParse(formInput(form, values));
  if (parsed.success) return null;
  const errors = fieldErrorsOf(parsed.error.issues);
  const known = new Set(meta.fields.map((f) => f.id));
  const byBlock: Record<string, string> = {};
  for (const [id, problem] of Object.entries(errors)) {
    const block = known.has(id) ? id : meta.fields.find((f) => f.id.startsWith(`${id}.`))?.id;
    if (block) byBlock[block] = problem;
  }
  return Object.keys(byBlock).length ? byBlock : { [meta.fields[0]?.id ?? '_']: Object.values(errors)[0] ?? 'Please check this form.' };
}

/** Registers the case listeners on the bolt app. */
export function registerSlackCaseRoutes(app: App, deps: { store: ProductStore; runtime: CaseRuntime }): void {
  const { store, runtime } = deps;
  const actorOf = (userId: string): Promise<Actor> => resolveActor(store, 'slack', userId);

  /** Replaces the message the button was on (so old buttons cannot be pressed twice), or DMs the person. */
  async function show(body: { user: { id: string }; container?: { channel_id?: string; message_ts?: string; type?: string } }, blocks: Block[], text: string) {
    const c = body.container;
    if (c?.type === 'message' && c.channel_id && c.message_ts) await app.client.chat.update({ channel: c.channel_id, ts: c.message_ts, blocks, text });
    else await app.client.chat.postMessage({ channel: body.user.id, blocks, text });
  }

  app.action(/^ipp\.(do|form|case|access|team|moderation)\./, async ({ ack, body, action }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button' || !('action_id' in action)) return;
    const verb = verbOfActionId(action.action_id);
    const data = (() => {
      try {
        const v: unknown = JSON.parse(action.value ?? '{}');
        return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
      } catch {
        return {};
      }
    })();
    const actor = await actorOf(body.user.id);
    const command = commandOfVerb(verb);
    let screen: CaseScreen | ListScreen;
    if (command?.form) screen = await formScreen(store, runtime, actor, command.type, data);
    else if (command) screen = await runCaseCommand(store, runtime, actor, { type: command.type, data, channel: 'slack' });
    else if (verb === Verbs.caseShow) screen = await caseScreen(store, runtime, actor, typeof data.caseId === 'string' ? data.caseId : '', null, true);
    else if (verb === Verbs.accessShow) screen = await accessScreen(store, actor, data);
    else if (verb === Verbs.teamShow) screen = await teamScreen(store, runtime, actor);
    else screen = await moderationScreen(store, runtime, actor);
    if (screen.kind === 'form') {
      await app.client.views.open({ trigger_id: body.trigger_id, view: formModal(screen.view) as never });
      return;
    }
    await show(body, screenBlocks(screen), screen.kind === 'error' ? screen.view.title : fallbackText(screen.view));
  });

  app.view(/^ipp\.form\./, async ({ ack, body, view }) => {
    const meta = metadataSchema.safeParse((() => {
      try {
        return JSON.parse(view.private_metadata) as unknown;
      } catch {
        return null;
      }
    })());
    if (!meta.success) return void (await ack({ response_action: 'errors', errors: { _: 'This form is out of date: please open it again.' } }));
    const values = modalValues(view.state.values as Record<string, Record<string, StateValue>>, meta.data.fields);
    const errors = checkModal(meta.data, values);
    if (errors) return void (await ack({ response_action: 'errors', errors }));
    await ack();
    const type = meta.data.command as CommandType;
    const screen = await runCaseCommand(store, runtime, await actorOf(body.user.id), { type, data: { caseId: meta.data.caseId, version: meta.data.version, ...meta.data.fixed, ...values }, channel: 'slack' });
    const blocks = screen.kind === 'form' ? [...errorBlocks({ title: 'That didn’t work', message: screen.view.errors.join(' ') || 'Please check the form and try again.', fields: [], actions: [] }), ...buttons([{ verb: Verbs.caseShow, title: 'Open the appraisal', data: { caseId: meta.data.caseId } }])] : screenBlocks(screen);
    await app.client.chat.postMessage({ channel: body.user.id, blocks, text: screen.kind === 'case' ? fallbackText(screen.view) : 'Your appraisal' });
  });

  // App Home: my appraisal, and for reviewers and the head their queues (R-CHAT-2).
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    const actor = await actorOf(event.user);
    const blocks: Block[] = [];
    const mine = await myCase(store, runtime, actor);
    if (mine) blocks.push(...screenBlocks(await caseScreen(store, runtime, actor, mine.id)));
    else blocks.push({ type: 'section', text: { type: 'mrkdwn', text: 'Your appraisal for this cycle hasn’t started yet. I’ll message you when it does.' } });
    if (actor.roles.has('reviewer')) blocks.push({ type: 'divider' }, ...screenBlocks(await teamScreen(store, runtime, actor)));
    if (actor.roles.has('headteacher')) blocks.push({ type: 'divider' }, ...screenBlocks(await moderationScreen(store, runtime, actor)));
    await app.client.views.publish({ user_id: event.user, view: { type: 'home', blocks: blocks.slice(0, 100) } as never });
  });
}
