/** Finds a Slack user by work email (Slack's `users.lookupByEmail`); null when the workspace has no such user. */
export interface SlackDirectory {
  lookupByEmail(email: string): Promise<{ userId: string; teamId: string } | null>;
}
