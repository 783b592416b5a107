import { DEMO_SCHOOL_ID } from '../../bot/dev/demo-school';
import { Verbs } from '../../cards/verbs';
import { caseIdFor } from '../../services/case';
import { anActionExecute, demoTeamsUser } from '../support/teams-activities';
import { postJson } from '../support/test-server';
import { useTeamsServer } from './teams-harness';

// R-PRV-1: the reviewee can see who has access to their appraisal, and who has opened it; an outsider can
// neither see it nor leave a trace.
const userOf = demoTeamsUser;
const cardText = (res: { status: number; body: unknown }) => JSON.stringify((res.body as { value?: unknown } | null)?.value ?? { status: res.status, body: res.body });
const samCase = caseIdFor('2026-03-01', 'p-sam');

describe('who can see my record, and who looked (R-PRV-1)', () => {
  const server = useTeamsServer({ launch: true });

  it('R-PRV-1: the reviewer opening the case is recorded and shown to the reviewee; the reviewee’s own look is not', async () => {
    const api = `${server.t.base}/api/messages`;
    expect(cardText(await postJson(api, anActionExecute(userOf('p-grace'), server.connector.url, Verbs.caseShow, { caseId: samCase })))).toContain('Sam Fielding’s appraisal');
    await postJson(api, anActionExecute(userOf('p-sam'), server.connector.url, Verbs.caseShow, { caseId: samCase }));
    const access = cardText(await postJson(api, anActionExecute(userOf('p-sam'), server.connector.url, Verbs.accessShow, { caseId: samCase })));
    expect(access).toContain('Grace Okafor, your reviewer');
    expect(access).toContain('Grace Okafor, last on Monday 2 March');
    expect(access).not.toContain('Sam Fielding, last on');
    const views = (await server.t.store.audit.listForCase(DEMO_SCHOOL_ID, samCase)).filter((e) => e.action === 'case.viewed');
    expect(views.map((e) => e.actorId)).toEqual(['p-grace']);
  });

  it('R-PRV-1: someone with no part in the case is told it cannot be found, and nothing is recorded', async () => {
    const api = `${server.t.base}/api/messages`;
    const outsider = cardText(await postJson(api, anActionExecute(userOf('p-owen'), server.connector.url, Verbs.caseShow, { caseId: samCase })));
    expect(outsider).toContain('I can’t find that appraisal for you');
    expect(outsider).not.toContain('Sam');
    const viewsByOwen = (await server.t.store.audit.listForCase(DEMO_SCHOOL_ID, samCase)).filter((e) => e.actorId === 'p-owen');
    expect(viewsByOwen).toEqual([]);
    const notHis = cardText(await postJson(api, anActionExecute(userOf('p-grace'), server.connector.url, Verbs.accessShow, { caseId: samCase })));
    expect(notHis).toContain('Only the person being appraised');
  });
});
