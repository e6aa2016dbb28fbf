package kg.borderlands.validate;

import kg.borderlands.Vocab;

/** One SHACL result or quality-check row, readable by a curator. */
public record Finding(Severity severity, String check, String focusNode, String path, String message) {

    public enum Severity { VIOLATION, WARNING, INFO }

    /** The curated record a focus node belongs to: {@code …/id/ev-x/participation/1} → {@code ev-x}. */
    public String recordId() {
        if (focusNode == null || !focusNode.startsWith(Vocab.ID)) return null;
        String rest = focusNode.substring(Vocab.ID.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    public String format() {
        String rec = recordId();
        return severity + " " + check + (rec != null ? " record '" + rec + "'" : "")
                + " focus <" + focusNode + ">" + (path != null ? " path " + path : "") + ": " + message;
    }
}
