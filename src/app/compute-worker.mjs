// Entry of a compute worker thread: registers the TypeScript loader, then runs the worker's module.
import { register } from 'tsx/esm/api';

register();
await import('./compute-worker.ts');
