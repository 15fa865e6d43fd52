import { createServiceApp, loadConfig, serve } from '@olp/platform';
import { SeekersConfig } from './seekers.config.js';
import { SeekersModule } from './seekers.module.js';

const config = loadConfig(SeekersConfig);
const app = await createServiceApp(SeekersModule.register({ config }));
await serve(app, config, (url) => ({ ops: url }));
