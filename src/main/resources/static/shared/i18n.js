// @ts-check
// Every text the widget and the console show, so they can be translated in one place.
// A value is a string with {placeholders}, or {one, other} forms chosen by the `count` parameter.

const en = {
  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'error.generic': 'Something went wrong. Please try again.',
  'error.network': 'Cannot reach the server. Check your connection and try again.',
  'error.invalid': 'Some fields need your attention.',

  // Field errors by the server's code (problem detail `errors[].code`), optionally per field: `field.{name}.{code}`.
  'field.required': 'Please fill in this field.',
  'field.too_long': 'Please use at most {max} characters.',
  'field.too_short': 'Please use at least {min} characters.',
  'field.email': 'Please enter an email address like name@example.com.',
  'field.format': 'Please check the format of this field.',
  'field.phone.format': 'Please enter a phone number like +49 30 1234567.',
  'field.out_of_range': 'Please choose a value from {min} to {max}.',
  'field.invalid': 'Please check this field.',
  'field.consent.required': 'Please agree, so that we may use your details to answer you.',

  'connection.idle': 'Starting…',
  'connection.connecting': 'Connecting…',
  'connection.live': 'Live',
  'connection.reconnecting': 'Reconnecting…',
  'connection.closed': 'Disconnected',

  'status.WAITING': 'Waiting',
  'status.MESSAGE': 'Message',
  'status.ACTIVE': 'Active',
  'status.ENDED': 'Ended',

  'widget.documentTitle': 'Chat with {merchant}',
  'widget.close': 'Close',
  'widget.myConversations': 'My conversations',
  'widget.privacyPolicy': 'Privacy policy',
  'widget.unreadTitle': { one: '({count}) New message · {title}', other: '({count}) New messages · {title}' },
  'widget.soundOn': 'Sound for new messages',
  'widget.videoSmaller': 'Smaller video',
  'widget.videoLarger': 'Larger video',
  'widget.pictureInPicture': 'Picture in picture',

  'start.title': 'Talk to an expert',
  'start.titleOffline': 'Leave a message',
  'start.intro': 'Get live advice from an expert at {merchant}.',
  'start.noExpertTitle': 'No expert is online right now.',
  'start.noExpertText': 'Leave a message and an expert will answer here. Come back later to read the reply.',
  'start.messageLabel': 'Your message',
  'start.startDialog': 'Start live consultation',
  'start.starting': 'Starting…',
  'start.sendMessage': 'Send message',
  'start.sending': 'Sending…',

  'start.textOnly': 'Text only (no video)',

  'form.screenName': 'Your screen name',
  'form.screenNameHint': 'The expert sees this name.',
  'form.name': 'Full name',
  'form.email': 'Email',
  'form.phone': 'Phone',
  'form.consent': 'I agree that {merchant} processes my personal data to answer my request.',

  'list.title': 'My conversations',
  'list.new': 'New conversation',
  'list.empty': 'No conversations yet.',
  'list.noExpert': 'No expert yet',
  'list.forget': 'Forget this browser',
  'list.forgetHint': 'On a shared device? Forget this browser: it stops opening your conversations here.',

  'conversation.label': 'Conversation',
  'conversation.logLabel': 'Messages',
  'conversation.waiting': 'Waiting for an expert…',
  'conversation.queuePosition': 'You are number {position} in line',
  'conversation.queueNoExperts': 'No expert is available at the moment. Stay here, or come back later.',
  'conversation.typeWhileWaiting': 'You can already type your question.',
  'conversation.yourExpert': 'Your expert',
  'conversation.messageSent': 'Thank you, your message was sent. An expert will answer here; come back later to read the reply.',
  'conversation.ended': 'This conversation has ended.',
  'conversation.end': 'End',
  'conversation.cancel': 'Cancel request',
  'conversation.confirmEnd': 'End this conversation?',
  'conversation.confirmCancel': 'Cancel your request?',
  'conversation.confirmYes': 'Yes, end it',
  'conversation.confirmNo': 'Keep it',
  'conversation.typing': '{name} is typing…',

  'conversation.leave': 'Leave',
  'conversation.rejoin': 'Join again',
  'conversation.left': 'You left this stream. You can join again while it is open.',
  'conversation.textOnly': 'Text only',
  'conversation.guestOf': 'Shopping with {name}',

  'media.state.connecting': 'Connecting…',
  'media.state.live': 'Live',
  'media.state.reconnecting': 'Reconnecting…',
  'media.state.poor': 'Poor connection',
  'media.waitingForExpert': 'Waiting for the expert’s video…',
  'media.cameraOff': '{name} turned the camera off',
  'media.expertElsewhere': '{name} is helping another customer, back in a moment. The chat stays open.',
  'media.expertVideo': 'Video of {name}',
  'media.selfPreview': 'Your camera',
  'media.mic': 'Microphone',
  'media.camera': 'Camera',
  'media.switchCamera': 'Switch camera',
  'media.playSound': 'Tap to play sound',
  'media.micFailed': 'The microphone could not be started: {reason}',
  'media.cameraFailed': 'The camera could not be started: {reason}',
  'media.micOn': 'microphone on',
  'media.micOff': 'microphone off',
  'media.speaking': 'speaking',
  'media.you': '{name} (you)',
  'media.participants': 'Participants',
  'media.stage': 'Live video',
  'media.controls': 'Video controls',

  'invite.open': 'Invite someone to shop with you',
  'invite.title': 'Shop together',
  'invite.intro': 'Anyone with this link can join this live consultation, up to {max} customers in all.',
  'invite.none': 'No link yet. Creating a new link stops the previous one.',
  'invite.linkLabel': 'Invite link',
  'invite.create': 'Create link',
  'invite.new': 'New link',
  'invite.copy': 'Copy',
  'invite.share': 'Share',
  'invite.revoke': 'Revoke',
  'invite.close': 'Close',
  'invite.working': 'Working…',
  'invite.copied': 'Link copied.',
  'invite.copyManually': 'Selected: press Ctrl+C (⌘C) to copy.',
  'invite.revoked': 'The link was revoked and no longer works.',
  'invite.expires': 'Valid until {time}',
  'invite.shareTitle': 'Shop with me at {merchant}',

  'join.title': 'Join a live consultation',
  'join.invitedBy': '{name} invited you to shop together at {merchant}.',
  'join.expert': 'With',
  'join.noExpert': 'An expert joins soon.',
  'join.count': '{count} of {max} customers are in.',
  'join.ready': 'Ready',
  'join.joining': 'Joining…',
  'join.full': 'This stream is full: five customers are in it already.',
  'join.invalid': 'This invitation no longer works: the link was revoked or has expired, or the consultation has ended.',
  'join.checkAgain': 'Check again',

  'guestEnd.title': 'This live consultation has ended',
  'guestEnd.thanks': 'Thank you for shopping together with {name}',
  'guestEnd.visit': 'Continue shopping at {merchant}',

  'report.open': 'Report a problem',
  'report.title': 'Report a problem',
  'report.label': 'What went wrong?',
  'report.hint': 'Technical details (browser, connection states, recent errors) are sent along to help us.',
  'report.submit': 'Send report',
  'report.sending': 'Sending…',
  'report.cancel': 'Cancel',
  'report.thanks': 'Thank you. Your report was sent.',

  // Why the server refused a chat message (socket `error` frames by code); the text goes back into the composer.
  'refusal.invalid': 'This message could not be sent. Please check it and send it again.',
  'refusal.rate_limited': 'You are sending very fast. Please wait a moment and send again.',
  'refusal.ended': 'This conversation has ended, so your message was not sent.',
  'refusal.forbidden': 'You cannot write in this conversation.',

  'chat.label': 'Your message',
  'chat.placeholder': 'Type a message…',
  'chat.send': 'Send',
  'chat.counter': '{count} / {max} characters',

  'rating.title': 'How was your consultation?',
  'rating.label': 'Rating',
  'rating.star': { one: '{count} star', other: '{count} stars' },
  'rating.comment': 'Comment (optional)',
  'rating.submit': 'Send rating',
  'rating.sending': 'Sending…',
  'rating.thanks': 'Thank you for your feedback!',
  'rating.given': 'You rated this conversation {score} of 5.',

  'event.REQUESTED': '{name} asked for a live consultation',
  'event.MESSAGE_LEFT': '{name} left a message',
  'event.ACCEPTED': '{name} accepted the request',
  'event.JOINED': '{name} joined',
  'event.LEFT': '{name} left',
  'event.ENDED': '{name} ended the conversation',
  'event.ENDED_BY_SYSTEM': 'The conversation ended',
  'event.MODE_TEXT': '{name} switched to text only',
  'event.MODE_VIDEO': '{name} switched to video',
  'event.MODE_TEXT_BY_SYSTEM': 'Switched to text only',
  'event.MODE_VIDEO_BY_SYSTEM': 'Switched to video',
  'event.RATED': '{name} rated the conversation {score} of 5',

  'console.documentTitle': 'Console · {merchant}',
  'console.heading': 'Expert console',
  'console.skip': 'Skip to the conversation',
  'console.presence': 'Availability',
  'console.admin': 'Dashboard',
  'console.logout': 'Log out',
  'console.dialogs': 'Dialogs',
  'console.queue': 'Queue',
  'console.queueEmpty': 'Nobody is waiting.',
  'console.messages': 'Messages',
  'console.messagesEmpty': 'No messages to answer.',
  'console.active': 'Active',
  'console.activeEmpty': 'No active conversations.',
  'console.history': 'History',
  'console.historyEmpty': 'No finished conversations yet.',
  'console.pick': 'Select a conversation, or accept one from the queue.',
  'console.queueCount': { one: '{count} waiting', other: '{count} waiting' },
  'console.queueAnnounce': { one: '{count} customer in the queue', other: '{count} customers in the queue' },
  'console.waitingFor': 'waiting {time}',
  'console.offerExpires': 'offer ends in {time}',
  'console.offeredToColleague': 'Offered to a colleague',
  'console.accept': 'Accept',
  'console.answer': 'Answer',
  'console.accepting': 'Accepting…',
  'console.unread': 'New',
  'console.unreadCount': { one: '{count} unread message', other: '{count} unread messages' },
  'console.notifications': 'Desktop notifications',
  'console.notificationsBlocked': 'Notifications are blocked for this site in the browser settings.',
  'console.sound': 'Sound',
  'console.notifyMessage': 'New message from {name}',
  'console.notifyRequest': 'A customer is waiting',
  'console.end': 'End conversation',
  'console.confirmEnd': 'End this conversation for everyone?',
  'console.started': 'started',
  'console.summary': 'Summary',
  'console.rating': 'Rating',
  'console.notRated': 'Not rated',
  'console.rated': 'Rated {score} of 5',
  'console.ratedShort': '{score} of 5',
  'console.routingLog': 'Routing log',
  'console.contactWithheld': 'contact details on file (admins can see them)',
  'console.fromPage': 'from',

  'console.noLog': 'No routing entries.',
  'console.sessionEnded': 'Your session has ended.',
  'console.signInAgain': 'Sign in again',

  'presence.ONLINE': 'Online',
  'presence.AWAY': 'Away',
  'presence.OFFLINE': 'Offline',

  'log.CREATED': 'Created',
  'log.REQUESTED': 'Requested',
  'log.OFFERED': 'Offered',
  'log.MISSED': 'Missed',
  'log.WITHDRAWN': 'Withdrawn',
  'log.ACCEPTED': 'Accepted',
  'log.ENDED': 'Ended',
  'log.RATED': 'Rated',
  'log.MESSAGE_LEFT': 'Message left',
  'log.INVITED': 'Invite link',
  'log.JOINED': 'Joined',
  'log.LEFT': 'Left',
  'log.MODE': 'Mode changed',
  'log.REQUEUED': 'Back in the queue',
  'log.reason.REQUESTED': 'Requested',
  'log.reason.REQUESTED_FROM_EXPERT': 'Requested from the button of a specific expert',
  'log.reason.REQUESTED_FOR_STORE': 'Requested for the store {subject}',
  'log.reason.REQUESTED_PREVIOUS_EXPERT': 'Requested; the previous expert first',
  'log.reason.MESSAGE_LEFT': 'Left a message while no expert was online',
  'log.reason.OFFERED': 'Offered to {subject}',
  'log.reason.MISSED': '{subject} let the offer run out',
  'log.reason.EXPERT_OFFLINE': 'Withdrawn: {subject} is no longer online',
  'log.reason.ACCEPTED': 'Accepted by {subject}',
  'log.reason.INVITE_CREATED': 'The Host created an invite link',
  'log.reason.INVITE_REVOKED': 'The Host revoked the invite link',
  'log.reason.JOINED': '{subject} joined through the invite link',
  'log.reason.JOINED_AGAIN': '{subject} joined again',
  'log.reason.LEFT': '{subject} left',
  'log.reason.CONNECTION_LOST': '{subject} lost the connection and left',
  'log.reason.TEXT_ONLY': '{subject} switched to text only',
  'log.reason.VIDEO': '{subject} switched to video',
  'log.reason.EXPERT_GONE_REQUEUED': '{subject} had no open console for a while; back in the queue for another expert',
  'log.reason.ENDED_BY': 'Ended by {subject}',
  'log.reason.ENDED_BY_ADMIN': 'Ended by an admin',
  'log.reason.CUSTOMERS_GONE': 'Ended on its own: no customer was connected for {subject} seconds',
  'log.reason.EXPERT_GONE_ENDED': 'Ended on its own: {subject} had no open console for a while',
  'log.reason.RATED': 'Rated {subject} of 5',

  'settings.fallbackLabel': 'Time for the first choice before the whole team (seconds)',
  'settings.fallbackHint': 'A request from a button for one expert or store, or from a returning shopper, goes only to that first choice for this long.',
  'settings.offerTime': 'Each offer lasts {seconds} seconds; an expert who does not accept in time passes it on to the next one.',
  'settings.abandonedLabel': 'When an expert\'s consoles are all closed',
  'settings.abandoned.REQUEUE': 'their conversations go to another expert',
  'settings.abandoned.END': 'their conversations end',

  'forbidden.adminOnlyTitle': 'Only admins can open the dashboard.',
  'forbidden.adminOnlyText': 'Your account is an expert\'s account. Ask an admin of your team if you need the dashboard.',
  'forbidden.toConsole': 'Go to the console',

  'role.ADMIN': 'Admin',
  'role.HOST': 'Host',
  'role.GUEST': 'Guest',
  'role.EXPERT': 'Expert',

  'admin.copied': 'Copied.',
  'admin.copyManually': 'Selected: press Ctrl+C (⌘C) to copy.',
  'admin.saving': 'Saving…',
  'admin.saved': 'Settings saved.',
  'admin.adding': 'Adding…',
  'admin.memberAdded': '{name} was added to the team.',
  'admin.view': 'View',
  'admin.transcript': 'Transcript',
  'admin.noMessages': 'No events.',
  'admin.reportsEmpty': 'No problem reports.',
  'admin.reportDialog': 'Open dialog',
  'admin.reportNoText': '(no description)',
  'admin.reportSocket': 'socket {state}',
  'admin.reportPeers': { one: '{count} connection: {states}', other: '{count} connections: {states}' },
  'admin.reportNoPeers': 'no media connections',
  'admin.reportErrors': { one: '{count} recent error', other: '{count} recent errors' },
  'admin.reportLastError': 'last: {message}',
};

