// Live audio and video of a dialog: a WebRTC full mesh (every participant connected to every other one),
// signalled over the realtime socket (`stream`, `peers`, `signal`, `media` frames, see docs/protocol.md).
// The expert sends camera and microphone; customers send their microphone only and receive video.
import { recordError } from './diagnostics.js';

/** Modest capture so that one expert can feed five customers from a small machine. */
export const CAMERA_CONSTRAINTS = { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 24, max: 24 } };
const AUDIO_CONSTRAINTS = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };
const DISCONNECTED_GRACE_MS = 4000;
const CONNECT_TIMEOUT_MS = 8000;
const STATS_EVERY_MS = 2000;
const POOR_LOSS = 0.05;
const POOR_RTT_S = 0.5;
const POOR_FPS = 5;
const STATE_RANK = { live: 0, poor: 1, connecting: 2, reconnecting: 3 };

// ---------------------------------------------------------------- local camera and microphone

/**
 * This browser's microphone and (for the expert) camera. Dispatches `track` events ({detail: {kind, track}})
 * when a track appears, is replaced or goes away, and `state` events when mic/camera switch.
 *
 * `micOn`/`cameraOn` say what runs now; `micWanted`/`cameraWanted` where each is headed, which their switches show:
 * on while the devices are being opened, then as last switched. Opening a device takes a while (up to a second or
 * more for a real camera), so switches made meanwhile are applied one after the other once it opened, the latest
 * one holding; a track that is replaced or no longer wanted is stopped, so no device is left running unseen.
 */
export class LocalMedia extends EventTarget {
  stream = new MediaStream();
  audio = null;
  video = null;
  micOn = false;
  cameraOn = false;
  micWanted = false;
  cameraWanted = false;
  #facing = 'user';
  #opening = null;
  #stops = 0;
  #changes = Promise.resolve();

  /**
   * Opens camera and microphone in one permission prompt (the expert). A call while they are being opened waits
   * for that opening instead of opening a second pair (a warm-up and the dialog's start may overlap).
   */
  startCameraAndMic() {
    if (!this.#opening) {
      this.micWanted = true;
      this.cameraWanted = true;
      this.#opening = this.#openCameraAndMic().finally(() => { this.#opening = null; });
    }
    return this.#opening;
  }

  /** True while camera and microphone are being opened. */
  get opening() {
    return this.#opening != null;
  }

