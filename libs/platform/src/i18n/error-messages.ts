import type { ErrorCode } from '@olp/contracts';
import type { TrilingualText } from '@olp/reference-data';

export interface ErrorText {
  /** Short, the same for every occurrence (problem+json `title`). */
  title: TrilingualText;
  /** This occurrence, ICU MessageFormat with the error's params (problem+json `detail`). */
  detail: TrilingualText;
}

/** Every error code in ar, en and fr. Typed as a full record: a new code fails to compile until translated. */
export const ERROR_MESSAGES: Readonly<Record<ErrorCode, ErrorText>> = {
  VALIDATION_FAILED: {
    title: { ar: 'بيانات غير صالحة', en: 'Invalid input', fr: 'Données invalides' },
    detail: {
      ar: '{count, plural, zero {الطلب غير صالح.} one {حقل واحد غير صالح.} two {حقلان غير صالحين.} few {# حقول غير صالحة.} many {# حقلًا غير صالح.} other {# حقل غير صالح.}}',
      en: '{count, plural, one {One field is invalid.} other {# fields are invalid.}}',
      fr: '{count, plural, one {Un champ est invalide.} other {# champs sont invalides.}}',
    },
  },
  MALFORMED_REQUEST: {
    title: { ar: 'طلب مشوه', en: 'Malformed request', fr: 'Requête mal formée' },
    detail: {
      ar: 'تعذرت قراءة نص الطلب: يجب أن يكون JSON صالحًا.',
      en: 'The request body could not be read: it must be valid JSON.',
      fr: 'Le corps de la requête est illisible : il doit être un JSON valide.',
    },
  },
  PAYLOAD_TOO_LARGE: {
    title: { ar: 'الطلب كبير جدًا', en: 'Request too large', fr: 'Requête trop volumineuse' },
    detail: {
      ar: 'يتجاوز نص الطلب الحد الأقصى البالغ {limit} بايت.',
      en: 'The request body exceeds the limit of {limit} bytes.',
      fr: 'Le corps de la requête dépasse la limite de {limit} octets.',
    },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    title: { ar: 'نوع محتوى غير مدعوم', en: 'Unsupported media type', fr: 'Type de contenu non pris en charge' },
    detail: {
      ar: 'يجب إرسال نص الطلب بنوع المحتوى application/json.',
      en: 'Send the request body as application/json.',
      fr: 'Envoyez le corps de la requête en application/json.',
    },
  },
  NOT_FOUND: {
    title: { ar: 'غير موجود', en: 'Not found', fr: 'Introuvable' },
    detail: {
      ar: 'لا يوجد مورد في هذا العنوان.',
      en: 'There is no resource at this address.',
      fr: "Aucune ressource n'existe à cette adresse.",
    },
  },
  METHOD_NOT_ALLOWED: {
    title: { ar: 'طريقة غير مسموح بها', en: 'Method not allowed', fr: 'Méthode non autorisée' },
    detail: {
      ar: 'هذا المورد لا يقبل هذه الطريقة.',
      en: 'This resource does not accept this method.',
      fr: "Cette ressource n'accepte pas cette méthode.",
    },
  },
  UNAUTHENTICATED: {
    title: { ar: 'مطلوب تسجيل الدخول', en: 'Authentication required', fr: 'Authentification requise' },
    detail: {
      ar: 'سجّل الدخول وأرسل رمز الوصول في الترويسة Authorization.',
      en: 'Sign in and send the access token in the Authorization header.',
      fr: "Connectez-vous et envoyez le jeton d'accès dans l'en-tête Authorization.",
    },
  },
  TOKEN_INVALID: {
    title: { ar: 'رمز وصول غير صالح', en: 'Invalid access token', fr: "Jeton d'accès invalide" },
    detail: {
      ar: 'رمز الوصول غير صالح أو لم يُصدر من هذه المنصة.',
      en: 'The access token is invalid or was not issued by this platform.',
      fr: "Le jeton d'accès est invalide ou n'a pas été émis par cette plateforme.",
    },
  },
  TOKEN_EXPIRED: {
    title: { ar: 'انتهت صلاحية رمز الوصول', en: 'Access token expired', fr: "Jeton d'accès expiré" },
    detail: {
      ar: 'انتهت صلاحية رمز الوصول؛ استخدم رمز التحديث للحصول على رمز جديد.',
      en: 'The access token has expired; use your refresh token to get a new one.',
      fr: "Le jeton d'accès a expiré ; utilisez votre jeton de rafraîchissement pour en obtenir un nouveau.",
    },
  },
  FORBIDDEN: {
    title: { ar: 'غير مسموح', en: 'Forbidden', fr: 'Interdit' },
    detail: {
      ar: 'ليست لديك صلاحية لهذا الإجراء.',
      en: 'You are not allowed to do this.',
      fr: "Vous n'êtes pas autorisé à effectuer cette action.",
    },
  },
  INVALID_CREDENTIALS: {
    title: { ar: 'بيانات الدخول غير صحيحة', en: 'Invalid credentials', fr: 'Identifiants invalides' },
    detail: {
      ar: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
      en: 'The e-mail address or password is incorrect.',
      fr: "L'adresse e-mail ou le mot de passe est incorrect.",
    },
  },
  ACCOUNT_DISABLED: {
    title: { ar: 'الحساب معطّل', en: 'Account disabled', fr: 'Compte désactivé' },
    detail: {
      ar: 'هذا الحساب معطّل. تواصل مع مسؤول المنصة.',
      en: 'This account is disabled. Contact the platform administrator.',
      fr: "Ce compte est désactivé. Contactez l'administrateur de la plateforme.",
    },
  },
  TOO_MANY_LOGIN_ATTEMPTS: {
    title: { ar: 'محاولات دخول كثيرة', en: 'Too many sign-in attempts', fr: 'Trop de tentatives de connexion' },
    detail: {
      ar: 'محاولات دخول فاشلة كثيرة. أعد المحاولة بعد {retryAfter, plural, one {ثانية واحدة} two {ثانيتين} few {# ثوانٍ} many {# ثانية} other {# ثانية}}.',
      en: 'Too many failed sign-in attempts. Try again in {retryAfter, plural, one {# second} other {# seconds}}.',
      fr: 'Trop de tentatives de connexion échouées. Réessayez dans {retryAfter, plural, one {# seconde} other {# secondes}}.',
    },
  },
  RATE_LIMITED: {
    title: { ar: 'طلبات كثيرة', en: 'Too many requests', fr: 'Trop de requêtes' },
    detail: {
      ar: 'أرسلت طلبات كثيرة. أعد المحاولة بعد {retryAfter, plural, one {ثانية واحدة} two {ثانيتين} few {# ثوانٍ} many {# ثانية} other {# ثانية}}.',
      en: 'Too many requests. Try again in {retryAfter, plural, one {# second} other {# seconds}}.',
      fr: 'Trop de requêtes. Réessayez dans {retryAfter, plural, one {# seconde} other {# secondes}}.',
    },
  },
  EMAIL_TAKEN: {
    title: { ar: 'البريد مستخدم', en: 'E-mail already registered', fr: 'E-mail déjà enregistré' },
    detail: {
      ar: 'يوجد حساب مسجل بهذا البريد الإلكتروني.',
      en: 'An account with this e-mail address already exists.',
      fr: 'Un compte existe déjà avec cette adresse e-mail.',
    },
  },
  WEAK_PASSWORD: {
    title: { ar: 'كلمة مرور ضعيفة', en: 'Weak password', fr: 'Mot de passe trop faible' },
    detail: {
      ar: 'يجب أن تتكون كلمة المرور من {min} حرفًا على الأقل، وأن تحتوي على حرف ورقم، وألا تطابق البريد الإلكتروني.',
      en: 'The password must have at least {min} characters, contain a letter and a digit, and differ from the e-mail address.',
      fr: "Le mot de passe doit comporter au moins {min} caractères, contenir une lettre et un chiffre, et différer de l'adresse e-mail.",
    },
  },
  ROLE_NOT_ALLOWED: {
    title: { ar: 'دور غير مسموح', en: 'Role not allowed', fr: 'Rôle non autorisé' },
    detail: {
      ar: 'لا يمكن منح الدور «{role}» بهذه الطريقة.',
      en: 'The role "{role}" cannot be granted this way.',
      fr: 'Le rôle « {role} » ne peut pas être attribué de cette manière.',
    },
  },
  REFRESH_TOKEN_INVALID: {
    title: { ar: 'رمز تحديث غير صالح', en: 'Invalid refresh token', fr: 'Jeton de rafraîchissement invalide' },
    detail: {
      ar: 'رمز التحديث غير صالح أو منتهي الصلاحية أو ملغى. سجّل الدخول من جديد.',
      en: 'The refresh token is invalid, expired or revoked. Sign in again.',
      fr: 'Le jeton de rafraîchissement est invalide, expiré ou révoqué. Reconnectez-vous.',
    },
  },
  REFRESH_TOKEN_REUSED: {
    title: { ar: 'إعادة استخدام رمز التحديث', en: 'Refresh token reused', fr: 'Jeton de rafraîchissement réutilisé' },
    detail: {
      ar: 'استُخدم رمز التحديث هذا من قبل، فأُلغيت جميع الجلسات المرتبطة به. سجّل الدخول من جديد.',
      en: 'This refresh token was already used, so every session descended from it has been revoked. Sign in again.',
      fr: 'Ce jeton de rafraîchissement a déjà été utilisé ; toutes les sessions qui en découlent ont été révoquées. Reconnectez-vous.',
    },
  },
  USER_NOT_FOUND: {
    title: { ar: 'المستخدم غير موجود', en: 'User not found', fr: 'Utilisateur introuvable' },
    detail: {
      ar: 'لا يوجد هذا المستخدم.',
      en: 'This user does not exist.',
      fr: "Cet utilisateur n'existe pas.",
    },
  },
  PRECONDITION_FAILED: {
    title: { ar: 'تغيّر المورد', en: 'Resource changed', fr: 'Ressource modifiée' },
    detail: {
      ar: 'عُدّل المورد منذ قراءتك له. أعد تحميله ثم أعد المحاولة.',
      en: 'The resource changed since you read it. Reload it and try again.',
      fr: 'La ressource a changé depuis votre lecture. Rechargez-la puis réessayez.',
    },
  },
  PRECONDITION_REQUIRED: {
    title: { ar: 'مطلوب رقم الإصدار', en: 'Version required', fr: 'Version requise' },
    detail: {
      ar: 'أرسل الترويسة If-Match بقيمة ETag التي قرأتها، حتى لا تُلغي تعديلات غيرك.',
      en: 'Send an If-Match header with the ETag you read, so that you do not overwrite someone else’s changes.',
      fr: "Envoyez un en-tête If-Match avec l'ETag lu, afin de ne pas écraser les modifications d'autrui.",
    },
  },
  EMPLOYER_NOT_FOUND: {
    title: { ar: 'الجهة غير موجودة', en: 'Employer not found', fr: 'Employeur introuvable' },
    detail: { ar: 'لا توجد جهة عمل بهذا المعرّف.', en: 'There is no employer with this id.', fr: "Aucun employeur n'a cet identifiant." },
  },
  VACANCY_NOT_FOUND: {
    title: { ar: 'الوظيفة غير موجودة', en: 'Vacancy not found', fr: 'Offre introuvable' },
    detail: {
      ar: 'لا توجد وظيفة شاغرة بهذا المعرّف، أو أنها غير منشورة.',
      en: 'There is no vacancy with this id, or it is not published.',
      fr: "Aucune offre d'emploi n'a cet identifiant, ou elle n'est pas publiée.",
    },
  },
  APPLICATION_NOT_FOUND: {
    title: { ar: 'الطلب غير موجود', en: 'Application not found', fr: 'Candidature introuvable' },
    detail: { ar: 'لا يوجد طلب توظيف بهذا المعرّف.', en: 'There is no application with this id.', fr: "Aucune candidature n'a cet identifiant." },
  },
  PROFILE_NOT_FOUND: {
    title: { ar: 'الملف غير موجود', en: 'Profile not found', fr: 'Profil introuvable' },
    detail: {
      ar: 'لم تُنشئ ملفك المهني بعد.',
      en: 'You have not created your job-seeker profile yet.',
      fr: "Vous n'avez pas encore créé votre profil de demandeur d'emploi.",
    },
  },
  PROFILE_REQUIRED: {
    title: { ar: 'الملف المهني مطلوب', en: 'Profile required', fr: 'Profil requis' },
    detail: {
      ar: 'أنشئ ملفك المهني قبل التقدم إلى الوظائف.',
      en: 'Create your job-seeker profile before applying.',
      fr: 'Créez votre profil de demandeur d’emploi avant de postuler.',
    },
  },
  ALREADY_APPLIED: {
    title: { ar: 'تقدّمت سابقًا', en: 'Already applied', fr: 'Déjà candidat' },
    detail: {
      ar: 'لقد تقدّمت إلى هذه الوظيفة من قبل.',
      en: 'You have already applied to this vacancy.',
      fr: 'Vous avez déjà postulé à cette offre.',
    },
  },
  VACANCY_NOT_OPEN: {
    title: { ar: 'الوظيفة غير متاحة', en: 'Vacancy not open', fr: 'Offre non ouverte' },
    detail: {
      ar: 'لا يمكن تنفيذ هذا الإجراء لأن حالة الوظيفة «{status}».',
      en: 'This cannot be done while the vacancy is {status}.',
      fr: "Cette action est impossible tant que l'offre est à l'état « {status} ».",
    },
  },
  NOT_ELIGIBLE: {
    title: { ar: 'غير مؤهل', en: 'Not eligible', fr: 'Non admissible' },
    detail: {
      ar: 'هذه الوظيفة غير متاحة لحاملي جنسية {nationality}.',
      en: 'This vacancy is not open to nationals of {nationality}.',
      fr: "Cette offre n'est pas ouverte aux ressortissants de {nationality}.",
    },
  },
  INVALID_TRANSITION: {
    title: { ar: 'تغيير حالة غير مسموح', en: 'Status change not allowed', fr: 'Changement de statut impossible' },
    detail: {
      ar: 'لا يمكن الانتقال من «{from}» إلى «{to}».',
      en: 'An application cannot go from {from} to {to}.',
      fr: 'Une candidature ne peut pas passer de « {from} » à « {to} ».',
    },
  },
  CONFLICT: {
    title: { ar: 'تعارض', en: 'Conflict', fr: 'Conflit' },
    detail: {
      ar: 'يتعارض هذا الطلب مع الحالة الحالية للمورد.',
      en: 'This request conflicts with the current state of the resource.',
      fr: "Cette requête est en conflit avec l'état actuel de la ressource.",
    },
  },
  PROGRAMME_NOT_FOUND: {
    title: { ar: 'البرنامج غير موجود', en: 'Programme not found', fr: 'Programme introuvable' },
    detail: { ar: 'لا يوجد برنامج بهذا الرمز.', en: 'There is no programme with this code.', fr: "Aucun programme ne porte ce code." },
  },
  PROGRAMME_EXISTS: {
    title: { ar: 'البرنامج موجود', en: 'Programme exists', fr: 'Programme existant' },
    detail: { ar: 'يوجد برنامج بهذا الرمز من قبل.', en: 'A programme with this code already exists.', fr: 'Un programme portant ce code existe déjà.' },
  },
  ACTIVITY_NOT_FOUND: {
    title: { ar: 'النشاط غير موجود', en: 'Activity not found', fr: 'Activité introuvable' },
    detail: { ar: 'لا يوجد نشاط بهذا المعرّف.', en: 'There is no activity with this id.', fr: "Aucune activité ne porte cet identifiant." },
  },
  ACTIVITY_NOT_OPEN: {
    title: { ar: 'النشاط غير مفتوح', en: 'Activity not open', fr: 'Activité non ouverte' },
    detail: {
      ar: 'لا يمكن تنفيذ هذا الإجراء لأن حالة النشاط «{status}».',
      en: 'This cannot be done while the activity is {status}.',
      fr: "Cette action est impossible tant que l'activité est à l'état « {status} ».",
    },
  },
  EXPERT_NOT_FOUND: {
    title: { ar: 'الخبير غير موجود', en: 'Expert not found', fr: 'Expert introuvable' },
    detail: { ar: 'لا يوجد خبير بهذا المعرّف في السجل.', en: 'There is no expert with this id in the registry.', fr: "Aucun expert ne porte cet identifiant dans le registre." },
  },
  EXPERT_EMAIL_TAKEN: {
    title: { ar: 'الخبير مسجَّل', en: 'Expert already registered', fr: 'Expert déjà enregistré' },
    detail: {
      ar: 'يوجد خبير بهذا البريد الإلكتروني في السجل من قبل.',
      en: 'An expert with this e-mail address is already in the registry.',
      fr: 'Un expert avec cette adresse e-mail figure déjà dans le registre.',
    },
  },
  ENROLLMENT_NOT_FOUND: {
    title: { ar: 'التسجيل غير موجود', en: 'Enrolment not found', fr: 'Inscription introuvable' },
    detail: { ar: 'لا يوجد تسجيل بهذا المعرّف.', en: 'There is no enrolment with this id.', fr: "Aucune inscription ne porte cet identifiant." },
  },
  ALREADY_ENROLLED: {
    title: { ar: 'مسجَّل من قبل', en: 'Already enrolled', fr: 'Déjà inscrit' },
    detail: {
      ar: 'هذا الخبير مسجَّل أو مرشَّح في هذا النشاط من قبل.',
      en: 'This expert is already enrolled in or nominated for this activity.',
      fr: 'Cet expert est déjà inscrit ou proposé pour cette activité.',
    },
  },
  IDEMPOTENCY_KEY_REUSED: {
    title: { ar: 'مفتاح عدم التكرار مستعمل', en: 'Idempotency key reused', fr: "Clé d'idempotence réutilisée" },
    detail: {
      ar: 'استُعمل مفتاح Idempotency-Key هذا لطلب مختلف.',
      en: 'This Idempotency-Key was used for a different request.',
      fr: 'Cette Idempotency-Key a servi pour une autre requête.',
    },
  },
  CERTIFICATE_NOT_FOUND: {
    title: { ar: 'الشهادة غير موجودة', en: 'Certificate not found', fr: 'Certificat introuvable' },
    detail: { ar: 'لا توجد شهادة بهذا الرقم.', en: 'There is no certificate with this number.', fr: 'Aucun certificat ne porte ce numéro.' },
  },
  NOT_COMPLETED: {
    title: { ar: 'لم يكتمل', en: 'Not completed', fr: 'Non achevé' },
    detail: {
      ar: 'لا تُصدر الشهادة إلا لمشارك مؤكَّد أتمّ النشاط.',
      en: 'A certificate is issued only to a confirmed enrolment that completed the activity.',
      fr: "Un certificat n'est délivré qu'à une inscription confirmée ayant achevé l'activité.",
    },
  },
  INVALID_ACTIVITY_TRANSITION: {
    title: { ar: 'تغيير حالة غير مسموح', en: 'Status change not allowed', fr: 'Changement de statut impossible' },
    detail: {
      ar: 'لا يمكن نقل النشاط من «{from}» إلى «{to}».',
      en: 'An activity cannot go from {from} to {to}.',
      fr: "Une activité ne peut pas passer de « {from} » à « {to} ».",
    },
  },
  ENROLLMENT_NOT_ACTIVE: {
    title: { ar: 'التسجيل غير نشط', en: 'Enrolment not active', fr: 'Inscription inactive' },
    detail: {
      ar: 'لا يمكن تنفيذ هذا الإجراء لأن حالة التسجيل «{status}».',
      en: 'This cannot be done while the enrolment is {status}.',
      fr: "Cette action est impossible tant que l'inscription est à l'état « {status} ».",
    },
  },
  SERVICE_UNAVAILABLE: {
    title: { ar: 'الخدمة غير متاحة', en: 'Service unavailable', fr: 'Service indisponible' },
    detail: {
      ar: 'الخدمة المطلوبة غير متاحة حاليًا. أعد المحاولة بعد قليل.',
      en: 'The service needed for this request is not available right now. Try again shortly.',
      fr: 'Le service nécessaire à cette requête est momentanément indisponible. Réessayez dans un instant.',
    },
  },
  UPSTREAM_TIMEOUT: {
    title: { ar: 'انتهت مهلة الخدمة', en: 'Service timed out', fr: "Délai d'attente dépassé" },
    detail: {
      ar: 'لم تستجب الخدمة في الوقت المحدد. أعد المحاولة بعد قليل.',
      en: 'The service did not answer in time. Try again shortly.',
      fr: "Le service n'a pas répondu à temps. Réessayez dans un instant.",
    },
  },
  INTERNAL: {
    title: { ar: 'خطأ داخلي', en: 'Internal error', fr: 'Erreur interne' },
    detail: {
      ar: 'حدث خطأ غير متوقع. أُبلغ الفريق التقني؛ رقم المرجع {requestId}.',
      en: 'Something unexpected went wrong. The technical team has been alerted; reference {requestId}.',
      fr: "Une erreur inattendue s'est produite. L'équipe technique a été alertée ; référence {requestId}.",
    },
  },
};
