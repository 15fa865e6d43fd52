import { Injectable } from '@nestjs/common';

export type ReadinessProbe = () => Promise<void>;

/**
 * What `/health/ready` checks. Each infrastructure module (database, NATS) registers its own
 * probe, so the platform knows nothing about them and every service gets the right checks.
 */
@Injectable()
export class ReadinessRegistry {
  private readonly probes = new Map<string, ReadinessProbe>();

  register(name: string, probe: ReadinessProbe): void {
    this.probes.set(name, probe);
  }

  entries(): [string, ReadinessProbe][] {
    return [...this.probes.entries()];
  }
}
