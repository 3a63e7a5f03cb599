// Service worker for "Notify me": shows the pushes Vitrine sends ({kind, title, body, link}) and opens the link.
self.addEventListener('push', (event) => {
  const message = event.data ? event.data.json() : {};
  event.waitUntil(self.registration.showNotification(message.title ?? 'Vitrine', {
    body: message.body ?? '', tag: message.kind, data: { link: message.link ?? '/' },
  }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(self.clients.openWindow(event.notification.data.link));
});
