// Synthetic, seeded population for the matching benchmark: seekers and open vacancies as the
// matching service's `SeekerFeatures` / `VacancyFeatures` (apps/matching/src/scoring/match-model.ts).
// Skills come from `SKILLS` with a Zipf-like spread (plus, for unit groups that have one, the
// `OCCUPATION_SKILLS` profile of the occupation), occupations from the ISCO-08 unit groups (Zipf over
// a seeded shuffle), countries weighted roughly by population, CEFR languages, mobility, education
// and experience. Same seed → same population.
import { CEFR_LEVELS, COUNTRIES, ISCO_GROUPS, OCCUPATION_SKILLS, SKILLS } from '@olp/reference-data';

/** mulberry32: small, fast, seeded PRNG returning floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws from `items` with the given weights (cumulative table + binary search). */
function weighted(items, weights) {
  const cumulative = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w));
  return (rand) => {
    const x = rand() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo];
  };
}

function shuffled(items, rand) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Zipf-like weights 1 / rank^s over a seeded shuffle of `items`. */
function zipf(items, rand, s = 1) {
  const order = shuffled(items, rand);
  return weighted(
    order,
    order.map((_, i) => 1 / (i + 1) ** s),
  );
}

/** Distinct draws (at most `n`, a few retries). */
function distinct(draw, rand, n) {
  const out = new Set();
  for (let tries = 0; out.size < n && tries < n * 4; tries++) out.add(draw(rand));
  return [...out];
}

/** Rough populations in millions (2023) of the 57 member states. */
const POPULATION_M = {
  DZ: 45, BH: 1.5, KM: 0.9, DJ: 1.1, EG: 110, IQ: 44, JO: 11, KW: 4.3, LB: 5.5, LY: 7, MR: 4.8, MA: 37, OM: 4.6, PS: 5.4,
  QA: 2.7, SA: 36, SO: 18, SD: 48, SY: 23, TN: 12, AE: 9.5, YE: 34, BJ: 13, BF: 23, CM: 28, TD: 18, CI: 28, GA: 2.4,
  GM: 2.7, GN: 14, GW: 2.1, ML: 23, MZ: 33, NE: 27, NG: 220, SN: 18, SL: 8.6, TG: 9, UG: 48, AF: 41, AL: 2.8, AZ: 10,
  BD: 172, BN: 0.45, GY: 0.8, ID: 278, IR: 89, KZ: 20, KG: 7, MY: 34, MV: 0.5, PK: 240, SR: 0.6, TJ: 10, TR: 85, TM: 6.5, UZ: 36,
};

/** A main language per country (ISO 639-1); Arab-group states default to Arabic. */
const MAIN_LANGUAGE = {
  KM: 'fr', DJ: 'fr', BJ: 'fr', BF: 'fr', CM: 'fr', TD: 'fr', CI: 'fr', GA: 'fr', GN: 'fr', ML: 'fr', NE: 'fr', SN: 'fr', TG: 'fr',
  GM: 'en', NG: 'en', SL: 'en', UG: 'en', GY: 'en', GW: 'pt', MZ: 'pt', SR: 'nl', AF: 'ps', AL: 'sq', AZ: 'az', BD: 'bn', BN: 'ms',
  ID: 'id', IR: 'fa', KZ: 'kk', KG: 'ky', MY: 'ms', MV: 'dv', PK: 'ur', TJ: 'tg', TR: 'tr', TM: 'tk', UZ: 'uz', SO: 'so',
};

const countryCodes = COUNTRIES.map((c) => c.alpha2);
const mainLanguage = (country) => MAIN_LANGUAGE[country] ?? (COUNTRIES.find((c) => c.alpha2 === country)?.oicGroup === 'arab' ? 'ar' : 'en');
const unitGroups = ISCO_GROUPS.filter((g) => g.level === 4).map((g) => g.code);
const skillIds = SKILLS.map((s) => s.id);
const occupationProfile = new Map(OCCUPATION_SKILLS.map((o) => [o.iscoGroup, o]));

/** Seeded samplers shared by seekers and vacancies. */
function samplers(seed) {
  const rand = prng(seed);
  return {
    rand,
    country: weighted(countryCodes, countryCodes.map((c) => POPULATION_M[c] ?? 1)),
    occupation: zipf(unitGroups, rand, 0.9),
    skill: zipf(skillIds, rand, 1),
    int: (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(rand() * items.length)],
  };
}

/** Skills of someone in (or a vacancy for) unit group `isco`: part of its profile when there is one, the rest Zipf. */
function skillsFor(s, isco, n) {
  const profile = occupationProfile.get(isco);
  const out = new Set();
  if (profile) {
    const pool = [...profile.essential, ...profile.optional];
    for (const id of pool) if (out.size < Math.ceil(n * 0.6) && s.rand() < 0.6) out.add(id);
  }
  for (let tries = 0; out.size < n && tries < n * 4; tries++) out.add(s.skill(s.rand));
  return [...out];
}

const cefrUpTo = (s, min) => CEFR_LEVELS[s.int(CEFR_LEVELS.indexOf(min), CEFR_LEVELS.length - 1)];

