/**
 * The whole customer journey under /fr/ (issue #14), in Chromium against the built server: a new
 * customer signs up in French, confirms the address from the e-mail, posts a fail on /fr/new; a
 * member of the brand takes the case, promises a date and proposes a resolution on the post's page;
 * the customer gives the verdict. Every page on the way says lang="fr", shows no sentence of the
 * English catalogue and no hard-coded English word, and has nothing serious for axe.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, DEMO_PASSWORD, launchBrowser } from './browser.ts';
import { englishIn, pageText } from './french-text.ts';
import { newestMailLink, seededTeamEmail } from './hostile-http.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/**
 * Left out of the text checked: only what is marked as English on purpose (the language switch,
 * the names of the languages).
 */
const NOT_CHECKED = ['[lang="en"]'];

const visited: string[] = [];

/** The checks every page of the journey passes, named by the page's address in a failure. */
async function expectFrench(page: Page): Promise<void> {
  const where = new URL(page.url()).pathname;
  visited.push(where);
  expect(where.startsWith('/fr/'), where).toBe(true);
  expect(await page.locator('html').getAttribute('lang'), where).toBe('fr');
  expect(englishIn(await pageText(page, NOT_CHECKED)), where).toEqual([]);
  expect(await accessibilityViolations(page), where).toEqual([]);
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

describe('the customer journey in French', () => {
  const email = `journey-fr-${Date.now()}@test.example`;
  const name = 'Léa J.';
  let postUrl = '';

  it('signs up, confirms the address from the e-mail and posts a fail, all under /fr/', async () => {
    const customer = await newPage();
    await customer.goto(`${baseUrl}/fr/signup`);
    await expectFrench(customer);
    await customer.getByLabel('Adresse e-mail').fill(email);
    await customer.getByLabel('Nom affiché').fill(name);
    await customer.getByLabel('Mot de passe').fill('un port calme au petit matin');
    await customer.getByRole('button', { name: 'Créer le compte' }).click();
    await customer.getByText('Consultez votre boîte de réception.').waitFor();
    await expectFrench(customer);

    // The e-mail is in French and its link keeps the language.
    const link = await newestMailLink(email);
    expect(new URL(link).pathname).toBe('/fr/verify-email');
    await customer.goto(link);
    await expectFrench(customer);
    await customer.getByRole('button', { name: 'Confirmer mon adresse e-mail' }).click();
    await customer.waitForURL(/\/fr\/account\?done=welcome$/);
    await expectFrench(customer);

    // The brand is found by name on the form, without leaving it.
    await customer.goto(`${baseUrl}/fr/new`);
    await expectFrench(customer);
    await customer.getByLabel('Chercher la marque par son nom').fill('Northwind');
    // The form's own "Chercher" (the layout's search box has one too).
    await customer.locator('button[name="intent"][value="find"]').click();
    await customer
      .getByRole('list', { name: 'Marques trouvées' })
      .getByRole('button', { name: /^Northwind Telecom/ })
      .click();
    await customer.getByText('Au sujet de').waitFor();
    await expectFrench(customer);

    await customer.getByLabel(/^Fail : le service n’a pas été à la hauteur/).check();
    await customer.getByLabel('Titre', { exact: true }).fill('Frais de modem facturés après la tempête');
    await customer
      .getByLabel('Votre récit', { exact: true })
      .fill('La tempête a détruit notre maison et Northwind facture toujours la location du modem.');
    await customer.getByLabel('De quoi s’agissait-il ?').selectOption('billing');
    await customer.getByLabel('Comment les avez-vous contactés ?').selectOption('phone');
    await customer.getByLabel('Temps d’attente, en minutes (facultatif)').fill('55');
    await customer.getByRole('button', { name: 'Publier', exact: true }).click();
    await customer.waitForURL(/\/fr\/posts\/\d+\?done=posted$/);
    postUrl = customer.url().replace(/\?.*$/, '');
    await customer.getByText('55 minutes').waitFor();
    await expectFrench(customer);
    await customer.context().close();
  }, 300_000);

  it('lets a member of the brand take the case, promise a date and propose a resolution', async () => {
    const member = await newPage();
    await member.goto(`${baseUrl}/fr/login`);
    await expectFrench(member);
    await member.getByLabel('Adresse e-mail').fill(seededTeamEmail('northwind-telecom', 'owner'));
    await member.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await member.getByRole('button', { name: 'Se connecter' }).click();
    await member.waitForURL((url) => !url.pathname.startsWith('/fr/login'));

    await member.goto(postUrl);
    await expectFrench(member);
    await member.getByRole('button', { name: 'Prendre ce dossier en charge' }).click();
    await member.waitForURL(/done=taken/);
    await expectFrench(member);

    const due = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await member
      .getByLabel('Votre réponse publique')
      .fill(
        'Alex ici. Toutes nos excuses : nous annulons ces frais et je reviens vers vous dès que c’est fait.',
      );
    await member.getByLabel('Promettre une date (facultatif)').fill(due);
    await member.getByRole('button', { name: 'Publier la réponse' }).click();
    await member.waitForURL(/done=reply/);
    await expectFrench(member);

    await member
      .getByLabel('Votre réponse publique')
      .fill(
        'La facturation a retiré les frais de modem et remboursé la dernière facture. Pouvez-vous confirmer ?',
      );
    await member.getByLabel(/Cette réponse propose une résolution/).check();
    await member.getByRole('button', { name: 'Publier la réponse' }).click();
    await member.waitForURL(/done=reply/);
    await expectFrench(member);
    await member.context().close();
  }, 300_000);

  it('lets the customer give the verdict, and tells the whole thread in French', async () => {
    const customer = await newPage();
    await customer.goto(`${baseUrl}/fr/login`);
    await customer.getByLabel('Adresse e-mail').fill(email);
    await customer.getByLabel('Mot de passe').fill('un port calme au petit matin');
    await customer.getByRole('button', { name: 'Se connecter' }).click();
    await customer.waitForURL((url) => !url.pathname.startsWith('/fr/login'));

    await customer.goto(postUrl);
    await expectFrench(customer);
    await customer.getByLabel('Oui, il a été résolu').check();
    await customer
      .getByRole('group', { name: 'Achèteriez-vous de nouveau chez Northwind Telecom ?' })
      .getByLabel('Oui')
      .check();
    await customer.getByRole('button', { name: 'Publier mon verdict' }).click();
    await customer.waitForURL(/done=verdict/);
    await expectFrench(customer);

    const steps = (await customer.locator('.thread > li').allInnerTexts()).map((text) =>
      text.replace(/\s+/g, ' ').trim(),
    );
    const expected = [
      /^Alex \(Northwind Telecom\) a pris ce dossier en charge/,
      /^Alex pour Northwind Telecom .*nous annulons ces frais/,
      /^Alex \(Northwind Telecom\) a promis une solution pour le \d{1,2} \S+ \d{4}/,
      /^Alex pour Northwind Telecom .*La facturation a retiré les frais/,
      /^Alex \(Northwind Telecom\) a proposé une résolution/,
      /^Promesse tenue : résolution proposée avant le/,
      /^Léa J\. dit : résolu, rachèterait/,
    ];
    expect(steps).toHaveLength(expected.length);
    steps.forEach((step, index) => expect(step).toMatch(expected[index]!));
    const facts = (await customer.locator('dl.facts').innerText()).replace(/\s+/g, ' ');
    expect(facts).toContain('Résolu ; rachèterait');
    expect(facts).toContain('Pris en charge par Alex pour Northwind Telecom');
    await customer.context().close();
  }, 300_000);

  it('visited every page of the journey in French', () => {
    expect(new Set(visited)).toEqual(
      new Set([
        '/fr/signup',
        '/fr/verify-email',
        '/fr/account',
        '/fr/new',
        '/fr/login',
        new URL(postUrl).pathname,
      ]),
    );
  });
});
