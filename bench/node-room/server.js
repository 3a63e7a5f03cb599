// The peer of Vitrine's chat fan-out benchmark (docs/benchmarks.md): a minimal room server on the `ws` package.
// A client joins a room with {"type":"join","room":"<id>"}; every {"type":"say",...} it sends afterwards is stamped
// with the room's next sequence number and broadcast to everyone in the room (the sender too), in the same frame
// shape as Vitrine's `event`. Nothing is stored, nobody is authenticated: it is the floor, not a product.
import { WebSocketServer } from 'ws';

const port = Number(process.env.PORT || 8090);
const rooms = new Map();
const server = new WebSocketServer({ port, maxPayload: 128 * 1024 });

server.on('connection', (socket) => {
  let room = null;
  socket.on('message', (data) => {
    let frame;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (frame.type === 'join') {
      room = rooms.get(frame.room);
      if (!room) {
        room = { id: frame.room, seq: 0, members: new Set() };
        rooms.set(frame.room, room);
      }
      room.members.add(socket);
      socket.send(JSON.stringify({ type: 'subscribed', dialogId: room.id, lastSeq: room.seq }));
    } else if (frame.type === 'say' && room) {
      const event = JSON.stringify({
        type: 'event', dialogId: room.id, seq: ++room.seq, kind: 'MESSAGE', at: new Date().toISOString(),
        author: { participantId: frame.from || 'anonymous', role: 'GUEST', name: frame.from || 'anonymous', initials: 'A', color: '#0b7a4b' },
        text: frame.text, clientRef: frame.clientRef,
      });
      for (const member of room.members) {
        member.send(event);
      }
    }
  });
  socket.on('close', () => {
    if (room) {
      room.members.delete(socket);
      if (room.members.size === 0) rooms.delete(room.id);
    }
  });
});

server.on('listening', () => console.log(`node-room listening on ${port}`));
