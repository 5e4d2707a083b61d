import Annotations
import Foundation

/// A team session's log as stored: the bytes of the local log `NAME.jsonl` it stands for (the
/// header line of `workbench.sessions`, then each line of `workbench.events` in `sequence` order),
/// and each line's `sequence`, so that a message names a line both ways: by its line in the log as
/// a file (the header is line 1) and by its row in the table.
///
/// Read by ``TeamProject/log(of:batchLines:progress:)`` in batches, each a statement well within
/// the deadline, all in one snapshot of the database.
public struct TeamLog: Sendable {
    /// The session's name.
    public let name: String
    /// The header line (with its line break), as `workbench.sessions.header_line` holds it.
    public let header: String
    /// The whole log: the header line, then every stored line.
    public internal(set) var bytes: Data
    /// The `sequence` of each line after the header, in order.
    public internal(set) var sequences: [Int] = []

    init(name: String, header: String) {
        self.name = name
        self.header = header
        bytes = Data(header.utf8)
    }

    /// How many lines follow the header.
    public var lineCount: Int { sequences.count }

    /// The bytes of the header line.
    public var headerLength: Int { header.utf8.count }

    /// Where line `line` of the log as a file (1: the header) is kept in the tables, for a message:
    /// "sequence 11 in workbench.events", or the session's header row.
    public func place(ofLine line: Int) -> String? {
        if line == 1 { return "its header, workbench.sessions.header_line" }
        guard line >= 2, line - 2 < sequences.count else { return nil }
        return "sequence \(sequences[line - 2]) in workbench.events"
    }

    /// The lines after the header, each with its line break (for a comparison line by line).
    func lines() -> [Data] {
        var lines: [Data] = []
        lines.reserveCapacity(sequences.count)
        var start = headerLength
        while start < bytes.count, let end = bytes[start...].firstIndex(of: 0x0A) {
            lines.append(bytes[start...end])
            start = end + 1
        }
        return lines
    }

    /// What is wrong with the text of a stored line (or the header) as one line of a log: it must
    /// end in a line break and hold no other. A line stored by hand that breaks this would shift
    /// every later line against its `sequence`, or join the next line to it.
    static func lineProblem<Line: BidirectionalCollection>(_ line: Line) -> String? where Line.Element == UInt8 {
        guard let last = line.last, last == 0x0A else { return "it does not end in a line break" }
        if line.dropLast().contains(0x0A) { return "it holds more than one line" }
        return nil
    }
}