const dictionary = en;
const plurals = new Intl.PluralRules('en');

export function hasTranslation(key) {
  return Object.hasOwn(dictionary, key);
}

/** The text for `key` with {placeholders} filled from `params`; unknown keys come back as the key. */
export function t(key, params = {}) {
  let text = dictionary[key] ?? key;
  if (typeof text === 'object') text = text[plurals.select(Number(params.count ?? 0))] ?? text.other;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/**
 * Fills `data-i18n` (text), `data-i18n-aria-label`, `data-i18n-placeholder` and `data-i18n-title` under `root`.
 * @param {ParentNode} root
 */
export function translatePage(root = document) {
  const marked = (/** @type {string} */ selector) => /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll(selector));
  for (const el of marked('[data-i18n]')) el.textContent = t(el.dataset.i18n ?? '');
  for (const [attribute, data] of [['aria-label', 'i18nAriaLabel'], ['placeholder', 'i18nPlaceholder'], ['title', 'i18nTitle']]) {
    for (const el of marked(`[data-i18n-${attribute}]`)) el.setAttribute(attribute, t(el.dataset[data] ?? ''));
  }
}

/** A timeline event as a short sentence, for system notices in the chat. */
export function describeEvent(event) {
  const name = event.author?.name ?? '';
  if (event.kind === 'ENDED' && !event.author) return t('event.ENDED_BY_SYSTEM');
  if (event.kind === 'MODE') return t(`event.MODE_${event.text === 'TEXT' ? 'TEXT' : 'VIDEO'}${event.author ? '' : '_BY_SYSTEM'}`, { name });
  return t(`event.${event.kind}`, { name, score: event.text ?? '' });
}
