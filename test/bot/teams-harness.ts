import { startFakeConnector } from '../support/fake-connector';
import { launchDemoCycle, startTestServer } from '../support/test-server';
import type { TestServer } from '../support/test-server';

// A Teams test's server on loopback over the demo school, and the fake Bot Connector its replies go to, started
// and stopped around each test (or once for the describe block) of the block it is called in.

/** What the server needs before the tests run. */
export interface TeamsServerOptions {
  /** Launch the demo school's 2026 cycle first, so every member of staff has a case. */
  launch?: boolean;
  /** One server for the whole block rather than a fresh one for each test. */
  shared?: boolean;
}

/** Registers the set-up and tear-down; read `t` and `connector` inside the tests. */
export function useTeamsServer(options: TeamsServerOptions = {}) {
  let t: TestServer;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  (options.shared ? beforeAll : beforeEach)(async () => {
    connector = await startFakeConnector();
    t = await startTestServer();
    if (options.launch) await launchDemoCycle(t);
  });
  (options.shared ? afterAll : afterEach)(async () => {
    await t.stop();
    await connector.close();
  });
  return {
    get t(): TestServer {
      return t;
    },
    get connector() {
      return connector;
    },
  };
}
