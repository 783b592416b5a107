import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { demoPeople } from '../../bot/dev/demo-school';
import { startPlayground, waitUntilServing, writePlaygroundConfig } from '../../bot/dev/playground';
import { freePort } from './browser';

// The Agents Playground (the local Teams-like web client) pointed at a test server, and a few ways of working
// its cards in a browser the way a person would: type in the chat box, press a card's button, fill a form.

/** A running Playground: its web address and how to stop it. */
export interface RunningPlayground {
  url: string;
  stop(): Promise<void>;
}

/** Starts the Playground for the demo school (signed in as its headteacher) against `botBase`'s /api/messages. */
export async function startPlaygroundFor(botBase: string): Promise<RunningPlayground> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipp-playground-'));
  const [head, ...others] = demoPeople();
  if (!head) throw new Error('the demo school has nobody in it');
  writePlaygroundConfig(dir, head, others);
  const port = await freePort();
  const child = startPlayground({ botEndpoint: `${botBase}/api/messages`, dir, port });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitUntilServing(`http://127.0.0.1:${port}/`);
  } catch (error) {
    child.kill('SIGTERM');
    throw new Error(`the Playground did not start: ${String(error)} ${output}`);
  }
  return {
    url: `http://localhost:${port}`,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Types a message into the chat box and sends it. */
export async function say(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox').first();
  await box.click();
  await box.pressSequentially(text);
  await page.keyboard.press('Enter');
}

/** Waits until `text` is shown at least `count` times (so a second "recorded" is told apart from the first). */
export async function seen(page: Page, text: string, count = 1, timeout = 30_000): Promise<void> {
  await page.getByText(text, { exact: false }).nth(count - 1).waitFor({ timeout });
}

/** How often `text` is shown right now. */
export const shown = (page: Page, text: string): Promise<number> => page.getByText(text, { exact: false }).count();

/** The newest card holding a button called `title`. */
export const cardWithButton = (page: Page, title: string): Locator =>
  page.locator('.ac-adaptiveCard').filter({ has: page.getByRole('button', { name: title, exact: true }) }).last();

/**
 * Fills every empty input of the card holding `submitTitle` as a person would (some words in text boxes, the
 * first choice in lists; dates and ticks left alone) and presses it.
 */
export async function fillAndSend(page: Page, submitTitle: string, words: string): Promise<void> {
  const card = cardWithButton(page, submitTitle);
  await card.waitFor({ timeout: 30_000 });
  for (const box of await card.locator('textarea, input[type="text"]:not([role="combobox"]), input:not([type])').all()) {
    if ((await box.inputValue()) === '') await box.fill(words);
  }
  // The Playground draws a compact choice set as a Fluent combobox: open it and take the first option.
  for (const list of await card.locator('input[role="combobox"]').all()) {
    if ((await list.inputValue()) !== '') continue;
    await list.click();
    await page.getByRole('option').first().click();
  }
  await card.getByRole('button', { name: submitTitle, exact: true }).click();
}
