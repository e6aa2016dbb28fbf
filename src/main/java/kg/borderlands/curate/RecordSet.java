package kg.borderlands.curate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** All records of a data directory, indexed by id, section number and footnote number. */
public final class RecordSet {
    private final List<LocatedRecord> records;
    private final Map<String, LocatedRecord> byId = new LinkedHashMap<>();
    private final Map<String, Records.Section> sectionsByNumber = new LinkedHashMap<>();
    private final Map<Integer, Records.Footnote> footnotesByNumber = new LinkedHashMap<>();
    private final Map<String, Records.Paragraph> paragraphsBySection = new LinkedHashMap<>();

    public RecordSet(List<LocatedRecord> records) {
        this.records = List.copyOf(records);
        for (LocatedRecord r : records) {
            byId.putIfAbsent(r.record().id(), r);
            if (r.record() instanceof Records.Section s) sectionsByNumber.putIfAbsent(s.number(), s);
            if (r.record() instanceof Records.Footnote f) footnotesByNumber.putIfAbsent(f.number(), f);
            if (r.record() instanceof Records.Paragraph p) paragraphsBySection.putIfAbsent(p.section() + "#" + p.number(), p);
        }
    }

    public List<LocatedRecord> all() {
        return records;
    }

    public LocatedRecord byId(String id) {
        return byId.get(id);
    }

    public Map<String, Records.Section> sectionsByNumber() {
        return Collections.unmodifiableMap(sectionsByNumber);
    }

    public Map<Integer, Records.Footnote> footnotesByNumber() {
        return Collections.unmodifiableMap(footnotesByNumber);
    }

    /** The paragraph numbered {@code number} in the section numbered {@code sectionNumber}, or {@code null}. */
    public Records.Paragraph paragraph(String sectionNumber, int number) {
        Records.Section s = sectionsByNumber.get(sectionNumber);
        return s == null ? null : paragraphsBySection.get(s.id() + "#" + number);
    }

    public long count(Kind kind) {
        return records.stream().filter(r -> r.kind() == kind).count();
    }
}
