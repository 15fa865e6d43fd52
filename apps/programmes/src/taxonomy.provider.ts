import type { Provider } from '@nestjs/common';
import { CONFIG, LOGGER, type Logger } from '@olp/platform';
import { Taxonomy } from '@olp/reference-data';
import type { ProgrammesConfig } from './programmes.config.js';

/** ISCO-08 and skills for the expert registry, loaded once at boot (plus TAXONOMY_FILE's snapshot when set). */
export const TaxonomyProvider: Provider = {
  provide: Taxonomy,
  inject: [CONFIG, LOGGER],
  useFactory: async (config: ProgrammesConfig, logger: Logger): Promise<Taxonomy> => {
    const taxonomy = await Taxonomy.load(config.TAXONOMY_FILE);
    logger.info({ source: taxonomy.source, ...taxonomy.counts }, 'taxonomy loaded');
    return taxonomy;
  },
};
