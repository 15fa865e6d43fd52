import { createServiceApp, loadConfig, serve } from '@olp/platform';
import { VacanciesConfig } from './vacancies.config.js';
import { VacanciesModule } from './vacancies.module.js';

const config = loadConfig(VacanciesConfig);
const app = await createServiceApp(VacanciesModule.register({ config }));
await serve(app, config, (url) => ({ ops: url }));
