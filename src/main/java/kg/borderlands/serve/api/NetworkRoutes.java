package kg.borderlands.serve.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Placeholder until the actor network (kg.borderlands.analyse) is merged. */
final class NetworkRoutes {
    boolean handles(String first) {
        return false;
    }

    void handle(String[] seg, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        throw ApiServlet.noEndpoint("/" + String.join("/", seg));
    }
}