  async #openCameraAndMic() {
    const stops = this.#stops;
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: AUDIO_CONSTRAINTS, video: { ...CAMERA_CONSTRAINTS, facingMode: this.#facing } });
    } catch (err) {
      this.#settle('mic');
      this.#settle('camera');
      throw err;
    }
    if (stops !== this.#stops) {
      // stop() came while the devices were opening: they go off again at once.
      for (const track of stream.getTracks()) track.stop();
      return;
    }
    // Switched while opening: a camera switched off closes at once, a microphone switched off starts muted (the
    // switch itself waits for this opening, then finds nothing left to do).
    const video = stream.getVideoTracks()[0] ?? null;
    this.#setTrack('audio', stream.getAudioTracks()[0] ?? null);
    if (this.cameraWanted) this.#setTrack('video', video);
    else video?.stop();
    if (this.audio) this.audio.enabled = this.micWanted;
    this.micOn = this.micWanted && Boolean(this.audio);
    this.cameraOn = Boolean(this.video);
    this.#emitState();
  }

  /** Switches the microphone; the first switch-on asks for it. Muting keeps the track (sending silence). */
  setMic(on) {
    this.micWanted = on;
    return this.#change(async () => {
      if (this.micWanted && !this.audio) {
        const track = await this.#open('mic', async () => (await navigator.mediaDevices.getUserMedia({ audio: AUDIO_CONSTRAINTS })).getAudioTracks()[0]);
        if (!track) return;
        this.#setTrack('audio', track);
      }
      if (this.audio) this.audio.enabled = this.micWanted;
      this.micOn = this.micWanted && Boolean(this.audio);
      this.#emitState();
    });
  }

  /** Camera off releases the device (its light goes out); on opens it again. */
  setCamera(on) {
    this.cameraWanted = on;
    return this.#change(async () => {
      if (this.cameraWanted && !this.video) {
        const track = await this.#open('camera', () => this.#openCamera({ facingMode: this.#facing }));
        if (!track) return;
        this.#setTrack('video', track);
      } else if (!this.cameraWanted && this.video) {
        this.#setTrack('video', null);
      }
      this.cameraOn = Boolean(this.video);
      this.#emitState();
    });
  }

  async cameras() {
    try {
      return (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
    } catch {
      return [];
    }
  }

  /** Next camera (front/back on a phone). Phones cannot open two cameras at once: the old one stops first. */
  switchCamera() {
    this.cameraWanted = true;
    return this.#change(async () => {
      const cameras = await this.cameras();
      const current = this.video?.getSettings().deviceId;
      const index = cameras.findIndex((c) => c.deviceId === current);
      const next = cameras.length > 1 ? cameras[(index + 1) % cameras.length] : null;
      this.#facing = this.#facing === 'user' ? 'environment' : 'user';
      this.video?.stop();
      const track = await this.#open('camera', () => this.#openCamera(next?.deviceId ? { deviceId: { exact: next.deviceId } } : { facingMode: this.#facing }));
      if (!track) return;
      this.#setTrack('video', track);
      this.cameraOn = true;
      this.#emitState();
    });
  }

  stop() {
    this.#stops += 1;
    for (const track of this.stream.getTracks()) track.stop();
    this.#setTrack('audio', null);
    this.#setTrack('video', null);
    this.micOn = false;
    this.cameraOn = false;
    this.micWanted = false;
    this.cameraWanted = false;
    this.#emitState();
  }

  /**
   * Runs one change of the devices after those before it and after an opening under way, so that switches take
   * effect in the order they were made.
   */
  #change(apply) {
    const run = this.#changes.then(() => this.#opening?.catch(() => {})).then(apply);
    this.#changes = run.catch(() => {});
    return run;
  }

  /**
   * Opens a device for `kind` ('mic' or 'camera'); null when it is no longer wanted once open (switched off or
   * stopped meanwhile: the new track stops at once). A failure leaves the switch showing what runs.
   */
  async #open(kind, open) {
    const stops = this.#stops;
    let track;
    try {
      track = await open();
    } catch (err) {
      this.#settle(kind);
      throw err;
    }
    const wanted = kind === 'mic' ? this.micWanted : this.cameraWanted;
    if (stops !== this.#stops || !wanted) {
      track?.stop();
      return null;
    }
    return track;
  }

  /** After a failure to open `kind` ('mic' or 'camera'), its switch shows what runs. */
  #settle(kind) {
    if (kind === 'mic') this.micWanted = this.micOn;
    else this.cameraWanted = this.cameraOn;
    this.#emitState();
  }

  async #openCamera(which) {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { ...CAMERA_CONSTRAINTS, ...which } });
    return stream.getVideoTracks()[0];
  }

  /** A track that is replaced or removed is stopped: the device it came from is released. */
  #setTrack(kind, track) {
    const old = this[kind];
    if (old === track) return;
    if (old) {
      this.stream.removeTrack(old);
      old.stop();
    }
    if (track) this.stream.addTrack(track);
    this[kind] = track;
    this.dispatchEvent(new CustomEvent('track', { detail: { kind, track } }));
  }

  #emitState() {
    this.dispatchEvent(new Event('state'));
  }
}

// ---------------------------------------------------------------- one connection to one other participant

/**
 * One RTCPeerConnection to one other connection (peer) of the stream, with the W3C "perfect negotiation" pattern.
 * Its media layout is fixed and negotiated once: the offering side (the impolite one) creates an audio and a
 * video transceiver, the answering side adopts them, and from then on both only replaceTrack() into them (a
 * microphone switched on later, a camera switched or turned off). No later offer adds or removes an m-line, so
 * their order can never differ; renegotiation is left to ICE restarts. Only a side allowed to send video
 * (`sendsVideo`, the expert) sends on its video transceiver, so a customer never offers to send video.
 */
export class Peer {
  state = 'connecting';
  stream = new MediaStream();
  #pc;
  #send;
  #polite;
  #local;
  #sendsVideo;
  #onChange;
  #transceivers = null;
  #makingOffer = false;
  #ignoreOffer = false;
  #settingRemoteAnswer = false;
  #queue = Promise.resolve();
  #remoteSession = null;
  #graceTimer = null;
  #connectTimer = null;
  #pendingCandidates = [];
  #localCandidates = [];
  #connectAttempts = 0;
  #born = performance.now();
  #trail = [];
  /** ICE candidates sent, received, added, set aside for later, and refused by the browser, for the trail. */
  #candidates = { sent: 0, received: 0, added: 0, queued: 0, failed: 0 };
  #onStuck;
  #poor = false;
  #lastInbound = null;
  closed = false;