/** Zero-padded ids so that JavaScript's `<` and SQL's `COLLATE "C"` order them the same way. */
export const seekerId = (i) => `s${String(i).padStart(8, '0')}`;
export const vacancyId = (i) => `v${String(i).padStart(8, '0')}`;

function makeSeeker(s, i) {
  const { rand, int } = s;
  const residence = s.country(rand);
  const nationality = rand() < 0.9 ? residence : s.country(rand);
  const occupation = s.occupation(rand);
  const experience = [];
  const jobs = rand() < 0.2 ? 0 : int(1, 3);
  for (let j = 0; j < jobs; j++) {
    const code = j === 0 ? occupation : rand() < 0.5 ? occupation.slice(0, 3) + occupation[3] : s.occupation(rand);
    experience.push({ iscoCode: code, years: Math.round(rand() * 8) } /* whole years, as the contract (ExperienceDto) requires */);
  }
  const desired = [occupation];
  if (rand() < 0.4) desired.push(rand() < 0.5 ? occupation.slice(0, 2) : s.occupation(rand));
  const languages = [{ code: mainLanguage(residence), level: 'C2' }];
  if (rand() < 0.5) languages.push({ code: 'en', level: cefrUpTo(s, 'A1') });
  if (rand() < 0.25) languages.push({ code: 'fr', level: cefrUpTo(s, 'A1') });
  if (rand() < 0.2) languages.push({ code: 'ar', level: cefrUpTo(s, 'A1') });
  const m = rand();
  const relocate = m < 0.65 ? 'none' : m < 0.93 ? 'listed' : 'any-member-state';
  const v = rand();
  return {
    seekerId: seekerId(i),
    nationality,
    residenceCountry: residence,
    languages,
    educationLevel: rand() < 0.05 ? null : int(1, 8),
    experience,
    skills: skillsFor(s, occupation, int(3, 15)),
    desiredOccupations: [...new Set(desired)],
    relocate,
    relocateCountries: relocate === 'listed' ? distinct(s.country, rand, int(1, 4)).filter((c) => c !== residence) : [],
    remote: rand() < 0.2,
    consentToMatching: rand() < 0.8,
    visibility: v < 0.85 ? 'matching' : v < 0.95 ? 'public' : 'hidden',
  };
}

function makeVacancy(s, i) {
  const { rand, int } = s;
  const country = s.country(rand);
  const iscoCode = s.occupation(rand);
  const skills = skillsFor(s, iscoCode, int(3, 10));
  const essentialCount = Math.max(1, Math.round(skills.length * (0.4 + rand() * 0.3)));
  const languages = [{ code: mainLanguage(country), minLevel: cefrUpTo(s, 'B1') }];
  if (rand() < 0.4) languages.push({ code: 'en', minLevel: cefrUpTo(s, 'A2') });
  const w = rand();
  const listed = rand() < 0.15;
  return {
    vacancyId: vacancyId(i),
    employerId: `e${String(i % 5000).padStart(6, '0')}`,
    iscoCode,
    essentialSkills: skills.slice(0, essentialCount),
    optionalSkills: skills.slice(essentialCount),
    languages,
    minEducationLevel: rand() < 0.3 ? null : int(2, 7),
    minExperienceYears: rand() < 0.35 ? null : int(1, 5),
    country,
    workMode: w < 0.7 ? 'on-site' : w < 0.9 ? 'hybrid' : 'remote',
    eligibilityScope: listed ? 'listed' : 'all-member-states',
    eligibilityCountries: listed ? [...new Set([country, ...distinct(s.country, rand, int(1, 5))])] : [],
    closingDate: '2099-12-31',
    status: 'published',
  };
}

/** `seekers` seekers and `vacancies` open vacancies (ids `s…`/`v…` from 0), deterministic for a seed. */
export function generatePopulation({ seekers, vacancies, seed = 42 }) {
  const s = samplers(seed);
  const seekerList = Array.from({ length: seekers }, (_, i) => makeSeeker(s, i));
  const vacancyList = Array.from({ length: vacancies }, (_, i) => makeVacancy(s, i));
  return { seekers: seekerList, vacancies: vacancyList, sampler: s };
}

/** More vacancies from the same distributions (ids from `firstId`), e.g. newly published ones. */
export function moreVacancies(population, count, firstId) {
  return Array.from({ length: count }, (_, i) => makeVacancy(population.sampler, firstId + i));
}

/** A realistic profile edit: a few skills added or dropped, sometimes a new job or mobility change. */
export function editSeeker(population, seeker) {
  const s = population.sampler;
  const skills = new Set(seeker.skills);
  for (let i = s.int(1, 3); i > 0; i--) skills.add(s.skill(s.rand));
  if (s.rand() < 0.3 && skills.size > 3) skills.delete(seeker.skills[0]);
  const experience = s.rand() < 0.2 ? [...seeker.experience, { iscoCode: s.occupation(s.rand), years: 1 }] : seeker.experience;
  const relocate = s.rand() < 0.1 ? 'any-member-state' : seeker.relocate;
  return { ...seeker, skills: [...skills], experience, relocate, relocateCountries: relocate === 'listed' ? seeker.relocateCountries : [] };
}
