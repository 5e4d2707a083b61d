import Foundation

/// SpkAtt-2023 task 2 JSON (``SpkAttDocument``), one file per session and document:
/// `<session>/<doc>.json`, with the document's own sentences and tokens (a pre-tokenized document's
/// exactly as they were given, otherwise the workbench's tokens) and one annotation per claim, in
/// claim id order. Span fields list the `"sentence:token"` references of every token that overlaps
/// the span, sorted: `Message` the claim, `Cue` its cue, `Source` its speaker mentions
/// (main first; and those of a `more_sources` attribute), `Addr` its addressee mentions (and those of an
/// `addressees` attribute), `Frame` the `frame`
/// attribute's segments. `Form` maps back from the workbench form (forms the shared task does not
/// have, such as `mixed`, and claims without a form are written as `Indirect`), `STWR` is the
/// `stwr` attribute (default `Speech`), `IsNested`/`HasNested` the `is_nested`/`has_nested`
/// attributes. Keys are sorted, the JSON is compact, non-ASCII is written as UTF-8 (but DEL, C1
/// controls and U+2028/2029 escaped, as every JSON the workbench writes). A document
/// without sentences (empty, or only whitespace) gets no file.
struct SpkAttExporter: Exporter {
    /// Creates the exporter.
    init() {}

    var format: ExportFormat { .spkatt }

    /// The form written for claims whose form the shared task does not have.
    static let fallbackForm = "Indirect"
    /// The STWR written for claims without a `stwr` attribute.
    static let fallbackSTWR = "Speech"

    func writtenCounts(_ bundle: ExportBundle) -> ExportCounts {
        var counts = ExportCounts()
        // Spans by their place in the bundle (one id, one place): document `d`'s span `i` is
        // `firsts[d] + i`; marked in flat arrays rather than hashed into sets.
        var firsts: [Int] = [], total = 0
        firsts.reserveCapacity(bundle.spans.count)
        for list in bundle.spans {
            firsts.append(total)
            total += list.count
        }
        let places = firsts
        var isMention = [Bool](repeating: false, count: total), isCue = [Bool](repeating: false, count: total)
        for session in bundle.sessions.indices {
            var mentions = 0, cues = 0
            // A cue id without a place (none, as the bundle drops links to spans it does not
            // export) is counted by its text.
            var unplacedCues = Set<String>()
            var marked: [Int] = []
            func mark(_ place: Int, in flags: inout [Bool], counting count: inout Int) {
                guard !flags[place] else { return }
                flags[place] = true
                marked.append(place)
                count += 1
            }
            // The ids are looked up document by document on all cores (this runs after the files
            // are written, so nothing else is waiting for the cores), the places marked here in order.
            ExportDocumentParts.build(count: bundle.spans.count) { document in
                SessionClaimLinks(bundle, document: document, session: session, places: places)
            } _: { _, links in
                counts.claims += links.claims
                for place in links.cues { mark(place, in: &isCue, counting: &cues) }
                for cue in links.unplacedCues { unplacedCues.insert(cue) }
                for place in links.mentions { mark(place, in: &isMention, counting: &mentions) }
            }
            counts.mentions += mentions
            counts.cues += cues + unplacedCues.count
            // Cleared for the next session.
            for place in marked {
                isMention[place] = false
                isCue[place] = false
            }
        }
        return counts
    }

    /// What one document's claims of one session link to, for ``writtenCounts(_:)``: the places
    /// (see there) of their cues and of their speaker and addressee mentions, in order.
    private struct SessionClaimLinks: Sendable {
        var claims = 0
        var cues: [Int] = []
        var unplacedCues: [String] = []
        var mentions: [Int] = []

        init(_ bundle: ExportBundle, document: Int, session: Int, places: [Int]) {
            let list = bundle.spans[document]
            // The spans' fields are read in place (a copy of a span would retain them all).
            for index in list.indices where list[index].session == session && list[index].kind == .claim {
                claims += 1
                if let cue = list[index].cue {
                    if let location = bundle.location(session: session, id: cue) {
                        cues.append(places[location.document] + location.index)
                    } else {
                        unplacedCues.append(cue)
                    }
                }
                let attributes = list[index].attributes
                for id in SpkAttExporter.ids(list[index].mentions, more: attributes?[SpkAttDocument.AttributeName.moreSources]) {
                    if let location = bundle.location(session: session, id: id) { mentions.append(places[location.document] + location.index) }
                }
                for id in SpkAttExporter.ids(list[index].addressees, more: attributes?[SpkAttDocument.AttributeName.addressees]) {
                    if let location = bundle.location(session: session, id: id) { mentions.append(places[location.document] + location.index) }
                }
            }
        }
    }

