import type { SeekerProfileUpdatedV1, VacancySnapshotV1 } from '@olp/contracts';
import type { LocalizedText } from '@olp/reference-data';
import type { SeekerFeatures, VacancyFeatures } from '../scoring/match-model.js';

/** An open vacancy as the index holds it: what scoring reads plus what a match announcement carries. */
export interface VacancyEntry {
  features: VacancyFeatures;
  title: LocalizedText;
}

/** What scoring needs from a profile event; the name never reaches this service. */
export function toSeekerFeatures(event: SeekerProfileUpdatedV1): SeekerFeatures {
  return {
    seekerId: event.userId,
    nationality: event.nationality.toUpperCase(),
    residenceCountry: event.residenceCountry.toUpperCase(),
    languages: event.languages.map((l) => ({ code: l.code.toLowerCase(), level: l.level })),
    educationLevel: event.education?.level ?? null,
    experience: event.experience.map((e) => ({ iscoCode: e.iscoCode, years: e.years })),
    skills: [...new Set(event.skills)],
    desiredOccupations: [...new Set(event.desiredOccupations)],
    relocate: event.mobility.relocate,
    relocateCountries: (event.mobility.countries ?? []).map((c) => c.toUpperCase()),
    remote: event.mobility.remote,
    consentToMatching: event.consentToMatching,
    visibility: event.visibility,
  };
}

/** What scoring needs from a published or updated vacancy. */
export function toVacancyFeatures(event: VacancySnapshotV1): VacancyFeatures {
  return {
    vacancyId: event.vacancyId,
    employerId: event.employerId,
    iscoCode: event.iscoCode,
    essentialSkills: [...new Set(event.skills.filter((s) => s.essential).map((s) => s.skillId))],
    optionalSkills: [...new Set(event.skills.filter((s) => !s.essential).map((s) => s.skillId))],
    languages: event.languages.map((l) => ({ code: l.code.toLowerCase(), minLevel: l.minLevel })),
    minEducationLevel: event.minEducationLevel ?? null,
    minExperienceYears: event.minExperienceYears ?? null,
    country: event.country.toUpperCase(),
    workMode: event.workMode,
    eligibilityScope: event.eligibility.scope,
    eligibilityCountries: (event.eligibility.countries ?? []).map((c) => c.toUpperCase()),
    closingDate: event.closingDate,
    status: 'published',
  };
}

/** Consented to matching and visible: the only seekers the index holds and anyone is matched with. */
export function isMatchable(seeker: SeekerFeatures): boolean {
  return seeker.consentToMatching && seeker.visibility !== 'hidden';
}

/** ISCO-08 keys a code is indexed under: its sub-major (2 digits) and minor (3 digits) groups. */
export function occupationKeys(code: string): string[] {
  const digits = code.trim();
  const keys: string[] = [];
  if (digits.length >= 2) keys.push(digits.slice(0, 2));
  if (digits.length >= 3) keys.push(digits.slice(0, 3));
  return keys;
}

/** The ISCO-08 codes of a seeker that place them in occupation groups: desired ones and those of their jobs. */
export function seekerOccupationCodes(seeker: SeekerFeatures): string[] {
  return [...seeker.desiredOccupations, ...seeker.experience.map((e) => e.iscoCode)];
}
