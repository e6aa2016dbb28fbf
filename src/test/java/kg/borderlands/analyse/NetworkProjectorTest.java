package kg.borderlands.analyse;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class NetworkProjectorTest {
    private final Network net = FixtureNetwork.network();

    private NetworkEdge edge(String id) {
        return net.edges().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no edge " + id + " in " + net.edges().stream().map(NetworkEdge::id).toList()));
    }

    @Test
    void everyActorIsANodeWithItsMostSpecificClassAndAliases() {
        assertEquals(List.of("group-c", "group-d", "mediator-e", "outlet-g", "person-f", "state-a", "state-b"),
                net.nodes().stream().map(ActorNode::id).toList(), "the place province-p is not an actor");
        ActorNode a = net.node("state-a").orElseThrow();
        assertEquals("State A", a.label());
        assertEquals("State", a.type());
        assertEquals(List.of("Alphaland", "SA"), a.aliases());
        assertTrue(a.classes().containsAll(Set.of("State", "Organisation", "Actor")), a.classes().toString());
        assertFalse(a.isA("MilitantGroup"));
        assertEquals("MilitantGroup", net.node("group-c").orElseThrow().type());
        assertEquals("Person", net.node("person-f").orElseThrow().type());
        assertEquals("MediaOutlet", net.node("outlet-g").orElseThrow().type());
    }

    @Test
    void edgesAreExactlyTheDocumentedOnes() {
        assertEquals(List.of(
                "cl-a-denies:Denial:state-a:state-b",
                "cl-b-accuses-a:Allegation:state-b:state-a",
                "cl-b-accuses-c:Allegation:state-b:group-c",
                "ev-attack:Attack:group-c:state-b",
                "ev-talks:Mediation:mediator-e:group-d",
                "ev-talks:Mediation:mediator-e:person-f",
                "ev-talks:Negotiation:group-d:person-f",
                "t-alliance:Alliance:group-c:group-d",
                "t-sanctuary:Sanctuary:state-a:group-c",
                "t-support:Support:person-f:mediator-e"), net.edges().stream().map(NetworkEdge::id).toList(),
                "the Host role gives no edge; the tie to a place is skipped");
        assertEquals(List.of("t-governs"), net.skipped());
    }

    @Test
    void tieEdgeCarriesSpanSourcesAndDirection() {
        NetworkEdge e = edge("t-sanctuary:Sanctuary:state-a:group-c");
        assertEquals("state-a", e.source());
        assertEquals("group-c", e.target());
        assertTrue(e.directed());
        assertEquals(LocalDate.of(2010, 1, 1), e.from());
        assertEquals(LocalDate.of(2015, 12, 31), e.until());
        assertEquals(List.of(7, 12), e.footnotes(), "ascending");
        assertEquals(List.of("II.A"), e.sections());
        assertEquals("t-sanctuary", e.record());
        assertEquals("Sanctuary", e.recordType());
        assertEquals("A shelters C", e.label());
        assertFalse(e.contested());
    }

    @Test
    void symmetricTieIsUndirectedAndOpenEnded() {
        NetworkEdge e = edge("t-alliance:Alliance:group-c:group-d");
        assertFalse(e.directed());
        assertEquals(LocalDate.of(2020, 1, 1), e.from());
        assertNull(e.until());
    }

    @Test
    void contestedTieNamesWhoAssertsIt() {
        NetworkEdge e = edge("t-support:Support:person-f:mediator-e");
        assertTrue(e.contested());
        assertEquals(List.of("state-b"), e.accordingTo());
        assertNull(e.from());
        assertNull(e.until());
    }

    @Test
    void claimsBecomeAllegationAndDenialEdges() {
        NetworkEdge acc = edge("cl-b-accuses-a:Allegation:state-b:state-a");
        assertEquals(LocalDate.of(2024, 3, 1), acc.from());
        assertEquals(LocalDate.of(2024, 3, 31), acc.until());
        assertEquals(List.of(30), acc.footnotes());
        assertEquals("Allegation", acc.recordType());
        NetworkEdge den = edge("cl-a-denies:Denial:state-a:state-b");
        assertEquals("state-b", den.target(), "a denial points at the accuser of the claim it answers");
        assertEquals("Denial", den.recordType());
    }

    @Test
    void eventsBecomeMediationNegotiationAndAttackEdges() {
        NetworkEdge med = edge("ev-talks:Mediation:mediator-e:group-d");
        assertEquals("NegotiationRound", med.recordType());
        assertEquals(LocalDate.of(2025, 10, 18), med.from());
        assertEquals(LocalDate.of(2025, 10, 18), med.until());
        assertEquals(List.of("III.B.1"), med.sections());
        assertFalse(edge("ev-talks:Negotiation:group-d:person-f").directed());
        assertTrue(edge("ev-attack:Attack:group-c:state-b").directed());
    }

    @Test
    void knownKindsAndClassesComeFromTheOntology() {
        assertTrue(net.knownKinds().containsAll(Set.of("Sanctuary", "Allegiance", "OfficeHolding", "Governance",
                "Allegation", "Denial", "Mediation", "Attack", "Negotiation")));
        assertTrue(net.actorClasses().containsAll(Set.of("Actor", "Organisation", "State", "MilitantGroup", "Person")));
        assertFalse(net.actorClasses().contains("Province"));
    }

    @Test
    void resolveAcceptsIdsLabelsAndAliasesAndSuggests() {
        assertEquals("state-a", net.resolve("state-a").id());
        assertEquals("state-a", net.resolve("alphaland").id());
        assertEquals("group-c", net.resolve("Group C").id());
        UnknownActorException e = assertThrows(UnknownActorException.class, () -> net.resolve("state"));
        assertTrue(e.getMessage().startsWith("BKG-E050 unknown actor 'state'"), e.getMessage());
        assertEquals(List.of("state-a", "state-b"), e.suggestions());
        assertEquals(List.of(), assertThrows(UnknownActorException.class, () -> net.resolve("zzz")).suggestions());
    }

    @Test
    void sectionsAreOrderedAsInTheReport() {
        List<String> s = new java.util.ArrayList<>(List.of("VI.B.2", "III.B.10", "summary", "III.B.2", "II.A", "findings", "IV", "III"));
        s.sort(NetworkProjector::compareSections);
        assertEquals(List.of("summary", "findings", "II.A", "III", "III.B.2", "III.B.10", "IV", "VI.B.2"), s);
    }
}
