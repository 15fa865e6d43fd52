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
