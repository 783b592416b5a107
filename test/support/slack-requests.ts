import { createHmac } from 'node:crypto';

/** Signs a body the way Slack does: `v0=` + HMAC-SHA256(secret, `v0:${ts}:${body}`). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** Posts a signed (or deliberately mis-signed) request to the Slack endpoint. */
export async function postToSlack(
  url: string,
  secret: string,
  body: string,
  contentType: 'application/x-www-form-urlencoded' | 'application/json',
  options: { timestamp?: number; signature?: string } = {},
) {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? slackSignature(secret, timestamp, body),
    },
    body,
  });
}

/** A `/ipp` slash command body, form-encoded. */
export function aSlashCommand(userId: string, text: string, overrides: Record<string, string> = {}): string {
  return new URLSearchParams({
    token: 'legacy-unused',
    team_id: 'T0001',
    team_domain: 'test-valley',
    channel_id: 'C0001',
    channel_name: 'general',
    user_id: userId,
    user_name: 'invented.person',
    command: '/ipp',
    text,
    api_app_id: 'A0001',
    response_url: 'https://hooks.slack.invalid/commands/T0001/1/abc',
    trigger_id: '1.2.abc',
    ...overrides,
  }).toString();
}
