import { WebClient } from '@slack/web-api';
import type { SlackDirectory } from '../../services/roster/slack-directory.port';

/** Slack's Web API behind the SlackDirectory port: `users.lookupByEmail`, with "not found" as null. */
export class WebApiSlackDirectory implements SlackDirectory {
  private readonly client: WebClient;

  constructor(token: string, options: { slackApiUrl?: string } = {}) {
    // No automatic retries: the admin command reports who was not found and can simply be run again.
    this.client = new WebClient(token, { ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}), retryConfig: { retries: 0 } });
  }

  async lookupByEmail(email: string): Promise<{ userId: string; teamId: string } | null> {
    try {
      const res = await this.client.users.lookupByEmail({ email });
      const user = res.user;
      return user?.id ? { userId: user.id, teamId: user.team_id ?? '' } : null;
    } catch (error) {
      if ((error as { data?: { error?: string } }).data?.error === 'users_not_found') return null;
      throw error;
    }
  }
}
