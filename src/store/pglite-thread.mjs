// Entry of the embedded store's thread: registers the TypeScript loader, then runs the thread's module.
import { register } from 'tsx/esm/api';

register();
await import('./pglite-thread.ts');
