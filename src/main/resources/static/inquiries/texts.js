// @ts-check
// The request page's and the Requests dashboard page's texts in English and German. The shared dictionary
// (shared/i18n.js) holds English only; these pages pick German when the browser prefers it.
import { t as sharedT } from '/shared/i18n.js';

const en = {
  'request.title': 'Contact {merchant}',
  'request.tabs': 'What would you like?',
  'request.kind.appointment': 'Request an appointment',
  'request.kind.email': 'Send a message',
  'request.kind.video': 'Request a video chat',
  'request.intro.appointment': 'Pick a date and a time. {merchant} confirms it by email.',
  'request.intro.email': 'Write a short message. {merchant} answers by email.',
  'request.intro.video': 'Pick a time for a video chat. {merchant} confirms a time by email, with a calendar invitation.',
  'request.name': 'Name',
  'request.email': 'Email',
  'request.phone': 'Phone (optional)',
  'request.company': 'Company (optional)',
  'request.date': 'Date',
  'request.time': 'Time',
  'request.yourZone': 'In your time zone ({zone})',
  'request.brandTime': 'That is {time} on {day} for {merchant} ({zone}).',
  'request.message': 'Message',
  'request.messageOptional': 'Message (optional)',
  'request.left': '{count} characters left',
  'request.website': 'Leave this field empty',
  'request.submit': 'Send request',
  'request.sending': 'Sending…',
  'request.doneTitle': 'Thank you',
  'request.done.appointment': 'Your request for {day} at {time} has been sent. You will get an email when {merchant} has answered.',
  'request.done.video': 'Your video chat request for {day} at {time} has been sent. You will get an email when {merchant} has answered.',
  'request.done.email': 'Your message has been sent. {merchant} will answer you by email.',
  'request.another': 'Send another request',
  'request.close': 'Close',
  'request.pickTime': 'Please pick a date and a time.',
  'request.rateLimited': 'Too many requests from your address. Please try again later.',
  'requests.title': 'Requests',
  'requests.filter': 'Show',
  'requests.open': 'Open',
  'requests.all': 'All',
  'requests.none': 'No requests.',
  'requests.kind.APPOINTMENT': 'Appointment request',
  'requests.kind.EMAIL': 'Message',
  'requests.kind.VIDEO': 'Video chat request',
  'requests.status.OPEN': 'Open',
  'requests.status.CONFIRMED': 'Confirmed',
  'requests.status.DECLINED': 'Declined',
  'requests.status.HANDLED': 'Handled',
  'requests.requested': 'Requested: {when}',
  'requests.theirs': '{when} for the requester ({zone})',
  'requests.confirmed': 'Booked: {when}',
  'requests.expert': 'Expert',
  'requests.start': 'Time (your time zone)',
  'requests.confirm': 'Confirm',
  'requests.decline': 'Decline',
  'requests.reason': 'Reason (optional, sent to the requester)',
  'requests.handled': 'Mark handled',
  'requests.reply': 'Reply by email',
  'requests.noExperts': 'No expert has a handle to book. Add one in the team first.',
  'requests.freeTimes': 'Free times of this expert near the requested one:',
  'requests.settings': 'Request page',
  'requests.enabled': 'Take requests on the public request page',
  'requests.account': 'Requests are emailed to',
  'requests.zone': "The brand's time zone",
  'requests.save': 'Save',
  'requests.saved': 'Saved.',
  'requests.page': 'Public page: {url}',
  'requests.buttons': 'On your own site: <button data-vitrine="request-appointment">, "email" or "video-request" next to the embed script.',
};

