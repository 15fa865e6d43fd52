import type { TrilingualText } from '@olp/reference-data';

/**
 * One notification template: ICU MessageFormat texts in ar, en and fr. `title` is the in-app
 * title and the e-mail subject, `body` the in-app text and the e-mail's paragraph, `action` the
 * label of the e-mail's link. Parameters listed in `dates` are ISO timestamps formatted in the
 * recipient's time zone (`{x, date, long}`); those in `texts` are `LocalizedText` resolved to the
 * recipient's language. The texts contain no HTML: the e-mail layout escapes parameters and wraps
 * the texts, so a vacancy title can never inject markup.
 */
export interface Template {
  title: TrilingualText;
  body: TrilingualText;
  action: TrilingualText;
  dates?: readonly string[];
  texts?: readonly string[];
}

const SEE_VACANCY: TrilingualText = { ar: 'عرض الوظيفة', en: 'See the vacancy', fr: 'Voir l’offre' };
const SEE_APPLICATION: TrilingualText = { ar: 'متابعة طلبك', en: 'Follow your application', fr: 'Suivre votre candidature' };

/**
 * Every template by type. Programme notifications (issue 6) add their entries here and a rule in
 * the dispatch table; nothing else changes.
 */
export const TEMPLATES = {
  'match.found': {
    title: {
      ar: 'وظيفة تناسب ملفك: {vacancyTitle}',
      en: 'A vacancy matches your profile: {vacancyTitle}',
      fr: 'Une offre correspond à votre profil : {vacancyTitle}',
    },
    body: {
      ar: 'تتوافق وظيفة «{vacancyTitle}» مع ملفك بنسبة {score, number, percent}. اطّلع على الأسباب وقدّم طلبك قبل إغلاقها.',
      en: '“{vacancyTitle}” matches your profile at {score, number, percent}. See why, and apply before it closes.',
      fr: 'L’offre « {vacancyTitle} » correspond à votre profil à {score, number, percent}. Découvrez pourquoi et postulez avant sa clôture.',
    },
    action: SEE_VACANCY,
    texts: ['vacancyTitle'],
  },
  'application.received': {
    title: {
      ar: 'طلب جديد لوظيفة {vacancyTitle}',
      en: 'New application for {vacancyTitle}',
      fr: 'Nouvelle candidature pour {vacancyTitle}',
    },
    body: {
      ar: 'تقدّم باحث عن عمل بطلب لوظيفة «{vacancyTitle}» في {submittedAt, date, long}. راجِع الطلب في قائمة المتقدمين.',
      en: 'A job seeker applied for “{vacancyTitle}” on {submittedAt, date, long}. Review the application in your list of applicants.',
      fr: 'Un candidat a postulé à l’offre « {vacancyTitle} » le {submittedAt, date, long}. Consultez sa candidature dans la liste des candidats.',
    },
    action: { ar: 'عرض المتقدمين', en: 'See the applicants', fr: 'Voir les candidats' },
    dates: ['submittedAt'],
    texts: ['vacancyTitle'],
  },
  'application.status-changed': {
    title: {
      ar: '{status, select, shortlisted {أنت في القائمة المختصرة} interview {دعوة إلى مقابلة} offer {لديك عرض عمل} hired {تم تعيينك} rejected {لم يُقبل طلبك} withdrawn {سُحب طلبك} other {تحديث على طلبك}}: {vacancyTitle}',
      en: '{status, select, shortlisted {You are shortlisted} interview {Interview invitation} offer {You have an offer} hired {You are hired} rejected {Application not retained} withdrawn {Application withdrawn} other {Application update}}: {vacancyTitle}',
      fr: '{status, select, shortlisted {Vous êtes présélectionné·e} interview {Invitation à un entretien} offer {Vous avez une offre} hired {Vous êtes embauché·e} rejected {Candidature non retenue} withdrawn {Candidature retirée} other {Votre candidature évolue}} : {vacancyTitle}',
    },
    body: {
      ar: 'أصبح طلبك لوظيفة «{vacancyTitle}» {status, select, submitted {مُقدَّمًا} shortlisted {في القائمة المختصرة} interview {في مرحلة المقابلة} offer {في مرحلة العرض} hired {مقبولًا وتم تعيينك} rejected {غير مقبول} withdrawn {مسحوبًا} other {محدَّثًا}} منذ {changedAt, date, long}.',
      en: 'Your application for “{vacancyTitle}” is {status, select, submitted {submitted} shortlisted {shortlisted} interview {at the interview stage} offer {at the offer stage} hired {accepted: you are hired} rejected {not retained} withdrawn {withdrawn} other {updated}} as of {changedAt, date, long}.',
      fr: 'Votre candidature à l’offre « {vacancyTitle} » est {status, select, submitted {envoyée} shortlisted {présélectionnée} interview {au stade de l’entretien} offer {au stade de l’offre} hired {acceptée : vous êtes embauché·e} rejected {non retenue} withdrawn {retirée} other {mise à jour}} depuis le {changedAt, date, long}.',
    },
    action: SEE_APPLICATION,
    dates: ['changedAt'],
    texts: ['vacancyTitle'],
  },
  'vacancy.closed': {
    title: {
      ar: 'أُغلقت الوظيفة: {vacancyTitle}',
      en: 'Vacancy closed: {vacancyTitle}',
      fr: 'Offre clôturée : {vacancyTitle}',
    },
    body: {
      ar: '{reason, select, filled {شُغلت وظيفة «{vacancyTitle}» التي تقدّمت إليها.} expired {بلغت وظيفة «{vacancyTitle}» التي تقدّمت إليها تاريخ إغلاقها.} cancelled {أُلغيت وظيفة «{vacancyTitle}» التي تقدّمت إليها.} other {أُغلقت وظيفة «{vacancyTitle}» التي تقدّمت إليها.}} لم تعد تستقبل طلبات، ويبقى طلبك في سجلك.',
      en: '{reason, select, filled {“{vacancyTitle}”, which you applied for, has been filled.} expired {“{vacancyTitle}”, which you applied for, reached its closing date.} cancelled {“{vacancyTitle}”, which you applied for, was cancelled.} other {“{vacancyTitle}”, which you applied for, is closed.}} It no longer accepts applications; yours stays in your history.',
      fr: '{reason, select, filled {L’offre « {vacancyTitle} » à laquelle vous avez postulé est pourvue.} expired {L’offre « {vacancyTitle} » à laquelle vous avez postulé a atteint sa date de clôture.} cancelled {L’offre « {vacancyTitle} » à laquelle vous avez postulé a été annulée.} other {L’offre « {vacancyTitle} » à laquelle vous avez postulé est clôturée.}} Elle n’accepte plus de candidatures ; la vôtre reste dans votre historique.',
    },
    action: SEE_VACANCY,
    texts: ['vacancyTitle'],
  },
  // Programme notifications (issue 6). Activity dates are calendar days, passed as noon UTC so
  // every member state's time zone shows the same day.
  'programme.enrollment.confirmed': {
    title: {
      ar: 'تأكّد مكانك: {activityTitle}',
      en: 'Your place is confirmed: {activityTitle}',
      fr: 'Votre place est confirmée : {activityTitle}',
    },
    body: {
      ar: 'أنت مسجَّل بصفتك {role, select, trainer {مدرّبًا} other {مشاركًا}} في «{activityTitle}» من {startDate, date, long} إلى {endDate, date, long}.',
      en: 'You are enrolled as a {role, select, trainer {trainer} other {participant}} in “{activityTitle}”, from {startDate, date, long} to {endDate, date, long}.',
      fr: 'Vous êtes inscrit·e comme {role, select, trainer {formateur·rice} other {participant·e}} à « {activityTitle} », du {startDate, date, long} au {endDate, date, long}.',
    },
    action: { ar: 'عرض النشاط', en: 'See the activity', fr: 'Voir l’activité' },
    dates: ['startDate', 'endDate'],
    texts: ['activityTitle'],
  },
  'programme.enrollment.waitlisted': {
    title: {
      ar: 'أنت في قائمة الانتظار: {activityTitle}',
      en: 'You are on the waitlist: {activityTitle}',
      fr: 'Vous êtes sur liste d’attente : {activityTitle}',
    },
    body: {
      ar: 'المقاعد في «{activityTitle}» مكتملة حاليًا، وترتيبك في قائمة الانتظار {position}. سنُعلمك فور تحرّر مقعد لك.',
      en: 'The seats of “{activityTitle}” are taken for now; you are number {position} on the waitlist. We will tell you as soon as a seat is yours.',
      fr: 'Les places de « {activityTitle} » sont prises pour l’instant ; vous êtes n° {position} sur la liste d’attente. Nous vous préviendrons dès qu’une place vous revient.',
    },
    action: { ar: 'عرض النشاط', en: 'See the activity', fr: 'Voir l’activité' },
    texts: ['activityTitle'],
  },
  'programme.enrollment.promoted': {
    title: {
      ar: 'تحرّر مقعد لك: {activityTitle}',
      en: 'A seat is yours: {activityTitle}',
      fr: 'Une place vous revient : {activityTitle}',
    },
    body: {
      ar: 'تحرّر مقعد في «{activityTitle}» وأصبح لك. مشاركتك مؤكَّدة من {startDate, date, long} إلى {endDate, date, long}.',
      en: 'A seat freed in “{activityTitle}” and it is yours: you are confirmed from {startDate, date, long} to {endDate, date, long}.',
      fr: 'Une place s’est libérée dans « {activityTitle} » et elle est à vous : vous êtes confirmé·e du {startDate, date, long} au {endDate, date, long}.',
    },
    action: { ar: 'عرض النشاط', en: 'See the activity', fr: 'Voir l’activité' },
    dates: ['startDate', 'endDate'],
    texts: ['activityTitle'],
  },
  'programme.enrollment.ended': {
    title: {
      ar: '{outcome, select, rejected {لم يُقبل الترشيح} other {أُلغي التسجيل}}: {activityTitle}',
      en: '{outcome, select, rejected {Nomination not retained} other {Enrolment cancelled}}: {activityTitle}',
      fr: '{outcome, select, rejected {Candidature non retenue} other {Inscription annulée}} : {activityTitle}',
    },
    body: {
      ar: '{outcome, select, rejected {لم يُقبل ترشيحك لـ«{activityTitle}».} other {أُلغي تسجيلك في «{activityTitle}».}} يمكنك متابعة أنشطة البرنامج الأخرى على المنصة.',
      en: '{outcome, select, rejected {Your nomination for “{activityTitle}” was not retained.} other {Your enrolment in “{activityTitle}” is cancelled.}} Other activities of the programme are listed on the platform.',
      fr: '{outcome, select, rejected {Votre candidature à « {activityTitle} » n’a pas été retenue.} other {Votre inscription à « {activityTitle} » est annulée.}} Les autres activités du programme figurent sur la plateforme.',
    },
    action: { ar: 'عرض الأنشطة', en: 'See the activities', fr: 'Voir les activités' },
    texts: ['activityTitle'],
  },
  'programme.nominee.update': {
    title: {
      ar: 'مستجدّات ترشيحك: {activityTitle}',
      en: 'Update on your nominee: {activityTitle}',
      fr: 'Du nouveau pour votre candidat·e : {activityTitle}',
    },
    body: {
      ar: 'الخبير الذي رشّحته من {country} {outcome, select, confirmed {مؤكَّد} waitlisted {في قائمة الانتظار} promoted {انتقل من قائمة الانتظار إلى مقعد مؤكَّد} cancelled {أُلغي تسجيله} rejected {لم يُقبل} other {حُدّث وضعه}} في «{activityTitle}».',
      en: 'The expert you nominated from {country} is {outcome, select, confirmed {confirmed} waitlisted {on the waitlist} promoted {promoted from the waitlist to a confirmed seat} cancelled {no longer enrolled} rejected {not retained} other {updated}} in “{activityTitle}”.',
      fr: 'L’expert·e que vous avez proposé·e ({country}) est {outcome, select, confirmed {confirmé·e} waitlisted {sur liste d’attente} promoted {passé·e de la liste d’attente à une place confirmée} cancelled {désinscrit·e} rejected {non retenu·e} other {mis·e à jour}} pour « {activityTitle} ».',
    },
    action: { ar: 'عرض الترشيحات', en: 'See the nominations', fr: 'Voir les candidatures' },
    texts: ['activityTitle', 'country'],
  },
  'programme.coordinator.update': {
    title: {
      ar: '{event, select, nominated {ترشيح جديد} promoted {ترقية من قائمة الانتظار} other {إلغاء تسجيل}}: {activityTitle}',
      en: '{event, select, nominated {New nomination} promoted {Promoted from the waitlist} other {Enrolment cancelled}}: {activityTitle}',
      fr: '{event, select, nominated {Nouvelle candidature} promoted {Promotion depuis la liste d’attente} other {Inscription annulée}} : {activityTitle}',
    },
    body: {
      ar: '{event, select, nominated {رشّحت نقطة الاتصال في {country} خبيرًا لـ«{activityTitle}»، وينتظر قرارك.} promoted {حصل خبير من {country} على مقعد تحرّر في «{activityTitle}».} other {أُلغي تسجيل خبير من {country} في «{activityTitle}».}}',
      en: '{event, select, nominated {The focal point of {country} nominated an expert for “{activityTitle}”; it awaits your decision.} promoted {An expert from {country} took a freed seat in “{activityTitle}”.} other {An expert from {country} is no longer enrolled in “{activityTitle}”.}}',
      fr: '{event, select, nominated {Le point focal ({country}) a proposé un·e expert·e pour « {activityTitle} » ; la décision vous revient.} promoted {Un·e expert·e ({country}) a obtenu une place libérée dans « {activityTitle} ».} other {Un·e expert·e ({country}) n’est plus inscrit·e à « {activityTitle} ».}}',
    },
    action: { ar: 'عرض التسجيلات', en: 'See the enrolments', fr: 'Voir les inscriptions' },
    texts: ['activityTitle', 'country'],
  },
  'programme.activity.cancelled': {
    title: {
      ar: 'أُلغي النشاط: {activityTitle}',
      en: 'Activity cancelled: {activityTitle}',
      fr: 'Activité annulée : {activityTitle}',
    },
    body: {
      ar: 'أُلغي «{activityTitle}» الذي كان مقررًا من {startDate, date, long} إلى {endDate, date, long}، وأُلغيت معه كل التسجيلات والترشيحات.',
      en: '“{activityTitle}”, planned from {startDate, date, long} to {endDate, date, long}, is cancelled, and every enrolment and nomination with it.',
      fr: '« {activityTitle} », prévue du {startDate, date, long} au {endDate, date, long}, est annulée, avec toutes ses inscriptions et candidatures.',
    },
    action: { ar: 'عرض الأنشطة', en: 'See the activities', fr: 'Voir les activités' },
    dates: ['startDate', 'endDate'],
    texts: ['activityTitle'],
  },
  'programme.activity.opened': {
    title: {
      ar: 'دعوة إلى ترشيح خبراء: {activityTitle}',
      en: 'Invitation to nominate experts: {activityTitle}',
      fr: 'Appel à candidatures d’expert·e·s : {activityTitle}',
    },
    body: {
      ar: 'فُتح «{activityTitle}»، المقرر من {startDate, date, long} إلى {endDate, date, long}، للترشيحات، وبلدك من البلدان المستفيدة. رشّح خبراءه قبل {applicationDeadline, date, long}.',
      en: '“{activityTitle}”, planned from {startDate, date, long} to {endDate, date, long}, is open for nominations and your country is among its beneficiaries. Nominate its experts by {applicationDeadline, date, long}.',
      fr: '« {activityTitle} », prévue du {startDate, date, long} au {endDate, date, long}, est ouverte aux candidatures et votre pays en est bénéficiaire. Proposez ses expert·e·s d’ici le {applicationDeadline, date, long}.',
    },
    action: { ar: 'ترشيح خبراء', en: 'Nominate experts', fr: 'Proposer des expert·e·s' },
    dates: ['startDate', 'endDate', 'applicationDeadline'],
    texts: ['activityTitle'],
  },
  'programme.activity.completed': {
    title: {
      ar: 'اكتمل النشاط: {activityTitle}',
      en: 'Activity completed: {activityTitle}',
      fr: 'Activité terminée : {activityTitle}',
    },
    body: {
      ar: 'اكتمل «{activityTitle}» الذي جرى من {startDate, date, long} إلى {endDate, date, long}. شكرًا لمشاركتك؛ ستصلك شهادتك في رسالة منفصلة.',
      en: '“{activityTitle}”, held from {startDate, date, long} to {endDate, date, long}, is completed. Thank you for taking part; your certificate follows in a separate message.',
      fr: '« {activityTitle} », tenue du {startDate, date, long} au {endDate, date, long}, est terminée. Merci de votre participation ; votre attestation suivra dans un message séparé.',
    },
    action: { ar: 'عرض النشاط', en: 'See the activity', fr: 'Voir l’activité' },
    dates: ['startDate', 'endDate'],
    texts: ['activityTitle'],
  },
  'programme.certificate.issued': {
    title: {
      ar: 'شهادتك جاهزة: {activityTitle}',
      en: 'Your certificate is ready: {activityTitle}',
      fr: 'Votre attestation est prête : {activityTitle}',
    },
    body: {
      ar: 'صدرت شهادة إتمامك لـ«{activityTitle}» برقم {certificateNumber}. يستطيع أي شخص التحقق منها بهذا الرقم.',
      en: 'Your completion certificate for “{activityTitle}” is number {certificateNumber}. Anyone can verify it with that number.',
      fr: 'Votre attestation de fin de formation pour « {activityTitle} » porte le numéro {certificateNumber}. Chacun peut la vérifier avec ce numéro.',
    },
    action: { ar: 'التحقق من الشهادة', en: 'Verify the certificate', fr: 'Vérifier l’attestation' },
    texts: ['activityTitle'],
  },
} as const satisfies Record<string, Template>;

