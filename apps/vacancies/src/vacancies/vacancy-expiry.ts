import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { CONFIG, LOGGER, type Logger } from '@olp/platform';
import type { VacanciesConfig } from '../vacancies.config.js';
import { VacanciesService } from './vacancies.service.js';

/**
 * Runs `expireDue()` every EXPIRY_INTERVAL_MS on each replica (safe together: SKIP LOCKED), never
 * two passes at once in one process; the timer does not keep the process alive, and shutdown
 * waits for a pass in progress before the database closes.
 */
@Injectable()
export class VacancyExpiry implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @Inject(VacanciesService) private readonly vacancies: VacanciesService,
    @Inject(CONFIG) private readonly config: VacanciesConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.config.EXPIRY_INTERVAL_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.vacancies
      .expireDue()
      .then((count) => {
        if (count > 0) this.logger.info({ count }, 'expired vacancies past their closing date');
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'vacancy expiry failed; will retry'))
      .finally(() => {
        this.running = undefined;
      });
  }
}
