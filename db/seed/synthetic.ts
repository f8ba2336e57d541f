/**
 * `npm run db:seed -- --brands N --posts M`: synthetic data at scale, for
 * benchmarks and capacity checks. The rows are generated inside the database
 * (`insert … select` over `generate_series`, in chunks) rather than sent from
 * here, so a million posts take minutes on PostgreSQL or PGlite. The texts come
 * from the demo story templates; every fail gets a coherent status with the
 * reply, promise and verdict rows behind it.
 *
 * Brands get a Zipf-skewed share of the posts (`brand-shares.ts`: with 2,000
 * brands the largest holds ~12 %), and everything hangs off the posts, so
 * replies, promises, verdicts and "me too" stay in proportion to each brand's
 * posts. A few answered fails get long threads (tens to ~200 messages) so a
 * heavy post page exists. Each statement that draws `random()` runs in its own
 * transaction after its own `setseed`, so runs are repeatable whichever pooled
 * connection it lands on.
 */
import { sql } from 'drizzle-orm';
import { CATEGORIES, CHANNELS, SECTORS } from '../../src/domain/vocabulary.ts';
import type { DatabaseHandle } from '../client.ts';
import { rebuildBrandStatistics } from '../../src/server/statistics.ts';
import { zipfLowerEdges } from './brand-shares.ts';
import { STORY_TEMPLATES } from './content.ts';

export interface SyntheticOptions {
  brands: number;
  posts: number;
  passwordHash: string;
  now: Date;
  reset: boolean;
}

const CHUNK_POSTS = 50_000;
const HISTORY_DAYS = 425;
/** About this many fails (the answered ones among every posts/LONG_THREADS-th post) get a long thread. */
const LONG_THREADS = 40;
const SEED = 0.4217;

/** `setseed` for the n-th random statement: repeatable, and different per statement. */
const seedFor = (statement: number) => sql`select setseed(${(SEED + statement * 0.0001) % 1})`;

function fillTemplate(text: string): string {
  return text
    .replaceAll('{brand}', 'the company')
    .replaceAll('{product}', 'my subscription')
    .replaceAll('{days}', '9')
    .replaceAll('{minutes}', '35');
}

