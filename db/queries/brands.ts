/** Reads of brands: the profile page and the lists that link to brands. */
import { asc, eq, sql } from 'drizzle-orm';
import { builtOnce } from '../built-once.ts';
import type { Db } from '../client.ts';
import { brandMembers, brands, users } from '../schema.ts';

// Built once (db/built-once.ts): every post and every brand page starts with it.
const brandBySlug = builtOnce('brand_by_slug', (db) =>
  db
    .select()
    .from(brands)
    .where(eq(brands.slug, sql.placeholder('slug')))
    .limit(1),
);

export async function getBrandBySlug(db: Db, slug: string) {
  const [brand] = await brandBySlug(db, { slug });
  return brand ?? null;
}

/** The slug of a brand by id (where a merged duplicate's page redirects). */
export async function getBrandSlug(db: Db, brandId: number): Promise<string | null> {
  const [row] = await db.select({ slug: brands.slug }).from(brands).where(eq(brands.id, brandId)).limit(1);
  return row?.slug ?? null;
}

export type Brand = NonNullable<Awaited<ReturnType<typeof getBrandBySlug>>>;

/** Whether anyone owns the brand yet (for "claim this brand"). */
export async function brandOwnerName(db: Db, brandId: number): Promise<string | null> {
  const [row] = await db
    .select({ name: users.displayName })
    .from(brandMembers)
    .innerJoin(users, eq(users.id, brandMembers.userId))
    .where(sql`${brandMembers.brandId} = ${brandId} and ${brandMembers.role} = 'owner'`)
    .limit(1);
  return row?.name ?? null;
}

/** Brands in slug order after a cursor, for the API's brand list. */
export function listBrandsAfter(db: Db, after: string | null, limit: number, sector: string | null) {
  return db
    .select()
    .from(brands)
    .where(
      sql`${brands.mergedIntoId} is null and (${after}::text is null or ${brands.slug} > ${after}) and (${sector}::text is null or ${brands.sector}::text = ${sector})`,
    )
    .orderBy(asc(brands.slug))
    .limit(limit);
}
