package kg.borderlands.load;

import kg.borderlands.Vocab;
import kg.borderlands.curate.CurationException;
import kg.borderlands.curate.OntologyIndex;
import kg.borderlands.curate.RdfMapper;
import kg.borderlands.curate.RecordChecker;
import kg.borderlands.curate.RecordReader;
import kg.borderlands.curate.RecordSet;
import kg.borderlands.curate.SourceUnit;
import kg.borderlands.curate.SourceUnits;
import kg.borderlands.validate.Finding;
import kg.borderlands.validate.QualityChecks;
import kg.borderlands.validate.ShaclValidation;
import kg.borderlands.validate.ValidationReport;
import org.apache.jena.rdf.model.Model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The whole build in memory, over the union of every source unit: read the ontology, read and check the
 * curated records, map them to RDF, materialise inferences, then validate with SHACL and the quality checks.
 * Writes nothing. {@code load} builds unit by unit instead ({@link UnitPipeline}); this one-model build is what
 * {@code validate} runs and the reference the unit-by-unit build is tested against (same graphs on {@code data/}).
 */
public final class GraphBuilder {
    private final ProjectInputs inputs;

    public GraphBuilder(ProjectInputs inputs) {
        this.inputs = Objects.requireNonNull(inputs, "inputs");
    }

    public BuiltGraphs build() throws IOException, CurationException {
        inputs.requireUsable();
        Model ontology = readOntology();
        OntologyIndex index = new OntologyIndex(ontology);
        List<SourceUnit> units = SourceUnits.of(inputs.dataDir());
        RecordSet records = new RecordChecker(index).check(new RecordReader().readAll(inputs.dataDir(), units), units);
        RdfMapper.MappedData mapped = RdfMapper.map(records, index);
        Model data = mapped.data();
        Model inferred = Inference.infer(ontology, data);
        Model claimed = Inference.claimed(ontology, data, inferred, mapped.claimed());
        ValidationReport report = validate(new BuiltGraphs(ontology, data, inferred, claimed, null));
        Model voidDescription = kg.borderlands.link.VoidDescription.forStore(
                new BuiltGraphs(ontology, data, inferred, claimed, report).union().getGraph(), mapped.sources());
        return new BuiltGraphs(ontology, data, inferred, claimed, report, voidDescription, mapped.sources());
    }

    private Model readOntology() throws IOException, CurationException {
        return OntologyReader.read(inputs.ontologyFiles());
    }

    private ValidationReport validate(BuiltGraphs graphs) throws IOException {
        Model union = graphs.all();
        List<Finding> findings = new ArrayList<>();
        if (Files.exists(inputs.shapesFile())) {
            findings.addAll(ShaclValidation.fromFile(inputs.shapesFile()).validate(union.getGraph()));
        }
        findings.addAll(new QualityChecks(inputs.qcDir()).run(union));
        return new ValidationReport(findings);
    }
}
