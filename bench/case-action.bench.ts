import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCaseRuntime } from '../bot/case-runtime';
import { loadConfig } from '../bot/config';
import { openProductStore } from '../bot/compose';
import type { ProductStore } from '../bot/compose';
import { launchSchoolCycle } from '../bot/cycle-launch';
import { DEMO_SCHOOL_ID, DEMO_TENANT_ID, demoPeople, seedDemoSchool } from '../bot/dev/demo-school';
import { createLogger } from '../bot/logger';
import { startServer } from '../bot/server';
import { doVerb } from '../cards/verbs';
import { caseIdFor } from '../services/case';
import { FixedClock } from '../services/shared/time';
import { startFakeConnector } from '../test/support/fake-connector';
import { anActionExecute } from '../test/support/teams-activities';
import { line, measure } from './measure';
import { post, startEchoBot } from './teams.bench';

// A full card action — HTTP → adapter → validation → decide → store → render → reply — against a bare echo
// bot in the same run, and the storage operations one action costs (issue 5: at most one read of the case
// and one atomic write). The actions are real: each adds a piece of evidence at the case's current version.

const N = Number(process.env.BENCH_CASE_N ?? 300);

/** Counts calls to every repository method of a store. */
export function counting(store: ProductStore): { store: ProductStore; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  const wrap = <T extends object>(name: string, repo: T): T =>
    new Proxy(repo, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const key = `${name}.${String(prop)}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const s = store as unknown as Record<string, unknown>;
  const wrapped = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v && typeof v === 'object' ? wrap(k, v) : v]));
  return { store: { ...wrapped, close: store.close.bind(store), ping: store.ping.bind(store), purgeExpired: store.purgeExpired?.bind(store) } as unknown as ProductStore, counts };
}

/** Runs the case-action benchmark and prints its figures. */
export async function run(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipp-bench-case-'));
  const connector = await startFakeConnector();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', NUDGES_IN_SERVER: 'false' });
  const raw = await openProductStore(config);
  await seedDemoSchool(raw);
  const clock = new FixedClock('2026-03-02T10:00:00.000Z');
  const runtime = createCaseRuntime({ store: raw, clock, logger: createLogger('silent') });
  await launchSchoolCycle(raw, runtime, { schoolId: DEMO_SCHOOL_ID, cycleYear: 2026, actor: { kind: 'admin' }, dryRun: false, channel: 'cli' });
  const { store, counts } = counting(raw);
  const server = await startServer({ config, store, logger: createLogger('silent'), clock });
  const echo = await startEchoBot();
  const grace = demoPeople().find((p) => p.id === 'p-grace');
  const user = { aadObjectId: grace?.teams?.aadObjectId ?? '', name: 'Grace', tenantId: DEMO_TENANT_ID };
  const caseId = caseIdFor('2026-03-01', 'p-sam');
  const ours = `${server.url.replace('localhost', '127.0.0.1')}/api/messages`;
  const version = async () => (await raw.cases.get(DEMO_SCHOOL_ID, caseId))?.version ?? 0;
  try {
    await post(ours, anActionExecute(user, connector.url, doVerb('meeting.schedule'), { caseId, version: await version(), meeting: 'planning', date: '2026-03-16' }));
    let v = await version();
    const act = async () => {
      await post(ours, anActionExecute(user, connector.url, doVerb('evidence.add'), { caseId, version: v, what: `Evidence ${v}` }));
      v += 1;
    };
    for (let i = 0; i < 20; i++) await act();
    counts.clear();
    const ourActions = await measure(N, 1, act);
    const echoActions = await measure(N, 1, () => post(echo.url, anActionExecute(user, connector.url, doVerb('evidence.add'), { caseId })));
    const per = (key: string) => ((counts.get(key) ?? 0) / N).toFixed(2);
    const otherReads = [...counts].filter(([k]) => !k.startsWith('cases.')).reduce((sum, [, n]) => sum + n, 0) / N;
    process.stdout.write(
      [
        line('bare echo bot: invoke → card', echoActions),
        line('ipp bot: evidence.add → decide → store → card', ourActions),
        `  ratio (ipp / echo) throughput ${(ourActions.perSecond / echoActions.perSecond).toFixed(2)}, p50 ${(ourActions.p50ms / echoActions.p50ms).toFixed(2)}x`,
        `  per card action: case reads ${per('cases.get')}, atomic case writes ${per('cases.save')} (target: at most 1 and 1); other store calls ${otherReads.toFixed(2)} (who is acting, idempotency, conversation reference)`,
        `  every store call per action: ${[...counts].map(([k, n]) => `${k} ${(n / N).toFixed(2)}`).join(', ')}`,
      ].join('\n') + '\n',
    );
    if ((await version()) !== v) throw new Error('the benchmark lost track of the case version');
  } finally {
    await echo.close();
    await server.close();
    await raw.close();
    await connector.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
