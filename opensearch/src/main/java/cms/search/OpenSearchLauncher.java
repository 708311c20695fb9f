package cms.search;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * Runs a single-node OpenSearch 2.19.x in this JVM, from plain Maven jars (no distribution).
 *
 * Environment: OPENSEARCH_DATA (default ./var/opensearch), OPENSEARCH_PORT (default 9200).
 * Bypasses org.opensearch.bootstrap.Bootstrap, so there are no bootstrap checks, no
 * "can not run as root" check and no security manager.
 */
public final class OpenSearchLauncher {

    /** Node's constructor that accepts classpath plugins is protected: expose it. */
    static final class EmbeddedNode extends Node {
        EmbeddedNode(Environment env, Collection<Class<? extends Plugin>> plugins) {
            super(env, plugins, true /* forbidPrivateIndexSettings */);
        }
    }

    public static void main(String[] args) throws Exception {
        Path data = Paths.get(System.getenv().getOrDefault("OPENSEARCH_DATA", "var/opensearch"))
            .toAbsolutePath().normalize();
        String port = System.getenv().getOrDefault("OPENSEARCH_PORT", "9200");

        Settings settings = Settings.builder()
            .put("cluster.name", "cms-search")
            .put("node.name", "cms-search-1")
            .put("path.home", data.toString())
            .put("path.data", data.resolve("data").toString())
            .put("path.logs", data.resolve("logs").toString())
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", port)
            .put("transport.type", "netty4")   // provided by Netty4Plugin
            .put("http.type", "netty4")
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();

        Environment env = InternalSettingsPreparer.prepareEnvironment(
            settings, Map.of(), null, () -> "cms-search-1");

        Node node = new EmbeddedNode(env,
            List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, PainlessPlugin.class));

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
        }, "opensearch-shutdown"));

        node.start();
        // OpenSearch threads are daemons: keep the JVM alive until the hook has run.
        stopped.await();
    }
}
