package io.vitrine.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SdpPolicyUnitTest {

    private static final String HEAD = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
    private static final String AUDIO = "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\na=sendrecv\r\n";

    @Test
    void audioAndReceivingVideoAreFine() {
        assertThat(SdpPolicy.sendsVideo(HEAD + AUDIO)).isFalse();
        assertThat(SdpPolicy.sendsVideo(HEAD + AUDIO + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:1\r\na=recvonly\r\n")).isFalse();
        assertThat(SdpPolicy.sendsVideo(HEAD + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=inactive\r\n" + AUDIO)).isFalse();
        assertThat(SdpPolicy.sendsVideo(HEAD + AUDIO + "m=video 0 UDP/TLS/RTP/SAVPF 96\r\n")).as("rejected section").isFalse();
        assertThat(SdpPolicy.sendsVideo(null)).isFalse();
    }

    @Test
    void sendingVideoIsRecognisedInAnySection() {
        assertThat(SdpPolicy.sendsVideo(HEAD + "m=video 9 UDP/TLS/RTP/SAVPF 96\na=sendonly\n" + AUDIO)).isTrue();
        assertThat(SdpPolicy.sendsVideo(HEAD + AUDIO + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:1\r\n")).as("sendrecv by default").isTrue();
        assertThat(SdpPolicy.sendsVideo(HEAD + AUDIO + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=recvonly\r\n"
                + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=sendrecv\r\n")).as("a second camera").isTrue();
    }
}
