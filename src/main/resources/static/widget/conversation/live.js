// The live stream of a conversation: the expert's stage and the participant strip while I am in a live video dialog.
import { t } from '../../shared/i18n.js';
import { recordError } from '../../shared/diagnostics.js';
import { LiveSession, ParticipantList, isLiveVideo } from '../../shared/live.js';
import { askForRoom } from '../host.js';
import { createStage } from '../stage.js';

/**
 * `dialog()`/`you()` give the dialog in view and my place in it; `socket()` the open connection, `ensureSocket()`
 * one that is opened if need be; `onLive(live)` lets the conversation change its layout; `onMicError` shows a failure.
 */
export function createConversationMedia({ dialogId, dialog, you, allowed, isOpen, isSubscribed, socket, ensureSocket, onLive, onMicError }) {
  let session = null;
  const stagePanel = createStage({ onMic: setMic, session: () => session });
  const stage = stagePanel.element;
  const strip = new ParticipantList({ testid: 'participant-strip', className: 'participant-strip' });

  /** Media runs while the dialog is a live video stream and I am in it. */
  function sync() {
    const me = you();
    const live = me != null && me.present !== false && isLiveVideo(dialog());
    if (live && !session) {
      session = new LiveSession({
        dialogId,
        socket: ensureSocket(),
        onChange: render,
        onSpeaking: (id, speaking) => strip.setSpeaking(id, speaking),
        onSoundBlocked: stagePanel.soundBlocked,
      });
      stage.append(session.audioBox);
      if (isSubscribed()) session.join();
    } else if (!live && session) {
      stop();
    }
    stage.hidden = !live;
    onLive(live);
    askForRoom(live);
  }

  function stop({ leaveStream = false } = {}) {
    if (!session) return;
    session.close();
    session.local.stop();
    session = null;
    stagePanel.clear();
    // Leaving the view while the stream goes on: the server takes this connection out of the stream.
    if (leaveStream && isOpen()) socket()?.resubscribe(dialogId);
  }

  function render() {
    const { participants, expert } = dialog();
    strip.render(participants, {
      selfId: you()?.participantId,
      micOf: (id) => session?.micOf(id) ?? false,
      speakingOf: (id) => session?.speaking.isSpeaking(id) ?? false,
    });
    if (!session) return;
    stagePanel.render(session, expert, allowed('SPEAK'));
    session.playAudioExcept(expert?.participantId);
  }

  async function setMic(on) {
    if (!session) return;
    const switched = session.local.setMic(on);
    render();
    try {
      await switched;
    } catch (err) {
      recordError(err);
      onMicError(t('media.micFailed', { reason: err.message || err.name }));
    }
    render();
  }

  return { stage, strip, sync, stop, render, setMic, session: () => session };
}