/** @type {typeof en} */
const de = {
  'request.title': '{merchant} kontaktieren',
  'request.tabs': 'Was möchten Sie?',
  'request.kind.appointment': 'Termin anfragen',
  'request.kind.email': 'Nachricht senden',
  'request.kind.video': 'Videochat anfragen',
  'request.intro.appointment': 'Wählen Sie Datum und Uhrzeit. {merchant} bestätigt per E-Mail.',
  'request.intro.email': 'Schreiben Sie eine kurze Nachricht. {merchant} antwortet per E-Mail.',
  'request.intro.video': 'Wählen Sie eine Zeit für einen Videochat. {merchant} bestätigt per E-Mail mit Kalendereinladung.',
  'request.name': 'Name',
  'request.email': 'E-Mail',
  'request.phone': 'Telefon (optional)',
  'request.company': 'Firma (optional)',
  'request.date': 'Datum',
  'request.time': 'Uhrzeit',
  'request.yourZone': 'In Ihrer Zeitzone ({zone})',
  'request.brandTime': 'Das ist {time} am {day} für {merchant} ({zone}).',
  'request.message': 'Nachricht',
  'request.messageOptional': 'Nachricht (optional)',
  'request.left': 'Noch {count} Zeichen',
  'request.website': 'Dieses Feld leer lassen',
  'request.submit': 'Anfrage senden',
  'request.sending': 'Wird gesendet…',
  'request.doneTitle': 'Vielen Dank',
  'request.done.appointment': 'Ihre Anfrage für {day} um {time} wurde gesendet. Sie erhalten eine E-Mail, sobald {merchant} geantwortet hat.',
  'request.done.video': 'Ihre Videochat-Anfrage für {day} um {time} wurde gesendet. Sie erhalten eine E-Mail, sobald {merchant} geantwortet hat.',
  'request.done.email': 'Ihre Nachricht wurde gesendet. {merchant} antwortet Ihnen per E-Mail.',
  'request.another': 'Weitere Anfrage senden',
  'request.close': 'Schließen',
  'request.pickTime': 'Bitte wählen Sie Datum und Uhrzeit.',
  'request.rateLimited': 'Zu viele Anfragen von Ihrer Adresse. Bitte versuchen Sie es später noch einmal.',
  'requests.title': 'Anfragen',
  'requests.filter': 'Anzeigen',
  'requests.open': 'Offen',
  'requests.all': 'Alle',
  'requests.none': 'Keine Anfragen.',
  'requests.kind.APPOINTMENT': 'Terminanfrage',
  'requests.kind.EMAIL': 'Nachricht',
  'requests.kind.VIDEO': 'Videochat-Anfrage',
  'requests.status.OPEN': 'Offen',
  'requests.status.CONFIRMED': 'Bestätigt',
  'requests.status.DECLINED': 'Abgelehnt',
  'requests.status.HANDLED': 'Erledigt',
  'requests.requested': 'Gewünscht: {when}',
  'requests.theirs': '{when} für die anfragende Person ({zone})',
  'requests.confirmed': 'Gebucht: {when}',
  'requests.expert': 'Expertin oder Experte',
  'requests.start': 'Zeit (Ihre Zeitzone)',
  'requests.confirm': 'Bestätigen',
  'requests.decline': 'Ablehnen',
  'requests.reason': 'Grund (optional, wird mitgesendet)',
  'requests.handled': 'Als erledigt markieren',
  'requests.reply': 'Per E-Mail antworten',
  'requests.noExperts': 'Niemand im Team hat ein Kürzel zum Buchen. Legen Sie zuerst eines an.',
  'requests.freeTimes': 'Freie Zeiten dieser Person nahe der gewünschten:',
  'requests.settings': 'Anfrageseite',
  'requests.enabled': 'Anfragen über die öffentliche Anfrageseite annehmen',
  'requests.account': 'Anfragen gehen per E-Mail an',
  'requests.zone': 'Zeitzone der Marke',
  'requests.save': 'Speichern',
  'requests.saved': 'Gespeichert.',
  'requests.page': 'Öffentliche Seite: {url}',
  'requests.buttons': 'Auf Ihrer eigenen Website: <button data-vitrine="request-appointment">, "email" oder "video-request" neben dem Embed-Skript.',
};

const language = (navigator.languages ?? [navigator.language]).find((l) => /^(en|de)\b/i.test(l ?? ''))?.slice(0, 2).toLowerCase();
export const lang = language === 'de' ? 'de' : 'en';
const dictionary = lang === 'de' ? de : en;

/** The text for `key` with {placeholders} filled; keys of the shared dictionary (errors, fields) fall back to it. */
export function t(key, params = {}) {
  if (!Object.hasOwn(dictionary, key)) return sharedT(key, params);
  return dictionary[key].replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** Fills `data-i18n` (text) and `data-i18n-aria-label` under `root` from this dictionary. */
export function translate(root = document) {
  document.documentElement.lang = lang;
  for (const el of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll('[data-i18n]'))) el.textContent = t(el.dataset.i18n ?? '');
  for (const el of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll('[data-i18n-aria-label]'))) {
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel ?? ''));
  }
}
