package kg.borderlands.load;

import kg.borderlands.support.Cli;
import kg.borderlands.support.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The README's flow: {@code serve} in one process, {@code query}, {@code export}, {@code network} in another,
 * on the same store. TDB2 lets one process open a database; the read commands read the build's verified
 * dump instead, so they work while the server holds the database.
 */
class ReadersWhileServingTest {
    @TempDir
    Path tmp;

    @Test
    void readCommandsWorkWhileAServerHoldsTheStore() throws Exception {
        Path data = tmp.resolve("data");
        Path store = tmp.resolve("store");
        TestProject.copyTree(TestProject.root().resolve("src/test/resources/fixtures/minimal/data"), data);
        assertEquals(0, Cli.run(Cli.args(List.of("load", "--store", store.toString()), Cli.inputs(data))).code());
        Path build = new StoreManager(store).published();

        Process server = Cli.start(tmp.resolve("serve.err"), Cli.args(List.of("serve", "--port", "0",
                "--store", store.toString(), "--queries", TestProject.root().resolve("queries").toString()), Cli.inputs(data)));
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String line;
            boolean serving = false;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("serving ")) {
                    serving = true;
                    break;
                }
            }
            assertTrue(serving, "the server started: " + Files.readString(tmp.resolve("serve.err")));
            assertEquals(String.valueOf(server.pid()), Files.readString(build.resolve("tdb/tdb.lock")).strip(),
                    "the server holds the TDB2 database");

            List<String> store_ = List.of("--store", store.toString());
            Cli.Run export = Cli.run(Cli.args(List.of("export", "--format", "nt", "--out", tmp.resolve("kg.nt").toString()),
                    store_, Cli.inputs(data)));
            assertEquals(0, export.code(), export.err());
            assertTrue(Files.readString(tmp.resolve("kg.nt")).contains("<https://w3id.org/borderlands-kg/id/ttp> "
                    + "<https://w3id.org/borderlands-kg/ontology#pledgedAllegianceTo> <https://w3id.org/borderlands-kg/id/afghan-taliban>"));

            Cli.Run network = Cli.run(Cli.args(List.of("network", "stats"), store_, Cli.inputs(data)));
            assertEquals(0, network.code(), network.err());
            assertTrue(network.out().startsWith("actors: ") && !network.out().startsWith("actors: 0 "), network.out());

            Cli.Run query = Cli.run(Cli.args(List.of("query", "-q", "ASK { bkr:ttp ?p ?o }"), store_, Cli.inputs(data)));
            assertEquals(0, query.code(), query.err());
            assertEquals("", query.err(), "no warning: the store is up to date");
            assertTrue(server.isAlive(), "the server is still running");
        } finally {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) server.destroyForcibly().waitFor();
        }
    }
}
