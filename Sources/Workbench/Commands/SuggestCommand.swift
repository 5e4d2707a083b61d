import Annotations
import ArgumentParser
import Foundation
import WorkbenchShell
import WorkbenchTerminal

/// `workbench suggest`: print the attribution proposals of the suggestion engine for a corpus.
struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Propose speakers, cues and claims for a corpus.",
        discussion: """
            With --format text: one block per proposal (sentence, speaker, cue, claim, form, confidence, rule). \
            With --format jsonl: one object per proposal with document, sentence, speaker, cue, claim, addressee \
            (lists of [start, end] Unicode-scalar offsets into the normalised document text, end-exclusive), \
            frame, form, confidence, rule. With --session: proposals whose claim the session already holds, or that it rejected, are \
            left out, and speakers are matched against the session's speakers and aliases. With --min-confidence: proposals below \
            that confidence are left out (default 0: every proposal, as the REPL shows them).
            """
    )

    /// Output shapes of `suggest`.
    enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
        case text, jsonl
    }

    @Argument(help: "Corpus files or folders (.txt, .jsonl). Default: seeds/")
    var paths: [String] = []

    @Option(help: "Output format: text or jsonl.")
    var format: OutputFormat = .text

    @Option(help: "A session (file path, or name under sessions/) whose annotations and speakers are taken into account.", completion: CompletionKinds.sessionName)
    var session: String?

    // Unconditional: `--min-confidence -0.5` is refused as a value outside 0–1, not as a missing value.
    @Option(parsing: .unconditional, help: "Leave out proposals whose confidence is below this (0–1; default 0, every proposal).")
    var minConfidence: Double = AttributionSuggester.defaultMinimumConfidence

    mutating func validate() throws {
        guard minConfidence.isFinite, (0...1).contains(minConfidence) else {
            throw ValidationError("--min-confidence must be a number from 0 to 1, e.g. 0.5 (got \(minConfidence))")
        }
        try EmptyPathArgument.refuse(paths, as: "a corpus path", naming: EmptyPathArgument.corpus)
    }

    mutating func run() throws {
        let command = self
        try ProgressMeter.run { meter in try command.suggest(meter: meter) }
    }

    /// Loads the corpus and writes the proposals document batch by document batch. Progress goes to
    /// standard error in a terminal; Ctrl-C ends the run between batches, so standard output never
    /// holds half a line.
    private func suggest(meter: ProgressMeter) throws {
        let chosen = try DefaultCorpus.paths(paths, naming: "workbench suggest CORPUS…")
        let corpus = try CLIFailure.from { try CorpusOpening.load(paths: chosen, meter: meter) }
        meter.clear()
        for warning in corpus.warnings { StandardError.write("warning: \(warning)") }
        let known = try session.map(loadSession)
        if let known, let name = session, let warning = Self.unmatchedDocuments(of: known, name: name, in: corpus.documents) {
            StandardError.write("warning: " + TerminalText.sanitize(warning))
        }
        let suggester = AttributionSuggester(minimumConfidence: minConfidence)
        let format = self.format
        var output = StandardOutput()
        var total = 0
        // Documents are independent: render them on every core, in batches, and write them in corpus order.
        let documents = corpus.documents
        meter.begin("suggesting", total: documents.count, unit: .items("documents"))
        let batchSize = 256
        var start = 0
        while start < documents.count {
            let batch = Array(documents[start..<min(start + batchSize, documents.count)])
            let rendered = RenderedDocuments(count: batch.count)
            DispatchQueue.concurrentPerform(iterations: batch.count) { index in
                rendered.set(index, Self.render(batch[index], suggester: suggester, known: known, format: format))
            }
            try meter.writing {
                for (text, count) in rendered.items {
                    output.write(text)
                    total += count
                }
                output.flush()
            }
            start += batchSize
            meter.update(min(start, documents.count))
        }
        meter.clear()
        if format == .text { output.write("\(total) proposal(s) in \(documents.count) document(s)\n") }
        output.flush()
    }

    /// The output of one document and how many proposals it holds.
    static func render(_ document: Document, suggester: AttributionSuggester, known: KnownAnnotations?, format: OutputFormat) -> (String, Int) {
        let segmented = SegmentedDocument(document)
        var proposals = suggester.suggestions(for: segmented)
        if let known {
            let held = known.claims[document.id] ?? []
            let rejected = known.rejected[document.id] ?? []
            proposals.removeAll { held.contains($0.claim) || rejected.contains([$0.claim, $0.cue]) }
        }
        guard !proposals.isEmpty else { return ("", 0) }
        let view = SuggestionTextView(document: document)
        var text = ""
        for proposal in proposals {
            let speaker = known.flatMap { view.knownSpeaker(for: proposal, among: $0.speakers) }
            switch format {
            case .jsonl: text += json(proposal, speaker: speaker).serialized() + "\n"
            case .text: text += view.block(proposal, segmented: segmented, speaker: speaker) + "\n"
            }
        }
        return (text, proposals.count)
    }

    /// Slots for documents rendered in parallel, filled under a lock.
    final class RenderedDocuments: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [(String, Int)]

        init(count: Int) { slots = Array(repeating: ("", 0), count: count) }

        func set(_ index: Int, _ value: (String, Int)) {
            lock.lock()
            slots[index] = value
            lock.unlock()
        }

        var items: [(String, Int)] {
            lock.lock()
            defer { lock.unlock() }
            return slots
        }
    }

    /// What a session already holds: claim spans per document, rejected proposals (claim and cue
    /// spans) per document, and its speakers.
    struct KnownAnnotations: Sendable {
        var claims: [String: Set<[SpanSegment]>] = [:]
        var rejected: [String: Set<[[SpanSegment]]>] = [:]
        var speakers: [Speaker] = []
        /// The fingerprint of each document the session was made on, by id.
        var documents: [String: String] = [:]
    }

    /// A warning when the session given with `--session` was made on none of the corpus's documents
    /// (another corpus: nothing of it can be taken into account), or on older texts of some of
    /// them (their offsets may no longer meet the proposals'); nil when it fits the corpus.
    static func unmatchedDocuments(of known: KnownAnnotations, name: String, in documents: [Document]) -> String? {
        guard !known.documents.isEmpty else { return nil }
        let shared = documents.filter { known.documents[$0.id] != nil }
        if shared.isEmpty {
            return "\(name) was made on other documents (none of its \(known.documents.count) is in this corpus); "
                + "nothing of it is taken into account: give the corpus it was made on, or another --session"
        }
        let changed = shared.filter { known.documents[$0.id] != $0.fingerprint }.map(\.id)
        guard !changed.isEmpty else { return nil }
        let list = changed.prefix(3).joined(separator: ", ") + (changed.count > 3 ? ", …" : "")
        return "\(changed.count) document(s) changed since \(name) was made (\(list)); its claims there may not "
            + "be recognised, so proposals it already holds can come again (open it with annotate to re-anchor them)"
    }

    private func loadSession(_ name: String) throws -> KnownAnnotations {
        let path: String
        if FileManager.default.fileExists(atPath: name) {
            path = name
        } else {
            path = try CLIFailure.from { try SessionPaths.path(for: name) }
        }
        let loaded: Session
        loaded = try CLIFailure.from { try SessionStore.load(path: path) { StandardError.write("warning: \($0)") } }
        var known = KnownAnnotations()
        for claim in loaded.state.claims.values {
            known.claims[claim.anchor.document, default: []].insert(claim.anchor.segments)
        }
        for rejection in loaded.state.rejections.values {
            known.rejected[rejection.document, default: []].insert([rejection.claimSegments, rejection.cueSegments])
        }
        known.speakers = loaded.state.speakers.values.sorted { $0.id < $1.id }
        for document in loaded.corpus.documents { known.documents[document.id] = document.fingerprint }
        return known
    }

    /// The JSON object of one proposal (the `suggest --format jsonl` line).
    static func json(_ proposal: AttributionSuggestion, speaker: Speaker?) -> JSONValue {
        func spans(_ segments: [SpanSegment]) -> JSONValue {
            .array(segments.map { .array([.int($0.start), .int($0.end)]) })
        }
        var fields: [(String, JSONValue)] = [
            ("document", .string(proposal.documentID)),
            ("sentence", .int(proposal.sentence)),
            ("speaker", spans(proposal.speakerSegments)),
            ("speakers", .array(proposal.speakers.map(spans))),
            ("cue", spans(proposal.cue)),
            ("claim", spans(proposal.claim)),
            ("addressee", spans(proposal.addressee)),
            ("frame", spans(proposal.frame)),
            ("antecedent", spans(proposal.antecedent)),
            ("form", .string(proposal.form.rawValue)),
            ("confidence", .double((proposal.confidence * 100).rounded() / 100)),
            ("rule", .string(proposal.rule)),
        ]
        if let speaker { fields.append(("speakerID", .string(speaker.id))) }
        return .object(fields)
    }
}

