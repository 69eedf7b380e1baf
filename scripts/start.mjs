// `npm start`: installs what is missing, then serves the studio with the built-in dataset.
import { ensureDeps, run } from './ensure.mjs';

ensureDeps();
const port = process.env.PORT ?? '5173';
console.log(`[studio] http://127.0.0.1:${port}/`);
process.exit(run('npx', ['vite', '--host', '127.0.0.1', '--port', port, '--strictPort']));
