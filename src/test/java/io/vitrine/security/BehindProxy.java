package io.vitrine.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs Vitrine as production would behind a reverse proxy on this machine: a configured public URL, 127.0.0.1 and
 * ::1 trusted as proxies (so X-Forwarded-For stands for the client's address), an operator credential, and 20
 * free failed logins per address (fewer than in production, to keep the throttling test short).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@TestPropertySource(properties = {
        "vitrine.public-url=https://video.shop.example/",
        "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1",
        "vitrine.operator.username=ops",
        "vitrine.operator.password=" + BehindProxy.OPERATOR_PASSWORD,
        "vitrine.login.address-free-failures=20"
})
public @interface BehindProxy {
    String OPERATOR_PASSWORD = "operator-secret-42";
}
