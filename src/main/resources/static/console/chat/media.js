// The live stream of the dialog in view: starts camera and microphone, joins the stream, and stops when it ends.
import { t } from '../../shared/i18n.js';
import { LiveSession } from '../../shared/live.js';
import { recordError } from '../../shared/diagnostics.js';
import { createExpertStage } from './stage.js';

/**
 * `isLive()` says whether I publish to this dialog's stream now; `onChange` redraws participants and stage;
 * `isSubscribed()` whether the server confirmed this connection's subscription (the stream is joined after it).
 */
export function createChatMedia({ dialogId, socket, local, participants, status, isLive, isSubscribed, onChange }) {
  let session = null;
  const stage = createExpertStage({ local, session: () => session });

  /** Media runs while the dialog in view is a live video stream that I publish to. */
  async function sync() {
    const live = isLive();
    stage.element.hidden = !live;
    if (live && !session) {
      session = new LiveSession({
        dialogId,
        socket,
        local,
        onChange,
        onSpeaking: (id, speaking) => participants.setSpeaking(id, speaking),
        onSoundBlocked: () => { stage.playSound.hidden = false; },
      });
      stage.element.append(session.audioBox);
      // The stream is entered at once: the connections' layout is fixed, and the camera's tracks go into it when
      // they come (usually at once: the camera opened while the request was ringing).
      maybeJoin();
      await startCamera(session);
    } else if (!live && session) {
      stop();
    }
  }

  async function startCamera(mine) {
    try {
      const opening = local.video || local.audio ? null : local.startCameraAndMic();
      stage.render(); // the switches show camera and microphone coming on while they open
      await opening;
    } catch (err) {
      recordError(err);
      stage.error(t('media.cameraFailed', { reason: err.message || err.name }));
    }
    if (session !== mine) return;
    stage.updateCameraSwitch();
    onChange();
  }

  function maybeJoin() {
    if (session && isSubscribed()) session.join();
  }

  function stop({ leaveStream = false } = {}) {
    if (!session) return;
    session.close();
    session = null;
    local.stop();
    stage.clear();
    // Another dialog comes into view while this one goes on: the server takes us out of its stream.
    if (leaveStream && status() === 'ACTIVE') socket.resubscribe(dialogId);
  }

  return { stage, sync, stop, maybeJoin, session: () => session };
}
