// Live video building blocks shared by the widget and the console: the media session of one dialog,
// the participant list with speaking indicators, the connection pill and the "report a problem" form.
import { t } from './i18n.js';
import { avatarElement } from './avatar.js';
import { h, icon, setBusy, errorText } from './ui.js';
import { LocalMedia, Mesh, SpeakingDetector, playWithSound } from './media.js';
import { problemContext, recordError } from './diagnostics.js';

export const MEDIA_ICONS = {
  mic: 'M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3zM5 11a7 7 0 0 0 14 0M12 18v3',
  micOff: 'M4 4l16 16M9 9v3a3 3 0 0 0 5.1 2.1M15 9.3V6a3 3 0 0 0-5.7-1.3M5 11a7 7 0 0 0 11.5 5.4M19 11a7 7 0 0 1-.6 2.8M12 18v3',
  camera: 'M3 7h12v10H3zM15 10l6-3v10l-6-3',
  switchCamera: 'M4 7h3l2-2h6l2 2h3v12H4zM9 13a3 3 0 0 1 5.2-2M15 13a3 3 0 0 1-5.2 2M14 9v2h-2M10 17v-2h2',
  text: 'M4 5h16v11H9l-5 4z',
  person: 'M12 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0M19 8v6M16 11h6',
  flag: 'M5 21V4M5 4h11l-2 4 2 4H5',
  sound: 'M4 9h4l5-4v14l-5-4H4zM16 9a4 4 0 0 1 0 6M19 6a8 8 0 0 1 0 12',
};

/**
 * Error codes of media frames that are no fault worth reporting: a race with the stream's state. `peer_left`: the
 * addressed peer left (a `peers` frame follows); `not_in_stream`: the server does not count this connection in the
 * stream (the mesh enters it again); `not_live`, `text_only`: the dialog ended or turned text only.
 */
export const MEDIA_ERRORS = new Set(['peer_left', 'not_in_stream', 'not_live', 'text_only']);

/** When a call's connections take longer than this to come up, who is speaking is followed anyway. */
const SPEAKING_AT_THE_LATEST_MS = 10000;

/** True when a dialog is a live video stream right now. */
export function isLiveVideo(dialog) {
  return dialog?.status === 'ACTIVE' && (dialog.mode ?? 'VIDEO') === 'VIDEO';
}

export function can(you, permission) {
  return Array.isArray(you?.permissions) && you.permissions.includes(permission);
}

// ---------------------------------------------------------------- the media session of one dialog

/**
 * Camera/microphone, the mesh and the speaking detector of one dialog, fed by the socket's media frames.
 * `onChange()` is called when anything visible changed; `onSpeaking(id, speaking)` when someone starts or stops.
 */
export class LiveSession {
  #unsubscribe = [];
  #watchLocal;
  #remoteAudio = new Map();
  #soundBlocked = false;
  #listenTimer;

