/**
 * Database configuration for the command-line scripts (seed, migrate,
 * benchmarks). The web server reads the same variables through astro:env.
 */
import { z } from 'astro/zod';

const scriptEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().trim().min(1).default('./data'),
});

export function readDatabaseEnv(env: NodeJS.ProcessEnv = process.env) {
  const parsed = scriptEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return { databaseUrl: parsed.data.DATABASE_URL ?? null, dataDir: parsed.data.DATA_DIR };
}

/** "postgres://user:secret@host/db" → "postgres://user:***@host/db", for logs. */
export function describeDatabase(databaseUrl: string | null, dataDir: string): string {
  if (!databaseUrl) return `embedded PGlite in ${dataDir}/pglite`;
  return `PostgreSQL at ${databaseUrl.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@')}`;
}
