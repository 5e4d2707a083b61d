import Testing
@testable import Annotations

/// Speakers matched across sessions: one to one, canonical names first.
@Suite("Speaker clusters")
struct SpeakerClustersTests {
    static func state(_ speakers: [Speaker]) -> AnnotationState {
        var state = AnnotationState()
        for (index, speaker) in speakers.enumerated() {
            try? state.apply(Event(seq: index + 1, time: "t", annotator: "a", action: .add(.speaker(speaker))))
        }
        #expect(state.speakers.count == speakers.count)
        return state
    }

    @Test("Distinct speakers sharing one alias (\"Die\") stay distinct; each matches its namesake")
    func sharedAliasDoesNotMerge() {
        let speakers = [
            Speaker(id: "S1", name: "Vereinigte Staaten", aliases: ["Die"]),
            Speaker(id: "S2", name: "Bundesregierung", aliases: ["Die"]),
            Speaker(id: "S3", name: "Linke", aliases: ["Die"]),
        ]
        let clusters = SpeakerClusters(states: [Self.state(speakers), Self.state(speakers.reversed().map { var s = $0; s.id = "S1" + $0.id.dropFirst(); return s })])
        for speaker in speakers {
            let mine = clusters.cluster(session: 0, speaker: speaker.id)
            #expect(mine == clusters.cluster(session: 1, speaker: "S1" + speaker.id.dropFirst()), "\(speaker.name)")
            for other in speakers where other.id != speaker.id {
                #expect(mine != clusters.cluster(session: 0, speaker: other.id), "\(speaker.name) merged with \(other.name)")
            }
        }
        #expect(clusters.unmatched.isEmpty)
    }

    @Test("A speaker is matched with at most one speaker of another session, canonical names first")
    func oneToOneNamesFirst() {
        let first = Self.state([Speaker(id: "S1", name: "Mark Rutte", aliases: ["Rutte"])])
        let second = Self.state([Speaker(id: "S1", name: "Rutte"), Speaker(id: "S2", name: "Mark Rutte")])
        let clusters = SpeakerClusters(states: [first, second])
        #expect(clusters.cluster(session: 0, speaker: "S1") == clusters.cluster(session: 1, speaker: "S2"))
        #expect(clusters.cluster(session: 0, speaker: "S1") != clusters.cluster(session: 1, speaker: "S1"))
        #expect(clusters.unmatched.map(\.speaker.id) == ["S1"])
        #expect(clusters.unmatched.map(\.session) == [1])
    }

    @Test("A chain through aliases never puts two speakers of one session together")
    func noTransitiveMerge() {
        // Session 0: Rutte (alias NATO-Chef) and Stoltenberg (alias NATO-Chef); session 1: one NATO-Chef.
        let first = Self.state([Speaker(id: "S1", name: "Mark Rutte", aliases: ["Generalsekretär"]), Speaker(id: "S2", name: "Jens Stoltenberg", aliases: ["Generalsekretär"])])
        let second = Self.state([Speaker(id: "S1", name: "Generalsekretär", aliases: ["Mark Rutte", "Jens Stoltenberg"])])
        let clusters = SpeakerClusters(states: [first, second])
        #expect(clusters.cluster(session: 0, speaker: "S1") != clusters.cluster(session: 0, speaker: "S2"))
        let matched = [clusters.cluster(session: 0, speaker: "S1"), clusters.cluster(session: 0, speaker: "S2")]
            .filter { $0 == clusters.cluster(session: 1, speaker: "S1") }
        #expect(matched.count == 1)
    }

    @Test("agree: a claim attributed to two different speakers who share an alias is an attribution disagreement")
    func agreeKeepsSpeakersSharingAnAliasApart() throws {
        func session(_ annotator: String, attributedTo speaker: String) throws -> Session {
            var f = AgreementFixture(annotator)
            try f.add(.speaker(Speaker(id: "S1", name: "Vereinigte Staaten", aliases: ["Die"])))
            try f.add(.speaker(Speaker(id: "S2", name: "Bundesregierung", aliases: ["Die"])))
            try f.add(.claim(Claim(id: "C1", anchor: try f.anchor("Wir müssen handeln."), speaker: speaker)))
            return f.session
        }
        let report = try AgreementReport(annotators: ["anna", "ben"], sessions: [session("anna", attributedTo: "S1"), session("ben", attributedTo: "S2")])
        let attribution = try #require(report.measures.first { $0.layer == "attribution" && $0.scope == "anna/ben" })
        #expect(attribution.value == 0)
        #expect(report.unmatchedSpeakers.isEmpty)
    }
}
