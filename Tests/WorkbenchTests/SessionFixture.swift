@testable import Annotations
import Foundation
import TestSupport

/// A small corpus on disk and annotators' sessions over it, written as session files, for command tests.
struct SessionFixture {
    let folder: String
    let corpus: SegmentedCorpus
    var session: Session
    private var time = 0

    /// Writes `documents` (id → text) as .txt files into a new temporary folder and starts a session over them.
    static func corpus(_ documents: [String: String]) throws -> (folder: String, corpus: SegmentedCorpus) {
        let folder = TestScratch.path("agree-")
        try FileManager.default.createDirectory(atPath: folder + "/corpus", withIntermediateDirectories: true)
        for (id, text) in documents {
            try Data(text.utf8).write(to: URL(fileURLWithPath: "\(folder)/corpus/\(id).txt"))
        }
        return (folder, SegmentedCorpus(try CorpusLoader().load(paths: [folder + "/corpus"])))
    }

    init(annotator: String, folder: String, corpus: SegmentedCorpus) {
        self.folder = folder
        self.corpus = corpus
        session = Session(annotator: annotator, corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
    }

    /// The anchor of the first occurrence of `text` in `document`.
    func anchor(_ text: String, in document: String) throws -> TextAnchor {
        let builder = AnchorBuilder(corpus: corpus)
        guard let doc = builder.document(document) else { throw CocoaError(.fileNoSuchFile) }
        for sentence in doc.sentences {
            let scalars = Array(sentence.text.unicodeScalars), needle = Array(text.unicodeScalars)
            guard scalars.count >= needle.count else { continue }
            for start in 0...(scalars.count - needle.count) where Array(scalars[start..<start + needle.count]) == needle {
                let segment = SpanSegment(start: sentence.start + start, end: sentence.start + start + needle.count)
                return try builder.anchor(document: document, sentence: sentence.index, segments: [segment])
            }
        }
        throw CocoaError(.fileReadCorruptFile)
    }

    mutating func perform(_ action: EditAction) throws {
        time += 1
        try session.perform(action, time: "2026-11-21T10:00:\(String(format: "%02d", time)).000Z")
    }

    /// Saves the session as `<folder>/<name>.json` and returns the path.
    func write(_ name: String) throws -> String {
        let path = "\(folder)/\(name).json"
        try SessionCodec.encode(session.formatOneFile).write(to: URL(fileURLWithPath: path))
        return path
    }
}
