package kg.borderlands;

import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sys.JenaSubsystemLifecycle;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps {@code geo:sfWithin} (and the other {@code geo:} relation properties) plain triple patterns.
 * jena-geosparql registers them as property functions when Jena starts, which would make a query or an
 * update's WHERE compute topology instead of matching the graph's asserted containment
 * ({@code blk:within} ⊑ {@code geo:sfWithin}, closed transitively) — SHACL's "a place within itself" check and
 * {@code DELETE WHERE { ?p geo:sfWithin ?q }} stop seeing those triples. Computed topology stays available
 * through the {@code geof:} filter functions and Jena's {@code spatial:} property functions. Runs after
 * {@code InitGeoSPARQL} (level 100); registered in {@code META-INF/services}.
 */
public final class GeoSparqlTriples implements JenaSubsystemLifecycle {
    private static final String GEO = Vocab.GEO;

    @Override
    public void start() {
        PropertyFunctionRegistry registry = PropertyFunctionRegistry.get();
        List<String> geo = new ArrayList<>();
        registry.keys().forEachRemaining(uri -> {
            if (uri.startsWith(GEO)) geo.add(uri);
        });
        geo.forEach(registry::remove);
    }

    @Override
    public void stop() {}

    @Override
    public int level() {
        return 101;
    }
}
