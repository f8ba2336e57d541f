-- French search (decision 014): French stemming with accents ignored, as one text-search
-- configuration, so "rembourse", "remboursé" and "remboursement" meet. Hand-added before the
-- generated statements: the index below needs it.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION "public"."french_unaccent" (COPY = pg_catalog.french);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION "public"."french_unaccent" ALTER MAPPING FOR hword, hword_part, word WITH "public"."unaccent", french_stem;--> statement-breakpoint
CREATE TYPE "public"."language" AS ENUM('en', 'fr');--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "language" "language" DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "language" "language" DEFAULT 'en' NOT NULL;--> statement-breakpoint
CREATE INDEX "posts_search_fr_idx" ON "posts" USING gin (to_tsvector('french_unaccent'::regconfig, title || ' ' || story)) WHERE language = 'fr';