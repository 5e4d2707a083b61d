import Foundation
import Testing
@testable import Annotations

/// A long annotations list (6 MiB) decodes by hand to what the `Codable` path gives, whatever the
/// layout, and damage anywhere in it is found where it is.
@Suite("Session decoder, long lists")
struct LongSnapshotDecodingTests {
    /// A snapshot whose annotations list is 6 MiB long: mentions, cues and claims with umlauts, „“,
    /// emoji and combining marks in their texts.
    static func longFile() -> SessionFile {
        var file = Session(annotator: "halves", corpus: CorpusReference(TestCorpus.corpus), created: "2026-11-21T10:00:00.000Z").file
        file.speakers = [Speaker(id: "S1", name: "Jörg Mäder")]
        var records: [Record] = []
        var index = 0
        var bytes = 0
        while bytes < 6 << 20 {
            index += 1
            let text = "„Die Lage sei ernst“, sagte Jörg Mäder 😀 e\u{301} \(index)"
            let anchor = TextAnchor(
                document: "d\(index % 7)", sentence: index % 50, segments: [SpanSegment(start: index, end: index + 40)], text: text,
                before: "vorher ü \(index)", after: "nachher ß", sentenceHash: String(format: "%016llx", UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
            switch index % 3 {
            case 0: records.append(.mention(Mention(id: "M\(index)", anchor: anchor, speaker: "S1")))
            case 1: records.append(.cue(Cue(id: "Q\(index)", anchor: anchor)))
            default: records.append(.claim(Claim(id: "C\(index)", anchor: anchor, speakers: ["S1"])))
            }
            bytes += 330
        }
        file.annotations = records
        return file
    }

    static func decoded(_ bytes: [UInt8]) -> Result<SessionFile, JSONReader.Failure> {
        bytes.withUnsafeBufferPointer { buffer in
            do throws(JSONReader.Failure) { return .success(try SessionFileDecoder.decode(buffer)) } catch { return .failure(error) }
        }
    }

    @Test("A snapshot as the workbench writes it decodes to the same records as the Codable path and is written back byte for byte")
    func asWritten() throws {
        let file = Self.longFile()
        let data = try SessionCodec.encode(file)
        let fast = try Self.decoded([UInt8](data)).get()
        let reference = try JSONDecoder().decode(SessionFile.self, from: data)
        #expect(fast.annotations.count == file.annotations.count)
        #expect(fast.annotations == reference.annotations)
        #expect(fast.annotations == file.annotations)
        #expect(try SessionCodec.encode(fast) == data)
    }

    @Test("Records laid out over several lines (a file formatted by hand) decode to the same records")
    func formattedByHand() throws {
        let file = Self.longFile()
        let data = try SessionCodec.encode(file)
        // Every "segments" list and anchor object begins a line of its own, as a pretty-printer lays them out.
        var text = try #require(String(data: data, encoding: .utf8))
        text = text.replacingOccurrences(of: "\"anchor\":{", with: "\"anchor\":\n      {")
        text = text.replacingOccurrences(of: "\"segments\":[{", with: "\"segments\":[\n        {")
        // and the commas between records open their lines, so no record begins a line with `{`.
        text = text.replacingOccurrences(of: "},\n    {", with: "}\n    , {")
        let bytes = Array(text.utf8)
        let fast = try Self.decoded(bytes).get()
        #expect(fast.annotations == file.annotations)
    }

    @Test("Damage anywhere in the list is found and placed where it is", arguments: [0.3, 0.75, 0.99])
    func damaged(at fraction: Double) throws {
        let data = try SessionCodec.encode(Self.longFile())
        var bytes = [UInt8](data)
        // Break one record's "start" value at the given place of the file into a string.
        let from = Int(Double(bytes.count) * fraction)
        let found = try #require(bytes[from...].firstRange(of: Array("\"start\":".utf8)))
        bytes.insert(UInt8(ascii: "x"), at: found.upperBound)
        guard case .failure(let failure) = Self.decoded(bytes) else {
            Issue.record("a damaged record decoded")
            return
        }
        #expect(failure.position == found.upperBound)
        // And the whole opening names the file and the place.
        #expect(throws: SessionError.self) { try SessionCodec.decode(Data(bytes), path: "anna.json") }
    }
}
