import Annotations
import Foundation

/// Progress per annotator and document: for each member, their assigned documents and how many of
/// each document's sentences their session marks done or skipped, and how many events it holds.
public struct TeamStatus {
    /// One line of the table.
    public struct Row: Sendable, Hashable {
        public var annotator: String
        public var document: String
        public var finished: Int
        public var sentences: Int
    }

    /// The database.
    public let project: TeamProject

    public init(project: TeamProject) { self.project = project }

    /// The rows, by annotator then corpus order, and the number of events per session. A session
    /// that cannot be read (a line stored by hand that is no log line) is left out of both and
    /// named in `unreadable` with the reason, so one member's broken session does not hide
    /// everybody's progress.
    public func rows() throws(TeamError) -> (rows: [Row], events: [String: Int], unreadable: [String: String]) {
        let (corpus, _) = try project.corpus()
        let segmented = SegmentedCorpus(corpus)
        let sentenceCounts = Dictionary(segmented.documents.map { ($0.document.id, $0.sentences.count) }, uniquingKeysWith: { a, _ in a })
        var sessions: [String: Session] = [:]
        var unreadable: [String: String] = [:]
        for name in try project.sessionNames() {
            do {
                sessions[name] = try project.session(named: name)
            } catch where !error.isConnectionFailure {
                unreadable[name] = error.description
            }
        }
        var rows: [Row] = []
        for (annotator, document) in try project.assignments() {
            let finished = sessions[annotator].map { session in
                session.state.statuses.filter { $0.key.document == document && ($0.value == .done || $0.value == .skipped) }.count
            } ?? 0
            rows.append(Row(annotator: annotator, document: document, finished: finished, sentences: sentenceCounts[document] ?? 0))
        }
        return (rows, sessions.mapValues { $0.eventCount }, unreadable)
    }

    /// The table as text.
    public func render() throws(TeamError) -> String {
        let (rows, events, unreadable) = try rows()
        var lines: [String] = []
        let annotators = Array(Set(rows.map(\.annotator)).union(events.keys).union(unreadable.keys)).sorted()
        for annotator in annotators {
            if let reason = unreadable[annotator] {
                lines.append("\(annotator): session unreadable (\(reason)); the project owner can look at its lines: SELECT sequence, line FROM workbench.events WHERE session = \(TeamProject.sqlLiteral(annotator)) ORDER BY sequence")
                continue
            }
            let own = rows.filter { $0.annotator == annotator }
            let finished = own.reduce(0) { $0 + $1.finished }, total = own.reduce(0) { $0 + $1.sentences }
            lines.append("\(annotator): \(finished)/\(total) sentences of \(own.count) document(s), \(events[annotator] ?? 0) event(s)")
            for row in own { lines.append("  \(row.document): \(row.finished)/\(row.sentences)") }
        }
        return lines.isEmpty ? "no assignments and no sessions yet (workbench team assign --annotators a,b --overlap 2)" : lines.joined(separator: "\n")
    }
}
