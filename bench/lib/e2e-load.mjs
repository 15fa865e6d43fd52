// What bench:e2e loads: the matching benchmark's synthetic seekers (matching-population.mjs) put
// into the matching service's read model in bulk, and vacancies from the same distributions as
// API request bodies for the gateway.
import { COUNTRIES, ISCO_GROUPS, defaultTimeZone } from '@olp/reference-data';

/** A stable UUID per synthetic seeker index (the read model keys seekers by their user id, a UUID). */
export function seekerUuid(index) {
  return `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

/**
 * Inserts `seekers` (SeekerFeatures from generatePopulation) into matching.seekers as the
 * projection would store them after a `seekers.profile.updated.v1` (features jsonb without a
 * name, version 1, each row its own `change_seq`), 5,000 a statement. The matching service must
 * not be running: it loads the table into its index when it starts.
 * `query(sql, params)` runs as a superuser on the bench database.
 */
export async function insertMatchingSeekers(query, seekers, onProgress = () => undefined) {
  const CHUNK = 5_000;
  const now = new Date().toISOString();
  for (let i = 0; i < seekers.length; i += CHUNK) {
    const rows = seekers.slice(i, i + CHUNK).map((seeker, j) => {
      const id = seekerUuid(i + j);
      return { seeker_id: id, features: { ...seeker, seekerId: id }, updated_version: 1, profile_updated_at: now, consent_changed_at: now };
    });
    await query(
      `INSERT INTO matching.seekers (seeker_id, features, updated_version, profile_updated_at, consent_changed_at)
       SELECT seeker_id, features, updated_version, profile_updated_at, consent_changed_at
       FROM json_to_recordset($1::json) AS r(seeker_id uuid, features jsonb, updated_version int, profile_updated_at timestamptz, consent_changed_at timestamptz)`,
      [JSON.stringify(rows)],
    );
    onProgress(Math.min(seekers.length, i + CHUNK));
  }
  await query('VACUUM ANALYZE matching.seekers');
}

/** A stable UUID per synthetic open vacancy of the settled market (not the ones the bench publishes). */
export function openVacancyUuid(index) {
  return `00000000-0000-4000-9000-${index.toString(16).padStart(12, '0')}`;
}

/** The synthetic employer id (`e000123`) of an open vacancy as a UUID. */
function employerUuid(id) {
  return `00000000-0000-4000-a000-${Number(id.slice(1)).toString(16).padStart(12, '0')}`;
}

/**
 * Inserts `vacancies` (VacancyFeatures from generatePopulation) into matching.vacancies as the
 * projection stores a published vacancy (features jsonb, a trilingual title, version 1), 5,000 a
 * statement: the open vacancies of a settled market, known to matching only (nobody applies to
 * them). The matching service must not be running.
 */
export async function insertMatchingVacancies(query, vacancies, onProgress = () => undefined) {
  const CHUNK = 5_000;
  for (let i = 0; i < vacancies.length; i += CHUNK) {
    const rows = vacancies.slice(i, i + CHUNK).map((v, j) => {
      const id = openVacancyUuid(i + j);
      const employerId = employerUuid(v.employerId);
      return {
        vacancy_id: id,
        employer_id: employerId,
        title: { en: `Open vacancy ${v.iscoCode}`, fr: `Offre ouverte ${v.iscoCode}`, ar: `وظيفة شاغرة ${v.iscoCode}` },
        city: 'Capital',
        features: { ...v, vacancyId: id, employerId },
      };
    });
    await query(
      `INSERT INTO matching.vacancies (vacancy_id, employer_id, title, city, features, version)
       SELECT vacancy_id, employer_id, title, city, features, 1
       FROM json_to_recordset($1::json) AS r(vacancy_id uuid, employer_id uuid, title jsonb, city text, features jsonb)`,
      [JSON.stringify(rows)],
    );
    onProgress(Math.min(vacancies.length, i + CHUNK));
  }
  await query('VACUUM ANALYZE matching.vacancies');
}

/** The platform language a seeker from `country` most likely uses: Arabic in the Arab group, French where it is the main language, else English. */
const FRENCH = new Set(['KM', 'DJ', 'BJ', 'BF', 'CM', 'TD', 'CI', 'GA', 'GN', 'ML', 'NE', 'SN', 'TG']);
const ARAB = new Set(COUNTRIES.filter((c) => c.oicGroup === 'arab').map((c) => c.alpha2));
const localeOf = (country) => (ARAB.has(country) ? 'ar' : FRENCH.has(country) ? 'fr' : 'en');

/**
 * Inserts the same seekers into the notifications service's directory (notifications.recipients),
 * as its `identity.user.registered.v1` consumer would store them: a synthetic e-mail and name, the
 * locale of their country's main language, the country's default time zone. The notifications
 * service must not be running yet (nothing caches the directory, but it should see a settled one).
 */
export async function insertRecipients(query, seekers, onProgress = () => undefined) {
  const CHUNK = 5_000;
  const now = new Date().toISOString();
  const zones = new Map();
  const zone = (country) => zones.get(country) ?? zones.set(country, defaultTimeZone(country)).get(country);
  for (let i = 0; i < seekers.length; i += CHUNK) {
    const rows = seekers.slice(i, i + CHUNK).map((seeker, j) => ({
      user_id: seekerUuid(i + j),
      email: `seeker${i + j}@bench.example`,
      display_name: `Seeker ${i + j}`,
      locale: localeOf(seeker.residenceCountry),
      time_zone: zone(seeker.residenceCountry),
      country: seeker.residenceCountry,
      changed_at: now,
    }));
    await query(
      `INSERT INTO notifications.recipients (user_id, email, display_name, locale, time_zone, country, changed_at)
       SELECT user_id, email, display_name, locale, time_zone, country, changed_at
       FROM json_to_recordset($1::json) AS r(user_id uuid, email text, display_name text, locale text, time_zone text, country text, changed_at timestamptz)`,
      [JSON.stringify(rows)],
    );
    onProgress(Math.min(seekers.length, i + CHUNK));
  }
  await query('VACUUM ANALYZE notifications.recipients');
}

const CEFR = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];

/** One requirement per language (the API refuses repeats): the highest level the generator drew for it. */
function requiredLanguages(languages) {
  const best = new Map();
  for (const { code, minLevel } of languages) if (CEFR.indexOf(minLevel) > CEFR.indexOf(best.get(code) ?? 'A1') || !best.has(code)) best.set(code, minLevel);
  return [...best].map(([code, minLevel]) => ({ code, minLevel }));
}

const titles = new Map(ISCO_GROUPS.map((group) => [group.code, group.title]));

/**
 * `POST /api/v1/vacancies` body for VacancyFeatures `v` of the population (its occupation,
 * skills, languages, education, experience, country, work mode, eligibility), titled in Arabic,
 * English and French after its ISCO-08 unit group, closing in 60 days.
 */
export function vacancyRequest(v, employerId, serial) {
  const title = titles.get(v.iscoCode) ?? { ar: 'وظيفة', en: 'Position', fr: 'Poste' };
  const closing = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  return {
    employerId,
    title: { ar: `${title.ar} ${serial}`, en: `${title.en} ${serial}`, fr: `${title.fr} ${serial}` },
    description: {
      ar: `نبحث عن ${title.ar} للانضمام إلى فريقنا.`,
      en: `We are looking for ${title.en.toLowerCase()} to join our team.`,
      fr: `Nous recherchons : ${title.fr.toLowerCase()}, pour rejoindre notre équipe.`,
    },
    iscoCode: v.iscoCode,
    skills: [...v.essentialSkills.map((skillId) => ({ skillId, essential: true })), ...v.optionalSkills.map((skillId) => ({ skillId, essential: false }))],
    languages: requiredLanguages(v.languages),
    ...(v.minEducationLevel === null ? {} : { minEducationLevel: v.minEducationLevel }),
    ...(v.minExperienceYears === null ? {} : { minExperienceYears: v.minExperienceYears }),
    country: v.country,
    city: 'Capital',
    workMode: v.workMode,
    contractType: 'permanent',
    positions: 1,
    eligibility: v.eligibilityScope === 'listed' ? { scope: 'listed', countries: v.eligibilityCountries } : { scope: 'all-member-states' },
    relocationSupport: true,
    visaSupport: true,
    closingDate: closing,
  };
}
