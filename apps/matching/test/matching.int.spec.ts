import { randomUUID } from 'node:crypto';
import { ErrorCode } from '@olp/contracts';
import { eventually } from '@olp/testing';
import { employer, failure, MatchingHarness, profileEvent, seeker, updatedEvent, vacancyEvent } from './matching-harness.js';

describe('matching service (real PostgreSQL and NATS JetStream)', () => {
  const h = new MatchingHarness();

  beforeAll(async () => {
    await h.start('matching');
  });

  afterAll(async () => {
    await h.stop();
  });

  async function mineFor(seekerId: string) {
    return h.rpc.request('rpc.matching.for-seeker.v1', {}, { principal: seeker(seekerId), locale: 'en' });
  }

  async function vacancyIdsFor(seekerId: string): Promise<string[]> {
    return (await mineFor(seekerId)).items.map((i) => i.vacancyId);
  }

  async function memberOf(employerId: string): Promise<string> {
    const userId = randomUUID();
    await h.publish('vacancies.employer.member-added.v1', { employerId, userId, role: 'owner', addedAt: new Date().toISOString() }, employerId);
    return userId;
  }

  async function seekersFor(vacancyId: string, userId: string) {
    return h.rpc.request('rpc.matching.for-vacancy.v1', { vacancyId }, { principal: employer(userId), locale: 'en' });
  }

  it('matches a vacancy in Qatar with a consenting Jordanian willing to relocate there, with reasons in the caller’s language', async () => {
    const vacancy = vacancyEvent();
    const profile = profileEvent();
    const owner = await memberOf(vacancy.employerId);
    await h.publish('vacancies.vacancy.published.v1', vacancy, vacancy.vacancyId);
    await h.publish('seekers.profile.updated.v1', profile, profile.userId);
    await h.settle();

    const mine = await mineFor(profile.userId);
    expect(mine.items).toHaveLength(1);
    const [match] = mine.items;
    expect(match).toMatchObject({ vacancyId: vacancy.vacancyId, displayTitle: 'Occupational safety engineer', country: 'QA', city: 'Doha', iscoCode: '2149' });
    expect(match!.score).toBeGreaterThan(0.9);
    const codes = match!.reasons.map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['essential-skills', 'occupation', 'language', 'location-relocate']));
    expect(match!.reasons.find((r) => r.code === 'essential-skills')).toMatchObject({ params: { matched: 2, total: 2 }, text: '2 of 2 essential skills' });
    expect(match!.reasons.find((r) => r.code === 'location-relocate')!.text).toMatch(/Qatar/);

    const arabic = await h.rpc.request('rpc.matching.for-seeker.v1', {}, { principal: seeker(profile.userId), locale: 'ar' });
    expect(arabic.items[0]!.displayTitle).toBe('مهندس سلامة مهنية');
    expect(arabic.items[0]!.reasons.find((r) => r.code === 'location-relocate')!.text).toMatch(/قطر/);

    const theirs = await seekersFor(vacancy.vacancyId, owner);
    expect(theirs.items).toEqual([
      expect.objectContaining({ seekerId: profile.userId, residenceCountry: 'JO', nationality: 'JO', score: match!.score }),
    ]);
    expect(Object.keys(theirs.items[0]!).sort()).toEqual(['nationality', 'reasons', 'residenceCountry', 'score', 'seekerId']);

    const found = (await h.found()).filter((f) => f.vacancyId === vacancy.vacancyId);
    expect(found).toEqual([
      expect.objectContaining({ seekerId: profile.userId, vacancyTitle: vacancy.title, score: match!.score }),
    ]);
  });

  it('never matches seekers who did not consent, are hidden, may not work there or are not eligible by nationality', async () => {
    const vacancy = vacancyEvent({ country: 'BH', city: 'Manama', eligibility: { scope: 'listed', countries: ['JO', 'EG'] } });
    const owner = await memberOf(vacancy.employerId);
    const good = profileEvent({ mobility: { relocate: 'listed', countries: ['BH'], remote: false } });
    const noConsent = profileEvent({ consentToMatching: false });
    const hidden = profileEvent({ visibility: 'hidden' });
    const stays = profileEvent({ mobility: { relocate: 'none', remote: true } });
    const elsewhere = profileEvent({ mobility: { relocate: 'listed', countries: ['AE'], remote: false } });
    const wrongNationality = profileEvent({ nationality: 'MA', mobility: { relocate: 'any-member-state', remote: false } });
    const unrelated = profileEvent({ skills: ['osh.noise-control'], experience: [{ iscoCode: '5120', years: 5 }], desiredOccupations: ['51'] });
    await h.publish('vacancies.vacancy.published.v1', vacancy, vacancy.vacancyId);
    for (const p of [good, noConsent, hidden, stays, elsewhere, wrongNationality, unrelated]) await h.publish('seekers.profile.updated.v1', p, p.userId);
    await h.settle();

    expect((await seekersFor(vacancy.vacancyId, owner)).items.map((i) => i.seekerId)).toEqual([good.userId]);
    for (const p of [noConsent, hidden, stays, elsewhere, wrongNationality, unrelated]) {
      expect(await vacancyIdsFor(p.userId)).not.toContain(vacancy.vacancyId);
    }
    const stored = await h.db.query<{ seeker_id: string }>(`SELECT seeker_id FROM matching.matches WHERE vacancy_id = $1`, [vacancy.vacancyId]);
    expect(stored.map((r) => r.seeker_id)).toEqual([good.userId]);
  });

  it('removes a seeker from every result within seconds of withdrawing consent, and brings them back when given again', async () => {
    const vacancies = [vacancyEvent(), vacancyEvent({ country: 'JO', city: 'Amman' })];
    const owners = await Promise.all(vacancies.map((v) => memberOf(v.employerId)));
    const profile = profileEvent();
    for (const v of vacancies) await h.publish('vacancies.vacancy.published.v1', v, v.vacancyId);
    await h.publish('seekers.profile.updated.v1', profile, profile.userId);
    await h.settle();
    expect(await vacancyIdsFor(profile.userId)).toEqual(expect.arrayContaining(vacancies.map((v) => v.vacancyId)));

    const withdrawnAt = new Date(Date.now() + 1000).toISOString();
    const started = Date.now();
    await h.publish('seekers.profile.updated.v1', { ...profile, consentToMatching: false, version: 2, updatedAt: withdrawnAt }, profile.userId);
    await h.publish('seekers.consent.changed.v1', { userId: profile.userId, consentToMatching: false, changedAt: withdrawnAt }, profile.userId);
    await eventually(async () => (await vacancyIdsFor(profile.userId)).length === 0, 5000);
    for (const [i, v] of vacancies.entries()) {
      expect((await seekersFor(v.vacancyId, owners[i]!)).items.map((s) => s.seekerId)).not.toContain(profile.userId);
    }
    expect(Date.now() - started).toBeLessThan(5000);
    await h.settle();
    expect(await h.db.query(`SELECT 1 FROM matching.matches WHERE seeker_id = $1 UNION ALL SELECT 1 FROM matching.notified_pairs WHERE seeker_id = $1`, [profile.userId])).toEqual([]);

    const givenAt = new Date(Date.now() + 2000).toISOString();
    await h.publish('seekers.profile.updated.v1', { ...profile, consentToMatching: true, version: 3, updatedAt: givenAt }, profile.userId);
    await h.publish('seekers.consent.changed.v1', { userId: profile.userId, consentToMatching: true, changedAt: givenAt }, profile.userId);
    await h.settle();
    expect(await vacancyIdsFor(profile.userId)).toEqual(expect.arrayContaining(vacancies.map((v) => v.vacancyId)));
  });

  it('erases a seeker (seeker erasure or account deletion): matches, announcements, outbox rows go, and older events cannot bring them back', async () => {
    const vacancy = vacancyEvent({ country: 'KW', city: 'Kuwait City' });
    const owner = await memberOf(vacancy.employerId);
    const mobility = { relocate: 'listed' as const, countries: ['KW'], remote: false };
    const erased = profileEvent({ mobility });
    const deleted = profileEvent({ mobility });
    const kept = profileEvent({ mobility });
    const seekerIds = async () => (await seekersFor(vacancy.vacancyId, owner)).items.map((i) => i.seekerId);
    // (Seekers of earlier tests willing to work anywhere may match it too.)
    const ours = new Set([erased.userId, deleted.userId, kept.userId]);
    const toldOf = async () => (await h.found()).filter((f) => f.vacancyId === vacancy.vacancyId && ours.has(f.seekerId));
    for (const p of [erased, deleted, kept]) await h.publish('seekers.profile.updated.v1', p, p.userId);
    await h.settle();
    await h.publish('vacancies.vacancy.published.v1', vacancy, vacancy.vacancyId);
    await h.settle();
    expect(await seekerIds()).toEqual(expect.arrayContaining([erased.userId, deleted.userId, kept.userId]));
    // One announcement names all three; the erasures take their entries out of it.
    const announced = await toldOf();
    expect(announced.map((f) => f.seekerId).sort()).toEqual([erased.userId, deleted.userId, kept.userId].sort());
    expect(new Set(announced.map((f) => f.eventId)).size).toBe(1);

    await h.publish('seekers.seeker.erased.v1', { userId: erased.userId, erasedAt: new Date().toISOString() }, erased.userId);
    await h.publish('identity.user.deleted.v1', { userId: deleted.userId, deletedAt: new Date().toISOString() }, deleted.userId);
    await eventually(async () => (await seekerIds()).every((id) => id !== erased.userId && id !== deleted.userId), 5000);
    await h.settle();
    for (const id of [erased.userId, deleted.userId]) {
      expect(await mineFor(id)).toEqual({ items: [], nextCursor: null });
      const left = await h.db.query(
        `SELECT 'seekers' AS t FROM matching.seekers WHERE seeker_id = $1
         UNION ALL SELECT 'matches' FROM matching.matches WHERE seeker_id = $1
         UNION ALL SELECT 'notified' FROM matching.notified_pairs WHERE seeker_id = $1
         UNION ALL SELECT 'outbox' FROM matching.outbox WHERE envelope->>'subject' = $1::text`,
        [id],
      );
      expect(left).toEqual([]);
    }
    const outbox = JSON.stringify(await h.db.query(`SELECT envelope FROM matching.outbox`));
    expect(outbox).not.toContain(erased.userId);
    expect(outbox).not.toContain(deleted.userId);
    expect(await toldOf()).toEqual([expect.objectContaining({ seekerId: kept.userId, eventId: announced[0]!.eventId })]);

    // A late copy of the old profile (a relay retry) must not bring the seeker back.
    await h.publish('seekers.profile.updated.v1', { ...erased, version: 7 }, erased.userId);
    await h.settle();
    expect(await h.db.query(`SELECT 1 FROM matching.seekers WHERE seeker_id = $1`, [erased.userId])).toEqual([]);
    expect(await seekerIds()).not.toContain(erased.userId);
  });

  it('rescores on profile edits and ignores stale versions', async () => {
    const vacancy = vacancyEvent({ country: 'SA', city: 'Riyadh' });
    const profile = profileEvent({ mobility: { relocate: 'listed', countries: ['SA'], remote: false } });
    await h.publish('vacancies.vacancy.published.v1', vacancy, vacancy.vacancyId);
    await h.publish('seekers.profile.updated.v1', profile, profile.userId);
    await h.settle();
    const matchFor = async () => (await mineFor(profile.userId)).items.find((i) => i.vacancyId === vacancy.vacancyId)!;
    const before = await matchFor();

    const weaker = { ...profile, skills: ['osh.risk-assessment'], languages: [{ code: 'ar' as const, level: 'A2' as const }], version: 2, updatedAt: new Date(Date.now() + 1000).toISOString() };
    await h.publish('seekers.profile.updated.v1', weaker, profile.userId);
    await h.settle();
    const after = await matchFor();
    expect(after.score).toBeLessThan(before.score);
    expect(after.reasons.find((r) => r.code === 'essential-skills')!.params).toEqual({ matched: 1, total: 2 });
    expect(after.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['missing-skill', 'language-missing']));

    // Version 1 arriving late changes nothing.
    await h.publish('seekers.profile.updated.v1', { ...profile }, profile.userId);
    await h.settle();
    expect((await matchFor()).score).toBe(after.score);
  });

  it('drops a closed vacancy’s matches and never reopens it on a late update', async () => {
    const vacancy = vacancyEvent();
    const owner = await memberOf(vacancy.employerId);
    const profile = profileEvent();
    await h.publish('vacancies.vacancy.published.v1', vacancy, vacancy.vacancyId);
    await h.publish('seekers.profile.updated.v1', profile, profile.userId);
    await h.settle();
    expect(await vacancyIdsFor(profile.userId)).toContain(vacancy.vacancyId);

    await h.publish(
      'vacancies.vacancy.closed.v1',
      { vacancyId: vacancy.vacancyId, employerId: vacancy.employerId, title: vacancy.title, reason: 'filled', closedAt: new Date().toISOString(), applicantIds: [] },
      vacancy.vacancyId,
    );
    await h.settle();
    expect(await vacancyIdsFor(profile.userId)).not.toContain(vacancy.vacancyId);
    expect(await h.db.query(`SELECT 1 FROM matching.matches WHERE vacancy_id = $1`, [vacancy.vacancyId])).toEqual([]);
    expect((await seekersFor(vacancy.vacancyId, owner)).items).toEqual([]);

    await h.publish('vacancies.vacancy.updated.v1', updatedEvent(vacancy, { version: 9 }), vacancy.vacancyId);
    await h.settle();
    expect(await vacancyIdsFor(profile.userId)).not.toContain(vacancy.vacancyId);
  });

  it('stores a delivery batch’s publications and edits together: the newest version of each vacancy, never a closed one', async () => {
    const profile = profileEvent({ mobility: { relocate: 'listed', countries: ['KW'], remote: false } });
    const [edited, plain, closed] = [0, 1, 2].map(() => vacancyEvent({ vacancyId: randomUUID(), country: 'KW', city: 'Kuwait City' }));
    await h.publish('seekers.profile.updated.v1', profile, profile.userId);
    await h.publish('vacancies.vacancy.published.v1', closed!, closed!.vacancyId);
    await h.publish(
      'vacancies.vacancy.closed.v1',
      { vacancyId: closed!.vacancyId, employerId: closed!.employerId, title: closed!.title, reason: 'closed', closedAt: new Date().toISOString(), applicantIds: [] },
      closed!.vacancyId,
    );
    await h.settle();

    // As the consumer hands a batch over: an edit before the publication it follows (a redelivery
    // reorders them), another publication, and a late edit of the closed vacancy.
    const engine = h.engine();
    await h.dataSource().transaction(async (em) => {
      await engine.applyVacancies(em, [updatedEvent(edited!, { version: 3, city: 'Al Jahra' }), edited!, plain!, updatedEvent(closed!, { version: 9 })]);
      await engine.flush(em);
    });
    const stored = await h.db.query<{ vacancy_id: string; version: number; city: string | null; closed: boolean }>(
      `SELECT vacancy_id, version, city, closed_at IS NOT NULL AS closed FROM matching.vacancies WHERE vacancy_id = ANY($1::uuid[])`,
      [[edited!.vacancyId, plain!.vacancyId, closed!.vacancyId]],
    );
    const byId = new Map(stored.map((s) => [s.vacancy_id, s]));
    expect(byId.get(edited!.vacancyId)).toMatchObject({ version: 3, city: 'Al Jahra', closed: false });
    expect(byId.get(plain!.vacancyId)).toMatchObject({ version: plain!.version, closed: false });
    expect(byId.get(closed!.vacancyId)).toMatchObject({ closed: true });
    const mine = await vacancyIdsFor(profile.userId);
    expect(mine).toEqual(expect.arrayContaining([edited!.vacancyId, plain!.vacancyId]));
    expect(mine).not.toContain(closed!.vacancyId);
  });

  it('stores the pairs of ids first stored in a batch (plain inserts) beside ones it replaces, including a seeker erased and back in the same batch', async () => {
    const mobility = { relocate: 'listed' as const, countries: ['BH'], remote: false };
    const returning = profileEvent({ mobility });
    const staying = profileEvent({ mobility });
    const known = vacancyEvent({ country: 'BH', city: 'Manama' });
    for (const p of [returning, staying]) await h.publish('seekers.profile.updated.v1', p, p.userId);
    await h.publish('vacancies.vacancy.published.v1', known, known.vacancyId);
    await h.settle();
    const pairsOf = async (ids: string[]) =>
      (await h.matches()).filter((m) => ids.includes(m.vacancy_id) && [returning.userId, staying.userId].includes(m.seeker_id)).map((m) => `${m.vacancy_id === known.vacancyId ? 'known' : 'fresh'}|${m.seeker_id}`);
    expect((await pairsOf([known.vacancyId])).sort()).toEqual([`known|${returning.userId}`, `known|${staying.userId}`].sort());
    const scores = new Map((await h.matches()).filter((m) => m.vacancy_id === known.vacancyId).map((m) => [`known|${m.seeker_id}`, m.score]));

    // One batch: the erasure deletes the returning seeker's stored pair at once; their new profile
    // (a row first stored by this batch) then pairs with the known vacancy again, and a new
    // vacancy pairs with both seekers. The known vacancy's edit rescores the staying seeker: that
    // pair's stored row is written over.
    const fresh = vacancyEvent({ country: 'BH', city: 'Muharraq' });
    const engine = h.engine();
    await h.dataSource().transaction(async (em) => {
      await engine.eraseUser(em, returning.userId, new Date(Date.now() - 1000).toISOString(), false);
      await engine.applyProfile(em, { ...returning, version: 2, updatedAt: new Date().toISOString() });
      await engine.applyVacancies(em, [fresh, updatedEvent(known, { version: known.version + 1, city: 'Riffa', minExperienceYears: 10 })]);
      await engine.flush(em);
    });
    expect((await pairsOf([known.vacancyId, fresh.vacancyId])).sort()).toEqual(
      [`known|${returning.userId}`, `known|${staying.userId}`, `fresh|${returning.userId}`, `fresh|${staying.userId}`].sort(),
    );
    expect(await vacancyIdsFor(returning.userId)).toEqual(expect.arrayContaining([known.vacancyId, fresh.vacancyId]));
    const [before, after] = [scores.get(`known|${staying.userId}`), (await h.matches()).find((m) => m.vacancy_id === known.vacancyId && m.seeker_id === staying.userId)?.score];
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
  });

  it('announces a vacancy’s new matches of one batch in one event, about the vacancy', async () => {
    const vacancy = vacancyEvent({ country: 'OM', city: 'Muscat' });
    const profiles = [0, 1, 2].map(() => profileEvent({ mobility: { relocate: 'listed', countries: ['OM'], remote: false } }));
    for (const p of profiles) await h.publish('seekers.profile.updated.v1', p, p.userId);
    await h.settle();
    await h.publish('vacancies.vacancy.published.v1', vacancy, vacancy.vacancyId);
    await h.settle();

    // (Seekers of earlier tests willing to work anywhere may match it too: same event.)
    const found = (await h.found()).filter((f) => f.vacancyId === vacancy.vacancyId);
    expect(found.map((f) => f.seekerId)).toEqual(expect.arrayContaining(profiles.map((p) => p.userId)));
    expect(new Set(found.map((f) => f.eventId)).size).toBe(1);
    const [stored] = await h.db.query<{ about: string; data: Record<string, unknown> }>(`SELECT envelope->>'subject' AS about, envelope->'data' AS data FROM matching.outbox WHERE id = $1`, [found[0]!.eventId]);
    expect(stored!.about).toBe(vacancy.vacancyId);
    expect(Object.keys(stored!.data).sort()).toEqual(['employerId', 'foundAt', 'seekers', 'vacancyId', 'vacancyTitle']);
    const mine = (await mineFor(profiles[0]!.userId)).items.find((i) => i.vacancyId === vacancy.vacancyId);
    expect(found.find((f) => f.seekerId === profiles[0]!.userId)!.score).toBe(mine!.score);
  });

  it('announces each pair once, and again only after it fell below the threshold and came back', async () => {
    const vacancy = vacancyEvent({ country: 'AE', city: 'Dubai' });
    const profile = profileEvent({ mobility: { relocate: 'any-member-state', remote: false } });
    await h.publish('vacancies.vacancy.published.v1', vacancy, vacancy.vacancyId);
    await h.publish('seekers.profile.updated.v1', profile, profile.userId);
    await h.settle();
    const announcements = async () => (await h.found()).filter((f) => f.vacancyId === vacancy.vacancyId && f.seekerId === profile.userId).length;
    expect(await announcements()).toBe(1);

    // A small edit that keeps the pair above the threshold: no second announcement.
    let version = 1;
    const edit = async (overrides: Partial<typeof profile>) => {
      version++;
      await h.publish('seekers.profile.updated.v1', { ...profile, ...overrides, version, updatedAt: new Date(Date.now() + version * 1000).toISOString() }, profile.userId);
      await h.settle();
    };
    await edit({ skills: ['osh.risk-assessment', 'osh.hazard-identification'] });
    expect(await announcements()).toBe(1);

    // Below the threshold (no skills, another occupation, no Arabic): the announcement is forgotten.
    await edit({ skills: ['osh.first-aid'], experience: [{ iscoCode: '2141', years: 1 }], desiredOccupations: ['2141'], languages: [{ code: 'fr', level: 'B1' }], education: { level: 3 } });
    const low = (await mineFor(profile.userId)).items.find((i) => i.vacancyId === vacancy.vacancyId);
    expect(low?.score ?? 0).toBeLessThan(0.6);
    expect(await h.db.query(`SELECT 1 FROM matching.notified_pairs WHERE vacancy_id = $1 AND seeker_id = $2`, [vacancy.vacancyId, profile.userId])).toEqual([]);
    expect(await announcements()).toBe(1);

    await edit({});
    expect(await announcements()).toBe(2);
  });

  it('changes nothing when events are delivered again (same event id) or arrive out of order', async () => {
    const vacancy = vacancyEvent({ country: 'EG', city: 'Cairo' });
    const profile = profileEvent({ mobility: { relocate: 'listed', countries: ['EG'], remote: false } });
    const published = await h.publish('vacancies.vacancy.published.v1', vacancy, vacancy.vacancyId);
    const updated = await h.publish('seekers.profile.updated.v1', profile, profile.userId);
    await h.settle();
    const snapshot = async () =>
      h.db.query(`SELECT m.vacancy_id, m.seeker_id, m.score, m.in_vacancy_top, m.in_seeker_top, n.notified_at FROM matching.matches m
         LEFT JOIN matching.notified_pairs n ON n.vacancy_id = m.vacancy_id AND n.seeker_id = m.seeker_id
         WHERE m.vacancy_id = $1 OR m.seeker_id = $2 ORDER BY 1, 2`, [
        vacancy.vacancyId,
        profile.userId,
      ]);
    const before = await snapshot();
    const foundBefore = (await h.found()).length;

    // A relay republishing after the duplicate window: new message ids, same event ids (the inbox absorbs them).
    await h.publishEnvelope('vacancies.vacancy.published.v1', published, randomUUID());
    await h.publishEnvelope('seekers.profile.updated.v1', updated, randomUUID());
    // And a stale edit with a new event id (an older version): ignored by version.
    await h.publish('vacancies.vacancy.updated.v1', updatedEvent(vacancy, { version: 1, country: 'MA' }), vacancy.vacancyId);
    await h.settle();
    expect(await snapshot()).toEqual(before);
    expect((await h.found()).length).toBe(foundBefore);
    const dupes = await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM matching.inbox WHERE event_id = ANY($1::uuid[])`, [[published.id, updated.id]]);
    expect(dupes[0]!.n).toBe(2);
  });

  it('shows a vacancy’s seekers only to members of its employer', async () => {
    const vacancy = vacancyEvent();
    const profile = profileEvent();
    const owner = await memberOf(vacancy.employerId);
    const colleague = await memberOf(vacancy.employerId);
    const otherEmployer = await memberOf(randomUUID());
    await h.publish('vacancies.vacancy.published.v1', vacancy, vacancy.vacancyId);
    await h.publish('seekers.profile.updated.v1', profile, profile.userId);
    await h.settle();

    expect((await seekersFor(vacancy.vacancyId, colleague)).items.map((i) => i.seekerId)).toContain(profile.userId);
    expect((await failure(seekersFor(vacancy.vacancyId, otherEmployer))).code).toBe(ErrorCode.Forbidden);
    expect((await failure(seekersFor(randomUUID(), owner))).code).toBe(ErrorCode.VacancyNotFound);
    expect((await failure(h.rpc.request('rpc.matching.for-vacancy.v1', { vacancyId: vacancy.vacancyId }, { locale: 'en' }))).code).toBe(ErrorCode.Unauthenticated);
    expect((await failure(h.rpc.request('rpc.matching.for-seeker.v1', {}, { principal: employer(owner), locale: 'en' }))).code).toBe(ErrorCode.Forbidden);

    await h.publish('vacancies.employer.member-removed.v1', { employerId: vacancy.employerId, userId: colleague, removedAt: new Date().toISOString() }, vacancy.employerId);
    await h.settle();
    expect((await failure(seekersFor(vacancy.vacancyId, colleague))).code).toBe(ErrorCode.Forbidden);
    expect((await seekersFor(vacancy.vacancyId, owner)).items.map((i) => i.seekerId)).toContain(profile.userId);
  });

  it('pages with a keyset cursor, best first, and exports the caller’s matches', async () => {
    // Skills and an occupation group no other test uses, so these vacancies match only this seeker.
    const profile = profileEvent({
      skills: ['osh.ergonomics', 'osh.manual-handling'],
      experience: [{ iscoCode: '3112', years: 4 }],
      desiredOccupations: ['3112'],
      mobility: { relocate: 'any-member-state', remote: true },
    });
    const vacancies = ['QA', 'AE', 'SA', 'KW', 'OM'].map((country, i) =>
      vacancyEvent({
        country,
        city: 'City',
        iscoCode: '3112',
        skills: [{ skillId: 'osh.ergonomics', essential: true }],
        languages: i % 2 ? [{ code: 'fr', minLevel: 'C1' }] : [{ code: 'ar', minLevel: 'B2' }],
        minExperienceYears: i * 2,
      }),
    );
    for (const v of vacancies) await h.publish('vacancies.vacancy.published.v1', v, v.vacancyId);
    await h.publish('seekers.profile.updated.v1', profile, profile.userId);
    await h.settle();

    const seen: { vacancyId: string; score: number }[] = [];
    let cursor: string | undefined;
    do {
      const page = await h.rpc.request('rpc.matching.for-seeker.v1', { limit: 2, ...(cursor ? { cursor } : {}) }, { principal: seeker(profile.userId), locale: 'fr' });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.map((s) => s.vacancyId).sort()).toEqual(vacancies.map((v) => v.vacancyId).sort());
    for (let i = 1; i < seen.length; i++) expect(seen[i - 1]!.score).toBeGreaterThanOrEqual(seen[i]!.score);

    const exported = await h.rpc.request('rpc.matching.export.v1', {}, { principal: seeker(profile.userId), locale: 'en' });
    expect(exported.matches.map((m) => m.vacancyId).sort()).toEqual(vacancies.map((v) => v.vacancyId).sort());
    expect((await failure(h.rpc.request('rpc.matching.for-seeker.v1', { cursor: 'bm9wZQ' }, { principal: seeker(profile.userId), locale: 'en' }))).code).toBe(ErrorCode.ValidationFailed);
  });
});

describe('matching announcements: mutual top matches only (VACANCY_TOP_K=1)', () => {
  const h = new MatchingHarness();

  beforeAll(async () => {
    await h.start('matchmutual', { VACANCY_TOP_K: '1' });
  });

  afterAll(async () => {
    await h.stop();
  });

  it('tells a seeker only while they are among the vacancy’s best too, and the next best once the best one leaves', async () => {
    const vacancy = vacancyEvent({ country: 'QA', city: 'Doha' });
    const strong = profileEvent();
    // Above the threshold, below the strong one: fewer of the essential skills.
    const good = profileEvent({ skills: ['osh.risk-assessment'] });
    await h.publish('vacancies.vacancy.published.v1', vacancy, vacancy.vacancyId);
    await h.publish('seekers.profile.updated.v1', strong, strong.userId);
    await h.publish('seekers.profile.updated.v1', good, good.userId);
    await h.settle();

    // Both have the vacancy in their own list, above the threshold; only the vacancy's best is told.
    const mine = async (seekerId: string) =>
      (await h.rpc.request('rpc.matching.for-seeker.v1', {}, { principal: seeker(seekerId), locale: 'en' })).items.find((i) => i.vacancyId === vacancy.vacancyId);
    const [strongMatch, goodMatch] = [await mine(strong.userId), await mine(good.userId)];
    expect(goodMatch!.score).toBeGreaterThanOrEqual(0.6);
    expect(strongMatch!.score).toBeGreaterThan(goodMatch!.score);
    const told = async () => (await h.found()).filter((f) => f.vacancyId === vacancy.vacancyId).map((f) => f.seekerId);
    expect(await told()).toEqual([strong.userId]);

    // The best one withdraws consent: the other becomes the vacancy's best and is told, once.
    await h.publish('seekers.profile.updated.v1', { ...strong, consentToMatching: false, version: 2, updatedAt: new Date(Date.now() + 1000).toISOString() }, strong.userId);
    await h.settle();
    expect((await told()).sort()).toEqual([strong.userId, good.userId].sort());
  });
});

describe('matching rebuild without announcements (--no-announce)', () => {
  const h = new MatchingHarness();

  beforeAll(async () => {
    await h.start('matchsilent');
  });

  afterAll(async () => {
    await h.stop();
  });

  it('records the pairs it would announce as announced, tells nobody, and later changes do not tell them either', async () => {
    const vacancy = vacancyEvent({ country: 'QA', city: 'Doha' });
    const profile = profileEvent();
    await h.publish('vacancies.vacancy.published.v1', vacancy, vacancy.vacancyId);
    await h.publish('seekers.profile.updated.v1', profile, profile.userId);
    await h.settle();
    expect((await h.found()).length).toBe(1);
    // A market whose matches were never computed (e.g. matching deployed onto existing data).
    await h.db.query(`DELETE FROM matching.matches`);
    await h.db.query(`DELETE FROM matching.notified_pairs`);

    const report = await h.rebuild({ replay: false, announce: false });
    expect(report.announced).toBe(0);
    expect(report.matches).toBe(1);
    expect(await h.db.query(`SELECT vacancy_id, seeker_id FROM matching.notified_pairs`)).toEqual([{ vacancy_id: vacancy.vacancyId, seeker_id: profile.userId }]);
    expect((await h.found()).length).toBe(1);

    // A small edit keeping the pair above the threshold: still nobody is told again.
    await h.publish('seekers.profile.updated.v1', { ...profile, skills: ['osh.risk-assessment', 'osh.hazard-identification'], version: 2, updatedAt: new Date(Date.now() + 1000).toISOString() }, profile.userId);
    await h.settle();
    expect((await h.found()).length).toBe(1);
  });
});