    func write(_ bundle: ExportBundle, to out: inout ExportOutput) {
        for (session, exportSession) in bundle.sessions.enumerated() {
            let folder = ExportText.fileName(exportSession.label) + "/"
            // Documents are built and written as JSON on all cores, and handed on in order.
            // (Written straight into bytes: the same JSON as `document(_:document:session:)`'s `appendJSON`.)
            ExportDocumentParts.build(count: bundle.documents.count) { index in
                var bytes: [UInt8] = [], writer = SpkAttDocumentWriter()
                writer.append(bundle, document: index, session: session, to: &bytes)
                bytes.append(0x0A)
                return bytes
            } _: { index, bytes in
                // A document without sentences (empty, or only whitespace) holds no token to refer to:
                // the shared task has no such file, and import spkatt refuses one ("Sentences is empty").
                guard !bundle.documents[index].sentences.isEmpty else { return }
                // The part is the whole file: handed on as it is (appending it copied every file's
                // bytes once more on this thread, 255 MB at a million annotations).
                out.begin(folder + bundle.fileNames[index] + ".json")
                out.bytes = bytes
                out.end()
            }
        }
    }

    /// The shared task's document for one session and document.
    func document(_ bundle: ExportBundle, document index: Int, session: Int) -> SpkAttDocument {
        let segmented = bundle.documents[index]
        // Made for this document and dropped with it (not kept in the sentences), in place in the
        // document's bytes (the same tokens as the sentences' own).
        let scalarIndex = bundle.scalarIndex[index], bytes = bundle.bytes[index]
        var scratch = ExportTokens.Scratch()
        let sentenceTokens = segmented.sentences.map {
            ExportTokens.sentenceTokens(of: $0, index: scalarIndex, bytes: bytes, scratch: &scratch)
        }
        let tokens = zip(segmented.sentences, sentenceTokens).flatMap { sentence, list in list.map { (sentence.index, $0) } }
        func references(_ segments: [SpanSegment]) -> [String] {
            var result: [String] = []
            for segment in segments {
                var low = 0, high = tokens.count
                while low < high {
                    let mid = (low + high) / 2
                    if tokens[mid].1.end <= segment.start { low = mid + 1 } else { high = mid }
                }
                var position = low
                while position < tokens.count, tokens[position].1.start < segment.end {
                    let reference = SpkAttDocument.reference(sentence: tokens[position].0, token: tokens[position].1.index)
                    if result.last != reference { result.append(reference) }
                    position += 1
                }
            }
            return result
        }
        func mentionSegments(_ ids: [String]) -> [SpanSegment] {
            ids.compactMap { bundle.span(session: session, id: $0)?.segments }.flatMap { $0 }.sorted()
        }
        let claims = bundle.spans[index].filter { $0.session == session && $0.kind == .claim }
            .sorted { AnnotationState.idOrder($0.id, $1.id) }
        var annotations: [SpkAttDocument.Annotation] = []
        for span in claims {
            let attributes = span.attributes ?? [:]
            let form = span.form.flatMap { form in SpkAttDocument.forms.first { $0.workbench == form }?.spkatt } ?? Self.fallbackForm
            let frame = Self.frame(attributes[SpkAttDocument.AttributeName.frame])
            annotations.append(SpkAttDocument.Annotation(
                addr: references(mentionSegments(Self.addresseeIDs(span))),
                cue: references(span.cue.flatMap { bundle.span(session: session, id: $0)?.segments } ?? []),
                form: form, frame: references(frame),
                hasNested: attributes[SpkAttDocument.AttributeName.hasNested] == "true",
                isNested: attributes[SpkAttDocument.AttributeName.isNested] == "true",
                message: references(span.segments), stwr: attributes[SpkAttDocument.AttributeName.stwr] ?? Self.fallbackSTWR,
                source: references(mentionSegments(Self.sourceIDs(span)))))
        }
        return SpkAttDocument(
            annotations: annotations, documentName: segmented.document.title ?? segmented.document.id,
            sentences: zip(segmented.sentences, sentenceTokens).map { SpkAttDocument.Sentence(sentenceID: $0.index, tokens: $1.map(\.text)) })
    }

    /// The segments of a `frame` attribute (`start-end,start-end`; pieces of another shape left out).
    static func frame(_ attribute: String?) -> [SpanSegment] {
        (attribute ?? "").split(separator: ",").compactMap { piece -> SpanSegment? in
            let bounds = piece.split(separator: "-")
            guard bounds.count == 2, let start = Int(bounds[0]), let end = Int(bounds[1]), start < end else { return nil }
            return SpanSegment(start: start, end: end)
        }
    }

    /// The claim's speaker mentions, then those of a `more_sources` attribute (sessions imported before
    /// claims had several speakers).
    static func sourceIDs(_ span: ExportSpan) -> [String] {
        ids(span.mentions, more: span.attributes?[SpkAttDocument.AttributeName.moreSources])
    }

    /// The ids `own`, then those of the space-separated attribute value `more` not among them.
    static func ids(_ own: [String], more: String?) -> [String] {
        guard let more else { return own }
        return own + more.split(separator: " ").map(String.init).filter { !own.contains($0) }
    }

    /// The claim's addressee mentions, then those of an `addressees` attribute (sessions imported before
    /// claims had addressees).
    static func addresseeIDs(_ span: ExportSpan) -> [String] {
        ids(span.addressees, more: span.attributes?[SpkAttDocument.AttributeName.addressees])
    }
}
