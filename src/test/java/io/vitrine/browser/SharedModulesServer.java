package io.vitrine.browser;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A loopback HTTP server for browser tests of the shared page modules alone, without a Vitrine server: it hands out
 * {@code /shared/*.js} from the application's static resources and a one-button page for everything else (media
 * starts after a gesture). Registered as a test's extension field, it serves that test and stops after it.
 */
final class SharedModulesServer implements AfterEachCallback {

    private final HttpServer server;

    SharedModulesServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            String type;
            try (InputStream module = path.startsWith("/shared/") && path.endsWith(".js")
                    ? getClass().getResourceAsStream("/static" + path) : null) {
                body = module != null ? module.readAllBytes() : "<!doctype html><title>modules</title><button>Start</button>".getBytes(StandardCharsets.UTF_8);
                type = module != null ? "text/javascript" : "text/html";
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** The page to open: the modules are imported from it with {@code import('/shared/...')}. */
    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.stop(0);
    }
}
