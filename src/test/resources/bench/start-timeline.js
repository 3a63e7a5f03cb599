// Records, in a page, when each step of a stream's start happened (Date.now(), the same clock in every page of the
// machine): the accept request, camera and microphone opening, realtime frames out and in, and each peer
// connection's ICE gathering, ICE and connection states and remote tracks. Read with window.startTimeline.
(() => {
  const timeline = [];
  window.startTimeline = timeline;
  const note = (what) => timeline.push({ at: Date.now(), what });

  const fetch = window.fetch;
  window.fetch = async (input, init) => {
    const url = String(input?.url ?? input);
    const watched = /\/(accept|stream)\b/.test(url);
    if (watched) note('fetch ' + url.replace(/^.*\/api\//, ''));
    const response = await fetch(input, init);
    if (watched) note('fetch answered ' + response.status);
    return response;
  };

  const media = navigator.mediaDevices;
  if (media) {
    const getUserMedia = media.getUserMedia.bind(media);
    media.getUserMedia = async (constraints) => {
      note('getUserMedia ' + Object.keys(constraints ?? {}).join('+'));
      const stream = await getUserMedia(constraints);
      note('getUserMedia open');
      return stream;
    };
  }

  const describe = (text) => {
    try {
      const frame = JSON.parse(text);
      if (frame.type === 'signal') return 'signal ' + (frame.description?.type ?? (frame.candidate ? 'candidate' : ''));
      if (frame.type === 'event') return null;
      return frame.type;
    } catch {
      return null;
    }
  };
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    const what = describe(data);
    if (what) note('→ ' + what);
    return send.call(this, data);
  };
  const NativeSocket = window.WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        const what = describe(e.data);
        if (what) note('← ' + what);
      });
    }
  };

  // Main-thread tasks over 50 ms: while one runs, no frame the socket received is handled.
  try {
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) {
        timeline.push({ at: Math.round(performance.timeOrigin + task.startTime), what: `long task ${Math.round(task.duration)} ms` });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long task timing in this browser
  }

  const NativePeer = window.RTCPeerConnection;
  let count = 0;
  window.RTCPeerConnection = class extends NativePeer {
    constructor(...args) {
      super(...args);
      const name = 'pc' + (++count);
      note(name + ' created');
      this.addEventListener('icegatheringstatechange', () => note(name + ' gathering ' + this.iceGatheringState));
      this.addEventListener('iceconnectionstatechange', () => note(name + ' ice ' + this.iceConnectionState));
      this.addEventListener('connectionstatechange', () => note(name + ' ' + this.connectionState));
      this.addEventListener('track', (e) => note(name + ' track ' + e.track.kind));
    }
  };
})();
