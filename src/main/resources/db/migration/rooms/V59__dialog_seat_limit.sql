-- A brand room's dialog carries the room's capacity, so every way into it (the room's link, a Guest's rejoin) holds
-- it; null (every other dialog) means the five customers a live stream carries. Kept by the dialog module, set by
-- RoomDialogsApi.join, which the rooms module calls.
alter table dialog add column seat_limit integer;
