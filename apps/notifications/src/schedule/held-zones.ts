import { Injectable } from '@nestjs/common';

const MAX_REMEMBERED_ZONES = 200;

/**
 * The time zones of recipients with e-mails held for a digest, as seen by this replica (when the
 * writer holds one, or the delivery worker meets one): their cut-offs let the worker's digest
 * query return only recipients who are due. Unbounded input (any zone a user picks), bounded
 * memory: forgetting a zone only costs an unfiltered pass, after which it is remembered again.
 */
@Injectable()
export class HeldZones {
  private readonly zones = new Set<string>();

  remember(zone: string): void {
    if (this.zones.has(zone)) return;
    if (this.zones.size >= MAX_REMEMBERED_ZONES) this.zones.clear();
    this.zones.add(zone);
  }

  [Symbol.iterator](): IterableIterator<string> {
    return this.zones.values();
  }
}
