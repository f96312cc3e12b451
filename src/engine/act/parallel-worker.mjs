// Entry of a worker thread: registers the TypeScript loader, then runs the worker's module.
import { register } from 'tsx/esm/api';

register();
await import('./parallel-worker.ts');
