import type { JetStreamClient } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import type { EventPayload, EventSubject } from '@olp/contracts';
import { buildCloudEvent, type CloudEvent, type SubjectNamespace } from '@olp/messaging';

/** Publishes events into a test's JetStream namespace as the owning service's outbox relay would. */
export class TestEventPublisher {
  constructor(
    private readonly js: JetStreamClient,
    private readonly ns: SubjectNamespace,
  ) {}

  /** A new event: CloudEvents envelope from the subject's owning service, `Nats-Msg-Id` = event id. */
  async publish<S extends EventSubject>(subject: S, data: EventPayload<S>, about?: string): Promise<CloudEvent<EventPayload<S>>> {
    const event = buildCloudEvent(subject.split('.')[0]!, subject, data, about);
    await this.publishEnvelope(subject, event);
    return event;
  }

  /**
   * An envelope as is; with a new `msgId`, the same event again past the server's duplicate window
   * (a relay that crashed after publishing).
   */
  async publishEnvelope(subject: EventSubject, event: CloudEvent, msgId: string = event.id): Promise<void> {
    const h = natsHeaders();
    h.set('Nats-Msg-Id', msgId);
    await this.js.publish(this.ns.subject(subject), JSON.stringify(event), { headers: h });
  }
}
