@testable import Annotations
import Testing

@Suite("Speaker resolution")
struct SpeakerResolverTests {
    let speakers = [
        Speaker(id: "S1", name: "Mark Rutte", aliases: ["NATO-Chef"]),
        Speaker(id: "S2", name: "Kim Yong-hyun"),
        Speaker(id: "S3", name: "Kim Jong-un"),
        Speaker(id: "S4", name: "Wolodymyr Selenskyj"),
        Speaker(id: "S5", name: "Recep Tayyip Erdoğan"),
    ]

    func matches(_ name: String) -> [String] {
        SpeakerResolver().matches(for: name, among: speakers).map { "\($0.speaker.id):\($0.strength)" }
    }

    @Test("Surname, genitive, honorifics and titles resolve confidently", arguments: [
        ("Rutte", "S1:surname"), ("Ruttes", "S1:surname"), ("Herr Rutte", "S1:surname"),
        ("NATO-Generalsekretär Mark Rutte", "S1:exact"), ("MARK RUTTE", "S1:exact"), ("Mark Ruttes", "S1:genitive"),
        ("„Selenskyj“", "S4:surname"), ("der ukrainische Präsident Selenskyj", "S4:surname"), ("NATO-Chef", "S1:exact"),
    ])
    func confident(name: String, expected: String) {
        #expect(matches(name) == [expected])
        let found = SpeakerResolver().matches(for: name, among: speakers)
        #expect(found.allSatisfy { $0.isConfident })
    }

    @Test("A family name written first is a suggestion, never a confident link")
    func familyNameFirst() {
        #expect(matches("Kim") == ["S2:prefix", "S3:prefix"])
        #expect(matches("Kims") == ["S2:prefix", "S3:prefix"])
        let found = SpeakerResolver().matches(for: "Kim", among: speakers)
        #expect(found.allSatisfy { !$0.isConfident })
        #expect(matches("Kim Yong-hyun") == ["S2:exact"])
        #expect(matches("(nordkoreanischem) Präsidenten Kim") == ["S2:prefix", "S3:prefix"])
    }

    @Test("Diacritics fold: Erdogan is Erdoğan")
    func diacritics() {
        #expect(matches("Erdogan") == ["S5:surname"])
        #expect(matches("Präsident Erdogans") == ["S5:surname"])
    }

    @Test("Names that match nothing, and empty names, give nothing")
    func nothing() {
        #expect(matches("Putin").isEmpty)
        #expect(matches("  ").isEmpty)
        #expect(matches("Herr").isEmpty)
        #expect(SpeakerResolver().candidates(for: "Rutte", among: []).isEmpty)
    }
}
