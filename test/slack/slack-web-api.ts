import nock from 'nock';
import { homeProblems, messageProblems, modalProblems } from './block-kit-checks';

// A recording stand-in for Slack's Web API, through nock: every call is kept with its body parsed, checked
// against Block Kit's limits and the privacy rule (appraisal content only in DMs with the bot, R-PRV-1), and
// answered the way Slack answers. Tests then assert every call's body in order.

/** One Web API call as the bot made it. */
export interface WebApiCall {
  method: string;
  body: Record<string, unknown>;
  /** The message timestamp Slack gave a posted message. */
  ts: string | null;
}

const SLACK = 'https://slack.com';

function parseBody(raw: unknown): Record<string, unknown> {
  let body: Record<string, unknown> = {};
  if (typeof raw === 'string') {
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      body = Object.fromEntries(new URLSearchParams(raw));
    }
  } else if (raw && typeof raw === 'object') body = { ...(raw as Record<string, unknown>) };
  for (const key of ['blocks', 'view']) {
    if (typeof body[key] === 'string') body[key] = JSON.parse(body[key]) as unknown;
  }
  return body;
}

/** The DM channel Slack opens between the bot and a user (`U0SAM` → `D0SAM`). */
export const dmOf = (userId: string): string => `D${userId.slice(1)}`;

/** Starts recording; `stop()` removes every interceptor. */
export function recordWebApi() {
  const calls: WebApiCall[] = [];
  const problems: string[] = [];
  let next = 1;
  const newTs = () => `1800000000.${String(next++).padStart(6, '0')}`;

  const check = (method: string, body: Record<string, unknown>) => {
    const say = (p: string[]) => problems.push(...p.map((x) => `${method}: ${x}`));
    const channel = String(body.channel ?? '');
    if (method === 'chat.postMessage' || method === 'chat.update') {
      // Only ever to a person (their DM with the bot), never a channel or a group.
      if (!/^[UD][A-Z0-9]+$/.test(channel)) problems.push(`${method}: sent to ${channel}, which is not a DM`);
      if (!String(body.text ?? '').trim()) problems.push(`${method}: no fallback text`);
      say(messageProblems(body.blocks));
    }
    if (method === 'chat.update' && !body.ts) problems.push('chat.update: no ts');
    if (method === 'views.open') {
      if (!body.trigger_id) problems.push('views.open: no trigger_id');
      say(modalProblems(body.view));
    }
    if (method === 'views.publish') say(homeProblems(body.view));
  };

  const scope = nock(SLACK)
    .persist()
    .post(/^\/api\/[a-zA-Z.]+$/)
    .reply((uri, raw) => {
      const method = uri.replace('/api/', '');
      const body = parseBody(raw);
      check(method, body);
      const ts = method === 'chat.postMessage' ? newTs() : method === 'chat.update' ? String(body.ts) : null;
      calls.push({ method, body, ts });
      const channel = method === 'chat.postMessage' && /^U/.test(String(body.channel)) ? dmOf(String(body.channel)) : body.channel;
      return [200, { ok: true, channel, ts, view: { id: `V${next++}` } }];
    });

  return {
    calls,
    problems,
    stop: () => {
      scope.persist(false);
      nock.cleanAll();
    },
  };
}
