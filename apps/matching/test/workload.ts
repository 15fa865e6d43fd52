import { randomUUID } from 'node:crypto';
import type { EventPayload, EventSubject, SeekerProfileUpdatedV1, VacancyPublishedV1 } from '@olp/contracts';
import type { CloudEvent } from '@olp/messaging';
import { isoDate, type MatchingHarness } from './matching-harness.js';

/** A small deterministic PRNG (mulberry32), so a failing workload can be replayed from its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A v4-shaped UUID from the PRNG (the contracts check the format). */
function uuid(rnd: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '8';
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const COUNTRIES = ['QA', 'AE', 'SA', 'JO', 'EG', 'MA', 'KW'];
const ISCO = ['2149', '2142', '2141', '2263', '3112', '3257'];
const SKILLS = [
  'osh.risk-assessment',
  'osh.hazard-identification',
  'osh.first-aid',
  'osh.fire-safety',
  'osh.ergonomics',
  'osh.incident-investigation',
  'osh.ppe-use',
  'osh.noise-control',
  'osh.confined-spaces',
  'osh.chemical-safety',
];
const LANGUAGES = ['ar', 'en', 'fr'];
const LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

export interface Step {
  subject: EventSubject;
  data: EventPayload<EventSubject>;
  about: string;
  /** Re-send an earlier step's envelope (same event id) instead of a new event. */
  redeliverOf?: number;
}

/**
 * A random but reproducible history: vacancies published, edited and closed; profiles created,
 * edited, consent withdrawn and given, erasures and account deletions; plus stale versions sent
 * late and events delivered twice. Countries, skills and occupations are few so pairs overlap,
 * top lists fill up, and scores tie.
 */
export function workload(seed: number, size: { vacancies: number; seekers: number; edits: number }): Step[] {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const some = <T>(items: readonly T[], max: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(rnd() * max) }, () => pick(items)))];
  const base = Date.parse('2026-01-01T00:00:00Z');
  let clock = 0;
  const at = () => new Date(base + ++clock * 1000).toISOString();
  const employers = Array.from({ length: 4 }, () => uuid(rnd));

  const steps: Step[] = [];
  const vacancies = new Map<string, VacancyPublishedV1>();
  const closed = new Set<string>();
  const profiles = new Map<string, SeekerProfileUpdatedV1>();
  const gone = new Set<string>();
  const history: { step: number; kind: 'vacancy' | 'profile'; id: string; data: VacancyPublishedV1 | SeekerProfileUpdatedV1 }[] = [];

  const vacancyContent = () => ({
    iscoCode: pick(ISCO),
    skills: some(SKILLS, 4).map((skillId) => ({ skillId, essential: rnd() < 0.6 })),
    languages: some(LANGUAGES, 2).map((code) => ({ code, minLevel: pick(LEVELS) })),
    ...(rnd() < 0.7 ? { minEducationLevel: Math.floor(rnd() * 8) } : {}),
    ...(rnd() < 0.7 ? { minExperienceYears: Math.floor(rnd() * 6) } : {}),
    country: pick(COUNTRIES),
    workMode: pick(['on-site', 'hybrid', 'remote'] as const),
    eligibility: rnd() < 0.8 ? { scope: 'all-member-states' as const } : { scope: 'listed' as const, countries: some(COUNTRIES, 3) },
  });
  const profileContent = () => {
    const relocate = pick(['none', 'listed', 'any-member-state'] as const);
    return {
      nationality: pick(COUNTRIES),
      residenceCountry: pick(COUNTRIES),
      languages: some(LANGUAGES, 3).map((code) => ({ code, level: pick(LEVELS) })),
      ...(rnd() < 0.8 ? { education: { level: Math.floor(rnd() * 9) } } : {}),
      experience: some(ISCO, 2).map((iscoCode) => ({ iscoCode, years: Math.floor(rnd() * 10) })),
      skills: some(SKILLS, 5),
      desiredOccupations: rnd() < 0.5 ? [pick(ISCO)] : [pick(ISCO).slice(0, 2)],
      mobility: relocate === 'listed' ? { relocate, countries: some(COUNTRIES, 2), remote: rnd() < 0.3 } : { relocate, remote: rnd() < 0.3 },
      visibility: rnd() < 0.9 ? ('matching' as const) : ('hidden' as const),
    };
  };

  const publishVacancy = () => {
    const vacancyId = uuid(rnd);
    const v: VacancyPublishedV1 = {
      vacancyId,
      employerId: pick(employers),
      title: { en: `Vacancy ${vacancies.size + 1}`, ar: `وظيفة ${vacancies.size + 1}` },
      city: 'City',
      contractType: 'permanent',
      relocationSupport: true,
      visaSupport: false,
      closingDate: isoDate(60),
      version: 2,
      publishedAt: at(),
      ...vacancyContent(),
    };
    vacancies.set(vacancyId, v);
    history.push({ step: steps.length, kind: 'vacancy', id: vacancyId, data: v });
    steps.push({ subject: 'vacancies.vacancy.published.v1', data: v, about: vacancyId });
  };
  const putProfile = (userId: string, consent: boolean) => {
    const previous = profiles.get(userId);
    const p: SeekerProfileUpdatedV1 = {
      userId,
      ...profileContent(),
      consentToMatching: consent,
      version: (previous?.version ?? 0) + 1,
      updatedAt: at(),
    };
    profiles.set(userId, p);
    history.push({ step: steps.length, kind: 'profile', id: userId, data: p });
    steps.push({ subject: 'seekers.profile.updated.v1', data: p, about: userId });
    if (!previous || previous.consentToMatching !== consent) {
      steps.push({ subject: 'seekers.consent.changed.v1', data: { userId, consentToMatching: consent, changedAt: p.updatedAt }, about: userId });
    }
  };

  for (let i = 0; i < size.vacancies; i++) publishVacancy();
  for (let i = 0; i < size.seekers; i++) putProfile(uuid(rnd), rnd() < 0.9);

  for (let i = 0; i < size.edits; i++) {
    const roll = rnd();
    const openIds = [...vacancies.keys()].filter((id) => !closed.has(id));
    const liveSeekers = [...profiles.keys()].filter((id) => !gone.has(id));
    if (roll < 0.15 && openIds.length > 0) {
      const id = pick(openIds);
      const { publishedAt: _p, ...old } = vacancies.get(id)!;
      const v = { ...old, ...vacancyContent(), version: old.version + 1, publishedAt: at() };
      vacancies.set(id, v);
      history.push({ step: steps.length, kind: 'vacancy', id, data: v });
      const { publishedAt, ...snapshot } = v;
      steps.push({ subject: 'vacancies.vacancy.updated.v1', data: { ...snapshot, updatedAt: publishedAt }, about: id });
    } else if (roll < 0.22 && openIds.length > 0) {
      const id = pick(openIds);
      const v = vacancies.get(id)!;
      closed.add(id);
      steps.push({
        subject: 'vacancies.vacancy.closed.v1',
        data: { vacancyId: id, employerId: v.employerId, title: v.title, reason: pick(['closed', 'filled', 'expired'] as const), closedAt: at(), applicantIds: [] },
        about: id,
      });
    } else if (roll < 0.3) {
      publishVacancy();
    } else if (roll < 0.6 && liveSeekers.length > 0) {
      const id = pick(liveSeekers);
      putProfile(id, profiles.get(id)!.consentToMatching);
    } else if (roll < 0.72 && liveSeekers.length > 0) {
      const id = pick(liveSeekers);
      putProfile(id, !profiles.get(id)!.consentToMatching);
    } else if (roll < 0.77 && liveSeekers.length > 0) {
      const id = pick(liveSeekers);
      gone.add(id);
      steps.push(
        rnd() < 0.5
          ? { subject: 'seekers.seeker.erased.v1', data: { userId: id, erasedAt: at() }, about: id }
          : { subject: 'identity.user.deleted.v1', data: { userId: id, deletedAt: at() }, about: id },
      );
    } else if (roll < 0.85) {
      putProfile(uuid(rnd), true);
    } else if (roll < 0.93 && history.length > 0) {
      // A stale version sent late with a new event id (a reordering): must change nothing.
      const old = pick(history);
      if (old.kind === 'vacancy') {
        const { publishedAt, ...snapshot } = old.data as VacancyPublishedV1;
        steps.push({ subject: 'vacancies.vacancy.updated.v1', data: { ...snapshot, updatedAt: publishedAt }, about: old.id });
      } else {
        steps.push({ subject: 'seekers.profile.updated.v1', data: old.data, about: old.id });
      }
    } else if (steps.length > 0) {
      // The same event delivered again (same id): the inbox must absorb it.
      const index = Math.floor(rnd() * steps.length);
      if (steps[index]!.redeliverOf === undefined) steps.push({ ...steps[index]!, redeliverOf: index });
    }
  }
  return steps;
}

/** Publishes a workload in order, as the owning services' relays would; redeliveries reuse the earlier envelope. */
export async function play(h: MatchingHarness, steps: Step[], pauseEvery = 0): Promise<void> {
  const envelopes: CloudEvent[] = [];
  for (const [i, step] of steps.entries()) {
    if (step.redeliverOf !== undefined) {
      const earlier = envelopes[step.redeliverOf]!;
      await h.publishEnvelope(step.subject, earlier, randomUUID());
      envelopes.push(earlier);
    } else {
      envelopes.push(await h.publish(step.subject, step.data as never, step.about));
    }
    if (pauseEvery > 0 && i % pauseEvery === pauseEvery - 1) await new Promise((r) => setTimeout(r, 20));
  }
}
