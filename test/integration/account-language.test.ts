/**
 * An account's language (decision 014): chosen at sign-up, changed on /account, and the language
 * of every e-mail it gets, whatever page or request caused it; webhooks stay in English.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jobs, users } from '../../db/schema.ts';
import * as accounts from '../../src/server/commands/accounts.ts';
import { runInLanguage } from '../../src/i18n/request-language.ts';
import { queueDecisionNotice } from '../../src/server/moderation-mail.ts';
import { notifyAuthor, webhookPostData } from '../../src/server/notifications.ts';
import { createBrand } from '../fixtures/board.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createCapturingMailer, type CapturingMailer } from '../helpers/mailer.ts';

let database: TestDatabase;
let mailer: CapturingMailer;
let ip = 0;
const now = new Date('2026-06-15T12:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());
beforeEach(async () => {
  mailer = createCapturingMailer();
  ip++;
  await database.db.execute(
    sql`truncate users, email_tokens, rate_limit_buckets, brands, jobs restart identity cascade`,
  );
});

const deps = (): accounts.AccountDeps => ({
  db: database.db,
  mailer,
  now,
  siteUrl: 'https://board.example',
  meta: { userAgent: 'vitest', ipAddress: `203.0.113.${ip}` },
});

async function signUp(email: string, language?: 'en' | 'fr') {
  await accounts.signUp(deps(), {
    email,
    displayName: 'Camille',
    password: 'correct horse battery',
    language,
  });
  return (await database.db.select().from(users).where(eq(users.email, email)))[0]!;
}

/** The e-mail jobs queued so far, as the job runner would send them. */
async function queuedMails() {
  const rows = await database.db.select().from(jobs).where(eq(jobs.type, 'email'));
  return rows.map((row) => row.payload as { to: string; subject: string; text: string });
}

describe('the language of an account', () => {
  it('is the one chosen at sign-up, and the verification e-mail is written in it', async () => {
    const camille = await signUp('camille@test.example', 'fr');
    expect(camille.language).toBe('fr');
    const mail = mailer.lastTo('camille@test.example');
    expect(mail.subject).toBe('Confirmez votre adresse e-mail pour Likes & Fails');
    expect(mail.text).toContain('https://board.example/fr/verify-email?token=');
  });

  it('is English when none is chosen', async () => {
    const ana = await signUp('ana@test.example');
    expect(ana.language).toBe('en');
    expect(mailer.lastTo('ana@test.example').subject).toBe('Confirm your e-mail address for Likes & Fails');
  });

  it('decides the e-mail language even when an English page caused it', async () => {
    const camille = await signUp('camille@test.example', 'fr');
    await runInLanguage('en', () => accounts.resendVerification(deps(), camille.id));
    expect(mailer.lastTo('camille@test.example').text).toContain('Confirmez votre adresse e-mail');
  });

  it('can be changed on the account page, and later e-mails follow it', async () => {
    const ana = await signUp('ana@test.example');
    await accounts.updateProfile(deps(), { userId: ana.id, displayName: 'Ana', language: 'fr' });
    await accounts.resendVerification(deps(), ana.id);
    expect(mailer.lastTo('ana@test.example').subject).toBe(
      'Confirmez votre adresse e-mail pour Likes & Fails',
    );
  });

  it('writes notifications and moderation notices in it', async () => {
    const camille = await signUp('camille@test.example', 'fr');
    const brand = await createBrand(database.db, 'Box Telecom');
    const post = { id: 7, title: 'Box morte', brandId: brand.id, authorId: camille.id };
    const context = { db: database.db, now, siteUrl: 'https://board.example' };
    await runInLanguage('en', () => notifyAuthor(context, post, 'brand_reply'));
    await queueDecisionNotice(context, {
      authorId: camille.id,
      postId: 7,
      postTitle: 'Box morte',
      messageId: null,
      decision: 'keep',
      reason: null,
      explanation: '',
    });
    // A message's notice links to the view of the thread that shows it, even folded away (thread-window.ts).
    await queueDecisionNotice(context, {
      authorId: camille.id,
      postId: 7,
      postTitle: 'Box morte',
      messageId: 31,
      decision: 'keep',
      reason: null,
      explanation: '',
    });
    const [reply, decision, messageDecision] = await queuedMails();
    expect(reply?.subject).toBe('Box Telecom a répondu à « Box morte »');
    expect(reply?.text).toContain('https://board.example/fr/posts/7');
    expect(decision?.subject).toBe('Un modérateur a examiné votre message « Box morte » et l’a gardé');
    expect(messageDecision?.text).toContain('https://board.example/fr/posts/7?message=31#message-31');
  });

  it('never reaches webhooks: their links are the English addresses in every request', () => {
    const post = {
      id: 7,
      title: 'Box morte',
      brandId: 1,
      authorId: 1,
      kind: 'fail',
      status: 'open',
      createdAt: now,
    };
    const data = runInLanguage('fr', () => webhookPostData(post, 'https://board.example'));
    expect(data.url).toBe('https://board.example/posts/7');
  });
});
