import { randomUUID } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import { ErrorCode, type ApplicationStatus, type ApplicationView, type Principal, type VacancyView } from '@olp/contracts';
import { buildCloudEvent, SubjectNamespace } from '@olp/messaging';
import { eventually } from '@olp/testing';
import { VacanciesHarness, employer, seeker } from './vacancies-harness.js';

const profile = (nationality = 'JO') => ({ userId: randomUUID(), nationality, residenceCountry: nationality, skills: ['ict.python'], headline: 'Engineer' });

describe('applications', () => {
  const h = new VacanciesHarness();
  const owner = employer();
  const colleague = employer();
  let employerId: string;
  let vacancy: VacancyView;

  const apply = (who: Principal, vacancyId: string, nationality = 'JO', coverNote = 'I would like to apply.') =>
    h.call('rpc.vacancies.apply.v1', { vacancyId, coverNote, profileSnapshot: profile(nationality) }, who);
  const move = (who: Principal, applicationId: string, status: ApplicationStatus, note?: string) =>
    h.call('rpc.vacancies.change-application-status.v1', { applicationId, status, ...(note ? { note } : {}) }, who);
  const moveFails = async (who: Principal, applicationId: string, status: ApplicationStatus) =>
    (await h.failure('rpc.vacancies.change-application-status.v1', { applicationId, status }, who)).code;

  beforeAll(async () => {
    await h.start('applications');
    employerId = (await h.createEmployer(owner)).id;
    await h.db.query(`INSERT INTO vacancies.employer_members (employer_id, user_id, role) VALUES ($1, $2, 'member')`, [employerId, colleague.userId]);
    vacancy = await h.publishedVacancy(owner, employerId);
  });
  afterAll(() => h.stop());

  describe('applying', () => {
    it('records the application with its snapshot and history, counts it and tells the members', async () => {
      const applicant = seeker();
      const application = await apply(applicant, vacancy.id);
      expect(application).toMatchObject({
        vacancyId: vacancy.id,
        vacancyTitle: 'Occupational safety engineer',
        status: 'submitted',
        coverNote: 'I would like to apply.',
        profileSnapshot: { nationality: 'JO' },
        history: [{ status: 'submitted', by: applicant.userId }],
      });
      expect((await h.call('rpc.vacancies.get-vacancy.v1', { vacancyId: vacancy.id })).applicationCount).toBe(1);
      const [event] = await h.events(application.id, 'vacancies.application.submitted.v1');
      expect(event!.data).toMatchObject({ applicationId: application.id, vacancyId: vacancy.id, employerId, seekerId: applicant.userId });
      expect((event!.data['employerMemberIds'] as string[]).sort()).toEqual([owner.userId, colleague.userId].sort());
    });

    it('once per vacancy: of two simultaneous attempts one succeeds and one gets ALREADY_APPLIED', async () => {
      const target = await h.publishedVacancy(owner, employerId);
      const applicant = seeker();
      const outcomes = await Promise.allSettled([apply(applicant, target.id), apply(applicant, target.id), apply(applicant, target.id)]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(outcomes.filter((o) => o.status === 'rejected').map((o) => ((o as PromiseRejectedResult).reason as { code: string }).code)).toEqual([
        ErrorCode.AlreadyApplied,
        ErrorCode.AlreadyApplied,
      ]);
      expect(await h.code('rpc.vacancies.apply.v1', { vacancyId: target.id, coverNote: 'Again', profileSnapshot: profile() }, applicant)).toBe(ErrorCode.AlreadyApplied);
      expect((await h.call('rpc.vacancies.get-vacancy.v1', { vacancyId: target.id })).applicationCount).toBe(1);
      expect(await h.events(target.id)).toHaveLength(1); // only "published"
    });

    it('only to published vacancies still open, as a seeker with a profile', async () => {
      const draft = await h.createVacancy(owner, employerId);
      expect(await h.code('rpc.vacancies.apply.v1', { vacancyId: draft.id, coverNote: 'x', profileSnapshot: profile() }, seeker())).toBe(ErrorCode.VacancyNotFound);
      expect(await h.code('rpc.vacancies.apply.v1', { vacancyId: randomUUID(), coverNote: 'x', profileSnapshot: profile() }, seeker())).toBe(ErrorCode.VacancyNotFound);

      const closed = await h.publishedVacancy(owner, employerId);
      await h.call('rpc.vacancies.close-vacancy.v1', { vacancyId: closed.id, reason: 'filled' }, owner);
      expect(await h.failure('rpc.vacancies.apply.v1', { vacancyId: closed.id, coverNote: 'x', profileSnapshot: profile() }, seeker())).toMatchObject({
        code: ErrorCode.VacancyNotOpen,
        params: { status: 'filled' },
      });

      const lapsed = await h.publishedVacancy(owner, employerId);
      await h.db.query(`UPDATE vacancies.vacancies SET closing_date = current_date - 1 WHERE id = $1`, [lapsed.id]);
      expect(await h.code('rpc.vacancies.apply.v1', { vacancyId: lapsed.id, coverNote: 'x', profileSnapshot: profile() }, seeker())).toBe(ErrorCode.VacancyNotOpen);

      expect(await h.code('rpc.vacancies.apply.v1', { vacancyId: vacancy.id, coverNote: 'x', profileSnapshot: profile() }, employer())).toBe(ErrorCode.Forbidden);
      expect(await h.code('rpc.vacancies.apply.v1', { vacancyId: vacancy.id, coverNote: 'x', profileSnapshot: profile() })).toBe(ErrorCode.Unauthenticated);
      expect(await h.failure('rpc.vacancies.apply.v1', { vacancyId: vacancy.id, coverNote: 'x' }, seeker())).toMatchObject({
        code: ErrorCode.ValidationFailed,
        fields: [{ field: 'profileSnapshot', rule: 'isDefined' }],
      });
    });

    it('by nationality when the vacancy lists who may apply', async () => {
      const listed = await h.publishedVacancy(owner, employerId, { eligibility: { scope: 'listed', countries: ['JO', 'EG'] } });
      expect(await h.failure('rpc.vacancies.apply.v1', { vacancyId: listed.id, coverNote: 'x', profileSnapshot: profile('MA') }, seeker())).toMatchObject({
        code: ErrorCode.NotEligible,
        params: { nationality: 'MA' },
      });
      await expect(apply(seeker(), listed.id, 'EG')).resolves.toMatchObject({ status: 'submitted' });
      await expect(apply(seeker(), vacancy.id, 'MA')).resolves.toMatchObject({ status: 'submitted' }); // all member states
    });
  });

  describe('status changes', () => {
    let target: VacancyView;
    beforeAll(async () => {
      target = await h.publishedVacancy(owner, employerId);
    });

    it('members move an application through the hiring steps; each step is recorded and announced', async () => {
      const applicant = seeker();
      const application = await apply(applicant, target.id);
      await move(owner, application.id, 'shortlisted');
      await move(colleague, application.id, 'interview', 'Tuesday 10:00');
      await move(owner, application.id, 'offer');
      const hired = await move(owner, application.id, 'hired');
      expect(hired.status).toBe('hired');
      expect(hired.history.map((e) => [e.status, e.by])).toEqual([
        ['submitted', applicant.userId],
        ['shortlisted', owner.userId],
        ['interview', colleague.userId],
        ['offer', owner.userId],
        ['hired', owner.userId],
      ]);
      expect(hired.history[2]!.note).toBe('Tuesday 10:00');
      const events = await h.events(application.id, 'vacancies.application.status-changed.v1');
      expect(events.map((e) => [e.data['from'], e.data['to'], e.data['changedBy']])).toEqual([
        ['submitted', 'shortlisted', owner.userId],
        ['shortlisted', 'interview', colleague.userId],
        ['interview', 'offer', owner.userId],
        ['offer', 'hired', owner.userId],
      ]);
      expect(events[0]!.data).toMatchObject({ seekerId: applicant.userId, vacancyId: target.id, employerId });

      // Final: nothing more, not even withdrawal.
      expect(await moveFails(owner, application.id, 'rejected')).toBe(ErrorCode.InvalidTransition);
      expect(await moveFails(applicant, application.id, 'withdrawn')).toBe(ErrorCode.InvalidTransition);
    });

    it('skipping a step, going back, or the applicant deciding are invalid transitions', async () => {
      const applicant = seeker();
      const application = await apply(applicant, target.id);
      expect(await h.failure('rpc.vacancies.change-application-status.v1', { applicationId: application.id, status: 'offer' }, owner)).toMatchObject({
        code: ErrorCode.InvalidTransition,
        params: { from: 'submitted', to: 'offer' },
      });
      expect(await moveFails(owner, application.id, 'withdrawn')).toBe(ErrorCode.InvalidTransition);
      expect(await moveFails(applicant, application.id, 'shortlisted')).toBe(ErrorCode.InvalidTransition);
      await move(owner, application.id, 'shortlisted');
      expect(await moveFails(owner, application.id, 'shortlisted')).toBe(ErrorCode.InvalidTransition);
      expect(await moveFails(owner, application.id, 'hired')).toBe(ErrorCode.InvalidTransition);
      await expect(move(owner, application.id, 'rejected')).resolves.toMatchObject({ status: 'rejected' });
    });

    it('the applicant, and only they, withdraws while the application is not final', async () => {
      for (const reached of ['submitted', 'shortlisted', 'interview', 'offer'] as const) {
        const applicant = seeker();
        const application = await apply(applicant, (await h.publishedVacancy(owner, employerId)).id);
        for (const step of ['shortlisted', 'interview', 'offer'] as const) {
          if (['submitted', 'shortlisted', 'interview', 'offer'].indexOf(reached) < ['submitted', 'shortlisted', 'interview', 'offer'].indexOf(step)) break;
          await move(owner, application.id, step);
        }
        const withdrawn = await move(applicant, application.id, 'withdrawn', 'Found another job');
        expect(withdrawn.status).toBe('withdrawn');
        expect(withdrawn.history.at(-1)).toMatchObject({ status: 'withdrawn', by: applicant.userId, note: 'Found another job' });
      }
    });

    it('anyone else is told the application does not exist', async () => {
      const application = await apply(seeker(), target.id);
      expect(await moveFails(seeker(), application.id, 'withdrawn')).toBe(ErrorCode.ApplicationNotFound);
      expect(await moveFails(employer(), application.id, 'shortlisted')).toBe(ErrorCode.ApplicationNotFound);
      expect(await moveFails(owner, randomUUID(), 'shortlisted')).toBe(ErrorCode.ApplicationNotFound);
    });
  });

  describe('lists and export', () => {
    it("the applicant's own applications, newest first, in pages, without other people's ids or notes", async () => {
      const applicant = seeker();
      const applied: ApplicationView[] = [];
      for (let i = 0; i < 5; i++) applied.push(await apply(applicant, (await h.publishedVacancy(owner, employerId)).id, 'JO', `Note ${i}`));
      await move(colleague, applied[4]!.id, 'shortlisted', 'internal: strong candidate');
      await apply(seeker(), applied[0]!.vacancyId); // someone else's

      const first = await h.call('rpc.vacancies.list-applications.v1', { limit: 3 }, applicant);
      const second = await h.call('rpc.vacancies.list-applications.v1', { limit: 3, cursor: first.nextCursor! }, applicant);
      expect(second.nextCursor).toBeNull();
      const listed = [...first.items, ...second.items];
      expect(listed.map((a) => a.id)).toEqual(applied.map((a) => a.id).reverse());
      expect(listed[0]!.history).toEqual([
        { status: 'submitted', at: expect.any(String), by: applicant.userId },
        { status: 'shortlisted', at: expect.any(String), by: employerId },
      ]);
      expect(listed.every((a) => a.profileSnapshot?.['nationality'] === 'JO')).toBe(true);

      const exported = await h.call('rpc.vacancies.export.v1', {}, applicant);
      expect(exported.applications.map((a) => a.id)).toEqual(applied.map((a) => a.id).reverse());
      expect(exported.applications.map((a) => a.coverNote).sort()).toEqual(['Note 0', 'Note 1', 'Note 2', 'Note 3', 'Note 4']);
      expect((await h.call('rpc.vacancies.export.v1', {}, seeker())).applications).toEqual([]);
    });

    it("a vacancy's applications with the applicants' snapshots, for members only", async () => {
      const target = await h.publishedVacancy(owner, employerId);
      const applicants = [seeker(), seeker(), seeker()];
      for (const [i, applicant] of applicants.entries()) await apply(applicant, target.id, ['JO', 'EG', 'QA'][i]);

      const page1 = await h.call('rpc.vacancies.list-applications.v1', { vacancyId: target.id, limit: 2 }, colleague);
      const page2 = await h.call('rpc.vacancies.list-applications.v1', { vacancyId: target.id, limit: 2, cursor: page1.nextCursor! }, colleague);
      const items = [...page1.items, ...page2.items];
      expect(items.map((a) => a.profileSnapshot?.['nationality'])).toEqual(['QA', 'EG', 'JO']);
      expect(items.map((a) => a.history[0]!.by)).toEqual(applicants.map((a) => a.userId).reverse());
      expect(page2.nextCursor).toBeNull();

      expect(await h.code('rpc.vacancies.list-applications.v1', { vacancyId: target.id }, employer())).toBe(ErrorCode.Forbidden);
      expect(await h.code('rpc.vacancies.list-applications.v1', { vacancyId: target.id }, applicants[0])).toBe(ErrorCode.Forbidden);
      expect(await h.code('rpc.vacancies.list-applications.v1', { vacancyId: randomUUID() }, owner)).toBe(ErrorCode.VacancyNotFound);
      const draft = await h.createVacancy(owner, employerId);
      expect(await h.code('rpc.vacancies.list-applications.v1', { vacancyId: draft.id }, employer())).toBe(ErrorCode.VacancyNotFound);
      expect(await h.code('rpc.vacancies.list-applications.v1', {})).toBe(ErrorCode.Unauthenticated);
      // A cursor from another list is refused.
      expect((await h.failure('rpc.vacancies.list-applications.v1', { cursor: page1.nextCursor! }, colleague)).fields).toEqual([{ field: 'cursor', rule: 'isCursor' }]);
      expect((await h.failure('rpc.vacancies.list-applications.v1', { cursor: 'garbage' }, colleague)).fields).toEqual([{ field: 'cursor', rule: 'isCursor' }]);
    });
  });

  describe('erasure', () => {
    async function publishEvent(subject: 'seekers.seeker.erased.v1' | 'identity.user.deleted.v1', data: Record<string, string>): Promise<void> {
      const js = jetstream(h.nc);
      const event = buildCloudEvent(subject.split('.')[0]!, subject, data, data['userId']);
      await js.publish(new SubjectNamespace(h.prefix).subject(subject), JSON.stringify(event), { msgID: event.id });
    }

    it('seekers.seeker.erased.v1 anonymises the seeker’s applications within seconds; counts stay', async () => {
      const target = await h.publishedVacancy(owner, employerId);
      const leaving = seeker();
      const staying = seeker();
      const gone = await apply(leaving, target.id, 'JO', 'Please consider me');
      await move(leaving, gone.id, 'withdrawn', 'personal reasons');
      const kept = await apply(staying, target.id);
      await move(owner, kept.id, 'shortlisted');

      await publishEvent('seekers.seeker.erased.v1', { userId: leaving.userId, erasedAt: new Date().toISOString() });

      const [row] = await eventually(async () => {
        const found = await h.db.query<Record<string, unknown>>(`SELECT * FROM vacancies.applications WHERE id = $1 AND anonymized_at IS NOT NULL`, [gone.id]);
        return found.length > 0 ? found : undefined;
      }, 10000);
      expect(row).toMatchObject({ seeker_id: null, cover_note: null, profile_snapshot: null, status: 'withdrawn' });
      expect(row!['history']).toEqual([
        { status: 'submitted', at: expect.any(String), by: null },
        { status: 'withdrawn', at: expect.any(String), by: null },
      ]);
      expect(JSON.stringify(await h.db.query(`SELECT * FROM vacancies.applications WHERE id = $1`, [gone.id]))).not.toContain(leaving.userId);

      // The count stays; the other applicant is untouched; the erased one is gone from lists and exports.
      expect((await h.call('rpc.vacancies.get-vacancy.v1', { vacancyId: target.id })).applicationCount).toBe(2);
      const list = await h.call('rpc.vacancies.list-applications.v1', { vacancyId: target.id }, owner);
      expect(list.items.map((a) => a.id)).toEqual([kept.id]);
      expect(list.items[0]!.coverNote).toBe('I would like to apply.');
      expect((await h.call('rpc.vacancies.export.v1', {}, leaving)).applications).toEqual([]);
      expect(await moveFails(owner, gone.id, 'shortlisted')).toBe(ErrorCode.ApplicationNotFound);

      // Closing the vacancy names only remaining applicants.
      await h.call('rpc.vacancies.close-vacancy.v1', { vacancyId: target.id, reason: 'closed' }, owner);
      const [closed] = await h.events(target.id, 'vacancies.vacancy.closed.v1');
      expect(closed!.data['applicantIds']).toEqual([staying.userId]);
    });

    it('identity.user.deleted.v1 erases a seeker and removes a deleted member from organisations and histories', async () => {
      const target = await h.publishedVacancy(owner, employerId);
      const member = employer();
      await h.db.query(`INSERT INTO vacancies.employer_members (employer_id, user_id, role) VALUES ($1, $2, 'member')`, [employerId, member.userId]);
      const applicant = seeker();
      const application = await apply(applicant, target.id);
      const other = await apply(seeker(), target.id);
      await move(member, other.id, 'shortlisted', 'member note');

      await publishEvent('identity.user.deleted.v1', { userId: applicant.userId, deletedAt: new Date().toISOString() });
      await publishEvent('identity.user.deleted.v1', { userId: member.userId, deletedAt: new Date().toISOString() });

      await eventually(async () => {
        const [a] = await h.db.query<{ anonymized_at: Date | null }>(`SELECT anonymized_at FROM vacancies.applications WHERE id = $1`, [application.id]);
        const members = await h.db.query(`SELECT 1 FROM vacancies.employer_members WHERE user_id = $1`, [member.userId]);
        return a?.anonymized_at && members.length === 0;
      }, 10000);
      const [otherRow] = await h.db.query<{ history: { by: string | null; note?: string }[]; seeker_id: string }>(
        `SELECT history, seeker_id FROM vacancies.applications WHERE id = $1`,
        [other.id],
      );
      expect(otherRow!.seeker_id).not.toBeNull();
      expect(otherRow!.history[1]).toEqual({ status: 'shortlisted', at: expect.any(String), by: null });
      expect(await h.code('rpc.vacancies.list-applications.v1', { vacancyId: target.id }, member)).toBe(ErrorCode.Forbidden);
    });

    it('scrubs published outbox rows about the erased seeker’s applications', async () => {
      const target = await h.publishedVacancy(owner, employerId);
      const applicant = seeker();
      const application = await apply(applicant, target.id);
      await eventually(async () => {
        const [r] = await h.db.query<{ published_at: Date | null }>(`SELECT published_at FROM vacancies.outbox WHERE envelope->>'subject' = $1`, [application.id]);
        return r?.published_at;
      });
      await publishEvent('seekers.seeker.erased.v1', { userId: applicant.userId, erasedAt: new Date().toISOString() });
      await eventually(async () => (await h.events(application.id)).length === 0, 10000);
    });
  });
});
