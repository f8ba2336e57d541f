-- Trigram matching for brand names (search, brand picker, duplicate hints).
-- PGlite loads the extension through its `pg_trgm` contrib module (db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "brands_name_key_trgm_idx" ON "brands" USING gin ("name_key" gin_trgm_ops);
