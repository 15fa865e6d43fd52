import type { SeekerFeatures, VacancyFeatures } from '../scoring/match-model.js';
import { isMatchable, occupationKeys, seekerOccupationCodes, type VacancyEntry } from './features.js';

type Postings = Map<string, Set<string>>;

function post(postings: Postings, key: string, id: string): void {
  let set = postings.get(key);
  if (!set) postings.set(key, (set = new Set()));
  set.add(id);
}

function unpost(postings: Postings, key: string, id: string): void {
  const set = postings.get(key);
  if (!set) return;
  set.delete(id);
  if (set.size === 0) postings.delete(key);
}

function addAll(target: Set<string>, source: Set<string> | undefined): void {
  if (source) for (const id of source) target.add(id);
}

const sizeOf = (set: Set<string> | undefined): number => set?.size ?? 0;

/** The country, relocation and remote rule of the hard filters (the same as `eligibility`'s). */
export function mayWorkIn(seeker: SeekerFeatures, vacancy: VacancyFeatures): boolean {
  return (
    seeker.residenceCountry === vacancy.country ||
    seeker.relocate === 'any-member-state' ||
    (seeker.relocate === 'listed' && seeker.relocateCountries.includes(vacancy.country)) ||
    (vacancy.workMode === 'remote' && seeker.remote)
  );
}

function vacancySkills(v: VacancyFeatures): string[] {
  return [...v.essentialSkills, ...v.optionalSkills];
}

/** Whether a pair shares a skill or an ISCO-08 sub-major group: the rule that makes it a candidate. */
export function related(seeker: SeekerFeatures, vacancy: VacancyFeatures): boolean {
  const subMajor = vacancy.iscoCode.slice(0, 2);
  if (seekerOccupationCodes(seeker).some((code) => code.length >= 2 && code.slice(0, 2) === subMajor)) return true;
  const skills = new Set(seeker.skills);
  return vacancySkills(vacancy).some((id) => skills.has(id));
}

/**
 * One replica's in-memory index of the read model: matchable seekers (consented, visible) and
 * open vacancies, with posting lists so that a changed vacancy or profile is scored only against
 * the other side's candidates, never against every row.
 *
 * A candidate pair shares at least one skill or the ISCO-08 sub-major group (of the vacancy's
 * unit group and any of the seeker's desired or experience codes of two digits or more), and the
 * seeker may work in the vacancy's country (lives there, would relocate there or anywhere, or the
 * vacancy is remote and they work remotely). Pairs outside that are never scored. Eligibility and
 * the score itself are `scoreMatch`'s.
 */
export class MatchIndex {
  private readonly seekers = new Map<string, SeekerFeatures>();
  private readonly vacancies = new Map<string, VacancyEntry>();

  private readonly seekersBySkill: Postings = new Map();
  /** Keys: sub-major (2 digits) and minor (3 digits) groups. */
  private readonly seekersByOccupation: Postings = new Map();
  private readonly seekersByResidence: Postings = new Map();
  private readonly seekersRelocatingTo: Postings = new Map();
  private readonly seekersRelocatingAnywhere = new Set<string>();
  private readonly seekersRemote = new Set<string>();

  private readonly vacanciesBySkill: Postings = new Map();
  private readonly vacanciesByOccupation: Postings = new Map();
  private readonly vacanciesByCountry: Postings = new Map();
  private readonly vacanciesRemote = new Set<string>();

  get seekerCount(): number {
    return this.seekers.size;
  }

  get vacancyCount(): number {
    return this.vacancies.size;
  }

  seeker(id: string): SeekerFeatures | undefined {
    return this.seekers.get(id);
  }

  vacancy(id: string): VacancyEntry | undefined {
    return this.vacancies.get(id);
  }

  vacancyIds(): string[] {
    return [...this.vacancies.keys()];
  }

  clear(): void {
    for (const map of [this.seekers, this.vacancies, this.seekersBySkill, this.seekersByOccupation, this.seekersByResidence, this.seekersRelocatingTo, this.vacanciesBySkill, this.vacanciesByOccupation, this.vacanciesByCountry]) {
      map.clear();
    }
    for (const set of [this.seekersRelocatingAnywhere, this.seekersRemote, this.vacanciesRemote]) set.clear();
  }

