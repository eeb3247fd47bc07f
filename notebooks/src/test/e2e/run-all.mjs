// Opens a notebook in Jupyter Notebook 6 (classic UI) with Debian's Chromium, runs every cell
// from the UI's Cell > Run All menu, waits for the kernel to go idle with a PNG plot in the
// output, and saves a screenshot. Prints one JSON line: cells, errors, pngs, seconds.
// Usage: node run-all.mjs URL SCREENSHOT.png [TIMEOUT_SECONDS]
import { chromium } from 'playwright-core';

const [url, shot, timeoutArg] = process.argv.slice(2);
const timeout = 1000 * Number(timeoutArg || 240);
const started = Date.now();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
  // the kernel is up when the indicator turns idle
  await page.waitForSelector('#kernel_indicator_icon.kernel_idle_icon', { timeout });
  await page.click('#menus a.dropdown-toggle:text-is("Cell")');
  await page.click('#run_all_cells > a');
  // a plot arrives, then every cell has a number (none shows In [*]) and the kernel is idle
  await page.waitForSelector('div.output_png img', { timeout });
  await page.waitForFunction(() => {
    const prompts = [...document.querySelectorAll('.code_cell .input_prompt')].map(p => p.textContent);
    return prompts.length > 0 && prompts.every(t => /\[\d+\]/.test(t))
      && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null;
  }, null, { timeout, polling: 250 });
  const result = await page.evaluate(() => ({
    cells: document.querySelectorAll('.code_cell').length,
    errors: [...document.querySelectorAll('.output_error')].map(e => e.textContent.slice(0, 300)),
    pngs: document.querySelectorAll('div.output_png img').length,
  }));
  await page.screenshot({ path: shot, fullPage: true });
  result.seconds = (Date.now() - started) / 1000;
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
