/**
 * The layers of README's "Architecture" section, enforced (`npm run lint`):
 *
 *   src/domain      pure rules and numbers: imports nothing of the app, no I/O
 *   db/             schema, client and queries — the one door to SQL; from src/ it takes
 *                   only the shared vocabulary (src/domain/vocabulary.ts) and types
 *   src/server      services and commands; never pages, actions or components
 *   src/actions     adapters over commands
 *   src/components  rendering: no database, no server services
 *   src/pages       routes: read through db/queries, render components; no SQL builder
 *
 * db/seed and bench/ are scripts that drive the application and may use any layer.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds rules only: no database, no server, no Astro, no I/O.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        path: '^(db/|src/(server|pages|components|actions|layouts)/|src/middleware)|^(astro:|node:)|node_modules/(drizzle-orm|postgres|@electric-sql|astro)/',
      },
    },
    {
      name: 'db-takes-only-the-vocabulary',
      comment:
        'db/ (schema, client, queries) imports from src/ only the shared vocabulary, and types; never a rule like computeScore.',
      severity: 'error',
      from: { path: '^db/(queries/|schema|client|env|migrate)' },
      to: { path: '^src/', pathNot: '^src/domain/vocabulary\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'sql-only-in-db',
      comment: 'SQL is written in db/queries only: nothing else imports the query builder or a driver.',
      severity: 'error',
      from: { path: '^src/' },
      to: {
        path: 'node_modules/(drizzle-orm|postgres|@electric-sql)/|^db/schema\\.ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'components-render-only',
      comment: 'Components get their data as props: no database, no server services, no commands.',
      severity: 'error',
      from: { path: '^src/(components|layouts)/' },
      to: { path: '^(db/|src/(server|actions|pages)/)' },
    },
    {
      name: 'server-below-the-web',
      comment: 'Services and commands never depend on routes, actions or components.',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/(pages|actions|components|layouts)/|^src/middleware' },
    },
    {
      name: 'actions-are-adapters',
      comment: 'Actions call commands; they do not read the database themselves.',
      severity: 'error',
      from: { path: '^src/actions/' },
      to: { path: '^db/queries/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'tests-are-not-imported',
      severity: 'error',
      from: { pathNot: '^test/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules is not followed but stays visible, so imports of the query builder are seen.
    exclude: { path: '^(dist|\\.astro)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js', '.astro'] },
    // `.astro` frontmatter is TypeScript: let the cruiser read it.
    extraExtensionsToScan: ['.astro'],
    reporterOptions: { text: { highlightFocused: true } },
  },
};
