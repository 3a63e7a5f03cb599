package io.vitrine.media;

/** Reads just enough of a session description to enforce that customers do not send video. */
public final class SdpPolicy {

    private SdpPolicy() {}

    /**
     * True when the description offers or agrees to send video: a video section with a port and the direction
     * {@code sendrecv} or {@code sendonly} (sendrecv is the default when no direction is given).
     */
    public static boolean sendsVideo(String sdp) {
        if (sdp == null) {
            return false;
        }
        boolean inVideo = false;
        boolean sending = false;
        boolean videoSends = false;
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("m=")) {
                videoSends |= inVideo && sending;
                String[] parts = line.substring(2).split(" ");
                inVideo = parts[0].equals("video") && parts.length > 1 && !parts[1].equals("0");
                sending = true;
            } else if (inVideo && (line.equals("a=recvonly") || line.equals("a=inactive"))) {
                sending = false;
            }
        }
        return videoSends || inVideo && sending;
    }
}
