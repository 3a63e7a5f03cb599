// @ts-check
// The shopper's stage during a live stream: the expert's video (or why there is none), the media state, the
// microphone, and the controls that give the chat more room (smaller video, picture-in-picture).
import { t } from '../shared/i18n.js';
import { h, icon } from '../shared/ui.js';
import { recordError } from '../shared/diagnostics.js';
import { mediaStatePill, toggleButton, attachStream, MEDIA_ICONS } from '../shared/live.js';

const SHRINK_ICON = 'M4 14h6v6M20 10h-6V4M14 10l7-7M3 21l7-7';
const PIP_ICON = 'M3 5h18v14H3zM12 12h7v5h-7z';

/**
 * @typedef {{name?: string, participantId?: string}} Expert
 * @typedef {{state: string, local: {micWanted: boolean}, streamOf: (id?: string) => MediaStream | undefined,
 *   cameraOf: (id?: string) => boolean, isElsewhere: (id?: string) => boolean,
 *   unblockSound: (media: HTMLMediaElement[]) => void}} StageSession
 */

/** @param {{onMic: (on: boolean) => void, session: () => StageSession | null}} options */
export function createStage({ onMic, session }) {
  const pill = mediaStatePill();
  const video = /** @type {HTMLVideoElement} */ (h('video', { class: 'stage-video', testid: 'expert-video', autoplay: true, playsinline: true }));
  const placeholder = h('p', { class: 'stage-placeholder', testid: 'stage-placeholder', role: 'status' });
  const playSound = h('button', { type: 'button', class: 'button button--small play-sound', testid: 'play-sound', hidden: true },
    icon(MEDIA_ICONS.sound), t('media.playSound'));
  playSound.addEventListener('click', () => {
    playSound.hidden = true;
    session()?.unblockSound([video]);
  });
  const mic = toggleButton({ testid: 'mic-toggle', label: t('media.mic'), iconPath: MEDIA_ICONS.micOff, className: 'toggle', onToggle: onMic });
  const element = h('section', { class: 'stage', 'aria-label': t('media.stage'), hidden: true },
    h('div', { class: 'stage-screen' }, video, placeholder, pill.element, playSound),
    h('div', { class: 'stage-bar', role: 'group', 'aria-label': t('media.controls') }, mic.element, ...roomButtons(() => element, video)));
  const soundBlocked = () => { playSound.hidden = false; };
  return {
    element,
    soundBlocked,
    /** The stream stopped: no picture, no sound button. */
    clear() {
      attachStream(video, null);
      playSound.hidden = true;
    },
    /** @param {StageSession} live @param {Expert | undefined} expert @param {boolean} canSpeak */
    render(live, expert, canSpeak) {
      pill.set(live.state);
      // Where the microphone is headed: it shows on at once, while the browser still opens it.
      mic.set(live.local.micWanted, live.local.micWanted ? MEDIA_ICONS.mic : MEDIA_ICONS.micOff);
      mic.element.hidden = !canSpeak;
      const stream = live.streamOf(expert?.participantId);
      const hasVideo = Boolean(stream?.getVideoTracks().length);
      const showsVideo = hasVideo && live.cameraOf(expert?.participantId);
      attachStream(video, stream, soundBlocked);
      video.hidden = !showsVideo;
      video.setAttribute('aria-label', t('media.expertVideo', { name: expert?.name ?? '' }));
      placeholder.hidden = showsVideo;
      // Why there is no picture: the expert is on camera in another of their dialogs, has the camera off, or is coming.
      const reason = live.isElsewhere(expert?.participantId) ? 'elsewhere' : hasVideo ? 'cameraOff' : 'waitingForExpert';
      placeholder.dataset.reason = reason;
      placeholder.textContent = t(reason === 'elsewhere' ? 'media.expertElsewhere' : `media.${reason}`, { name: expert?.name ?? '' });
    },
  };
}

/**
 * "Smaller video" (the chat gets the room) and picture-in-picture where the browser has it.
 * @param {() => HTMLElement} stage @param {HTMLVideoElement} video
 */
function roomButtons(stage, video) {
  const smaller = toggleButton({
    testid: 'video-smaller', label: t('widget.videoSmaller'), iconPath: SHRINK_ICON, className: 'toggle',
    onToggle: (/** @type {boolean} */ small) => {
      stage().classList.toggle('stage--small', small);
      smaller.set(small);
    },
  });
  const pip = h('button', {
    type: 'button', class: 'toggle', testid: 'video-pip', 'aria-label': t('widget.pictureInPicture'), title: t('widget.pictureInPicture'),
    hidden: !document.pictureInPictureEnabled,
    onclick: () => video.requestPictureInPicture?.().catch(recordError),
  }, icon(PIP_ICON), h('span', { class: 'toggle-label', text: t('widget.pictureInPicture') }));
  return [smaller.element, pip];
}
