/**
 * Field messages in both languages (decision 014): every message the domain writes has a French
 * translation whose English twin in the catalogue is the domain's own text, and every schema of
 * src/domain, fed bad input, says nothing in French that it said in English.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  FIELD_MESSAGES,
  fieldMessage,
  fieldMessageOf,
  type FieldMessageId,
} from '../../src/domain/field-messages.ts';
import {
  FIELD_TRANSLATIONS,
  translateFieldErrors,
  translateFieldMessage,
} from '../../src/i18n/field-messages.ts';
import { runInLanguage } from '../../src/i18n/request-language.ts';
import { signupSchema } from '../../src/domain/accounts.ts';
import { readFormState } from '../../src/server/forms.ts';
import type { AstroGlobal } from 'astro';

/** One value for every parameter any message takes (a function ignores the ones it does not). */
const SAMPLE = {
  min: 5,
  max: 5000,
  days: 90,
  name: 'receipt.png',
  megabytes: 6.5,
  totalMegabytes: 10,
  format: 'BMP',
  named: 'JPEG',
  width: 20000,
  height: 20000,
  maxSide: 8000,
};
const ids = Object.keys(FIELD_MESSAGES) as FieldMessageId[];
const english = (id: FieldMessageId) => (FIELD_MESSAGES[id] as (params: typeof SAMPLE) => string)(SAMPLE);
const translated = (id: FieldMessageId, language: 'en' | 'fr') =>
  runInLanguage(language, () => (FIELD_TRANSLATIONS[id] as (params: typeof SAMPLE) => string)(SAMPLE));

describe('the field messages', () => {
  it('say in the catalogue’s English exactly what the domain writes', () => {
    const different = ids.filter((id) => translated(id, 'en') !== english(id));
    expect(different).toEqual([]);
  });

  it('each have a French translation', () => {
    const untranslated = ids.filter((id) => translated(id, 'fr') === english(id));
    expect(untranslated).toEqual([]);
  });

  it('write numbers the French way in French', () => {
    const text = fieldMessage('story_max', { max: 5000 });
    expect(text).toBe('Keep the story to 5,000 characters.');
    expect(translateFieldMessage(text, 'fr')).toBe('Le récit ne doit pas dépasser 5\u202f000 caractères.');
  });

  it('are found back from their English text, and other text is left as it is', () => {
    const text = fieldMessage('characters_at_least', { min: 10 });
    expect(fieldMessageOf(text)).toEqual({ id: 'characters_at_least', params: { min: 10 } });
    expect(fieldMessageOf('Something an action wrote.')).toBeNull();
    expect(
      runInLanguage('fr', () => translateFieldErrors({ password: text, email: 'Déjà traduit.' })),
    ).toEqual({ password: 'Utilisez au moins 10 caractères.', email: 'Déjà traduit.' });
    expect(runInLanguage('en', () => translateFieldErrors({ password: text }))).toEqual({ password: text });
  });

  it('keep the messages of the schemas however many file names are quoted after them', () => {
    const title = fieldMessage('title_required');
    for (let upload = 0; upload < 2500; upload++)
      fieldMessage('image_unreadable', { name: `scan-${upload}.pdf` });
    expect(fieldMessageOf(title)).toEqual({ id: 'title_required', params: undefined });
    expect(fieldMessageOf(fieldMessage('image_unreadable', { name: 'scan-0.pdf' }))).not.toBeNull();
  });

  it('refuse two ids that would write the same English text', () => {
    // "Keep the address to 254 characters." names a brand's contact address and a webhook's alike.
    fieldMessage('contact_email_max', { max: 254 });
    expect(() => fieldMessage('contact_email_max', { max: 254 })).not.toThrow();
    expect(() => fieldMessage('webhook_url_max', { max: 254 })).toThrow(
      /contact_email_max and webhook_url_max/,
    );
  });
});

describe('a form sent back with errors', () => {
  /** What Astro hands the page after an action refused the input: its issues, by field. */
  async function sentBack(language: 'en' | 'fr', input: Record<string, unknown>) {
    return runInLanguage(language, async () => {
      const parsed = await signupSchema.safeParseAsync(input);
      const issues = parsed.error!.issues;
      const fields: Record<string, string[]> = {};
      for (const issue of issues) (fields[String(issue.path[0])] ??= []).push(issue.message);
      const astro = {
        getActionResult: () => ({
          data: undefined,
          error: { type: 'AstroActionInputError', issues, fields },
        }),
        locals: {},
        response: { status: 200 },
        request: new Request('https://board.example/fr/signup', { method: 'POST', body: new FormData() }),
        url: new URL('https://board.example/fr/signup'),
      } as unknown as AstroGlobal;
      return (await readFormState(astro, {} as never)).fieldErrors;
    });
  }

  // The first import of the server's form module (astro:actions, the logger) is slow on a busy machine.
  it('shows each field’s message in the page’s language', { timeout: 30_000 }, async () => {
    const input = { email: 'not-an-address', displayName: 'A', password: 'short' };
    expect(await sentBack('fr', input)).toEqual({
      email: 'Saisissez une adresse e-mail du type nom@exemple.fr.',
      displayName: 'Utilisez au moins 2 caractères.',
      password: 'Utilisez au moins 10 caractères.',
    });
    expect(await sentBack('en', input)).toEqual({
      email: 'Enter an e-mail address like name@example.com.',
      displayName: 'Use at least 2 characters.',
      password: 'Use at least 10 characters.',
    });
  });
});

// ── every schema of the domain, fed bad input ─────────────────────────────────────────────

