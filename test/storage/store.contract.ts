import { casesContract } from './store-cases.contract';
import { directoryContract } from './store-directory.contract';
import { equalityContract } from './store-equality.contract';
import type { StoreHarness } from './store-fixtures';
import { payrollExportsContract } from './store-payroll.contract';
import { remindersContract } from './store-reminders.contract';

/**
 * The storage contract: every store (memory, SQLite, Cosmos DB) runs this same suite unchanged, each from its own
 * test file with a factory that opens a fresh, empty store. No branch here knows which store it is testing.
 */
export function describeStoreContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`${name} store contract`, () => {
    let harness: StoreHarness | undefined;
    const h = (): StoreHarness => {
      if (!harness) throw new Error('store not open');
      return harness;
    };
    beforeEach(async () => {
      harness = await open();
    });
    afterEach(async () => {
      await harness?.dispose();
      harness = undefined;
    });
    directoryContract(h);
    casesContract(h);
    remindersContract(h);
    payrollExportsContract(h);
    equalityContract(h);
  });
}
