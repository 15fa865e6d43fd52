import { createServiceApp, loadConfig, serve } from '@olp/platform';
import { ProgrammesConfig } from './programmes.config.js';
import { ProgrammesModule } from './programmes.module.js';

const config = loadConfig(ProgrammesConfig);
const app = await createServiceApp(ProgrammesModule.register({ config }));
await serve(app, config, (url) => ({ ops: url }));
