// Slack interactivity and event bodies for tests: the shapes Slack sends, with overrides.

/** A button press (block_actions), form-encoded as Slack sends it. */
export function aButtonPress(userId: string, actionId: string, value: unknown, channel = `D-${userId}`): string {
  const payload = {
    type: 'block_actions', token: 'legacy-unused', api_app_id: 'A0001', trigger_id: `trigger-${userId}`,
    user: { id: userId, team_id: 'T0001' }, team: { id: 'T0001', domain: 'test-valley' },
    container: { type: 'message', channel_id: channel, message_ts: '1700000000.000100', is_ephemeral: false },
    channel: { id: channel, name: 'directmessage' }, message: { ts: '1700000000.000100', text: 'Your appraisal', type: 'message' },
    response_url: 'https://hooks.slack.com/actions/T0001/1/abc',
    actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value: JSON.stringify(value), action_ts: '1700000001.000100' }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A modal submitted (view_submission) with its state values. */
export function aModalSubmission(userId: string, view: { callback_id: string; private_metadata: string }, values: Record<string, Record<string, unknown>>): string {
  const payload = {
    type: 'view_submission', token: 'legacy-unused', api_app_id: 'A0001', trigger_id: `trigger-${userId}`,
    user: { id: userId, team_id: 'T0001' }, team: { id: 'T0001', domain: 'test-valley' },
    view: { id: 'V0001', type: 'modal', team_id: 'T0001', callback_id: view.callback_id, private_metadata: view.private_metadata, hash: 'h1', state: { values } },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** An Events API callback, JSON. */
export function anEvent(event: Record<string, unknown>, eventId = 'Ev0001'): string {
  return JSON.stringify({ token: 'legacy-unused', team_id: 'T0001', api_app_id: 'A0001', type: 'event_callback', event_id: eventId, event_time: 1700000000, event });
}
