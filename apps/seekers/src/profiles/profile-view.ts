import type { ProfileView, PutProfileRequest, SeekerProfileUpdatedV1 } from '@olp/contracts';
import type { CefrLevel } from '@olp/reference-data';
import type { ProfileEntity, StoredEducation, StoredExperience, StoredLanguage, StoredMobility } from './profile.entity.js';

/**
 * The parts of a request as plain JSON (the request arrives as validated class instances); optional
 * fields stay absent rather than undefined, so what is stored is exactly what was sent.
 */
export function storedParts(request: PutProfileRequest) {
  return {
    languages: request.languages.map(({ code, level }): StoredLanguage => ({ code, level })),
    education: request.education ? education(request.education) : null,
    experience: request.experience.map(experience),
    mobility: mobility(request.mobility),
  };
}

/** The fields a profile shares with the event matching reads: everything but the name and timestamps. */
function matchingFields(profile: ProfileEntity) {
  return {
    userId: profile.userId,
    nationality: profile.nationality,
    residenceCountry: profile.residenceCountry,
    languages: profile.languages.map(({ code, level }) => ({ code, level: level as CefrLevel })),
    ...(profile.education ? { education: education(profile.education) } : {}),
    experience: profile.experience.map(experience),
    skills: [...profile.skills],
    desiredOccupations: [...profile.desiredOccupations],
    mobility: mobility(profile.mobility),
    ...(profile.availableFrom ? { availableFrom: profile.availableFrom } : {}),
    visibility: profile.visibility,
    consentToMatching: profile.consentToMatching,
    version: profile.version,
  };
}

export function toProfileView(profile: ProfileEntity): ProfileView {
  return {
    ...matchingFields(profile),
    fullName: profile.fullName,
    ...(profile.consentGivenAt ? { consentGivenAt: profile.consentGivenAt.toISOString() } : {}),
    createdAt: profile.createdAt.toISOString(),
    updatedAt: profile.updatedAt.toISOString(),
  };
}

/** What matching needs: everything but the name (events never carry it; see the README). */
export function toProfileUpdatedEvent(profile: ProfileEntity): SeekerProfileUpdatedV1 {
  return { ...matchingFields(profile), updatedAt: profile.updatedAt.toISOString() };
}

function education(value: StoredEducation): StoredEducation {
  return { level: value.level, ...(value.field !== undefined ? { field: value.field } : {}) };
}

function experience(value: StoredExperience): StoredExperience {
  return {
    iscoCode: value.iscoCode,
    years: value.years,
    ...(value.employer !== undefined ? { employer: value.employer } : {}),
    ...(value.country !== undefined ? { country: value.country } : {}),
  };
}

function mobility(value: StoredMobility): StoredMobility {
  return { relocate: value.relocate, ...(value.countries !== undefined ? { countries: [...value.countries] } : {}), remote: value.remote };
}