export type TemplateType = keyof typeof TEMPLATES;

export function isTemplateType(value: string): value is TemplateType {
  return Object.prototype.hasOwnProperty.call(TEMPLATES, value);
}

/** The e-mail frame around every message and the daily digest. */
export const EMAIL_TEXTS = {
  greeting: { ar: 'مرحبًا {name}،', en: 'Hello {name},', fr: 'Bonjour {name},' },
  footer: {
    ar: 'تصلك هذه الرسالة وفق تفضيلات الإشعارات في حسابك على منصة سوق العمل لمنظمة التعاون الإسلامي. يمكنك تغييرها في أي وقت: {url}',
    en: 'You receive this e-mail because of the notification preferences of your OIC Labour Market Platform account. Change them at any time: {url}',
    fr: 'Vous recevez cet e-mail selon les préférences de notification de votre compte sur la Plateforme du marché du travail de l’OCI. Modifiez-les à tout moment : {url}',
  },
  digestSubject: {
    ar: '{count, plural, zero {ملخصك اليومي: لا إشعارات جديدة} one {ملخصك اليومي: إشعار واحد} two {ملخصك اليومي: إشعاران} few {ملخصك اليومي: # إشعارات} many {ملخصك اليومي: # إشعارًا} other {ملخصك اليومي: # إشعار}}',
    en: '{count, plural, one {Your daily summary: # notification} other {Your daily summary: # notifications}}',
    fr: '{count, plural, one {Votre résumé du jour : # notification} other {Votre résumé du jour : # notifications}}',
  },
  digestIntro: {
    ar: 'إليك ما استجدّ لك حتى {date, date, full}:',
    en: 'Here is what is new for you as of {date, date, full}:',
    fr: 'Voici les nouveautés pour vous au {date, date, full} :',
  },
} as const satisfies Record<string, TrilingualText>;