  constructor({ dialogId, socket, local = new LocalMedia(), onChange = () => {}, onSpeaking = () => {}, onSoundBlocked = () => {} }) {
    this.dialogId = dialogId;
    this.socket = socket;
    this.local = local;
    this.onChange = onChange;
    this.onSoundBlocked = onSoundBlocked;
    this.audioBox = h('div', { class: 'remote-audio-box', hidden: true });
    // Who is speaking is followed once every connection is up, or a few seconds after the session began at the latest.
    this.speaking = new SpeakingDetector((id, speaking) => onSpeaking(id, speaking), { paused: true });
    this.#listenTimer = setTimeout(() => this.speaking.listen(), SPEAKING_AT_THE_LATEST_MS);
    this.mesh = new Mesh({ dialogId, socket, local, onChange: () => this.#changed() });
    this.#watchLocal = () => this.#changed();
    local.addEventListener('state', this.#watchLocal);
    const mine = (fn) => (frame) => frame.dialogId === dialogId && fn(frame);
    this.#unsubscribe.push(
      socket.on('stream', mine((frame) => this.mesh.start(frame))),
      socket.on('peers', mine((frame) => this.mesh.setPeers(frame.peers ?? [], frame.elsewhere ?? []))),
      socket.on('signal', mine((frame) => this.mesh.signal(frame))),
      socket.on('media', mine((frame) => this.mesh.media(frame))),
      socket.on('error', mine((frame) => {
        // The server took this connection out of the stream (or has not taken it in yet): in again, as the same peer.
        if (frame.code === 'not_in_stream') this.mesh.enterAgain();
        // A peer that left or a stream that ended while signalling is expected, not a fault worth reporting.
        if (!MEDIA_ERRORS.has(frame.code)) recordError(`${frame.code}: ${frame.message ?? ''}`);
      })),
    );
  }

  /** Enters the stream (again): after every `subscribed` frame and when the dialog turns live. */
  join() {
    this.mesh.join();
  }

  get state() {
    return this.mesh.state;
  }

  micOf(id) {
    if (id && id === this.mesh.participantId) return this.local.micOn;
    return this.mesh.remoteMedia.get(id)?.mic ?? false;
  }

  cameraOf(id) {
    return this.mesh.remoteMedia.get(id)?.camera ?? true;
  }

  /** The stream received from participant `id` (null while not connected); the one with video if they have several. */
  streamOf(id) {
    const peers = this.mesh.peersOf(id);
    return (peers.find((peer) => peer.stream.getVideoTracks().length) ?? peers[0])?.stream ?? null;
  }

  /** True while participant `id` (the expert) is on camera in another of their dialogs, not in this one. */
  isElsewhere(id) {
    return this.mesh.elsewhere.has(id) && this.mesh.peersOf(id).length === 0;
  }

  /**
   * Plays everyone's sound except participant `exceptId`'s (whose sound plays with their video): one hidden
   * `<audio data-testid="remote-audio">` per peer.
   */
  playAudioExcept(exceptId) {
    const wanted = [...this.mesh.peers.values()].filter((peer) => peer.participantId !== exceptId);
    for (const [id, element] of this.#remoteAudio) {
      if (!wanted.some((peer) => peer.id === id)) {
        element.srcObject = null;
        element.remove();
        this.#remoteAudio.delete(id);
      }
    }
    for (const peer of wanted) {
      let element = this.#remoteAudio.get(peer.id);
      if (!element) {
        element = h('audio', { testid: 'remote-audio', 'data-participant-id': peer.participantId, 'data-peer-id': peer.id, autoplay: true });
        this.#remoteAudio.set(peer.id, element);
        this.audioBox.append(element);
      }
      attachStream(element, peer.stream, () => this.#blocked());
    }
  }

  /** Starts every element the browser kept silent; call from a click. */
  unblockSound(extra = []) {
    this.#soundBlocked = false;
    for (const element of [...this.#remoteAudio.values(), ...extra]) {
      element.muted = false;
      element.play().catch(recordError);
    }
  }

  close() {
    for (const off of this.#unsubscribe) off();
    this.local.removeEventListener('state', this.#watchLocal);
    this.mesh.close();
    clearTimeout(this.#listenTimer);
    this.speaking.close();
    for (const element of this.#remoteAudio.values()) element.srcObject = null;
    this.audioBox.remove();
  }

  #changed() {
    if (this.mesh.participantId) this.speaking.watch(this.mesh.participantId, this.local.micOn ? this.local.audio : null);
    const heard = new Map();
    for (const peer of this.mesh.peers.values()) {
      if (!heard.get(peer.participantId)) heard.set(peer.participantId, peer.stream.getAudioTracks()[0] ?? null);
    }
    for (const [id, track] of heard) this.speaking.watch(id, track);
    if (this.mesh.state === 'live' || this.mesh.state === 'poor') this.speaking.listen();
    this.onChange();
  }

  #blocked() {
    if (this.#soundBlocked) return;
    this.#soundBlocked = true;
    this.onSoundBlocked();
  }
}

/** Points a media element at a stream, again only when its tracks changed (a rebuilt connection, a new track). */
export function attachStream(element, stream, onBlocked) {
  const signature = stream ? stream.getTracks().map((track) => track.id).sort().join(',') : '';
  if (element.dataset.tracks === signature) return;
  element.dataset.tracks = signature;
  element.srcObject = stream && signature ? stream : null;
  if (element.srcObject) playWithSound(element, onBlocked);
}

// ---------------------------------------------------------------- participants

/**
 * The participants of a dialog, each an item with `data-participant-id`, `data-speaking` and `data-mic`.
 * Speaking and microphone changes update the existing items, so they are cheap and keep focus.
 */
export class ParticipantList {
  element;
  #items = new Map();

  constructor({ testid = 'participants', className = 'participant-list' } = {}) {
    this.element = h('ul', { class: className, testid, 'aria-label': t('media.participants') });
  }

  render(participants, { selfId = null, micOf = () => false, speakingOf = () => false } = {}) {
    this.#items.clear();
    this.element.replaceChildren(...(participants ?? []).filter(Boolean).map((p) => {
      const item = participantItem(p, { self: p.participantId === selfId, mic: micOf(p.participantId), speaking: speakingOf(p.participantId) });
      this.#items.set(p.participantId, item);
      return item;
    }));
  }

  setSpeaking(id, speaking) {
    const item = this.#items.get(id);
    if (item) item.dataset.speaking = String(speaking);
  }

  setMic(id, on) {
    const item = this.#items.get(id);
    if (!item || item.dataset.mic === String(on)) return;
    item.dataset.mic = String(on);
    const state = item.querySelector('.mic-state');
    state.replaceChildren(icon(on ? MEDIA_ICONS.mic : MEDIA_ICONS.micOff));
    state.setAttribute('aria-label', on ? t('media.micOn') : t('media.micOff'));
    state.title = state.getAttribute('aria-label');
  }
}

function participantItem(avatar, { self, mic, speaking }) {
  const name = self ? t('media.you', { name: avatar.name ?? '' }) : avatar.name ?? '';
  const micLabel = mic ? t('media.micOn') : t('media.micOff');
  return h('li', {
    class: 'participant', testid: 'participant', 'data-participant-id': avatar.participantId,
    'data-role': avatar.role, 'data-speaking': String(Boolean(speaking)), 'data-mic': String(Boolean(mic)), 'data-self': self ? 'true' : null,
  },
  h('span', { class: 'participant-avatar' }, avatarElement(avatar, 32)),
  h('span', { class: 'participant-text' },
    h('span', { class: 'participant-name', text: name }),
    avatar.role ? h('span', { class: `role-badge role-badge--${String(avatar.role).toLowerCase()}`, text: t(`role.${avatar.role}`) }) : null),
  h('span', { class: 'mic-state', role: 'img', 'aria-label': micLabel, title: micLabel }, icon(mic ? MEDIA_ICONS.mic : MEDIA_ICONS.micOff)));
}

// ---------------------------------------------------------------- controls

/** The connection pill: text plus `data-state` = connecting | live | reconnecting | poor. */
export function mediaStatePill() {
  const element = h('span', { class: 'media-state', testid: 'media-state', role: 'status', 'data-state': 'connecting', text: t('media.state.connecting') });
  return {
    element,
    set(state) {
      if (element.dataset.state === state) return;
      element.dataset.state = state;
      element.textContent = t(`media.state.${state}`);
    },
  };
}

/** An on/off button with a constant label and `aria-pressed` for its state. */
export function toggleButton({ testid, label, iconPath, onToggle, className = 'toggle' }) {
  const button = h('button', { type: 'button', class: className, testid, 'aria-pressed': 'false', 'aria-label': label, title: label },
    icon(iconPath), h('span', { class: 'toggle-label', text: label }));
  button.addEventListener('click', () => onToggle(button.getAttribute('aria-pressed') !== 'true', button));
  return {
    element: button,
    set(pressed, path) {
      button.setAttribute('aria-pressed', String(Boolean(pressed)));
      if (path) button.querySelector('svg').replaceWith(icon(path));
    },
  };
}

// ---------------------------------------------------------------- report a problem

/**
 * A "report a problem" button that opens a small form; the report carries the context of the page
 * (browser, socket and peer states, recent errors). `send(body)` posts it.
 */
export function reportProblem({ send, context }) {
  const open = h('button', { type: 'button', class: 'link-button report-open', testid: 'report-problem', 'aria-expanded': 'false' },
    icon(MEDIA_ICONS.flag), t('report.open'));
  const text = h('textarea', { id: 'report-text', testid: 'report-text', rows: '3', maxlength: '2000', 'aria-describedby': 'report-hint' });
  const submit = h('button', { type: 'submit', class: 'button button--primary button--small', testid: 'report-submit', text: t('report.submit') });
  const cancel = h('button', { type: 'button', class: 'button button--quiet button--small', text: t('report.cancel') });
  const error = h('p', { class: 'inline-error', role: 'alert', hidden: true });
  const thanks = h('p', { class: 'thanks', role: 'status', testid: 'report-thanks', tabindex: '-1', hidden: true, text: t('report.thanks') });
  const form = h('form', { class: 'report-form stack', hidden: true, 'aria-labelledby': 'report-title' },
    h('h3', { id: 'report-title', class: 'report-title', text: t('report.title') }),
    h('div', { class: 'field' }, h('label', { for: 'report-text', text: t('report.label') }), text,
      h('p', { class: 'hint', id: 'report-hint', text: t('report.hint') })),
    error,
    h('div', { class: 'row' }, submit, cancel));
  const element = h('div', { class: 'report' }, open, form, thanks);

  const show = (visible) => {
    form.hidden = !visible;
    open.setAttribute('aria-expanded', String(visible));
    if (visible) {
      thanks.hidden = true;
      text.focus();
    }
  };
  open.addEventListener('click', () => show(form.hidden));
  cancel.addEventListener('click', () => { show(false); open.focus(); });
  form.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    show(false);
    open.focus();
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.hidden = true;
    setBusy(submit, true, t('report.sending'));
    try {
      await send({ text: text.value.trim(), context: problemContext(context()) });
      text.value = '';
      form.hidden = true;
      open.setAttribute('aria-expanded', 'false');
      thanks.hidden = false;
      thanks.focus();
    } catch (err) {
      error.textContent = errorText(err);
      error.hidden = false;
    } finally {
      setBusy(submit, false);
    }
  });
  return element;
}
