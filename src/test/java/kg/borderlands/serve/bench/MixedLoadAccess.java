package kg.borderlands.serve.bench;

import java.nio.file.Path;

/** Opens {@link MixedLoad} (package-private) to the CI test in another package. */
public final class MixedLoadAccess {
    private MixedLoadAccess() {}

    public static final class Server implements AutoCloseable {
        final MixedLoad.Server server;

        Server(MixedLoad.Server server) {
            this.server = server;
        }

        @Override
        public void close() throws InterruptedException {
            server.close();
        }
    }

    public record Result(long requests, long errors, long deferred, java.util.List<String> errorSamples,
                         java.util.Map<Integer, Long> statuses, long rssStartKb, long rssMaxKb, long rssEndKb, double p50Ms, double p99Ms) {}

    public static Server start(String heap, Path work) throws Exception {
        return new Server(MixedLoad.start(heap, work));
    }

    public static Result run(Server s, int clients, int seconds) throws Exception {
        MixedLoad.Result r = MixedLoad.run(s.server, clients, seconds);
        return new Result(r.requests(), r.errors(), r.deferred(), r.errorSamples(), r.statuses(), r.rssStartKb(), r.rssMaxKb(),
                r.rssEndKb(), r.p50Ms(), r.p99Ms());
    }
}
