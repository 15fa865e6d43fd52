import { createServiceApp, loadConfig, serve } from '@olp/platform';
import { MatchingConfig, weightsOf } from './matching.config.js';
import { MatchingModule } from './matching.module.js';

const config = loadConfig(MatchingConfig);
weightsOf(config); // fail at boot, naming the variables, when the weights cannot score
const app = await createServiceApp(MatchingModule.register({ config }));
await serve(app, config, (url) => ({ ops: url }));
