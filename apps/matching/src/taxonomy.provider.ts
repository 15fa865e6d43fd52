import type { Provider } from '@nestjs/common';
import { CONFIG, LOGGER, type Logger } from '@olp/platform';
import { Taxonomy } from '@olp/reference-data';
import type { MatchingConfig } from './matching.config.js';

export { Taxonomy };

/**
 * ISCO-08 and the skills taxonomy (plus the ESCO snapshot in TAXONOMY_FILE, when set), loaded once
 * at boot: reasons name skills and occupation groups from it. A bad snapshot stops the boot.
 */
export const taxonomyProvider: Provider = {
  provide: Taxonomy,
  inject: [CONFIG, LOGGER],
  useFactory: async (config: MatchingConfig, logger: Logger): Promise<Taxonomy> => {
    const taxonomy = await Taxonomy.load(config.TAXONOMY_FILE);
    logger.info({ source: taxonomy.source, ...taxonomy.counts }, 'taxonomy loaded');
    return taxonomy;
  },
};
