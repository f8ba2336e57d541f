/**
 * The open-data CSV files: every row is written whatever the brands are named
 * (a name that looks like a timestamp stays text), text a spreadsheet would
 * run as a formula is escaped with a leading quote, and numbers stay numbers.
 */
import type { APIContext } from 'astro';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getBrandsCsv } from '../../src/pages/api/v1/export/brands.csv.ts';
import { GET as getPostsCsv } from '../../src/pages/api/v1/export/posts.csv.ts';
import type { CommandDeps } from '../../src/server/commands/deps.ts';
import { createPost } from '../../src/server/commands/posts.ts';
import { csvCells, escapeFormula } from '../../src/server/csv.ts';
import { createBrand, createPerson } from '../fixtures/board.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createCapturingMailer } from '../helpers/mailer.ts';

const now = new Date('2026-06-15T12:00:00Z');
const NAMES = [
  '2026-01-01 00:00:00 Clockwork',
  '=HYPERLINK("https://evil.example","Refund here")',
  '+33 Telecom',
  '-Minus Bank',
  '@Home Furnishing',
  '\tTab Foods',
  '\rReturn Cars',
  'Northwind',
];

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  const author = await createPerson(database.db);
  const deps: CommandDeps = {
    db: database.db,
    mailer: createCapturingMailer(),
    now,
    siteUrl: 'https://board.example',
    meta: { userAgent: 'vitest', ipAddress: '203.0.113.7' },
  };
  for (const name of NAMES) {
    const brand = await createBrand(database.db, name);
    const created = await createPost(deps, author, {
      kind: 'fail',
      brandSlug: brand.slug,
      newBrandName: null,
      newBrandWebsite: null,
      newBrandSector: null,
      title: `Nobody answered at ${brand.slug}`,
      story: 'Three e-mails and two calls, and not a single answer in a month.',
      category: 'responsiveness',
      channel: 'email',
      experiencedOn: '2026-06-14',
      country: null,
      waitMinutes: 45,
      personalData: 'publish',
      loginEmail: null,
      loginPassword: null,
    });
    if (!created.ok) throw new Error(`post refused: ${JSON.stringify(created)}`);
  }
});
afterAll(() => database.destroy());

const context = () =>
  ({
    locals: { db: database.db, now, rateLimitExempt: false },
    clientAddress: '203.0.113.9',
    params: {},
  }) as unknown as APIContext;
const download = async (get: (context: APIContext) => Response | Promise<Response>) => {
  const response = await get(context());
  expect(response.status).toBe(200);
  return parse(await response.text(), { columns: true }) as Record<string, string>[];
};

describe('brands.csv', () => {
  it('writes every brand, a name like a timestamp as text, and escapes formula-like names', async () => {
    const rows = await download(getBrandsCsv);
    const names = [...new Set(rows.map((row) => row['name']))];
    expect(names.sort()).toEqual(NAMES.map(escapeFormula).sort());
    expect(names).toContain('2026-01-01 00:00:00 Clockwork');
    expect(names).toContain(`'=HYPERLINK("https://evil.example","Refund here")`);
    expect(names).toContain("'+33 Telecom");
    expect(names).toContain("'-Minus Bank");
    expect(names).toContain("'@Home Furnishing");
    expect(names).toContain("'\tTab Foods");
    expect(names).toContain("'\rReturn Cars");
    expect(names).toContain('Northwind');
    const clockwork = rows.find(
      (row) => row['slug'] === '2026-01-01-00-00-00-clockwork' && row['window'] === 'all',
    );
    expect(clockwork).toMatchObject({ fails: '1', likes: '0', verified: 'false' });
  });
});

describe('posts.csv', () => {
  it('writes every post with its numbers, booleans and timestamps by column type', async () => {
    const rows = await download(getPostsCsv);
    expect(rows).toHaveLength(NAMES.length);
    for (const row of rows) {
      expect(row['wait_minutes']).toBe('45');
      expect(row['created_at']).toBe(now.toISOString());
      expect(row['verdict_resolved']).toBe('');
      expect(row['me_too_count']).toBe('0');
    }
  });
});

describe('CSV cells', () => {
  const columns = {
    name: 'text',
    delta: 'number',
    score: 'number',
    at: 'timestamp',
    on: 'date',
    ok: 'boolean',
  } as const;

  it('escape text a spreadsheet would run, and only text', () => {
    expect(
      csvCells(columns, {
        name: '-1+2',
        delta: -3,
        score: '-12.5',
        at: '2026-01-01 00:00:00.25+00',
        on: '2026-06-14',
        ok: false,
      }),
    ).toEqual(["'-1+2", -3, -12.5, '2026-01-01T00:00:00.250Z', '2026-06-14', 'false']);
    expect(
      csvCells(columns, {
        name: 'Crédit Agricole',
        delta: null,
        at: new Date(0),
        on: new Date('2026-06-14'),
      }),
    ).toEqual(['Crédit Agricole', null, null, '1970-01-01T00:00:00.000Z', '2026-06-14', null]);
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])('escape %j', (text) => {
    expect(escapeFormula(text)).toBe(`'${text}`);
  });

  it.each(['1+1', 'a=b', "'already", 'Électricité', ' =1', ''])('leave %j alone', (text) => {
    expect(escapeFormula(text)).toBe(text);
  });
});
