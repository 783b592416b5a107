import type { Store } from '../../../services/ports/store.port';
import { linkSlackIdentities } from '../../../services/roster/identity.usecase';
import { WebApiSlackDirectory } from '../../slack/slack-directory';
import { table, UsageError } from './admin-output';
import type { Output } from './admin-output';

/** `slack link --school`: looks up unlinked people by work email (SLACK_BOT_TOKEN, optional SLACK_API_URL). */
export async function slackCommand(store: Store, sub: string | undefined, schoolId: string | undefined, env: NodeJS.ProcessEnv): Promise<Output> {
  if (sub !== 'link') throw new UsageError('slack needs: link');
  if (!schoolId) throw new UsageError('--school is required');
  if (!(await store.schools.get(schoolId))) throw new UsageError(`there is no school with id ${schoolId}`);
  const token = env.SLACK_BOT_TOKEN;
  if (!token) throw new UsageError('SLACK_BOT_TOKEN must be set to look people up in Slack');
  const directory = new WebApiSlackDirectory(token, env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {});
  const report = await linkSlackIdentities(store, directory, schoolId);
  const rows = [
    ...report.linked.map((id) => ({ id, result: 'linked' })),
    ...report.notFound.map((id) => ({ id, result: 'not found in Slack' })),
    ...report.otherWorkspace.map((id) => ({ id, result: "in another workspace, not the school's" })),
  ];
  return { data: report, text: table(rows) };
}
