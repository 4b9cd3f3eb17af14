import { defineConfig } from 'drizzle-kit';

// Migrations are generated from electron/store/schema.ts and committed; they run at start-up (store/db.ts).
export default defineConfig({
  dialect: 'sqlite',
  schema: './electron/store/schema.ts',
  out: './electron/store/migrations',
});
