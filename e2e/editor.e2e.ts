// The data owner's editor: paste 20 rows → fix the bad one by dragging and editing → reload → export → npm run data
// on a copy of the repo → the rebuilt app shows the places; and the geocoder (mocked) with its failures.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { preview } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { excelClipboard, fixturePlaces } from '../src/lib/editor/paste_test_support';
import { clickLngLat, cspViolations, launch, mapShot, openPage, pixelStats, waitForMapIdle } from './browser';

const base = inject('baseURL');
const OUT_DIR = process.env.E2E_OUT_DIR ?? 'dist';
let browser: Browser;
const tmp: string[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});

const project = (page: Page, ll: [number, number]) =>
  page.evaluate((p) => {
    const map = (
      window as unknown as { __lym: { map: { project(x: [number, number]): { x: number; y: number } } } }
    ).__lym.map;
    const { x, y } = map.project(p);
    return { x, y };
  }, ll);

async function openEditor(page: Page, hash: string): Promise<void> {
  await page.goto(`${base}?e2e#${hash}`);
  await waitForMapIdle(page);
  await page.locator('#editor-paste').waitFor();
}

/** Copies the repository's tracked files (no node_modules, no build output) to a new directory. */
function copyRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lym-editor-repo-'));
  tmp.push(dir);
  const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) cpSync(f, join(dir, f), { recursive: true });
  symlinkSync(join(process.cwd(), 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

describe('editor', () => {
  it('paste 20 rows → preview → fix the bad row by dragging and editing → reload → export → npm run data → shown', async () => {
    const errors: string[] = [];
    const { context, page } = await openPage(browser, { errors });
    await openEditor(page, 'lang=zh&p=edit&map=11/36.07/103.75');
    // The shipped places are in the working set (the changes are counted against them).
    await expect.poll(() => page.locator('.editor-marker').count()).toBeGreaterThan(0);
    const shippedMarkers = await page.locator('.editor-marker').count();

    await page.locator('#editor-paste').fill(excelClipboard(fixturePlaces()));
    await page.locator('#editor-paste-apply').click();
    await expect
      .poll(() => page.locator('#editor-paste-message').textContent())
      .toContain('已添加 20 行，其中 1 行有问题');
    await expect.poll(() => page.locator('.editor-marker').count()).toBe(shippedMarkers + 20);
    expect(await page.locator('.editor-marker-bad').count()).toBe(1);
    await expect.poll(() => page.locator('#editor-unsaved').textContent()).toContain('有未导出的更改');
    expect(await page.locator('#editor-changes').textContent()).toContain('新增 20，移动 0，修改 0，删除 0');

    // Preview: the pasted places are drawn in their layers' colours.
    const colors = await page.evaluate(
      () => (window as unknown as { __lym: { colors: Record<string, string> } }).__lym.colors,
    );
    const shot = await mapShot(page, 'editor-paste-preview');
    const stats = pixelStats(shot, [
      colors.youth_home as string,
      colors.job_station as string,
      colors.youth_community as string,
    ]);
    for (const [c, n] of Object.entries(stats.matches)) expect(n, c).toBeGreaterThan(30);

    // The bad row says why, in the build's words; fix the status in the form, then the district shows.
    await page.locator('.editor-row.row-bad').click();
    const issues = page.locator('#editor-issues');
    await expect.poll(() => issues.textContent()).toContain('未知状态');
    await page.locator('#editor-f-status').selectOption('existing');
    await expect.poll(() => issues.textContent()).toContain('而不是所填的安宁区');
    expect(await page.locator('.editor-marker-bad').count()).toBe(1);

    // Reload mid-edit: nothing is lost.
    await page.reload();
    await waitForMapIdle(page);
    await expect.poll(() => page.locator('.editor-marker').count()).toBe(shippedMarkers + 20);
    await expect.poll(() => page.locator('#editor-unsaved').textContent()).toContain('有未导出的更改');
    await page.locator('.editor-row.row-bad').click();
    expect(await page.locator('#editor-f-status').inputValue()).toBe('existing');

    // Export is refused while a row would fail the build.
    await page.locator('#editor-export-csv').click();
    await expect
      .poll(() => page.locator('#editor-export-message').textContent())
      .toContain('还有 1 个地点未通过检查');

    // Drag its marker into 安宁区.
    const bad = page.locator('.editor-marker-bad');
    const from = await bad.boundingBox();
    const mapBox = await page.locator('#map').boundingBox();
    if (!from || !mapBox) throw new Error('no marker');
    const to = await project(page, [103.712, 36.104]);
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      const k = i / 10;
      await page.mouse.move(
        from.x + from.width / 2 + (mapBox.x + to.x - from.x - from.width / 2) * k,
        from.y + from.height / 2 + (mapBox.y + to.y - from.y - from.height / 2) * k,
      );
    }
    await page.mouse.up();
    await expect.poll(() => page.locator('.editor-marker-bad').count()).toBe(0);
    const lon = Number(await page.locator('#editor-f-lon').inputValue());
    const lat = Number(await page.locator('#editor-f-lat').inputValue());
    expect(Math.abs(lon - 103.712)).toBeLessThan(0.002);
    expect(Math.abs(lat - 36.104)).toBeLessThan(0.002);
    await mapShot(page, 'editor-fixed');

    // Undo the drag and redo it.
    await page.locator('#editor-undo').click();
    await expect.poll(() => page.locator('.editor-marker-bad').count()).toBe(1);
    await page.locator('#editor-redo').click();
    await expect.poll(() => page.locator('.editor-marker-bad').count()).toBe(0);
    expect(await page.locator('#editor-status').textContent()).toContain('0 个有问题');

    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#editor-export-csv').click(),
    ]);
    expect(csvDownload.suggestedFilename()).toBe('places.csv');
    const csv = readFileSync(await csvDownload.path(), 'utf8');
    await expect.poll(() => page.locator('#editor-unsaved').textContent()).toContain('没有未导出的更改');
    const [sumDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#editor-export-summary').click(),
    ]);
    const summary = readFileSync(await sumDownload.path(), 'utf8');
    expect(summary).toContain('新增 20');
    expect(summary).toContain('  - test-editor-bad');
    expect(await cspViolations(page)).toEqual([]);
    expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([]);
    await context.close();

    // npm run data on a copy of the repository with the exported file, unchanged.
    const repo = copyRepo();
    writeFileSync(join(repo, 'data/places.csv'), csv);
    execFileSync('npm', ['run', 'data'], { cwd: repo, stdio: 'pipe' });
    const built = JSON.parse(readFileSync(join(repo, 'public/data/features.geojson'), 'utf8')) as {
      features: { properties: { id: string; source: { title: string } } }[];
    };
    const ids = built.features.map((f) => f.properties.id);
    for (const p of fixturePlaces()) expect(ids).toContain(p.id);

    // The app with that data (data is fetched, not bundled: the same build with the rebuilt public/data).
    const site = join(repo, 'site');
    cpSync(OUT_DIR, site, { recursive: true });
    cpSync(join(repo, 'public/data'), join(site, 'data'), { recursive: true });
    const server = await preview({
      preview: { port: 0, host: '127.0.0.1' },
      build: { outDir: site },
      logLevel: 'warn',
    });
    try {
      const url = server.resolvedUrls?.local[0] as string;
      const second = await openPage(browser);
      await second.page.goto(`${url}?e2e#lang=zh&p=list&map=12/36.07/103.75`);
      await waitForMapIdle(second.page);
      const shown = await second.page.evaluate(() =>
        (window as unknown as { __lym: { shown(): { properties: { id: string } }[] } }).__lym
          .shown()
          .map((f) => f.properties.id),
      );
      for (const p of fixturePlaces()) expect(shown).toContain(p.id);
      await second.page.locator('.list-item[data-feature-id="test-editor-bad"]').click();
      const card = second.page.locator('.feature-card');
      await expect.poll(() => card.textContent()).toContain('编辑器测试数据（虚构）');
      expect(await card.textContent()).toContain('安宁区');
      await second.context.close();
    } finally {
      await server.close();
    }
  }, 300_000);

  it('geocodes addresses through a mocked 天地图 with match levels; key, quota and timeout failures named in zh and en', async () => {
    const { context, page } = await openPage(browser);
    const answers: Record<string, string | 'hang' | 403> = {
      张掖路: JSON.stringify({
        msg: 'ok',
        location: {
          score: 100,
          level: '门址',
          lon: '103.8325',
          lat: '36.0605',
          keyWord: '兰州市城关区张掖路',
        },
        searchVersion: '6.4.9V',
        status: '0',
      }),
      安宁西路: JSON.stringify({
        msg: 'ok',
        location: { score: 80, level: '道路', lon: '103.7105', lat: '36.1045', keyWord: '安宁西路' },
        searchVersion: '6.4.9V',
        status: '0',
      }),
      无此地: JSON.stringify({ msg: '结果为空', status: '101' }),
    };
    let mode: 'normal' | 'rejected' | 'quota' | 'hang' = 'normal';
    const asked: string[] = [];
    await page.route('https://api.tianditu.gov.cn/geocoder**', async (route) => {
      const u = new URL(route.request().url());
      const word = (JSON.parse(u.searchParams.get('ds') ?? '{}') as { keyWord?: string }).keyWord ?? '';
      asked.push(`${word} tk=${u.searchParams.get('tk')}`);
      if (mode === 'rejected')
        return route.fulfill({ status: 403, body: '{"msg":"权限类型错误","status":"1"}' });
      if (mode === 'quota')
        return route.fulfill({ status: 200, body: '{"msg":"访问次数超限","status":"1"}' });
      if (mode === 'hang') return; // never answers: the editor's timeout must name it
      const hit = Object.entries(answers).find(([k]) => word.includes(k))?.[1];
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: String(hit ?? answers.无此地),
      });
    });
    await openEditor(page, 'lang=zh&p=edit&map=11/36.07/103.75');
    const sheet = [
      '名称\t地址\t类别\t状态\t来源',
      '测试地址甲\t城关区张掖路1号\tyouth_home\t已建成\t测试',
      '测试地址乙\t安宁区安宁西路\tjob_station\t已建成\t测试',
      '测试地址丙\t无此地',
    ].join('\r\n');
    await page.locator('#editor-paste').fill(sheet);
    await page.locator('#editor-paste-apply').click();
    await expect.poll(() => page.locator('#editor-paste-message').textContent()).toContain('3 行待地理编码');
    const rowsBefore = await page.locator('.editor-row').count();

    // A bad paste changes nothing.
    await page.locator('#editor-paste').fill('103.84\t36.05\n103.85\t36.06\n');
    await page.locator('#editor-paste-apply').click();
    await expect
      .poll(() => page.locator('#editor-paste-message').textContent())
      .toContain('粘贴内容未被采用');
    expect(await page.locator('#editor-paste-message').textContent()).toContain('第一行应为列名');
    expect(await page.locator('.editor-row').count()).toBe(rowsBefore);

    // Add a place by clicking the map, then delete it.
    await page.locator('#editor-add-click').click();
    await clickLngLat(page, [103.86, 36.06]);
    await expect.poll(() => page.locator('.editor-row').count()).toBe(rowsBefore + 1);
    expect(await page.locator('#editor-f-name_zh').inputValue()).toBe('新地点');
    expect(await page.locator('#editor-f-district').inputValue()).toBe('620102');
    await page.locator('#editor-delete').click();
    await expect.poll(() => page.locator('.editor-row').count()).toBe(rowsBefore);
    await page.locator('#editor-geocode-key').fill('test-key');
    await page.locator('#editor-geocode-key').dispatchEvent('change');
    await page.locator('#editor-geocode-run').click();
    const msg = page.locator('#editor-geocode-message');
    await expect.poll(() => msg.textContent()).toContain('查询完成：2 个已定位，1 个未找到');
    expect(asked[0]).toBe('甘肃省兰州市城关区张掖路1号 tk=test-key');
    const rows = page.locator('#editor-rows');
    expect(await rows.textContent()).toContain('匹配级别：门址（约 ±50 米）');
    expect(await rows.textContent()).toContain('匹配级别：道路（约 ±500 米）');
    expect(await rows.textContent()).toContain('地理编码未找到此地址');
    expect(await page.locator('.editor-row').count()).toBe(rowsBefore);

    const failure = async (m: typeof mode, zh: string, en: string) => {
      mode = m;
      await page.evaluate(() => {
        location.hash = location.hash.replace('lang=en', 'lang=zh');
      });
      await page.locator('#editor-geocode-run').click();
      await expect.poll(() => msg.textContent(), { timeout: 20_000 }).toContain(zh);
      await page.evaluate(() => {
        location.hash = location.hash.replace('lang=zh', 'lang=en');
      });
      await expect.poll(() => msg.textContent()).toContain(en);
      // The row stays, flagged as still needing a place.
      expect(await page.locator('.editor-row').count()).toBe(rowsBefore);
    };
    await failure('rejected', '地理编码服务拒绝了密钥', 'The geocoder rejected the key');
    await failure('quota', '地理编码配额已用完', 'The geocoder quota is used up');
    await failure('hang', '地理编码请求超时', 'The geocoder did not answer in time');
    expect(await rows.textContent()).toContain('needs a place');
    await mapShot(page, 'editor-geocoded');
    await context.close();
  }, 300_000);
});
