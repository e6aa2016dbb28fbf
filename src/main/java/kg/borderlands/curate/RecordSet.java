package kg.borderlands.curate;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All records of a data directory, indexed by key (the id, or {@code {source}/{id}} for a source's apparatus,
 * see {@link LocatedRecord#key()}), and each unit's apparatus by section number and footnote number.
 *
 * <p>Resolution (docs/data-format.md "Source units"): a reference written in a unit resolves to that unit's own
 * apparatus first, then to the shared records; a {@code source:} place resolves to the apparatus of the source
 * its {@code work} names, else of the record's own unit. Section and footnote numbers are per unit.
 */
public final class RecordSet {
    /** The unit key of the shared (or only) unit in the per-unit indexes. */
    private static final String SHARED = "";

    private final List<LocatedRecord> records;
    private final Map<String, LocatedRecord> byKey = new LinkedHashMap<>();
    private final Map<String, Set<String>> unitsByKey = new HashMap<>();
    private final Map<String, Map<String, Records.Section>> sectionsByNumber = new HashMap<>();
    private final Map<String, Map<Integer, Records.Footnote>> footnotesByNumber = new HashMap<>();
    private final Map<String, Records.Paragraph> paragraphsBySection = new HashMap<>();
    private final Map<String, String> unitByWork = new HashMap<>();
    private final Map<String, SourceDescriptor> descriptors = new LinkedHashMap<>();
    /** A source's work by the ids other sources cite it by ({@code citedAs}). */
    private final Map<String, String> workByCitedId = new HashMap<>();

    /** A record set of one unscoped unit, or of records read without descriptors (tools, tests). */
    public RecordSet(List<LocatedRecord> records) {
        this(records, List.of());
    }

    public RecordSet(List<LocatedRecord> records, List<SourceUnit> units) {
        this.records = List.copyOf(records);
        for (SourceUnit u : units) {
            if (!u.isSource()) continue;
            descriptors.put(u.id(), u.descriptor());
            unitByWork.putIfAbsent(u.descriptor().work(), u.id());
            for (String c : u.descriptor().citedAs()) {
                workByCitedId.putIfAbsent(c, u.descriptor().work());
                unitByWork.putIfAbsent(c, u.id());
            }
        }
        for (LocatedRecord r : records) {
            String key = r.key();
            byKey.putIfAbsent(key, r);
            unitsByKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(unitKey(r.unit()));
            String unit = unitKey(r.unit());
            if (r.record() instanceof Records.Section s) {
                sectionsByNumber.computeIfAbsent(unit, k -> new LinkedHashMap<>()).putIfAbsent(s.number(), s);
                // without descriptors (tools, tests), a unit's work is the report its sections belong to
                if (s.report() != null) unitByWork.putIfAbsent(s.report(), unit);
            }
            if (r.record() instanceof Records.Footnote f) {
                footnotesByNumber.computeIfAbsent(unit, k -> new LinkedHashMap<>()).putIfAbsent(f.number(), f);
            }
            if (r.record() instanceof Records.Paragraph p) {
                paragraphsBySection.putIfAbsent(unit + "#" + p.section() + "#" + p.number(), p);
            }
        }
    }

    private static String unitKey(String unit) {
        return unit == null ? SHARED : unit;
    }

    public List<LocatedRecord> all() {
        return records;
    }

    /** The record with this key (an id, or {@code {source}/{id}} for a source's apparatus), or {@code null}. */
    public LocatedRecord byId(String key) {
        return byKey.get(key);
    }

    /** A reference written in {@code unit}: the unit's own apparatus first, then the unscoped records. */
    public LocatedRecord resolve(String unit, String id) {
        if (unit != null) {
            LocatedRecord own = byKey.get(unit + "/" + id);
            if (own != null) return own;
        }
        return byKey.get(id);
    }

    /**
     * The works id a reference to {@code id} stands for: the work of the source whose descriptor lists {@code id}
     * in {@code citedAs} (a citation of Asia Report N°354 as {@code work-icg-report-354} is a citation of the source
     * {@code icg-asia-354}'s work), else {@code id} itself.
     */
    public String canonicalWork(String id) {
        return workByCitedId.getOrDefault(id, id);
    }

    /** The units (source ids; the empty string for the shared unit) whose files hold a record with this key. */
    public Set<String> unitsOf(String key) {
        return Collections.unmodifiableSet(unitsByKey.getOrDefault(key, Set.of()));
    }

    /** The source descriptors, by source id. */
    public Map<String, SourceDescriptor> descriptors() {
        return Collections.unmodifiableMap(descriptors);
    }

    /**
     * The unit whose apparatus a {@code source:} place written in {@code unit} cites: the source its
     * {@code work} names (the empty string for the apparatus of an unscoped directory), else {@code unit}.
     * {@code null} when {@code work} names no source.
     */
    public String citedUnit(String unit, Records.SourceRef ref) {
        if (ref.work() == null) return unitKey(unit);
        return unitByWork.get(ref.work());
    }

    /** The section numbered {@code number} in the apparatus of unit {@code citedUnit}, or {@code null}. */
    public Records.Section section(String citedUnit, String number) {
        return sectionsByNumber.getOrDefault(unitKey(citedUnit), Map.of()).get(number);
    }

    /** The footnote numbered {@code number} in the apparatus of unit {@code citedUnit}, or {@code null}. */
    public Records.Footnote footnote(String citedUnit, Integer number) {
        return footnotesByNumber.getOrDefault(unitKey(citedUnit), Map.of()).get(number);
    }

    /** The paragraph {@code number} of the section numbered {@code sectionNumber} in unit {@code citedUnit}. */
    public Records.Paragraph paragraph(String citedUnit, String sectionNumber, int number) {
        Records.Section s = section(citedUnit, sectionNumber);
        return s == null ? null : paragraphsBySection.get(unitKey(citedUnit) + "#" + s.id() + "#" + number);
    }

    /** The key of an apparatus record of unit {@code citedUnit} with local id {@code id}. */
    public static String keyIn(String citedUnit, String id) {
        return citedUnit == null || citedUnit.isEmpty() ? id : citedUnit + "/" + id;
    }

    public long count(Kind kind) {
        return records.stream().filter(r -> r.kind() == kind).count();
    }
}
