// The worker thread of the floor's 2-thread pass (bench/floor.ts): runs the loop it is sent over the
// shared columns it is sent, on the range of persons each message names.
import { parentPort } from 'node:worker_threads';

let fn = null;
let state = null;
parentPort.on('message', (m) => {
  if (m.kind === 'prepare') {
    fn = new Function('I', 'F', 'O', 'start', 'end', m.source);
    state = m;
    parentPort.postMessage({ ready: true });
  } else if (m.kind === 'run') {
    parentPort.postMessage({ sum: fn(state.ints, state.floats, state.out, m.start, m.end) });
  }
});
