package org.elasticsearch.node;

import java.util.Collection;

import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.MockPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

/**
 * A Node whose plugins are classes on the classpath (no plugins/ or modules/ directories).
 *
 * Lives in org.elasticsearch.node because NodeConstruction and NodeServiceProvider are
 * package-private there: the same path the test framework's MockNode takes, without MockNode
 * itself (whose test base classes refuse to run as root and need randomizedtesting).
 * Tied to the exact server version in pom.xml: this is not a public API.
 */
public class ClasspathPluginsNode extends Node {

    public ClasspathPluginsNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
        super(NodeConstruction.prepareConstruction(environment, null, new NodeServiceProvider() {
            @Override
            PluginsService newPluginService(Environment env, PluginsLoader pluginsLoader) {
                return new MockPluginsService(env.settings(), env, plugins);
            }
        }, true /* forbidPrivateIndexSettings */));
    }
}