  constructor({ id, participantId, selfId, iceServers, local, sendsVideo = false, send, onChange, onStuck = () => {}, offerer }) {
    this.id = id;
    this.participantId = participantId;
    this.#polite = selfId < id; // both sides compute the same answer from the two peer ids
    this.offerer = offerer ?? !this.#polite;
    this.#local = local;
    this.#sendsVideo = sendsVideo;
    // A signal the socket could not take (it was reconnecting) is lost: the trail says so, once in a row per kind.
    this.#send = (message) => {
      const sent = send(message);
      if (!sent) this.#noteOnce(message.description ? `unsent-${message.description.type}` : 'unsent-cand');
      return sent;
    };
    this.#onChange = onChange;
    this.#onStuck = onStuck;
    // A small candidate pool starts gathering now, before any offer or answer, so the first frame comes sooner.
    this.#pc = new RTCPeerConnection({ iceServers, bundlePolicy: 'max-bundle', iceCandidatePoolSize: 1 });
    this.#wire();
    this.#note(this.offerer ? 'offerer' : 'answerer');
    if (this.offerer) this.#createLayout(); // fires negotiationneeded: the one offer that carries the media
    this.#watchConnecting();
  }

  /** The offering side: audio both ways, video from the side that may send it, with the current tracks. */
  #createLayout() {
    const streams = [this.#local.stream];
    const audio = this.#pc.addTransceiver(this.#local.audio ?? 'audio', { direction: 'sendrecv', streams });
    const videoTrack = this.#sendsVideo ? this.#local.video : null;
    const video = this.#pc.addTransceiver(videoTrack ?? 'video', { direction: this.#sendsVideo ? 'sendrecv' : 'recvonly', streams });
    this.#transceivers = { audio, video };
  }

  /** The answering side, after the first offer: takes the offered transceivers and puts its tracks in. */
  async #adoptLayout() {
    if (this.#transceivers) return;
    const of = (kind) => this.#pc.getTransceivers().find((t) => t.receiver.track.kind === kind && !t.stopped);
    const audio = of('audio');
    const video = of('video');
    if (!audio || !video) throw new Error('offer without the audio and video sections');
    audio.direction = 'sendrecv';
    video.direction = this.#sendsVideo ? 'sendrecv' : 'recvonly';
    this.#transceivers = { audio, video };
    for (const t of [audio, video]) t.sender.setStreams?.(this.#local.stream);
    await audio.sender.replaceTrack(this.#local.audio);
    if (this.#sendsVideo) await video.sender.replaceTrack(this.#local.video);
  }

  get connection() {
    return this.#pc;
  }

  /** Sends `track` (or nothing, for null) as this side's `kind`, into the negotiated layout: never renegotiates. */
  setLocalTrack(kind, track) {
    if (this.closed || !this.#transceivers) return; // the answering side puts its tracks in with the first answer
    if (kind === 'video' && !this.#sendsVideo) return;
    this.#transceivers[kind].sender.replaceTrack(track).catch((err) => this.#recordUnlessClosed(err));
  }

  /** A `signal` frame from this peer. Frames are handled one after the other, in arrival order. */
  receive(frame) {
    this.#queue = this.#queue.then(() => this.#handle(frame)).catch((err) => this.#recordUnlessClosed(err));
    return this.#queue;
  }

  /** A step still under way when the connection was closed on purpose fails with InvalidStateError: not a fault. */
  #recordUnlessClosed(err) {
    if (!this.closed) recordError(err);
  }

  /** True when a description starts a new session on the other side (they reloaded): this connection is stale. */
  isNewSession(description) {
    const session = sessionId(description?.sdp);
    return description?.type === 'offer' && this.#remoteSession != null && session != null && session !== this.#remoteSession;
  }

  restartIce() {
    this.#note('restart');
    if (!this.closed) this.#pc.restartIce();
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.#graceTimer);
    clearTimeout(this.#connectTimer);
    this.#pc.close();
    for (const track of this.stream.getTracks()) this.stream.removeTrack(track);
  }

  diagnostics() {
    return {
      state: this.state,
      connection: this.#pc.connectionState,
      ice: this.#pc.iceConnectionState,
      gathering: this.#pc.iceGatheringState,
      signaling: this.#pc.signalingState,
      offerer: this.offerer,
      makingOffer: this.#makingOffer,
      local: this.#pc.localDescription?.type ?? null,
      remote: this.#pc.remoteDescription?.type ?? null,
      candidates: this.#candidateCounts(),
      trail: this.#trail.join(' '),
    };
  }

  /**
   * `tx 4 rx 3 +3 q1/0 !0`: candidates sent, received, added, set aside (in all / still waiting for a description)
   * and refused by the browser (set-aside ones of older ICE credentials included).
   */
  #candidateCounts() {
    const c = this.#candidates;
    return `tx ${c.sent} rx ${c.received} +${c.added} q${c.queued}/${this.#pendingCandidates.length} !${c.failed}`;
  }

  /** Reads packet loss, round-trip time and frame rate; a bad value marks the connection as poor. */
  async sample() {
    if (this.closed || this.#pc.connectionState !== 'connected') return null;
    const report = await this.#pc.getStats();
    let rtt = null;
    let lost = 0;
    let received = 0;
    let fps = null;
    let bytesSent = 0;
    let bytesReceived = 0;
    report.forEach((s) => {
      if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded' && s.currentRoundTripTime != null) rtt = s.currentRoundTripTime;
      if (s.type === 'inbound-rtp') {
        lost += s.packetsLost ?? 0;
        received += s.packetsReceived ?? 0;
        bytesReceived += s.bytesReceived ?? 0;
        if (s.kind === 'video' && s.framesPerSecond != null) fps = s.framesPerSecond;
      }
      if (s.type === 'outbound-rtp') bytesSent += s.bytesSent ?? 0;
    });
    const previous = this.#lastInbound ?? { lost: 0, received: 0 };
    this.#lastInbound = { lost, received };
    const newLost = lost - previous.lost;
    const newReceived = received - previous.received;
    const loss = newLost + newReceived > 0 ? newLost / (newLost + newReceived) : 0;
    const poor = loss > POOR_LOSS || (rtt != null && rtt > POOR_RTT_S) || (fps != null && fps < POOR_FPS);
    if (poor !== this.#poor) {
      this.#poor = poor;
      this.#updateState();
    }
    return { rtt, loss, fps, bytesSent, bytesReceived };
  }

  async #handle({ description, candidate }) {
    if (this.closed) return;
    const pc = this.#pc;
    if (description) {
      const readyForOffer = !this.#makingOffer && (pc.signalingState === 'stable' || this.#settingRemoteAnswer);
      const collision = description.type === 'offer' && !readyForOffer;
      this.#ignoreOffer = !this.#polite && collision;
      this.#note(`rx-${description.type}${this.#ignoreOffer ? '-ignored' : ''}`);
      if (this.#ignoreOffer) return;
      if (description.type === 'answer' && pc.signalingState === 'stable') return; // answers an offer sent again
      this.#settingRemoteAnswer = description.type === 'answer';
      try {
        await pc.setRemoteDescription(description); // rolls a crossing local offer back by itself
      } finally {
        this.#settingRemoteAnswer = false;
      }
      this.#remoteSession = sessionId(description.sdp) ?? this.#remoteSession;
      if (this.closed) return;
      if (description.type === 'offer') {
        await this.#adoptLayout();
        if (this.closed) return;
        await pc.setLocalDescription();
        this.#sendDescription();
      }
      await this.#addPendingCandidates();
    } else if (candidate?.candidate) {
      this.#candidates.received += 1;
      if (this.#candidates.received === 1) this.#note('rx-cand');
      if (!pc.remoteDescription || this.#ignoreOffer) {
        // Candidates that came with an offer we set aside (or before any description) may still fit the next
        // description: the other side keeps its ICE credentials after rolling its offer back, and sends no new ones.
        this.#pendingCandidates.push(candidate);
        this.#candidates.queued += 1;
        if (this.#candidates.queued === 1) this.#note(pc.remoteDescription ? 'cand-queued-ignored' : 'cand-queued-early');
        return;
      }
      try {
        await pc.addIceCandidate(candidate);
        this.#candidates.added += 1;
      } catch (err) {
        this.#candidates.failed += 1;
        this.#note(`cand-failed:${err?.name}`);
        throw err;
      }
    }
  }

  async #addPendingCandidates() {
    for (const candidate of this.#pendingCandidates.splice(0)) {
      // A candidate of other ICE credentials (before an ICE restart) no longer fits: that is expected.
      await this.#pc.addIceCandidate(candidate).then(() => { this.#candidates.added += 1; }, () => { this.#candidates.failed += 1; });
    }
  }

  /**
   * A connection still not up after a while gets an ICE restart (new candidates on both sides); if that does not
   * help either, the offering side makes the whole connection afresh (the other side sees a new session and follows).
   */
  #watchConnecting() {
    clearTimeout(this.#connectTimer);
    this.#connectTimer = setTimeout(() => {
      if (this.closed || this.#pc.connectionState === 'connected') return;
      this.#connectAttempts += 1;
      if (this.#connectAttempts === 1) {
        this.#offerAgain();
        this.#watchConnecting();
      } else if (this.offerer) {
        this.#onStuck(this);
      } else {
        // The offering side starts afresh (its new session replaces this connection); until then, keep watching.
        this.#connectAttempts = 0;
        this.#watchConnecting();
      }
    }, CONNECT_TIMEOUT_MS);
  }

  /**
   * An offer still unanswered (it may have crossed the other side's entry into the stream) is sent again with its
   * candidates; an offer never made is made now; otherwise ICE restarts.
   */
  #offerAgain() {
    if (this.closed) return;
    // An answering side that has not heard from the other one yet has nothing to offer: the other side offers.
    if (!this.#transceivers) return;
    if (!this.#pc.localDescription) {
      // The offering side never got to offer (its negotiationneeded did not come): it offers now.
      if (!this.#makingOffer) this.#offer();
      return;
    }
    if (this.#pc.signalingState !== 'have-local-offer') {
      this.restartIce();
      return;
    }
    this.#note('resend');
    this.#sendDescription();
    for (const candidate of this.#localCandidates) this.#send({ candidate });
  }

  async #offer() {
    try {
      this.#makingOffer = true;
      await this.#pc.setLocalDescription();
      this.#note('offered');
      this.#sendDescription();
    } catch (err) {
      this.#recordUnlessClosed(err);
    } finally {
      this.#makingOffer = false;
    }
  }

  #wire() {
    const pc = this.#pc;
    pc.addEventListener('negotiationneeded', () => {
      this.#note('negotiationneeded');
      if (this.#transceivers) this.#offer(); // only an ICE restart renegotiates, and only once the layout exists
    });
    pc.addEventListener('icecandidate', ({ candidate }) => {
      if (!candidate) return;
      this.#localCandidates.push(candidate.toJSON());
      this.#candidates.sent += 1;
      if (this.#candidates.sent === 1) this.#note('tx-cand');
      this.#send({ candidate: candidate.toJSON() });
    });
    pc.addEventListener('track', ({ track }) => {
      if (!this.stream.getTracks().includes(track)) this.stream.addTrack(track);
      track.addEventListener('ended', () => {
        this.stream.removeTrack(track);
        this.#onChange(this);
      });
      this.#onChange(this);
    });
    pc.addEventListener('connectionstatechange', () => this.#onConnectionState());
  }

  /** A short trail of what happened to this connection, for problem reports. */
  #note(event) {
    this.#trail.push(`${Math.round(performance.now() - this.#born)}:${event}`);
    if (this.#trail.length > 24) this.#trail.shift();
  }

  #noteOnce(event) {
    if (!this.#trail.at(-1)?.endsWith(`:${event}`)) this.#note(event);
  }

  #sendDescription() {
    const { type, sdp } = this.#pc.localDescription;
    this.#send({ description: { type, sdp } });
  }

  /** A dropped connection repairs itself: ICE restart at once on failure, after a grace period when disconnected. */
  #onConnectionState() {
    const connection = this.#pc.connectionState;
    this.#note(connection);
    clearTimeout(this.#graceTimer);
    if (connection === 'connected') clearTimeout(this.#connectTimer);
    if (connection === 'failed') this.restartIce();
    if (connection === 'disconnected') {
      this.#graceTimer = setTimeout(() => {
        if (this.#pc.connectionState === 'disconnected') this.restartIce();
      }, DISCONNECTED_GRACE_MS);
    }
    this.#updateState();
  }

  #updateState() {
    const connection = this.#pc.connectionState;
    let state = 'connecting';
    if (connection === 'connected') state = this.#poor ? 'poor' : 'live';
    else if (connection === 'disconnected' || connection === 'failed') state = 'reconnecting';
    if (state === this.state) return;
    this.state = state;
    this.#onChange(this);
  }
}

function sessionId(sdp) {
  return /^o=\S+ (\d+) /m.exec(sdp ?? '')?.[1] ?? null;
}

// ---------------------------------------------------------------- the whole mesh of a dialog

/**
 * All connections of this page (one peer of the stream) to the other peers of one dialog's stream: one per other
 * connection, keyed by peer id; other pages of the same participant (a second tab) are left out. Feed it the `stream`, `peers`, `signal` and `media`
 * frames of its dialog; `onChange(mesh)` is called whenever a peer, a remote track or a state changed.
 */
export class Mesh {
  /** Every open mesh of this page, for diagnostics: `window.vitrineMeshes` in the browser's console. */
  static open = new Set();
  peers = new Map();
  remoteMedia = new Map();
  selfId = null; // my peer id: this connection
  participantId = null;
  sendsVideo = false;
  /** Participants on camera in another dialog right now (the expert with several dialogs). */
  elsewhere = new Set();
  #iceServers = [];
  #joinedOn = null; // the socket connection the last `stream` request went out on
  #answered = false; // whether a `stream` answer came since that request
  #enteredAgainOn = null; // the socket connection the mesh entered the stream again on, after `not_in_stream`
  #statsTimer = null;
  #lastStats = new Map();
  #onLocalTrack;
  #onLocalState;
  #early = [];
  #earlyPeers = null;
  closed = false;

  constructor({ dialogId, socket, local, onChange = () => {} }) {
    this.dialogId = dialogId;
    this.socket = socket;
    this.local = local;
    this.onChange = onChange;
    this.#onLocalTrack = (e) => {
      for (const peer of this.peers.values()) peer.setLocalTrack(e.detail.kind, e.detail.track);
    };
    this.#onLocalState = () => this.announce();
    local.addEventListener('track', this.#onLocalTrack);
    local.addEventListener('state', this.#onLocalState);
    this.#statsTimer = setInterval(() => this.#sampleAll(), STATS_EVERY_MS);
    Mesh.open.add(this);
    window.vitrineMeshes = Mesh.open;
  }

  /** Asks the server to take this connection into the stream; it answers with a `stream` frame. */
  join() {
    // One request a connection: the server answers each (the peer, or why not), so asking again would only repeat it.
    if (this.#joinedOn === this.socket.connection) return;
    this.#requestStream();
  }

  /**
   * The server refused a frame of this mesh with `not_in_stream`: it does not count this connection in the stream
   * although the mesh is in it (it took the connection out meanwhile, or the socket is new and the mesh's `stream` is
   * still to come). The mesh enters again as the same peer, so the connections that still work stay. Once a socket
   * connection until an answer comes: a server that keeps refusing is not asked again and again.
   */
  enterAgain() {
    if (this.closed || !this.selfId) return;
    const connection = this.socket.connection;
    if (this.#joinedOn === connection && !this.#answered) return; // asked on this connection: the answer is on its way
    if (this.#enteredAgainOn === connection) return;
    this.#enteredAgainOn = connection;
    this.#requestStream();
  }

  #requestStream() {
    // On a new socket, the page carries on as the same peer if the server still knows it: connections stay up.
    const frame = { type: 'stream', dialogId: this.dialogId, ...(this.selfId ? { peerId: this.selfId } : {}) };
    if (!this.socket.send(frame)) return;
    this.#joinedOn = this.socket.connection;
    this.#answered = false;
  }

  /** The server's `stream` answer: who I am, the ICE servers and who is in the stream. */
  start({ you, peerId, sendsVideo, iceServers, peers }) {
    this.#answered = true;
    this.#enteredAgainOn = null;
    if (this.selfId && this.selfId !== peerId) this.#closePeers();
    this.selfId = peerId;
    this.participantId = you;
    this.sendsVideo = Boolean(sendsVideo);
    this.#iceServers = Array.isArray(iceServers) ? iceServers : [];
    // Carrying on as the same peer (the same socket, or a new one the server let take over): working connections
    // stay, broken ones start afresh. A new peer id means the others forgot us: everything started afresh above.
    for (const peer of [...this.peers.values()]) {
      if (peer.state === 'reconnecting') this.#drop(peer.id);
    }
    // A `peers` frame may overtake this answer (someone joined at the same moment): both lists count.
    const known = new Map([...(peers ?? []), ...(this.#earlyPeers ?? [])].map((p) => [p.id, p]));
    this.#earlyPeers = null;
    this.setPeers([...known.values()]);
    // Offers that came before this answer (the others learn of us first) are handled now, in order.
    for (const frame of this.#early.splice(0)) this.signal(frame);
    this.announce();
  }

  /** The set of peers in the stream changed (`peers`: `{id, participantId, sendsVideo}`); `elsewhere` as the server says. */
  setPeers(peers, elsewhere) {
    if (elsewhere) this.elsewhere = new Set(elsewhere);
    if (!this.selfId) {
      this.#earlyPeers = peers;
      return;
    }
    const wanted = new Map(peers.filter((p) => this.#isOther(p)).map((p) => [p.id, p]));
    for (const [id, peer] of [...this.peers]) if (wanted.get(id)?.participantId !== peer.participantId) this.#drop(id);
    for (const p of wanted.values()) this.#peer(p.id, p.participantId);
    this.onChange(this);
  }

  /** The connected peers of one participant (usually one; a customer with two tabs has two). */
  peersOf(participantId) {
    return [...this.peers.values()].filter((peer) => peer.participantId === participantId);
  }

  /** A `signal` frame; a participant that is not known yet (their `peers` frame is still under way) is added. */
  signal({ from, participantId, description, candidate }) {
    if (!this.selfId) {
      this.#early.push({ from, participantId, description, candidate });
      return;
    }
    if (!from || !this.#isOther({ id: from, participantId })) return;
    let peer = this.peers.get(from);
    if (peer && peer.isNewSession(description)) {
      // The other side started its connection over: this one belongs to its old session.
      this.#drop(from);
      peer = null;
    }
    // A peer we hear from before its `peers` frame is answered: it has made the offer.
    peer ??= this.#peer(from, participantId, { offerer: description?.type === 'offer' ? false : undefined });
    peer.receive({ description, candidate });
  }

  /** A `media` frame: someone switched their microphone or camera. */
  media({ participantId, mic, camera }) {
    this.remoteMedia.set(participantId, { mic: Boolean(mic), camera: Boolean(camera) });
    this.onChange(this);
  }

  /** Tells everyone in the dialog whether my microphone and camera are on. */
  announce() {
    if (this.closed || !this.selfId) return;
    this.socket.send({ type: 'media', dialogId: this.dialogId, mic: this.local.micOn, camera: this.local.cameraOn });
  }

  /** The worst state over all connections; `connecting` while nobody else is there yet. */
  get state() {
    let worst = null;
    for (const peer of this.peers.values()) {
      if (worst == null || STATE_RANK[peer.state] > STATE_RANK[worst]) worst = peer.state;
    }
    return worst ?? 'connecting';
  }

  diagnostics() {
    return Object.fromEntries([...this.peers.values()].map((peer) => [peer.id,
      { participant: peer.participantId, ...peer.diagnostics(), ...this.#lastStats.get(peer.id) }]));
  }

  /** Bytes sent so far over all connections (outbound RTP), for measuring the upload bitrate. */
  async bytesSent() {
    let total = 0;
    for (const peer of this.peers.values()) {
      const stats = await peer.connection.getStats();
      stats.forEach((s) => { if (s.type === 'outbound-rtp') total += s.bytesSent ?? 0; });
    }
    return total;
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    Mesh.open.delete(this);
    clearInterval(this.#statsTimer);
    this.local.removeEventListener('track', this.#onLocalTrack);
    this.local.removeEventListener('state', this.#onLocalState);
    this.#closePeers();
  }

  #isOther({ id, participantId }) {
    return id !== this.selfId && participantId !== this.participantId;
  }

  #peer(id, participantId, { offerer } = {}) {
    let peer = this.peers.get(id);
    if (peer) return peer;
    peer = new Peer({
      id,
      participantId,
      offerer,
      selfId: this.selfId,
      iceServers: this.#iceServers,
      local: this.local,
      sendsVideo: this.sendsVideo,
      send: (message) => this.socket.send({ type: 'signal', dialogId: this.dialogId, to: id, ...message }),
      onChange: () => this.onChange(this),
      onStuck: (stuck) => {
        if (this.peers.get(id) !== stuck) return;
        const { signaling, ice, candidates, trail } = stuck.diagnostics(); // kept short: a report keeps 200 characters an error
        recordError(`connection to ${id} did not come up, started afresh; ${signaling}, ICE ${ice}, ${candidates}; ${trail}`);
        this.#drop(id);
        this.#peer(id, participantId, { offerer: true });
        this.onChange(this);
      },
    });
    this.peers.set(id, peer);
    return peer;
  }

  #drop(id) {
    this.peers.get(id)?.close();
    this.peers.delete(id);
    this.#lastStats.delete(id);
  }

  #closePeers() {
    for (const id of [...this.peers.keys()]) this.#drop(id);
    this.onChange(this);
  }

  async #sampleAll() {
    for (const peer of [...this.peers.values()]) {
      try {
        const stats = await peer.sample();
        if (stats) this.#lastStats.set(peer.id, stats);
      } catch (err) {
        if (!peer.closed) recordError(err); // a peer dropped while its stats were read
      }
    }
  }
}

// ---------------------------------------------------------------- who is speaking

const SPEAKING_LEVEL = 0.02;
// Long enough that one sound arriving late or lost (a busy machine's audio thread) does not blink the indicator.
const SPEAKING_HOLD_MS = 800;
const LEVEL_EVERY_MS = 100;
// The analysers keep the last ~0.34 s (at 48 kHz), so each reading sees every sample since the one before, even when
// a busy page runs the timer late. Reading only the newest 10 ms every 100 ms saw a tenth of the sound: short sounds
// that kept in step with the timer went unseen (Chromium's test beep, 20 ms twice a second, for 30 s at a time).
const LEVEL_WINDOW = 16384;
const LEVEL_BLOCK_MS = 10;

/**
 * Audio level of several tracks (remote and local) with WebAudio analysers; calls `onChange(id, speaking)`
 * when someone starts or stops speaking. Made with `{ paused: true }`, it only notes whom to follow until `listen()`:
 * building the audio graph while a call's connections come up took CPU from them (at five customers on a 2-core
 * machine, the first frames came about a third later).
 */
export class SpeakingDetector {
  #context = null;
  #watched = new Map();
  /** Participant id → track, noted while paused. */
  #pending = new Map();
  #listening;
  #timer = null;
  #onChange;

  constructor(onChange, { paused = false } = {}) {
    this.#onChange = onChange;
    this.#listening = !paused;
  }

  /** Starts following what was asked for while paused; nothing if already listening. */
  listen() {
    if (this.#listening) return;
    this.#listening = true;
    for (const [id, track] of this.#pending) this.watch(id, track);
    this.#pending.clear();
  }

  /** Follows `track` as participant `id` (replacing what was followed for them). */
  watch(id, track) {
    if (!this.#listening) {
      if (track) this.#pending.set(id, track);
      else this.#pending.delete(id);
      return;
    }
    const current = this.#watched.get(id);
    if (current?.track === track) return;
    this.unwatch(id);
    if (!track) return;
    const context = this.#audioContext();
    const source = context.createMediaStreamSource(new MediaStream([track]));
    const analyser = context.createAnalyser();
    analyser.fftSize = LEVEL_WINDOW;
    source.connect(analyser);
    this.#watched.set(id, { track, source, analyser, buffer: new Float32Array(analyser.fftSize), speaking: false, loudAt: 0, readAt: null });
    this.#timer ??= setInterval(() => this.#measure(), LEVEL_EVERY_MS);
  }

  unwatch(id) {
    this.#pending.delete(id);
    const entry = this.#watched.get(id);
    if (!entry) return;
    entry.source.disconnect();
    this.#watched.delete(id);
    if (entry.speaking) this.#onChange(id, false);
  }

  isSpeaking(id) {
    return this.#watched.get(id)?.speaking ?? false;
  }

  close() {
    this.#pending.clear();
    for (const id of [...this.#watched.keys()]) this.unwatch(id);
    clearInterval(this.#timer);
    this.#timer = null;
    this.#context?.close().catch(() => {});
    this.#context = null;
  }

  #audioContext() {
    if (!this.#context) {
      this.#context = new AudioContext();
      // Browsers start audio only after a user gesture; the next click or key press resumes it.
      const resume = () => this.#context?.resume().catch(() => {});
      for (const type of ['pointerdown', 'keydown']) document.addEventListener(type, resume, { capture: true });
    }
    if (this.#context.state === 'suspended') this.#context.resume().catch(() => {});
    return this.#context;
  }

  #measure() {
    const now = performance.now();
    const rate = this.#context.sampleRate;
    const block = Math.round((rate * LEVEL_BLOCK_MS) / 1000);
    for (const [id, entry] of this.#watched) {
      entry.analyser.getFloatTimeDomainData(entry.buffer);
      // The samples that came since the last reading, and one block more so that a sound on the edge is not cut.
      const fresh = Math.ceil(((now - (entry.readAt ?? now - LEVEL_EVERY_MS)) * rate) / 1000) + block;
      entry.readAt = now;
      const level = loudestBlock(entry.buffer, Math.max(0, entry.buffer.length - fresh), block);
      const live = entry.track.readyState === 'live' && entry.track.enabled;
      if (live && level > SPEAKING_LEVEL) entry.loudAt = now;
      // A short hold keeps the indicator from flickering between syllables.
      const speaking = live && now - entry.loudAt < SPEAKING_HOLD_MS;
      if (speaking !== entry.speaking) {
        entry.speaking = speaking;
        this.#onChange(id, speaking);
      }
    }
  }
}

/** The loudest `block` samples (RMS) of `buffer` from index `from` on. */
function loudestBlock(buffer, from, block) {
  let loudest = 0;
  for (let start = from; start < buffer.length; start += block) {
    const end = Math.min(buffer.length, start + block);
    let sum = 0;
    for (let i = start; i < end; i++) sum += buffer[i] * buffer[i];
    loudest = Math.max(loudest, Math.sqrt(sum / (end - start)));
  }
  return loudest;
}

/**
 * Plays a media element, reporting whether the browser blocked sound: then it plays muted (so video still shows)
 * and `onBlocked` is called, to offer a "tap to play sound" button.
 */
export async function playWithSound(element, onBlocked) {
  try {
    element.muted = false;
    await element.play();
    return true;
  } catch (err) {
    if (err?.name !== 'NotAllowedError') return false; // e.g. interrupted by a new srcObject: nothing to do
    element.muted = true;
    element.play().catch(() => {});
    onBlocked?.();
    return false;
  }
}
