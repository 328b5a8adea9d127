/**
 * @file Every page, personal and team, swept twice: axe-core in the light and the dark theme
 * (fails on any serious or critical violation), and a phone (390×844, mobile emulation) on which
 * no page may be wider than the screen, no IP address may wrap, and VM rows stay compact. One
 * realistic account (long names, console, snapshots, interfaces) is made once for all of it.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';
import { createAccount, expect, signIn, test } from './fixtures';
import { fillAccount, personalPages, TEAM_PAGES } from './sweep-content';
import { setQuota, teamWithOperator } from './team-workspace';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
interface Session {
  name: string;
  state: StorageState | undefined;
  paths: readonly string[];
}

test.setTimeout(240_000);

let sessions: Session[] = [];

/** A team workspace with an operator, a template, a pending invitation and a pending approval. */
async function teamSession(browser: Browser): Promise<{ state: StorageState; invite: string }> {
  const context = await browser.newContext();
  const owner = await context.newPage();
  const { operator, operatorEmail } = await teamWithOperator(owner, browser, 'sweep', {
    template: true,
  });
  await setQuota(owner, operatorEmail, { VMs: '0' });
  await operator.goto('/team/templates');
  const template = operator.getByRole('region', { name: 'Template web small' });
  await template.getByLabel('Hostname').fill('waiting-for-approval-with-a-long-hostname');
  await template.getByRole('button', { name: 'Launch' }).click();
  await template.getByRole('button', { name: 'Ask for approval' }).click();
  await expect(template.getByText('Sent for approval.')).toBeVisible();
  await operator.context().close();

  await owner.goto('/team/members');
  await owner
    .getByLabel('Email')
    .fill('a-very-long-address.for-the-finance-department@example.test');
  await owner.getByRole('button', { name: 'Invite' }).click();
  const invite = await owner.getByRole('textbox', { name: 'Invitation link' }).inputValue();
  const state = await context.storageState();
  await context.close();
  return { state, invite: new URL(invite).pathname };
}

test.beforeAll(async ({ browser }) => {
  // Made once for every sweep: an account through the API, a workspace through its pages.
  test.setTimeout(180_000);
  const account = await createAccount(10_000_000);
  const content = await fillAccount(account.apiKey);
  const context = await browser.newContext();
  await signIn(await context.newPage(), account.apiKey);
  const personal = await context.storageState();
  await context.close();
  const team = await teamSession(browser);
  sessions = [
    { name: 'personal', state: personal, paths: personalPages(content) },
    { name: 'team owner', state: team.state, paths: TEAM_PAGES },
    { name: 'anonymous', state: undefined, paths: ['/login', team.invite] },
  ];
});

/** Opens `path` and waits until streamed sections and client components have settled. */
async function visit(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `${path} answered`).toBeLessThan(500);
  // Skeletons mark what is still loading (the activity indicator pulses too, by design).
  await expect(page.locator('[data-skeleton]'), `${path} still loading`).toHaveCount(0);
}

/** Runs `check` on every page of every session, one browser context per session. */
async function sweep(
  browser: Browser,
  options: BrowserContextOptions,
  check: (page: Page, where: string) => Promise<void>,
): Promise<void> {
  for (const session of sessions) {
    const context = await browser.newContext({ ...options, storageState: session.state });
    const page = await context.newPage();
    for (const path of session.paths) {
      await visit(page, path);
      await check(page, `${session.name} ${path}`);
    }
    await context.close();
  }
}

/** Selects (at a laptop's 1440 px) whose shown option is wider than the room the select gives it. */
function cutSelects(): string[] {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return ['no canvas to measure text with'];
  const cut: string[] = [];
  for (const select of document.querySelectorAll('select')) {
    if (select.getClientRects().length === 0) continue;
    const style = getComputedStyle(select);
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room =
      select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const shown = select.selectedOptions[0]?.text ?? '';
    const needed = context.measureText(shown).width;
    if (needed > room + 1)
      cut.push(
        `select ${select.name || select.id}: “${shown}” needs ${Math.round(needed)} px, has ${Math.round(room)}`,
      );
  }
  return cut;
}

const LAPTOP = { width: 1440, height: 900 };
/** Moderate findings that fail too: headings out of order, content outside every landmark. */
const MODERATE_BLOCKING = new Set(['heading-order', 'region']);

for (const theme of ['light', 'dark'] as const) {
  test(`axe: no serious or critical violation, nor heading-order or region, on any page (and no select label cut off), ${theme} theme`, async ({
    browser,
  }) => {
    const counts: Record<string, number> = {};
    const blocking: string[] = [];
    await sweep(browser, { colorScheme: theme, viewport: LAPTOP }, async (page, where) => {
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      for (const cut of await page.evaluate(cutSelects)) blocking.push(`${where} — ${cut}`);
      const { violations } = await new AxeBuilder({ page }).analyze();
      for (const violation of violations) {
        const impact = violation.impact ?? 'unknown';
        const key = `${impact} ${violation.id}`;
        counts[key] = (counts[key] ?? 0) + violation.nodes.length;
        const blocks =
          impact === 'serious' || impact === 'critical' || MODERATE_BLOCKING.has(violation.id);
        if (!blocks) continue;
        for (const node of violation.nodes)
          blocking.push(
            `${where} — ${violation.id} (${impact}): ${node.html.slice(0, 120)} ${node.failureSummary?.split('\n')[1] ?? ''}`,
          );
      }
    });
    console.log(`axe, ${theme} theme, nodes per impact and rule:`, JSON.stringify(counts));
    expect(blocking).toEqual([]);
  });
}

const PHONE = { width: 390, height: 844 };

/** What on the page is wider than the screen, wraps an IP address, or is a tall VM row. */
function phoneProblems(): string[] {
  const problems: string[] = [];
  const screen = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > screen) {
    problems.push(`page is ${document.documentElement.scrollWidth} px wide`);
    // The path down to what pushes the page sideways: at each level the child reaching furthest.
    const path: string[] = [];
    for (let at: Element | undefined = document.body; at;) {
      const children: Element[] = [...at.children].filter(
        (child) => child.getBoundingClientRect().width > 0,
      );
      at = children.sort(
        (a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right,
      )[0];
      if (!at || at.getBoundingClientRect().right <= screen) break;
      const { width } = at.getBoundingClientRect();
      path.push(
        `${at.tagName.toLowerCase()}.${[...at.classList].slice(0, 3).join('.')}(${Math.round(width)})`,
      );
    }
    problems.push(`what is wide: ${path.slice(-6).join(' > ')}`);
  }
  // IPv4, or 3 to 8 colon-separated hex groups (not an SSH fingerprint's 16).
  const ip =
    /\b(?:\d{1,3}\.){3}\d{1,3}\b|(?<![\w:])[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7}(?![\w:])/gi;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    for (const match of text.matchAll(ip)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
      if (tops.size > 1) problems.push(`${match[0]} wraps over ${tops.size} lines`);
    }
  }
  if (location.pathname === '/vms') {
    for (const row of document.querySelectorAll('tbody tr')) {
      const height = row.getBoundingClientRect().height;
      if (height > 120) problems.push(`a VM row is ${Math.round(height)} px tall`);
    }
  }
  return problems;
}

test('phone, 390×844: no page wider than the screen, no IP wrapped, compact VM rows', async ({
  browser,
}) => {
  const problems: string[] = [];
  await sweep(
    browser,
    { viewport: PHONE, screen: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    async (page, where) => {
      for (const problem of await page.evaluate(phoneProblems))
        problems.push(`${where}: ${problem}`);
    },
  );
  expect(problems).toEqual([]);
});
