import { randomUUID } from 'node:crypto';
import { ErrorCode, type CreateVacancyRequest, type UpdateVacancyCommand, type VacancyView } from '@olp/contracts';
import { VacanciesService } from '../src/vacancies/vacancies.service.js';
import { VacanciesHarness, employer, isoDate, seeker, vacancyContent } from './vacancies-harness.js';

describe('vacancies service: employers and the vacancy lifecycle', () => {
  const h = new VacanciesHarness();
  const owner = employer();
  let employerId: string;

  beforeAll(async () => {
    await h.start('vacancies');
    employerId = (await h.createEmployer(owner)).id;
  });
  afterAll(() => h.stop());

  describe('employers', () => {
    it('creates an organisation whose creator is its owner, readable by anyone in their language', async () => {
      const created = await h.call(
        'rpc.vacancies.create-employer.v1',
        { name: { ar: 'شركة الدوحة', en: 'Doha Co' }, description: { en: 'Builders' }, country: 'QA', isicSection: 'F', size: 'large', website: 'https://doha.example' },
        owner,
        'ar',
      );
      expect(created).toMatchObject({ displayName: 'شركة الدوحة', isMember: true, country: 'QA', isicSection: 'F', size: 'large', website: 'https://doha.example' });
      const [membership] = await h.db.query<{ role: string }>(`SELECT role FROM vacancies.employer_members WHERE employer_id = $1 AND user_id = $2`, [created.id, owner.userId]);
      expect(membership?.role).toBe('owner');

      expect(await h.call('rpc.vacancies.get-employer.v1', { employerId: created.id })).toMatchObject({ displayName: 'Doha Co', isMember: false });
      expect(await h.call('rpc.vacancies.get-employer.v1', { employerId: created.id }, employer(), 'fr')).toMatchObject({ displayName: 'Doha Co', isMember: false });
      expect(await h.call('rpc.vacancies.get-employer.v1', { employerId: created.id }, owner)).toMatchObject({ isMember: true });
    });

    it('lets only employer accounts create organisations, and reports unknown ones', async () => {
      const body = { name: { en: 'X' }, country: 'QA', isicSection: 'F', size: 'small' };
      expect(await h.code('rpc.vacancies.create-employer.v1', body)).toBe(ErrorCode.Unauthenticated);
      expect(await h.code('rpc.vacancies.create-employer.v1', body, seeker())).toBe(ErrorCode.Forbidden);
      expect(await h.code('rpc.vacancies.get-employer.v1', { employerId: randomUUID() })).toBe(ErrorCode.EmployerNotFound);
    });
  });

  describe('lifecycle', () => {
    it('drafts, publishes and closes a vacancy, with one event per public change', async () => {
      const draft = await h.createVacancy(owner, employerId);
      expect(draft).toMatchObject({
        status: 'draft',
        version: 1,
        employerId,
        employerName: 'Doha Construction Company',
        resolved: { title: 'Occupational safety engineer' },
        applicationCount: 0,
        salary: { min: 1500000, max: 2000000, currency: 'QAR', period: 'month' },
        eligibility: { scope: 'all-member-states' },
      });
      expect(draft.publishedAt).toBeUndefined();
      expect(await h.events(draft.id)).toEqual([]);

      const edited = await h.call('rpc.vacancies.update-vacancy.v1', { vacancyId: draft.id, expectedVersion: 1, city: 'Lusail' }, owner);
      expect(edited).toMatchObject({ city: 'Lusail', version: 2 });
      expect(await h.events(draft.id)).toEqual([]); // drafts are private

      const published = await h.call('rpc.vacancies.publish-vacancy.v1', { vacancyId: draft.id }, owner, 'ar');
      expect(published).toMatchObject({ status: 'published', version: 3, resolved: { title: 'مهندس سلامة مهنية' } });
      expect(published.publishedAt).toBeDefined();
      expect(await h.code('rpc.vacancies.publish-vacancy.v1', { vacancyId: draft.id }, owner)).toBe(ErrorCode.VacancyNotOpen);

      await h.call('rpc.vacancies.update-vacancy.v1', { vacancyId: draft.id, expectedVersion: 3, positions: 5 }, owner);
      const closed = await h.call('rpc.vacancies.close-vacancy.v1', { vacancyId: draft.id, reason: 'cancelled' }, owner);
      expect(closed).toMatchObject({ status: 'closed', closeReason: 'cancelled', version: 5 });
      expect(closed.closedAt).toBeDefined();

      const events = await h.events(draft.id);
      expect(events.map((e) => e.subject)).toEqual(['vacancies.vacancy.published.v1', 'vacancies.vacancy.updated.v1', 'vacancies.vacancy.closed.v1']);
      expect(events[0]!.data).toMatchObject({ vacancyId: draft.id, employerId, iscoCode: '2149', city: 'Lusail', version: 3 });
      expect(events[0]!.data).not.toHaveProperty('salary');
      expect(events[1]!.data).toMatchObject({ vacancyId: draft.id, version: 4 });
      expect(events[2]!.data).toMatchObject({ reason: 'cancelled', applicantIds: [] });

      // Closed: no more edits, publishing or closing.
      expect((await h.failure('rpc.vacancies.update-vacancy.v1', { vacancyId: draft.id, expectedVersion: 5, city: 'Doha' }, owner)).params).toEqual({ status: 'closed' });
      expect(await h.code('rpc.vacancies.close-vacancy.v1', { vacancyId: draft.id, reason: 'filled' }, owner)).toBe(ErrorCode.VacancyNotOpen);
    });

    it('closing with reason filled makes the vacancy filled; a draft cannot be closed', async () => {
      const vacancy = await h.publishedVacancy(owner, employerId);
      expect(await h.call('rpc.vacancies.close-vacancy.v1', { vacancyId: vacancy.id, reason: 'filled' }, owner)).toMatchObject({ status: 'filled', closeReason: 'filled' });
      const draft = await h.createVacancy(owner, employerId);
      expect(await h.failure('rpc.vacancies.close-vacancy.v1', { vacancyId: draft.id, reason: 'closed' }, owner)).toMatchObject({
        code: ErrorCode.VacancyNotOpen,
        params: { status: 'draft' },
      });
    });

    it('expires published vacancies past their closing date once, even with two runs at once', async () => {
      const due = await h.publishedVacancy(owner, employerId);
      const open = await h.publishedVacancy(owner, employerId, { closingDate: isoDate(10) });
      await h.db.query(`UPDATE vacancies.vacancies SET closing_date = current_date - 1 WHERE id = $1`, [due.id]);

      const service = h.get<VacanciesService>(VacanciesService);
      const counts = await Promise.all([service.expireDue(), service.expireDue(), service.expireDue()]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
      expect(await service.expireDue()).toBe(0);

      expect(await h.call('rpc.vacancies.get-vacancy.v1', { vacancyId: due.id }, owner)).toMatchObject({ status: 'expired', closeReason: 'expired' });
      expect(await h.call('rpc.vacancies.get-vacancy.v1', { vacancyId: open.id }, owner)).toMatchObject({ status: 'published' });
      const closedEvents = await h.events(due.id, 'vacancies.vacancy.closed.v1');
      expect(closedEvents).toHaveLength(1);
      expect(closedEvents[0]!.data).toMatchObject({ vacancyId: due.id, reason: 'expired', applicantIds: [] });
      // Expired vacancies are no longer public.
      expect(await h.code('rpc.vacancies.get-vacancy.v1', { vacancyId: due.id })).toBe(ErrorCode.VacancyNotFound);
    });

    it('refuses to publish a draft whose closing date has passed', async () => {
      const draft = await h.createVacancy(owner, employerId);
      await h.db.query(`UPDATE vacancies.vacancies SET closing_date = current_date WHERE id = $1`, [draft.id]);
      const error = await h.failure('rpc.vacancies.publish-vacancy.v1', { vacancyId: draft.id }, owner);
      expect(error).toMatchObject({ code: ErrorCode.ValidationFailed, fields: [{ field: 'closingDate', rule: 'isFutureDate' }] });
    });

    it('of publications at once, one publishes (one event) and the others are told VACANCY_NOT_OPEN; outsiders learn nothing', async () => {
      const draft = await h.createVacancy(owner, employerId);
      const outcomes = await Promise.allSettled([1, 2, 3].map(() => h.call('rpc.vacancies.publish-vacancy.v1', { vacancyId: draft.id }, owner)));
      const won = outcomes.filter((o): o is PromiseFulfilledResult<VacancyView> => o.status === 'fulfilled');
      expect(won).toHaveLength(1);
      expect(won[0]!.value).toMatchObject({ status: 'published', version: draft.version + 1 });
      expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.code)).toEqual([ErrorCode.VacancyNotOpen, ErrorCode.VacancyNotOpen]);
      expect(await h.events(draft.id, 'vacancies.vacancy.published.v1')).toHaveLength(1);

      expect(await h.code('rpc.vacancies.publish-vacancy.v1', { vacancyId: draft.id }, employer())).toBe(ErrorCode.Forbidden);
      expect(await h.code('rpc.vacancies.publish-vacancy.v1', { vacancyId: randomUUID() }, owner)).toBe(ErrorCode.VacancyNotFound);
      expect(await h.events(draft.id, 'vacancies.vacancy.published.v1')).toHaveLength(1);
    });

    it('queues publications beyond two at once in the service, not on database backends waiting for the search generation', async () => {
      const drafts = await Promise.all(Array.from({ length: 16 }, () => h.createVacancy(owner, employerId)));
      let peak = 0;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          const [{ n }] = await h.db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle' AND query LIKE 'UPDATE vacancies.vacancies v SET status = ''published''%'`,
          );
          peak = Math.max(peak, n);
        }
      })();
      const published = await Promise.all(drafts.map((d) => h.call('rpc.vacancies.publish-vacancy.v1', { vacancyId: d.id }, owner)));
      sampling = false;
      await sampler;
      expect(published.map((p) => p.status)).toEqual(drafts.map(() => 'published'));
      for (const d of drafts) expect(await h.events(d.id, 'vacancies.vacancy.published.v1')).toHaveLength(1);
      expect(peak).toBeGreaterThan(0);
      expect(peak).toBeLessThanOrEqual(2);
    });
  });

  describe('optimistic concurrency', () => {
    it('of two edits from the same read, exactly one wins and the other gets PRECONDITION_FAILED', async () => {
      for (const status of ['draft', 'published'] as const) {
        const vacancy = status === 'draft' ? await h.createVacancy(owner, employerId) : await h.publishedVacancy(owner, employerId);
        const outcomes = await Promise.allSettled(
          ['Doha', 'Lusail', 'Al Wakrah', 'Al Khor'].map((city) => h.call('rpc.vacancies.update-vacancy.v1', { vacancyId: vacancy.id, expectedVersion: vacancy.version, city }, owner)),
        );
        const won = outcomes.filter((o): o is PromiseFulfilledResult<VacancyView> => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost.map((o) => (o.reason as { code: string }).code)).toEqual([ErrorCode.PreconditionFailed, ErrorCode.PreconditionFailed, ErrorCode.PreconditionFailed]);
        expect(won[0]!.value.version).toBe(vacancy.version + 1);
        const stored = await h.call('rpc.vacancies.get-vacancy.v1', { vacancyId: vacancy.id }, owner);
        expect(stored).toMatchObject({ version: vacancy.version + 1, city: won[0]!.value.city });
        expect(await h.events(vacancy.id, 'vacancies.vacancy.updated.v1')).toHaveLength(status === 'published' ? 1 : 0);
      }
    });

    it('a stale version is refused', async () => {
      const vacancy = await h.createVacancy(owner, employerId);
      await h.call('rpc.vacancies.update-vacancy.v1', { vacancyId: vacancy.id, expectedVersion: 1, city: 'Doha' }, owner);
      expect(await h.code('rpc.vacancies.update-vacancy.v1', { vacancyId: vacancy.id, expectedVersion: 1, city: 'Lusail' }, owner)).toBe(ErrorCode.PreconditionFailed);
      expect(await h.code('rpc.vacancies.update-vacancy.v1', { vacancyId: vacancy.id, expectedVersion: 7, city: 'Lusail' }, owner)).toBe(ErrorCode.PreconditionFailed);
    });

    it('null clears an optional field (salary, minimum education) and is refused on a required one', async () => {
      const vacancy = await h.createVacancy(owner, employerId, { minEducationLevel: 6 });
      const cleared = await h.call(
        'rpc.vacancies.update-vacancy.v1',
        { vacancyId: vacancy.id, expectedVersion: 1, salary: null, minEducationLevel: null } as unknown as UpdateVacancyCommand,
        owner,
      );
      expect(cleared.salary).toBeUndefined();
      expect(cleared.minEducationLevel).toBeUndefined();
      const error = await h.failure('rpc.vacancies.update-vacancy.v1', { vacancyId: vacancy.id, expectedVersion: 2, city: null } as unknown as UpdateVacancyCommand, owner);
      expect(error.fields).toEqual([{ field: 'city', rule: 'isDefined' }]);
    });
  });

  describe('validation beyond the request shape', () => {
    const fieldsOf = async (overrides: Partial<CreateVacancyRequest>) =>
      (await h.failure('rpc.vacancies.create-vacancy.v1', { ...vacancyContent(overrides), employerId } as CreateVacancyRequest, owner)).fields;

    it('occupation: an ISCO-08 unit group', async () => {
      expect(await fieldsOf({ iscoCode: '9999' })).toEqual([{ field: 'iscoCode', rule: 'unknownOccupation' }]);
    });

    it('skills: known and not repeated', async () => {
      expect(await fieldsOf({ skills: [{ skillId: 'osh.risk-assessment', essential: true }, { skillId: 'no.such-skill', essential: false }] })).toEqual([
        { field: 'skills[1].skillId', rule: 'unknownSkill' },
      ]);
      expect(await fieldsOf({ skills: [{ skillId: 'ict.python', essential: true }, { skillId: 'ict.python', essential: false }] })).toEqual([
        { field: 'skills', rule: 'arrayUnique' },
      ]);
    });

    it('languages: not repeated', async () => {
      expect(await fieldsOf({ languages: [{ code: 'ar', minLevel: 'B2' }, { code: 'ar', minLevel: 'C1' }] })).toEqual([{ field: 'languages', rule: 'arrayUnique' }]);
    });

    it('salary: minimum at most the maximum', async () => {
      expect(await fieldsOf({ salary: { min: 3, max: 2, currency: 'QAR', period: 'month' } })).toEqual([{ field: 'salary.min', rule: 'lessThanOrEqualMax', params: { max: 2 } }]);
    });

    it('eligibility: listed needs countries, all member states takes none', async () => {
      expect(await fieldsOf({ eligibility: { scope: 'listed' } })).toEqual([{ field: 'eligibility.countries', rule: 'requiredWhenListed' }]);
      expect(await fieldsOf({ eligibility: { scope: 'listed', countries: [] } })).toEqual([{ field: 'eligibility.countries', rule: 'requiredWhenListed' }]);
      expect(await fieldsOf({ eligibility: { scope: 'all-member-states', countries: ['JO'] } })).toEqual([
        { field: 'eligibility.countries', rule: 'arrayMaxSize', params: { max: 0 } },
      ]);
    });

    it('closing date: after today and at most a year ahead', async () => {
      expect(await fieldsOf({ closingDate: isoDate(0) })).toMatchObject([{ field: 'closingDate', rule: 'isFutureDate' }]);
      expect(await fieldsOf({ closingDate: isoDate(-3) })).toMatchObject([{ field: 'closingDate', rule: 'isFutureDate' }]);
      expect(await fieldsOf({ closingDate: isoDate(367) })).toMatchObject([{ field: 'closingDate', rule: 'isDateInRange' }]);
      await expect(h.createVacancy(owner, employerId, { closingDate: isoDate(1) })).resolves.toMatchObject({ status: 'draft' });
      await expect(h.createVacancy(owner, employerId, { closingDate: isoDate(365) })).resolves.toMatchObject({ status: 'draft' });
    });

    it('reports every problem at once, and applies the same rules to edits', async () => {
      const fields = await fieldsOf({ iscoCode: '0000', salary: { min: 5, max: 1, currency: 'QAR', period: 'year' }, closingDate: isoDate(-1) });
      expect(fields?.map((f) => f.rule).sort()).toEqual(['isFutureDate', 'lessThanOrEqualMax', 'unknownOccupation']);
      const vacancy = await h.createVacancy(owner, employerId);
      const edit = await h.failure(
        'rpc.vacancies.update-vacancy.v1',
        { vacancyId: vacancy.id, expectedVersion: 1, skills: [{ skillId: 'nope.nope', essential: true }], eligibility: { scope: 'listed' } },
        owner,
      );
      expect(edit.fields).toEqual([
        { field: 'skills[0].skillId', rule: 'unknownSkill' },
        { field: 'eligibility.countries', rule: 'requiredWhenListed' },
      ]);
    });

    it('the request shape itself is checked by the contract', async () => {
      const error = await h.failure('rpc.vacancies.create-vacancy.v1', { ...vacancyContent({ iscoCode: '21' }), employerId } as CreateVacancyRequest, owner);
      expect(error).toMatchObject({ code: ErrorCode.ValidationFailed, fields: [{ field: 'iscoCode', rule: 'matches' }] });
    });
  });

  describe('who may do what', () => {
    it('only members of the organisation create vacancies for it', async () => {
      const body = { ...vacancyContent(), employerId } as CreateVacancyRequest;
      expect(await h.code('rpc.vacancies.create-vacancy.v1', body, employer())).toBe(ErrorCode.Forbidden);
      expect(await h.code('rpc.vacancies.create-vacancy.v1', body, seeker())).toBe(ErrorCode.Forbidden);
      expect(await h.code('rpc.vacancies.create-vacancy.v1', body)).toBe(ErrorCode.Unauthenticated);
      expect(await h.code('rpc.vacancies.create-vacancy.v1', { ...body, employerId: randomUUID() }, owner)).toBe(ErrorCode.EmployerNotFound);
    });

    it('drafts are invisible to everyone but members; published vacancies are public', async () => {
      const draft = await h.createVacancy(owner, employerId);
      expect(await h.code('rpc.vacancies.get-vacancy.v1', { vacancyId: draft.id })).toBe(ErrorCode.VacancyNotFound);
      expect(await h.code('rpc.vacancies.get-vacancy.v1', { vacancyId: draft.id }, employer())).toBe(ErrorCode.VacancyNotFound);
      expect(await h.code('rpc.vacancies.get-vacancy.v1', { vacancyId: draft.id }, seeker())).toBe(ErrorCode.VacancyNotFound);
      expect(await h.code('rpc.vacancies.get-vacancy.v1', { vacancyId: randomUUID() })).toBe(ErrorCode.VacancyNotFound);
      expect(await h.call('rpc.vacancies.get-vacancy.v1', { vacancyId: draft.id }, owner)).toMatchObject({ status: 'draft' });

      // Non-members cannot edit, publish or close it either, and learn nothing about it.
      const stranger = employer();
      expect(await h.code('rpc.vacancies.update-vacancy.v1', { vacancyId: draft.id, expectedVersion: 1, city: 'X' }, stranger)).toBe(ErrorCode.VacancyNotFound);
      expect(await h.code('rpc.vacancies.publish-vacancy.v1', { vacancyId: draft.id }, stranger)).toBe(ErrorCode.VacancyNotFound);

      const published = await h.call('rpc.vacancies.publish-vacancy.v1', { vacancyId: draft.id }, owner);
      expect(await h.call('rpc.vacancies.get-vacancy.v1', { vacancyId: draft.id }, undefined, 'fr')).toMatchObject({
        status: 'published',
        resolved: { title: 'Ingénieur en sécurité au travail' },
      });
      // Published: a stranger can see it exists, so they are told they may not change it.
      expect(await h.code('rpc.vacancies.update-vacancy.v1', { vacancyId: draft.id, expectedVersion: published.version, city: 'X' }, stranger)).toBe(ErrorCode.Forbidden);
      expect(await h.code('rpc.vacancies.close-vacancy.v1', { vacancyId: draft.id, reason: 'closed' }, stranger)).toBe(ErrorCode.Forbidden);
      expect(await h.code('rpc.vacancies.update-vacancy.v1', { vacancyId: draft.id, expectedVersion: published.version, city: 'X' }, seeker())).toBe(ErrorCode.Forbidden);
    });

    it('a second member of the organisation may manage its vacancies', async () => {
      const colleague = employer();
      await h.db.query(`INSERT INTO vacancies.employer_members (employer_id, user_id, role) VALUES ($1, $2, 'member')`, [employerId, colleague.userId]);
      const vacancy = await h.createVacancy(colleague, employerId);
      expect(await h.call('rpc.vacancies.publish-vacancy.v1', { vacancyId: vacancy.id }, owner)).toMatchObject({ status: 'published' });
      expect(await h.call('rpc.vacancies.get-employer.v1', { employerId }, colleague)).toMatchObject({ isMember: true });
    });
  });
});
