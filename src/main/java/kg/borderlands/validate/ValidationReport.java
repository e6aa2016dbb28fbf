package kg.borderlands.validate;

import java.util.List;

/** The findings of SHACL shapes and quality checks on one build. */
public record ValidationReport(List<Finding> findings) {
    public ValidationReport {
        findings = List.copyOf(findings);
    }

    public long violations() {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.VIOLATION).count();
    }

    public long warnings() {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).count();
    }

    public boolean conforms() {
        return violations() == 0;
    }

    public String summary() {
        return violations() + " violation(s), " + warnings() + " warning(s)";
    }
}