const pgTextArray = (values: readonly string[]) =>
  sql`${`{${values.map((value) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`}::text[]`;
const pgFloatArray = (values: readonly number[]) => sql`${`{${values.join(',')}}`}::float8[]`;

export async function seedSynthetic(handle: DatabaseHandle, options: SyntheticOptions): Promise<void> {
  const { db } = handle;
  const started = performance.now();
  const log = (message: string) =>
    console.log(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${message}`);
  const now = options.now.toISOString();
  const customers = Math.min(50_000, Math.max(100, Math.ceil(options.posts / 20)));
  const likes = STORY_TEMPLATES.filter((template) => template.kind === 'like');
  const fails = STORY_TEMPLATES.filter((template) => template.kind === 'fail');

  if (options.reset) {
    await db.execute(sql`
      do $$ declare tables text; begin
        select string_agg(format('%I', tablename), ', ') into tables from pg_tables where schemaname = 'public';
        if tables is not null then execute 'truncate ' || tables || ' restart identity cascade'; end if;
      end $$`);
  }

  await db.execute(sql`
    insert into users (email, display_name, password_hash, email_verified_at, created_at)
    select 'customer' || i || '@synthetic.example', 'Customer ' || i, ${options.passwordHash},
           ${now}::timestamptz, ${now}::timestamptz - interval '${sql.raw(String(HISTORY_DAYS + 5))} days'
    from generate_series(1, ${customers}) as i`);
  await db.execute(sql`
    insert into brands (slug, name, name_key, domain, website_url, sector, description, verified_at)
    select 'synthetic-brand-' || i, 'Synthetic Brand ' || i, 'synthetic brand ' || i, 'brand-' || i || '.example',
           'https://brand-' || i || '.example/', (${pgTextArray(SECTORS)})[1 + i % ${SECTORS.length}]::sector,
           'A generated brand for load tests.', case when i % 2 = 0 then ${now}::timestamptz end
    from generate_series(1, ${options.brands}) as i`);
  // One agent per brand answers its posts.
  await db.execute(sql`
    with agents as (
      insert into users (email, display_name, password_hash, email_verified_at)
      select 'agent@brand-' || i || '.example', 'Agent ' || i, ${options.passwordHash}, ${now}::timestamptz
      from generate_series(1, ${options.brands}) as i
      returning id, email
    )
    insert into brand_members (brand_id, user_id, role)
    select b.id, a.id, 'owner' from agents a join brands b on a.email = 'agent@' || b.domain`);
  log(`${options.brands} brands, ${customers} customers`);

  // Brand of rank 1 (synthetic-brand-1) is the largest; width_bucket finds a draw's brand by binary search.
  const brandEdges = pgFloatArray(zipfLowerEdges(options.brands));
  for (let offset = 0, chunk = 0; offset < options.posts; offset += CHUNK_POSTS, chunk += 1) {
    const count = Math.min(CHUNK_POSTS, options.posts - offset);
    await db.transaction(async (tx) => {
      await tx.execute(seedFor(chunk));
      await tx.execute(sql`
        with draws as (
          select i, random() as k, random() as s, random() as age, random() as reply, random() as b, random() as a,
                 random() as t, random() as c, random() as ch
          from generate_series(1, ${count}) as i
        ), shaped as (
          select *, ${sql.raw(`'${now}'`)}::timestamptz - age * interval '${sql.raw(String(HISTORY_DAYS))} days' as created,
                 case when k < 0.45 then 'like' else 'fail' end as kind,
                 case when k < 0.45 then null
                      when s < 0.25 then 'waiting' when s < 0.45 then 'answered' when s < 0.55 then 'promised'
                      when s < 0.80 then 'resolved' when s < 0.95 then 'not_resolved' else 'unconfirmed' end as status
          from draws
        )
        insert into posts (brand_id, author_id, kind, title, story, category, channel, experienced_on, status,
                           first_brand_reply_at, resolution_proposed_at, settled_at, message_count,
                           last_activity_at, created_at, updated_at)
        select (select min(id) from brands) + width_bucket(b, ${brandEdges}) - 1,
               (select min(id) from users) + floor(a * ${customers})::int,
               kind::post_kind,
               case when kind = 'like' then (${pgTextArray(likes.map((t) => fillTemplate(t.title)))})[1 + floor(t * ${likes.length})::int]
                    else (${pgTextArray(fails.map((t) => fillTemplate(t.title)))})[1 + floor(t * ${fails.length})::int] end,
               case when kind = 'like' then (${pgTextArray(likes.map((t) => fillTemplate(t.story)))})[1 + floor(t * ${likes.length})::int]
                    else (${pgTextArray(fails.map((t) => fillTemplate(t.story)))})[1 + floor(t * ${fails.length})::int] end,
               (${pgTextArray(CATEGORIES)})[1 + floor(c * ${CATEGORIES.length})::int]::category,
               (${pgTextArray(CHANNELS)})[1 + floor(ch * ${CHANNELS.length})::int]::channel,
               created::date, status::fail_status,
               case when status <> 'waiting' then created + reply * interval '72 hours' end,
               case when status in ('resolved', 'not_resolved', 'unconfirmed') then created + interval '4 days' end,
               case when status in ('resolved', 'not_resolved') then created + interval '6 days'
                    when status = 'unconfirmed' then created + interval '34 days' end,
               case when status is null or status = 'waiting' then 0 else 1 end,
               created, created, created
        from shaped`);
    });
    log(`${offset + count} posts`);
  }

  // The rows behind each status: the brand's reply, its promise, the verdict.
  await db.execute(sql`
    insert into thread_messages (post_id, author_id, kind, brand_id, body, word_count, created_at, updated_at)
    select p.id, m.user_id, 'brand_reply', p.brand_id,
           'Thank you for telling us. I have looked into your case and our team will follow it up with you personally.',
           20, p.first_brand_reply_at, p.first_brand_reply_at
    from posts p join brand_members m on m.brand_id = p.brand_id and m.role = 'owner'
    where p.first_brand_reply_at is not null`);
  await db.execute(sql`
    update posts p set handler_id = m.user_id
    from brand_members m where m.brand_id = p.brand_id and m.role = 'owner' and p.first_brand_reply_at is not null`);
  await db.execute(sql`
    insert into promises (post_id, brand_id, made_by_id, due_on, outcome, settled_at, created_at)
    select p.id, p.brand_id, p.handler_id, (p.first_brand_reply_at + interval '7 days')::date,
           case when p.status = 'promised' and p.first_brand_reply_at + interval '8 days' < ${now}::timestamptz then 'broken'
                when p.status = 'promised' then 'pending' else 'kept' end::promise_outcome,
           case when p.status = 'promised' and p.first_brand_reply_at + interval '8 days' >= ${now}::timestamptz then null
                else least(p.first_brand_reply_at + interval '8 days', p.resolution_proposed_at) end,
           p.first_brand_reply_at
    from posts p where p.status = 'promised' or (p.status = 'resolved' and p.id % 3 = 0)`);
  await db.execute(sql`
    insert into verdicts (post_id, user_id, resolved, would_buy_again, created_at, updated_at)
    select id, author_id, status = 'resolved', status = 'resolved' and id % 4 <> 0, settled_at, settled_at
    from posts where status in ('resolved', 'not_resolved')`);
  log('threads, promises and verdicts');

  // "Me too" on about one fail in eight (1–12 each, most with few), from other customers.
  await db.transaction(async (tx) => {
    await tx.execute(seedFor(1_000));
    await tx.execute(sql`
      with chosen as (
        select id, author_id, created_at, 1 + floor(power(random(), 2) * 12)::int as wanted
        from posts where kind = 'fail' and random() < 0.125
      ), inserted as (
        insert into me_toos (post_id, user_id, created_at)
        select c.id, u.first_id + (c.author_id - u.first_id + 1 + (c.id * 31 + j * 7919) % (${customers} - 1)) % ${customers},
               c.created_at + j * interval '5 hours'
        from chosen c cross join (select min(id) as first_id from users) u cross join generate_series(1, c.wanted) as j
        on conflict do nothing
        returning post_id
      )
      update posts p set me_too_count = x.count
      from (select post_id, count(*)::int as count from inserted group by post_id) x
      where p.id = x.post_id`);
  });
  log('me-toos');

  // Long threads: the author and the brand go back and forth between the first reply and the proposal.
  await db.transaction(async (tx) => {
    await tx.execute(seedFor(2_000));
    await tx.execute(sql`
      with chosen as (
        select p.id, p.author_id, p.brand_id, p.handler_id, p.first_brand_reply_at as opened,
               coalesce(p.resolution_proposed_at, p.first_brand_reply_at + interval '4 days') - p.first_brand_reply_at as span,
               20 + floor(random() * 180)::int as extra
        from posts p
        where p.status in ('answered', 'resolved', 'not_resolved')
          and p.id % ${Math.max(1, Math.floor(options.posts / LONG_THREADS))} = 0
      ), inserted as (
        insert into thread_messages (post_id, author_id, kind, brand_id, body, word_count, created_at, updated_at)
        select c.id,
               case when j % 2 = 1 then c.author_id else c.handler_id end,
               case when j % 2 = 1 then 'follow_up' else 'brand_reply' end::message_kind,
               case when j % 2 = 0 then c.brand_id end,
               case when j % 2 = 1 then 'Still waiting on this. Here is what happened since my last message (' || j || ').'
                    else 'Thank you for the update. We have passed it to the team handling your case (' || j || ').' end,
               14,
               c.opened + c.span * j / (c.extra + 1), c.opened + c.span * j / (c.extra + 1)
        from chosen c cross join generate_series(1, c.extra) as j
        returning post_id, created_at
      )
      update posts p set message_count = p.message_count + x.count, last_activity_at = greatest(p.last_activity_at, x.last)
      from (select post_id, count(*)::int as count, max(created_at) as last from inserted group by post_id) x
      where p.id = x.post_id`);
  });
  log('long threads');

  await db.transaction((tx) => rebuildBrandStatistics(tx, options.now));
  log('aggregates recomputed');
  // Vacuumed as well as analyzed: the seed updates about half the posts it inserts (thread counts,
  // statuses), and a server with autovacuum off (as on the CI machines) would otherwise keep those
  // dead rows in every scan and index of the benchmark.
  await db.execute(sql`vacuum (analyze)`);
  log('vacuumed and analyzed');
  console.log(
    `Seeded ${options.brands} synthetic brands and ${options.posts} posts in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
}
