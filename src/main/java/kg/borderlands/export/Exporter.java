package kg.borderlands.export;

import kg.borderlands.Vocab;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;

import java.io.OutputStream;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes the store in a standard RDF syntax. Triple formats get the union graph (ontology, asserted data and
 * inferences, each triple once); TriG keeps the named graphs apart.
 */
public final class Exporter {
    public enum Format {
        TTL(RDFFormat.TURTLE_PRETTY, false), NT(RDFFormat.NTRIPLES, false), JSONLD(RDFFormat.JSONLD, false),
        TRIG(RDFFormat.TRIG_BLOCKS, true), RDFXML(RDFFormat.RDFXML_PLAIN, false);

        final RDFFormat rdfFormat;
        final boolean quads;

        Format(RDFFormat rdfFormat, boolean quads) {
            this.rdfFormat = rdfFormat;
            this.quads = quads;
        }

        public Lang lang() {
            return rdfFormat.getLang();
        }

        public boolean quads() {
            return quads;
        }

        public static Format parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown format '" + s + "': use ttl, nt, jsonld, trig or rdfxml");
            }
        }
    }

    private Exporter() {}

    /** Writes and returns the number of triples (or quads, for TriG) written. */
    public static long export(DatasetGraph dsg, Format format, OutputStream out) {
        Objects.requireNonNull(dsg, "dsg");
        return Txn.calculateRead(dsg, () -> {
            if (format.quads) {
                DatasetGraph copy = DatasetGraphFactory.createTxnMem();
                dsg.listGraphNodes().forEachRemaining(g -> dsg.getGraph(g).find().forEachRemaining(
                        t -> copy.add(g, t.getSubject(), t.getPredicate(), t.getObject())));
                copy.prefixes().putAll(Vocab.prefixes().getNsPrefixMap());
                RDFDataMgr.write(out, copy, format.rdfFormat);
                long[] n = {0};
                copy.find().forEachRemaining(q -> n[0]++);
                return n[0];
            }
            // Triple formats carry the default ("truthy") graph: what the report establishes (docs/store.md).
            Graph union = dsg.getDefaultGraph();
            Model m = ModelFactory.createDefaultModel();
            org.apache.jena.graph.GraphUtil.addInto(m.getGraph(), union);
            m.setNsPrefixes(Vocab.prefixes());
            RDFDataMgr.write(out, m, format.rdfFormat);
            return m.size();
        });
    }
}
