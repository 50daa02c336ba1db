// Single-file launcher for an embedded Neo4j Community server with a Bolt connector.
//
// Run (no compile step; see scripts/neo4j-local, which also passes the JVM flags):
//   java -cp 'LIB/*' <jvm flags> scripts/neo4j/Launcher.java --port 7687 --data DIR --password PW
//
// Options (each also read from the environment when the flag is absent):
//   --port N        NEO4J_PORT       Bolt port on 127.0.0.1 (0 = pick a free one); default 7687
//   --data DIR      NEO4J_DATA       Neo4j home; store files live in DIR/data, logs in DIR/logs
//   --password PW   NEO4J_PASSWORD   password of user neo4j; default graphsvc-test
//   --pagecache M   NEO4J_PAGECACHE  page cache in MiB; default 256
//
// Prints exactly one line "NEO4J READY bolt://127.0.0.1:<port>" on stdout once the default
// database "neo4j" is available and the password is set. SIGTERM/SIGINT shut it down cleanly.
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

public class Launcher {
    private static final String HOST = "127.0.0.1";

    public static void main(String[] argv) throws Exception {
        Map<String, String> opts = parse(argv);
        int port = Integer.parseInt(opt(opts, "port", "NEO4J_PORT", "7687"));
        Path home = Path.of(opt(opts, "data", "NEO4J_DATA", ".cache/neo4j/data")).toAbsolutePath();
        String password = opt(opts, "password", "NEO4J_PASSWORD", "graphsvc-test");
        long pageCacheMiB = Long.parseLong(opt(opts, "pagecache", "NEO4J_PAGECACHE", "256"));
        if (password.length() < 8) {
            die("password must have at least 8 characters (Neo4j 5 default policy)");
        }
        Files.createDirectories(home);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
                // Bolt/netty shutdown waits default to 5 s each (10+ s per SIGTERM); this is a
                // local dev/test server, so let it stop within about a second.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                dbms.shutdown();
            } catch (Throwable t) {
                System.err.println("neo4j shutdown failed: " + t);
            } finally {
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        if (!system.isAvailable(TimeUnit.MINUTES.toMillis(2))) {
            die("system database did not become available");
        }
        setPassword(system, password);

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(TimeUnit.MINUTES.toMillis(2))) {
            die("database neo4j did not become available");
        }

        int boltPort = port;
        var bound = ((GraphDatabaseAPI) db).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        if (bound != null) {
            boltPort = bound.getPort();
        }
        System.out.println("NEO4J READY bolt://" + HOST + ":" + boltPort);
        System.out.flush();
        stopped.await();
    }

    /** Make the password of user neo4j equal to {@code password}, with no change required. */
    private static void setPassword(GraphDatabaseService system, String password) {
        String quoted = "'" + password.replace("\\", "\\\\").replace("'", "\\'") + "'";
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PLAINTEXT PASSWORD " + quoted + " CHANGE NOT REQUIRED");
        } catch (RuntimeException e) {
            // Restart on the same data dir: the password is already this one.
            String msg = String.valueOf(e.getMessage());
            if (!msg.contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    private static Map<String, String> parse(String[] argv) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("--")) {
                die("unexpected argument: " + a);
            }
            String key = a.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (i + 1 < argv.length) {
                value = argv[++i];
            } else {
                die("missing value for " + a);
                return opts;
            }
            opts.put(key, value);
        }
        return opts;
    }

    private static String opt(Map<String, String> opts, String key, String env, String dflt) {
        String v = opts.get(key);
        if (v == null || v.isEmpty()) {
            v = System.getenv(env);
        }
        return v == null || v.isEmpty() ? dflt : v;
    }

    private static void die(String msg) {
        System.err.println("neo4j launcher: " + msg);
        System.exit(2);
    }
}
