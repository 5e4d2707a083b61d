import PropertyBased
import Testing
import TestSupport
@testable import Annotations

/// `SessionFile.differences(from:)` against a straightforward reference (one table of records keyed
/// by `RecordKey`) on random sessions whose stored annotations were tampered with.
@Suite("Session file differences")
struct SessionFileDifferencesTests {
    /// The reference: every stored record in one table, compared with every record of the state.
    static func reference(_ file: SessionFile, _ state: AnnotationState) -> [String] {
        var stored: [RecordKey: Record] = [:]
        var differences: [String] = []
        func store(_ key: RecordKey, _ record: Record) {
            if stored.updateValue(record, forKey: key) != nil { differences.append("\(key) (\(key.kind)) is stored twice") }
        }
        for speaker in file.speakers { store(.speaker(speaker.id), .speaker(speaker)) }
        for target in file.targets { store(.target(target.id), .target(target)) }
        for record in file.annotations { store(record.key, record) }
        for stance in file.stances { store(.stance(stance.id), .stance(stance)) }
        for note in file.notes { store(.note(note.id), .note(note)) }
        for entry in file.statuses {
            let key = SentenceKey(document: entry.document, sentence: entry.sentence)
            if entry.status != .open { store(.status(key), .status(key, entry.status)) }
        }
        for review in file.reviews { store(.review(review.annotation), .review(review)) }
        var seen = Set<RecordKey>()
        for record in state.allRecords {
            seen.insert(record.key)
            guard let other = stored[record.key] else {
                differences.append("\(record.key) (\(record.kind)) is in the log but missing from the stored annotations")
                continue
            }
            if other != record {
                differences.append("\(record.key) (\(record.kind)) differs: stored \(EventDescription.summary(other)), log gives \(EventDescription.summary(record))"
                    + { $0.isEmpty ? "" : " (" + $0.joined(separator: ", ") + ")" }(EventDescription.changedFields(other, record)))
            }
        }
        for (key, record) in stored where !seen.contains(key) {
            differences.append("\(key) (\(record.kind)) is stored but not in the log")
        }
        return differences.sorted()
    }

    /// Changes the stored annotations in one of several ways chosen by `code`.
    static func tamper(_ file: inout SessionFile, code: Int) {
        switch code % 9 {
        case 0: if !file.annotations.isEmpty { file.annotations.remove(at: code % file.annotations.count) }
        case 1: if let first = file.annotations.first { file.annotations.append(first) }
        case 2: if !file.annotations.isEmpty { file.annotations.swapAt(0, file.annotations.count - 1) }
        case 3:
            if case .claim(var claim)? = file.annotations.last {
                claim.hedged.toggle()
                file.annotations[file.annotations.count - 1] = .claim(claim)
            }
        case 4: file.speakers.append(Speaker(id: "S77", name: "Extra"))
        case 5: file.statuses.append(SessionFile.StatusEntry(document: "plain", sentence: 0, status: code % 2 == 0 ? .open : .flagged))
        case 6: if !file.speakers.isEmpty { file.speakers[0].name += "!" }
        case 7: file.annotations.append(.speaker(Speaker(id: "S1", name: "Im falschen Fach")))
        default: break
        }
    }

    @Test("A stored claim that differs from the log in its second speaker or its offsets is named with the fields that differ")
    func differenceNamesTheFields() throws {
        func anchor(_ start: Int) -> TextAnchor {
            TextAnchor(document: "plain", sentence: 0, segments: [SpanSegment(start: start, end: start + 4)], text: "Satz", before: "", after: "", sentenceHash: "h")
        }
        var state = AnnotationState()
        for (id, name) in [("S1", "Anna"), ("S2", "Ben"), ("S3", "Cem")] { state.store(.speaker(Speaker(id: id, name: name))) }
        state.store(.claim(Claim(id: "C1", anchor: anchor(0), speakers: ["S1", "S3"])))
        var file = SessionFile(annotator: "a", created: "c", updated: "c", corpus: CorpusReference(TestCorpus.corpus), derivedFrom: nil, cursor: nil, state: state, events: [])
        file.annotations = [.claim(Claim(id: "C1", anchor: anchor(1), speakers: ["S1", "S2"]))]
        let differences = file.differences(from: state)
        #expect(differences.count == 1, "\(differences)")
        let line = try #require(differences.first)
        #expect(line.hasPrefix("C1 (claim) differs: stored claim C1 by S1,S2 \"Satz\", log gives claim C1 by S1,S3 \"Satz\""), "\(line)")
        #expect(line.contains("speakers: [S1, S2] → [S1, S3]"), "\(line)")
        #expect(line.contains("anchor: plain@1-5 → plain@0-4"), "\(line)")
    }

    @Test("Differences match the reference on tampered random sessions")
    func matchesReference() async {
        await propertyCheck(count: 150, input: Gen.int(in: 0...100_000).array(of: 0...60), Gen.int(in: 0...1000)) { codes, code in
            let session = SessionDecoderTests.randomSession(codes)
            var file = session.file
            #expect(file.differences(from: session.state).isEmpty)
            Self.tamper(&file, code: code)
            #expect(file.differences(from: session.state) == Self.reference(file, session.state))
        }
    }
}
