import Foundation

/// The spans that one stretch of a session's mentions, cues and claims places in the exported
/// documents. A session's records are cut into stretches placed on all cores
/// (``place(_:documentCount:context:)``); joined in stretch order, they give exactly what one
/// walk over the records gives: the same spans in the same order, the same warnings, the same
/// first failure.
struct ExportPlacedSpans: Sendable {
    /// Mentions and cues per exported document, in record order.
    var spans: [[ExportSpan]]
    /// Claims per exported document, in record order; their links are checked
    /// (``checkLinks(_:exported:)``) once every stretch of the session is placed.
    var claims: [[ExportSpan]]
    /// The ids placed.
    var exported = ExportIDTable<Bool>()
    /// Annotations skipped, with the reason, in record order.
    var warnings: [String] = []
    /// The first annotation of the stretch outside the corpus (which stops the export).
    var failure: ExportError?

    /// What placing a record reads besides the record.
    struct Context: Sendable {
        /// The session's label (for warnings and errors).
        var label: String
        /// The session's place in ``ExportBundle/sessions``.
        var session: Int
        /// The annotator of annotations that name none.
        var annotator: String
        /// The exported documents' places by id.
        var documentIndex: [String: Int]
        /// Every document id of the corpus.
        var allIDs: Set<String>
        /// Each exported document's length in scalars.
        var scalarCounts: [Int]
        /// The session's reviews when only reviewed annotations are exported, else nil.
        var reviews: [String: ReviewDecision]?

        /// Whether the annotation `id` is exported: every one, or with `reviews` only those
        /// accepted or corrected.
        func includes(_ id: String) -> Bool {
            guard let reviews else { return true }
            guard let verdict = reviews[id]?.verdict else { return false }
            return verdict == .accepted || verdict == .corrected
        }
    }

    /// Records per stretch below which a session is placed in one stretch.
    static let smallest = 16_384

    /// Places `records` of a session (the mentions, cues and claims among them) into
    /// `documentCount` documents, in stretches on all cores (`stretches` of them when given, else
    /// two per core for a large session); returns the stretches in order.
    static func place(_ records: [Record], documentCount: Int, context: Context, stretches: Int? = nil) -> [ExportPlacedSpans] {
        let wanted = stretches ?? min(ProcessInfo.processInfo.activeProcessorCount * 2, records.count / smallest)
        let count = max(1, min(wanted, records.count))
        return ExportConcurrency.map(count: count) { stretch in
            let lower = records.count * stretch / count, upper = records.count * (stretch + 1) / count
            return ExportPlacedSpans(records[lower..<upper], documentCount: documentCount, context: context)
        }
    }

    /// Places one stretch of records; stops at the first annotation outside the corpus.
    init(_ records: ArraySlice<Record>, documentCount: Int, context: Context) {
        spans = Array(repeating: [], count: documentCount)
        claims = Array(repeating: [], count: documentCount)
        do throws(ExportError) {
            for record in records {
                switch record {
                case .mention(let mention):
                    guard var span = try place(.speaker, mention.id, mention.anchor.exportPlace, mention.annotator, context) else { continue }
                    span.speaker = mention.speaker
                    span.speakers = [mention.speaker]
                    span.role = mention.role
                    spans[span.document].append(span)
                case .cue(let cue):
                    guard let span = try place(.cue, cue.id, cue.anchor.exportPlace, cue.annotator, context) else { continue }
                    spans[span.document].append(span)
                case .claim(let claim):
                    guard var span = try place(.claim, claim.id, claim.anchor.exportPlace, claim.annotator, context) else { continue }
                    span.speaker = claim.speaker
                    span.mention = claim.mention
                    span.speakers = claim.speakers
                    span.mentions = claim.mentions
                    span.addressees = claim.addressees
                    span.cue = claim.cue
                    span.form = claim.form
                    span.negated = claim.negated
                    span.hedged = claim.hedged
                    if let attributes = claim.attributes { span.attributes = attributes }
                    claims[span.document].append(span)
                default:
                    continue
                }
            }
        } catch {
            failure = error
        }
    }

    /// The span of one annotation, or nil when it is not exported (not reviewed, in a document not
    /// exported, or an anchor that no longer matches the text: a warning).
    private mutating func place(
        _ kind: ExportSpan.Kind, _ id: String, _ anchor: AnchorPlace, _ annotator: String, _ context: Context
    ) throws(ExportError) -> ExportSpan? {
        guard context.includes(id) else { return nil }
        guard let document = context.documentIndex[anchor.document] else {
            guard context.allIDs.contains(anchor.document) else {
                throw .annotationOutsideCorpus(session: context.label, id: id, document: anchor.document)
            }
            return nil
        }
        if anchor.orphaned || !anchor.wellFormed || anchor.end > context.scalarCounts[document] {
            warnings.append("\(context.label): \(id) skipped: its anchor no longer matches the text (re-anchor it)")
            return nil
        }
        exported[id] = true
        // The sentence is found once the spans are grouped by document.
        return ExportSpan(
            kind: kind, id: id, session: context.session, document: document, sentence: 0, segments: anchor.segments,
            annotator: annotator.isEmpty ? context.annotator : annotator)
    }

    /// Drops the links of `claims` to annotations that are not exported (changing a claim only
    /// when it has such links).
    static func checkLinks(_ claims: inout [ExportSpan], exported: ExportIDTable<Bool>) {
        for index in claims.indices {
            let mentions = claims[index].mentions, addressees = claims[index].addressees
            if mentions.contains(where: { !exported.contains($0) }) {
                claims[index].mentions = mentions.filter { exported.contains($0) }
            }
            if addressees.contains(where: { !exported.contains($0) }) {
                claims[index].addressees = addressees.filter { exported.contains($0) }
            }
            let first = claims[index].mentions.first
            if claims[index].mention != first { claims[index].mention = first }
            if let cue = claims[index].cue, !exported.contains(cue) { claims[index].cue = nil }
        }
    }
}
