import Foundation

/// The one writer of corpus JSONL files that imports leave beside a session: one JSON object per
/// document and line, keys sorted, `/` unescaped, each line ending in LF; ``CorpusLoader`` reads
/// them back. ``PretokenizedRecord`` (SpkAtt's documents, with their sentences) and
/// ``BratFolderCorpus`` (a brat folder's documents under the ids their file names encode) write
/// through it.
public enum CorpusJSONL {
    /// The JSONL bytes of `records`, one line each, in the order given.
    public static func bytes<Record: Encodable>(_ records: some Sequence<Record>) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes: [UInt8] = []
        for record in records {
            guard let data = try? encoder.encode(record) else { continue }
            bytes += data
            bytes.append(0x0A)
        }
        return bytes
    }
}
