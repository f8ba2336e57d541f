/**
 * Every page of the board, as concrete addresses on the demo board, for each
 * kind of person who can see it: the suites that must visit "every route"
 * (HTML validity, phone widths) take them from here. Dynamic parts (a brand,
 * a thread, the customer's own post, a brand reply) are read from the running
 * board, so the list follows the seed.
 */
import { get, sessionFor } from './hostile-http.ts';

export type Visitor = 'reader' | 'customer' | 'brand member' | 'moderator';

export interface Route {
  path: string;
  /** The status the page answers with (404 for the not-found page). */
  status: number;
}

export interface RouteSet {
  visitor: Visitor;
  cookie: string | null;
  routes: Route[];
}

const BRAND = 'northwind-telecom';

async function json<T>(path: string): Promise<T> {
  const response = await get(path);
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** A Northwind thread with a brand reply (its id and the reply's), read through the public API. */
async function threadWithBrandReply(): Promise<{ postId: number; replyId: number }> {
  for (const postId of await answeredFails()) {
    const detail = await json<{ data: { thread: { id: number; kind: string }[] } }>(
      `/api/v1/posts/${postId}`,
    );
    const reply = detail.data.thread.find((message) => message.kind === 'brand_reply');
    if (reply) return { postId, replyId: reply.id };
  }
  throw new Error(`The demo has no ${BRAND} thread with a brand reply.`);
}

async function answeredFails(): Promise<number[]> {
  const posts = await json<{ data: { id: number; replies: number }[] }>(
    `/api/v1/brands/${BRAND}/posts?limit=50&kind=fail`,
  );
  return posts.data.filter((post) => post.replies > 0).map((post) => post.id);
}

/** The edit page of a reply the signed-in brand member wrote, as its thread links to it. */
async function ownReplyEditPath(cookie: string): Promise<string> {
  for (const postId of await answeredFails()) {
    const page = await (await get(`/posts/${postId}`, cookie)).text();
    const link = /href="(\/posts\/\d+\/replies\/\d+\/edit)"/.exec(page)?.[1];
    if (link) return link;
  }
  throw new Error(`The demo brand owner wrote no reply on ${BRAND}'s fails.`);
}

/** The id of a published post of the signed-in customer, from their account page. */
async function ownPostId(cookie: string): Promise<number> {
  const page = await (await get('/account', cookie)).text();
  const id = Number(/href="\/posts\/(\d+)"/.exec(page)?.[1]);
  if (!id) throw new Error('The demo customer has no post on /account.');
  return id;
}

const ok = (path: string): Route => ({ path, status: 200 });

/** A demo post with evidence images (the seed draws them on a Glintwell fail), read through the API. */
async function postWithImages(): Promise<number> {
  const posts = await json<{ data: { id: number }[] }>('/api/v1/brands/glintwell-electronics/posts?limit=50');
  for (const { id } of posts.data) {
    const detail = await json<{ data: { images: unknown[] } }>(`/api/v1/posts/${id}`);
    if (detail.data.images.length > 0) return id;
  }
  throw new Error('The demo has no post with images on glintwell-electronics.');
}

/** A brand nobody has claimed yet (its claim page is a form, not a redirect). */
async function unclaimedBrand(): Promise<string> {
  const brands = await json<{ data: { slug: string; verified: boolean }[] }>('/api/v1/brands?limit=100');
  const brand = brands.data.find((candidate) => !candidate.verified);
  if (!brand) throw new Error('Every demo brand is claimed.');
  return brand.slug;
}

export async function everyRoute(): Promise<RouteSet[]> {
  const { postId, replyId } = await threadWithBrandReply();
  const unclaimed = await unclaimedBrand();
  const withImages = await postWithImages();
  const publicRoutes: Route[] = [
    ok('/'),
    ok('/rankings'),
    ok('/rankings?window=30d&sort=responseRate'),
    ok(`/compare?brands=${BRAND},glintwell-electronics`),
    ok(`/compare?brands=${BRAND},glintwell-electronics,vantrel-mobile,aldermoor-audio&window=30d`),
    // A fifth brand is refused beside its input, and a name that matches none gets suggestions.
    {
      path: `/compare?brands=${BRAND},glintwell-electronics,vantrel-mobile,aldermoor-audio,bluefjord-air`,
      status: 400,
    },
    { path: `/compare?brands=${BRAND},Brightwren`, status: 400 },
    ok(`/compare?brands=${BRAND}`),
    ok(`/brands/${BRAND}`),
    ok(`/brands/${BRAND}?kind=fail&status=waiting`),
    ok(`/posts/${postId}`),
    ok(`/posts/${withImages}`),
    ok(`/posts/${postId}/revisions`),
    ok(`/posts/${postId}/replies/${replyId}/revisions`),
    ok('/search?q=refund'),
    ok('/search?q=day&page=2'),
    ok('/search?q=zzzznothing'),
    ok('/methodology'),
    ok('/stories'),
    ok('/stories?page=2'),
    ok('/transparency'),
    ok('/guidelines'),
    ok('/about'),
    { path: '/no-such-page', status: 404 },
  ];
  // The pages translated so far (decision 014), under /fr/; the other pages join as they are translated.
  const frenchReaderRoutes: Route[] = [
    ok('/fr/'),
    ok('/fr/about'),
    ok('/fr/methodology'),
    ok('/fr/guidelines'),
    ok('/fr/login'),
    ok('/fr/signup'),
    ok('/fr/reset-password'),
    ok('/fr/verify-email'),
    ok('/fr/claim/confirm?token=not-a-token'),
    ok('/fr/team/join?token=not-a-token'),
    { path: '/fr/no-such-page', status: 404 },
  ];
  const customer = await sessionFor('customer@demo.example');
  const member = await sessionFor('brand@demo.example');
  const moderator = await sessionFor('moderator@demo.example');
  const ownPost = await ownPostId(customer);
  return [
    {
      visitor: 'reader',
      cookie: null,
      routes: [
        ...publicRoutes,
        ok('/new'),
        ok('/login'),
        ok('/signup'),
        ok('/reset-password'),
        ok('/verify-email'),
        ok('/claim/confirm?token=not-a-token'),
        ok('/team/join?token=not-a-token'),
        ...frenchReaderRoutes,
      ],
    },
    {
      visitor: 'customer',
      cookie: customer,
      routes: [
        ...publicRoutes,
        ok('/new'),
        ok(`/new?brand=${BRAND}`),
        ok(`/brands/${unclaimed}/claim`),
        ok('/account'),
        ok(`/posts/${ownPost}`),
        ok(`/posts/${ownPost}/edit`),
        ok(`/posts/${ownPost}/withdraw`),
        ok('/account/confirm-email?token=not-a-token'),
        ok('/logout'),
        ok('/fr/account'),
        ok('/fr/account/confirm-email?token=not-a-token'),
        ok('/fr/logout'),
      ],
    },
    {
      visitor: 'brand member',
      cookie: member,
      routes: [
        ...publicRoutes,
        ok(`/brand/${BRAND}/inbox`),
        ok(`/brand/${BRAND}/inbox?filter=unassigned`),
        ok(`/brand/${BRAND}/settings`),
        ok(await ownReplyEditPath(member)),
        ok('/account'),
      ],
    },
    {
      visitor: 'moderator',
      cookie: moderator,
      routes: [
        ...publicRoutes,
        ok('/moderation'),
        ok('/moderation?audit=1'),
        ok('/moderation/held'),
        ok('/moderation/accounts?email=customer%40demo.example'),
        ok(`/moderation/brands?q=northwind`),
        ok('/account'),
      ],
    },
  ];
}