/// Text of a document's spans for `suggest --format text`, sanitised for the terminal.
struct SuggestionTextView {
    let document: Document
    let scalars: [Unicode.Scalar]

    init(document: Document) {
        self.document = document
        self.scalars = Array(document.text.unicodeScalars)
    }

    /// The text of the segments, joined by " … ", collapsed and sanitised, at most `limit` characters.
    func text(_ segments: [SpanSegment], limit: Int = 200) -> String {
        let parts = segments.map { segment -> String in
            var view = String.UnicodeScalarView()
            let lower = max(0, min(segment.start, scalars.count)), upper = max(lower, min(segment.end, scalars.count))
            view.append(contentsOf: scalars[lower..<upper])
            return String(view).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        var joined = parts.joined(separator: " … ")
        if joined.count > limit { joined = String(joined.prefix(limit)) + "…" }
        return TerminalText.sanitize(joined)
    }

    /// The session speaker the proposal's speaker (or, for a pronoun, its antecedent) names.
    func knownSpeaker(for proposal: AttributionSuggestion, among speakers: [Speaker]) -> Speaker? {
        guard !speakers.isEmpty else { return nil }
        let name = proposal.antecedent.isEmpty ? text(proposal.speakers.first ?? [], limit: 120) : text(proposal.antecedent, limit: 120)
        guard !name.isEmpty else { return nil }
        return SpeakerResolver().candidates(for: name, among: speakers).first
    }

    /// One proposal as a block of lines.
    func block(_ proposal: AttributionSuggestion, segmented: SegmentedDocument, speaker: Speaker?) -> String {
        var lines = ["\(TerminalText.sanitize(document.id))#\(proposal.sentence + 1)  \(proposal.form.rawValue)  \(String(format: "%.2f", proposal.confidence))  \(proposal.rule)"]
        var speakerText = proposal.speakers.map { text($0, limit: 80) }.joined(separator: " | ")
        if speakerText.isEmpty { speakerText = "?" }
        if !proposal.antecedent.isEmpty { speakerText += " → \(text(proposal.antecedent, limit: 80))" }
        if let speaker { speakerText += " = \(speaker.id) (\(TerminalText.sanitize(speaker.name)))" }
        lines.append("  speaker:   \(speakerText)")
        if !proposal.cue.isEmpty { lines.append("  cue:       \(text(proposal.cue, limit: 80))") }
        if !proposal.addressee.isEmpty { lines.append("  addressee: \(text(proposal.addressee, limit: 80))") }
        lines.append("  claim:     \"\(text(proposal.claim))\"")
        return lines.joined(separator: "\n") + "\n"
    }
}