  /** Adds or replaces a seeker; one who is not matchable (no consent, hidden) is taken out. */
  putSeeker(seeker: SeekerFeatures): void {
    this.removeSeeker(seeker.seekerId);
    if (!isMatchable(seeker)) return;
    const id = seeker.seekerId;
    this.seekers.set(id, seeker);
    for (const skill of seeker.skills) post(this.seekersBySkill, skill, id);
    for (const key of new Set(seekerOccupationCodes(seeker).flatMap(occupationKeys))) post(this.seekersByOccupation, key, id);
    post(this.seekersByResidence, seeker.residenceCountry, id);
    if (seeker.relocate === 'any-member-state') this.seekersRelocatingAnywhere.add(id);
    if (seeker.relocate === 'listed') for (const country of seeker.relocateCountries) post(this.seekersRelocatingTo, country, id);
    if (seeker.remote) this.seekersRemote.add(id);
  }

  removeSeeker(id: string): void {
    const seeker = this.seekers.get(id);
    if (!seeker) return;
    this.seekers.delete(id);
    for (const skill of seeker.skills) unpost(this.seekersBySkill, skill, id);
    for (const key of new Set(seekerOccupationCodes(seeker).flatMap(occupationKeys))) unpost(this.seekersByOccupation, key, id);
    unpost(this.seekersByResidence, seeker.residenceCountry, id);
    this.seekersRelocatingAnywhere.delete(id);
    for (const country of seeker.relocateCountries) unpost(this.seekersRelocatingTo, country, id);
    this.seekersRemote.delete(id);
  }

  /** Adds or replaces an open vacancy. */
  putVacancy(entry: VacancyEntry): void {
    const v = entry.features;
    this.removeVacancy(v.vacancyId);
    this.vacancies.set(v.vacancyId, entry);
    for (const skill of new Set(vacancySkills(v))) post(this.vacanciesBySkill, skill, v.vacancyId);
    for (const key of occupationKeys(v.iscoCode)) post(this.vacanciesByOccupation, key, v.vacancyId);
    post(this.vacanciesByCountry, v.country, v.vacancyId);
    if (v.workMode === 'remote') this.vacanciesRemote.add(v.vacancyId);
  }

  removeVacancy(id: string): void {
    const entry = this.vacancies.get(id);
    if (!entry) return;
    const v = entry.features;
    this.vacancies.delete(id);
    for (const skill of new Set(vacancySkills(v))) unpost(this.vacanciesBySkill, skill, id);
    for (const key of occupationKeys(v.iscoCode)) unpost(this.vacanciesByOccupation, key, id);
    unpost(this.vacanciesByCountry, v.country, id);
    this.vacanciesRemote.delete(id);
  }

  /** Matchable seekers related to the vacancy who may work in its country. */
  seekerCandidates(vacancy: VacancyFeatures): SeekerFeatures[] {
    const country = vacancy.country;
    const remote = vacancy.workMode === 'remote';
    const skills = new Set(vacancySkills(vacancy));
    const byTopic = this.seekersByOccupation.get(vacancy.iscoCode.slice(0, 2));
    let topicSize = sizeOf(byTopic);
    for (const skill of skills) topicSize += sizeOf(this.seekersBySkill.get(skill));
    const placeSize =
      sizeOf(this.seekersByResidence.get(country)) +
      this.seekersRelocatingAnywhere.size +
      sizeOf(this.seekersRelocatingTo.get(country)) +
      (remote ? this.seekersRemote.size : 0);

    const ids = new Set<string>();
    const out: SeekerFeatures[] = [];
    // Walk the smaller side and check the other rule on each seeker (an intersection without building both sets).
    if (placeSize < topicSize) {
      addAll(ids, this.seekersByResidence.get(country));
      addAll(ids, this.seekersRelocatingAnywhere);
      addAll(ids, this.seekersRelocatingTo.get(country));
      if (remote) addAll(ids, this.seekersRemote);
      for (const id of ids) {
        const seeker = this.seekers.get(id)!;
        if (related(seeker, vacancy)) out.push(seeker);
      }
    } else {
      addAll(ids, byTopic);
      for (const skill of skills) addAll(ids, this.seekersBySkill.get(skill));
      for (const id of ids) {
        const seeker = this.seekers.get(id)!;
        if (mayWorkIn(seeker, vacancy)) out.push(seeker);
      }
    }
    return out;
  }

  /** Open vacancies related to the seeker in countries where they may work. */
  vacancyCandidates(seeker: SeekerFeatures): VacancyEntry[] {
    const ids = new Set<string>();
    for (const skill of new Set(seeker.skills)) addAll(ids, this.vacanciesBySkill.get(skill));
    for (const code of seekerOccupationCodes(seeker)) {
      if (code.length >= 2) addAll(ids, this.vacanciesByOccupation.get(code.slice(0, 2)));
    }
    const out: VacancyEntry[] = [];
    for (const id of ids) {
      const entry = this.vacancies.get(id)!;
      if (mayWorkIn(seeker, entry.features)) out.push(entry);
    }
    return out;
  }
}
