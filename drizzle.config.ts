import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations from db/schema.ts; they are committed and applied at start.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
});
