package cms.esnode;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.ClasspathPluginsNode;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

/**
 * Runs a single-node Elasticsearch 8.19.x in this JVM, from plain Maven Central jars (no distribution).
 *
 * Environment: ELASTICSEARCH_DATA (default ./var/elasticsearch), ELASTICSEARCH_PORT (HTTP, default 9200),
 * ELASTICSEARCH_TRANSPORT_PORT (default 9300). Starts the Node directly, not through
 * org.elasticsearch.bootstrap.Elasticsearch: no bootstrap checks, no refusal to run as root, no
 * entitlements agent. For development and tests only; production runs Elastic's own distribution.
 */
public final class ElasticsearchLauncher {

    public static void main(String[] args) throws Exception {
        Path data = Paths.get(System.getenv().getOrDefault("ELASTICSEARCH_DATA", "var/elasticsearch"))
            .toAbsolutePath().normalize();
        String httpPort = System.getenv().getOrDefault("ELASTICSEARCH_PORT", "9200");
        String transportPort = System.getenv().getOrDefault("ELASTICSEARCH_TRANSPORT_PORT", "9300");

        // Route the server's logging facade to log4j (configured by -Dlog4j.configurationFile).
        LogConfigurator.configureESLogging();

        Settings settings = Settings.builder()
            .put("cluster.name", "cms-search")
            .put("node.name", "cms-search-1")
            .put("path.home", data.toString())
            .put("path.data", data.resolve("data").toString())
            .put("path.logs", data.resolve("logs").toString())
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", httpPort)
            .put("transport.port", transportPort)
            .put("transport.type", "netty4")   // from Netty4Plugin
            .put("http.type", "netty4")
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();

        Environment env = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "cms-search-1");

        Node node = new ClasspathPluginsNode(
            env, List.of(Netty4Plugin.class, SpanishAnalysisPlugin.class, RootEndpointPlugin.class)
        );

        // SIGTERM/SIGINT close the node cleanly (run.sh stop sends SIGTERM).
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            }
            stopped.countDown();
        }, "esnode-shutdown"));

        node.start();
        // Elasticsearch threads are daemons: keep the JVM alive until the hook has run.
        stopped.await();
    }
}
