import axe from 'axe-core';
import type { Page } from 'playwright-core';

// What every view's browser test checks of a page: no sideways scroll, no serious axe-core finding.

export const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/** Serious and critical axe-core violations; the page must be opened with `bypassCSP` to inject axe. */
export async function seriousViolations(page: Page) {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const result = await window.axe.run(
      { exclude: [['[data-tabster-dummy]']] },
      { resultTypes: ['violations'] },
    );
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        targets: violation.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      }));
  });
}

declare global {
  interface Window {
    axe: typeof axe;
  }
}