// Imported by a computed name, not with import.meta.glob: knip would count every domain export as used.
const domainFolder = new URL('../../src/domain/', import.meta.url);
const domainModules: Record<string, Record<string, unknown>> = Object.fromEntries(
  await Promise.all(
    readdirSync(domainFolder)
      .filter((name) => name.endsWith('.ts'))
      .map(async (name) => [
        name,
        (await import(new URL(name, domainFolder).href)) as Record<string, unknown>,
      ]),
  ),
);

function schemasOf(modules: Record<string, Record<string, unknown>>): [string, z.ZodType][] {
  return Object.entries(modules).flatMap(([path, exports]) =>
    Object.entries(exports)
      .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
      .map(([name, schema]) => [`${path.split('/').pop()}#${name}`, schema] as [string, z.ZodType]),
  );
}

/** The keys an object schema reads (through pipes, refinements and extensions), if any. */
function keysOf(schema: z.ZodType): string[] {
  const def = (schema as unknown as { def?: { shape?: object; in?: z.ZodType; schema?: z.ZodType } }).def;
  if (def?.shape) return Object.keys(def.shape);
  if (def?.in) return keysOf(def.in);
  return [];
}

function badInputs(schema: z.ZodType): unknown[] {
  const keys = keysOf(schema);
  const every = (value: unknown) => Object.fromEntries(keys.map((key) => [key, value]));
  return [
    undefined,
    {},
    every(''),
    every('x'),
    every('x'.repeat(6000)),
    every(-1),
    every(1.5),
    every(['nonsense']),
    every(new File(['not an image'], 'notes.txt')),
    { ...every('remove'), decision: 'remove', brandSlug: '' },
  ];
}

/**
 * What a reader of `language` is told. zod writes an async parse's messages when `error` is first
 * read, so it is read inside the language, as Astro's action handler reads it inside the request.
 */
function messagesOf(schema: z.ZodType, input: unknown, language: 'en' | 'fr'): Promise<string[]> {
  return runInLanguage(language, async () => {
    const parsed = await schema.safeParseAsync(input);
    if (parsed.success) return [];
    return parsed.error.issues.map((issue) => translateFieldMessage(issue.message));
  });
}

/** "schema: English message" for each message the French reader would get in English. */
async function untranslatedMessages(
  schemas: [string, z.ZodType][],
): Promise<{ said: number; left: string[] }> {
  let said = 0;
  const left = new Set<string>();
  for (const [name, schema] of schemas) {
    for (const input of badInputs(schema)) {
      const inEnglish = await messagesOf(schema, input, 'en');
      const inFrench = await messagesOf(schema, input, 'fr');
      said += inEnglish.length;
      inEnglish.forEach((message, index) => {
        if (inFrench[index] === message) left.add(`${name}: ${message}`);
      });
    }
  }
  return { said, left: [...left] };
}

describe('the schemas of src/domain', () => {
  const schemas = schemasOf(domainModules);

  it('are all found (the scan is not empty)', () => {
    expect(schemas.length).toBeGreaterThan(30);
    expect(schemas.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'posting.ts#newPostSchema',
        'accounts.ts#signupSchema',
        'webhooks.ts#webhookFormSchema',
      ]),
    );
  });

  // About 40 schemas × 10 inputs × 2 languages: seconds on a busy machine.
  it(
    'say every refusal in French to a French reader, their own messages and zod’s alike',
    { timeout: 60_000 },
    async () => {
      const { said, left } = await untranslatedMessages(schemas);
      expect(said).toBeGreaterThan(200);
      expect(left).toEqual([]);
    },
  );

  it('would be caught writing a message in English only', async () => {
    const written = z.object({ title: z.string().min(5, 'Give a longer title.') });
    const { left } = await untranslatedMessages([['example#written', written]]);
    expect(left).toEqual(['example#written: Give a longer title.']);
  });

  it('say zod’s own words in French, numbers included', async () => {
    const limit = z.object({ limit: z.coerce.number().int().min(1).max(1000) });
    expect(await messagesOf(limit, { limit: '5000' }, 'fr')).toEqual([
      'Saisissez un nombre inférieur ou égal à 1\u202f000.',
    ]);
    expect(await messagesOf(z.object({ q: z.string() }), {}, 'fr')).toEqual(['Remplissez ce champ.']);
    expect((await messagesOf(limit, { limit: '5000' }, 'en'))[0]).toMatch(/^Too big/);
  });
});

describe('the domain’s source', () => {
  it('writes no message as a bare string literal in a schema (only through fieldMessage)', () => {
    // `error: '…'`, `message: '…'`, or a sentence as a call's last argument (`.min(5, 'Too short.')`).
    const literal = /\b(?:error|message)\s*:\s*['"`][A-Za-z]|,\s*(['"`])[A-Za-z][^'"`]*\s[^'"`]*\1\s*\)/;
    // Not schemas: the flash messages (shown through flashLabel, src/i18n/labels.ts), the
    // comparison's problems and rows (the compare page's text), the API's English description.
    const notSchemas = new Set([
      'field-messages.ts',
      'forms.ts',
      'compare.ts',
      'compare-rows.ts',
      'openapi.ts',
    ]);
    const found = readdirSync('src/domain')
      .filter((name) => name.endsWith('.ts') && !notSchemas.has(name))
      .flatMap((name) =>
        readFileSync(join('src/domain', name), 'utf8')
          .split('\n')
          .flatMap((line, index) =>
            literal.test(line) && !line.includes('.describe(')
              ? [`${name}:${index + 1}: ${line.trim()}`]
              : [],
          ),
      );
    expect(found).toEqual([]);
  });
});
