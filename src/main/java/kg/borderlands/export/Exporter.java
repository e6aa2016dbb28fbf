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
 * Writes the store in a standard RDF syntax. Triple formats get the established knowledge graph as one graph
 * (ontology, asserted data and inferences, each triple once; contested content, which lives only in the claimed
 * graph, is left out; the VoID description goes in a file beside it); TriG keeps the named graphs apart, the
 * claimed and VoID graphs included, and carries the default ("truthy") graph as its default graph. JSON-LD is
 * compacted with the project's context ({@link JsonLdContext}), embedded, so that keys read {@code label},
 * {@code aliases}, {@code country}….
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
                // The default ("truthy") graph too, so that a stock SPARQL server loading the TriG file answers
                // queries without GRAPH as ours does (docs/ontology.md, "Status graphs").
                dsg.getDefaultGraph().find().forEachRemaining(t -> copy.getDefaultGraph().add(t));
                copy.prefixes().putAll(Vocab.prefixes().getNsPrefixMap());
                RDFDataMgr.write(out, copy, format.rdfFormat);
                long[] n = {0};
                copy.find().forEachRemaining(q -> n[0]++);
                return n[0];
            }
            Graph union = new org.apache.jena.sparql.graph.GraphUnionRead(dsg,
                    kg.borderlands.link.VoidDescription.DESCRIBED_GRAPHS.stream()
                            .map(org.apache.jena.graph.NodeFactory::createURI).toList());
            Model m = ModelFactory.createDefaultModel();
            org.apache.jena.graph.GraphUtil.addInto(m.getGraph(), union);
            m.setNsPrefixes(Vocab.prefixes());
            if (format == Format.JSONLD) {
                try {
                    JsonLdContext.write(m.getGraph(), out);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            } else {
                RDFDataMgr.write(out, m, format.rdfFormat);
            }
            return m.size();
        });
    }
}
