// The expert's stage in the chat pane: self preview, microphone/camera controls, connection state and the customers' sound.
import { t } from '../../shared/i18n.js';
import { h, icon } from '../../shared/ui.js';
import { mediaStatePill, toggleButton, attachStream, MEDIA_ICONS } from '../../shared/live.js';
import { recordError } from '../../shared/diagnostics.js';

/** `local` is the console's one LocalMedia; `session()` the dialog's LiveSession while it runs. */
export function createExpertStage({ local, session }) {
  const pill = mediaStatePill();
  const selfVideo = h('video', { class: 'self-video', testid: 'self-video', autoplay: true, playsinline: true, muted: true, 'aria-label': t('media.selfPreview') });
  selfVideo.muted = true; // the attribute alone is not enough once playing
  const mic = toggleButton({ testid: 'mic-toggle', label: t('media.mic'), iconPath: MEDIA_ICONS.mic, onToggle: (on) => run(() => local.setMic(on), 'media.micFailed') });
  const camera = toggleButton({ testid: 'camera-toggle', label: t('media.camera'), iconPath: MEDIA_ICONS.camera, onToggle: (on) => run(() => local.setCamera(on), 'media.cameraFailed') });
  const switchCamera = h('button', { type: 'button', class: 'toggle', testid: 'camera-switch', hidden: true, 'aria-label': t('media.switchCamera'), title: t('media.switchCamera') },
    icon(MEDIA_ICONS.switchCamera), h('span', { class: 'toggle-label', text: t('media.switchCamera') }));
  switchCamera.addEventListener('click', () => run(() => local.switchCamera(), 'media.cameraFailed'));
  const playSound = h('button', { type: 'button', class: 'button button--small', testid: 'play-sound', hidden: true }, icon(MEDIA_ICONS.sound), t('media.playSound'));
  playSound.addEventListener('click', () => {
    playSound.hidden = true;
    session()?.unblockSound();
  });
  const error = h('p', { class: 'inline-error', role: 'alert', hidden: true });
  const element = h('aside', { class: 'stage', 'aria-label': t('media.stage'), hidden: true },
    h('div', { class: 'self-screen' }, selfVideo, pill.element),
    h('div', { class: 'stage-bar', role: 'group', 'aria-label': t('media.controls') }, mic.element, camera.element, switchCamera),
    playSound, error);

  async function run(action, failureKey) {
    error.hidden = true;
    const done = action();
    render(); // the switch shows its new position at once; the devices follow (a camera may still be opening)
    try {
      await done;
    } catch (err) {
      recordError(err);
      error.textContent = t(failureKey, { reason: err.message || err.name });
      error.hidden = false;
    }
    render();
  }

  async function updateCameraSwitch() {
    switchCamera.hidden = (await local.cameras()).length < 2;
  }
  // A camera plugged in or out shows or hides the switch (one handler: the stage in view).
  if (navigator.mediaDevices) navigator.mediaDevices.ondevicechange = updateCameraSwitch;

  function render() {
    const running = session();
    if (!running) return;
    pill.set(running.state);
    // Where microphone and camera are headed: on while they open, so that a click then switches them off.
    mic.set(local.micWanted, local.micWanted ? MEDIA_ICONS.mic : MEDIA_ICONS.micOff);
    camera.set(local.cameraWanted);
    attachStream(selfVideo, local.video ? new MediaStream([local.video]) : null);
    running.playAudioExcept(null);
  }

  return {
    element, render, updateCameraSwitch, playSound, error: (message) => { error.textContent = message; error.hidden = false; },
    clear: () => { attachStream(selfVideo, null); playSound.hidden = true; },
  };
}
