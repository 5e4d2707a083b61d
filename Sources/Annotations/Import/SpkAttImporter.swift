import Foundation

/// Reads SpkAtt-2023 task 2 JSON files (``SpkAttDocument``) into pre-tokenized documents and a new
/// session. Each file is one document: its id is the file name without `.json` (percent-encoding
/// as export writes it undone, ``ExportText/documentID(fileName:)``), its title the
/// `DocumentName`, its sentences and tokens the file's own (kept exactly; the text is the tokens
/// joined by spaces, one sentence per line, see ``PretokenizedText``).
///
/// Each annotation becomes one claim (the `Message`) with its form (Direct → direct, Indirect →
/// indirect, FreeIndirect → free-indirect, IndirectFreeIndirect → indirect-free-indirect, Reported
/// → reported), its cue (`Cue`, one cue per distinct span, shared by the claims that name it), and
/// a speaker mention per contiguous run of `Source` tokens (a pronoun or a description is a
/// mention too; one mention per distinct span, one speaker per distinct mention text in a
/// document). The claim's speakers are the speakers of its Source runs in order (the first is the
/// main speaker; "Die USA und Südkorea forderten" gives two), its mentions those runs, its addressees
/// the mentions of the `Addr` runs; `stwr`, `is_nested`, `has_nested` and the `frame` (scalar segments) are attributes too,
/// so ``SpkAttExporter`` writes the same annotations back. Every record has origin `imported`.
///
/// Bad input (not JSON, wrong shapes, sentence ids out of order, empty tokens, references to
/// tokens that do not exist, unknown forms or STWR values, an empty Message) is reported with the
/// file and the place (`Annotations[3].Cue[1]`), and nothing is imported.
public struct SpkAttImporter: Sendable {
    /// Creates an importer.
    public init() {}

    /// The files `paths` stand for: files as given, folders' `.json` files in file-name order.
    public func files(_ paths: [String]) throws(ExportError) -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .unreadable(path: path, reason: "no such file or folder")
            }
            guard isDirectory.boolValue else { result.append(path); continue }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                throw .unreadable(path: path, reason: "the folder cannot be listed")
            }
            let json = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
                .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            guard !json.isEmpty else { throw .unreadable(path: path, reason: "the folder holds no .json files") }
            result += json.map { (path as NSString).appendingPathComponent($0) }
        }
        return result
    }

    /// Imports `paths`; the documents become a corpus recorded as `corpusPath` (where the caller
    /// writes it with ``PretokenizedRecord``). Returns the corpus and the session.
    public func load(paths: [String], corpusPath: String, annotator: String, time: String) throws(ExportError) -> (corpus: SegmentedCorpus, session: Session) {
        let files = try files(paths)
        var problems: [ImportProblem] = []
        var read: [(path: String, document: SpkAttDocument)] = []
        var documents: [Document] = []
        var seen: [String: String] = [:]
        for path in files {
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            guard let data = FileManager.default.contents(atPath: path) else {
                problems.append(ImportProblem(path: path, line: 0, reason: ImportedFile.unreadableReason(path)))
                continue
            }
            if let encoding = OtherUnicodeEncoding.of([UInt8](data)) {
                problems.append(ImportProblem(path: path, line: 0, reason: encoding.reason))
                continue
            }
            if let offset = UTF8Validation.firstInvalidOffset(in: [UInt8](data)) {
                problems.append(ImportProblem(path: path, line: 0, reason: "not UTF-8 (byte offset \(offset))"))
                continue
            }
            if let (line, reason) = ImportedJSON.syntaxProblem(in: data) {
                problems.append(ImportProblem(path: path, line: line, reason: reason))
                continue
            }
            let document: SpkAttDocument
            do {
                document = try JSONDecoder().decode(SpkAttDocument.self, from: data)
            } catch let error as DecodingError {
                problems.append(ImportProblem(path: path, line: 0, reason: Self.describe(error)))
                continue
            } catch {
                problems.append(ImportProblem(path: path, line: 0, reason: "not SpkAtt JSON: \(error.localizedDescription)"))
                continue
            }
            // Keys of other SpkAtt tasks (task 1's PTC, Evidence, Medium, Topic) or versions would be
            // dropped without a word: refused when they hold anything.
            let foreign = Self.unknownAnnotationKeys(in: data)
            for (annotation, key) in foreign {
                problems.append(ImportProblem(
                    path: path, line: 0,
                    reason: "Annotations[\(annotation)].\(key): the workbench has no place for '\(key)' (it reads SpkAtt-2023 task 2 annotations:"
                        + " \(SpkAttDocument.annotationKeys.joined(separator: ", "))); remove it to import the rest"))
            }
            if !foreign.isEmpty { continue }
            // The id export wrote the name for (`%52utte.json` holds `Rutte`, `a%2Fb.json` `a/b`, a
            // cut long name the id its DocumentName holds).
            let id = ExportText.documentID(fileName: name, named: document.documentName)
            if let first = seen[id] {
                problems.append(ImportProblem(path: path, line: 0, reason: "document id '\(id)' is also the name of \(first); rename one of the files"))
                continue
            }
            seen[id] = path
            var sentences: [PretokenizedText.InputSentence] = []
            var bad = false
            for (index, sentence) in document.sentences.enumerated() {
                if sentence.sentenceID != index {
                    problems.append(ImportProblem(
                        path: path, line: 0, reason: "Sentences[\(index)].SentenceId is \(sentence.sentenceID); sentences must be numbered 0, 1, 2… in order"))
                    bad = true
                }
                sentences.append(PretokenizedText.InputSentence(id: String(sentence.sentenceID), tokens: sentence.tokens))
            }
            guard !bad else { continue }
            guard !sentences.isEmpty else {
                problems.append(ImportProblem(path: path, line: 0, reason: "Sentences is empty"))
                continue
            }
            do {
                let built = try PretokenizedText(sentences: sentences, text: nil)
                documents.append(Document(
                    id: id, title: document.documentName, text: built.text, source: path, givenSentences: built.sentences))
                read.append((path, document))
            } catch {
                let place = error.token.map { "Sentences[\(error.sentence)].Tokens[\($0)]" } ?? "Sentences[\(error.sentence)]"
                problems.append(ImportProblem(path: path, line: 0, reason: "\(place): \(error.reason)"))
            }
        }
        let corpus = SegmentedCorpus(Corpus(documents: documents, paths: [corpusPath]))
        var schema = AnnotationSchema.standard
        for form in SpkAttDocument.forms.map(\.workbench) where !schema.claimForms.contains(form) { schema.claimForms.append(form) }
        var builder = ImportBuilder(corpus: corpus, annotator: annotator, schema: schema, time: time)
        var counters = Counters()
        for ((path, file), segmented) in zip(read, corpus.documents) {
            importDocument(file, segmented, path: path, builder: &builder, counters: &counters)
        }
        // Problems of whole files come first, then those of the annotations of the files that could be read.
        builder.problems = problems + builder.problems
        return (corpus, try builder.finish(source: paths.joined(separator: ", ")))
    }

    /// The next free ids.
    private struct Counters {
        var speaker = 0, mention = 0, cue = 0, claim = 0
    }

    private func importDocument(
        _ file: SpkAttDocument, _ segmented: SegmentedDocument, path: String, builder: inout ImportBuilder, counters: inout Counters
    ) {
        let documentID = segmented.document.id
        var base: [Int] = []  // flat index of each sentence's first token
        var total = 0
        for sentence in segmented.sentences {
            base.append(total)
            total += sentence.tokens.count
        }
        var speakersByName: [String: String] = [:]
        var mentionsBySpan: [[SpanSegment]: String] = [:]
        var cuesBySpan: [[SpanSegment]: String] = [:]
        let imported = Origin(kind: .imported)

        /// The runs of contiguous tokens a list of references names, as scalar segments; nil after reporting.
        func segments(_ references: [String], field: String, annotation: Int) -> [SpanSegment]? {
            var flat: [Int] = []
            for (index, reference) in references.enumerated() {
                let place = "Annotations[\(annotation)].\(field)[\(index)]"
                guard let (s, t) = SpkAttDocument.position(of: reference) else {
                    builder.report(path, 0, "\(place): '\(reference)' is not a \"sentence:token\" reference such as \"3:14\"")
                    return nil
                }
                guard s < segmented.sentences.count else {
                    builder.report(path, 0, "\(place): '\(reference)' names sentence \(s); the document has sentences 0–\(segmented.sentences.count - 1)")
                    return nil
                }
                guard t < segmented.sentences[s].tokens.count else {
                    builder.report(path, 0, "\(place): '\(reference)' names token \(t); sentence \(s) has tokens 0–\(segmented.sentences[s].tokens.count - 1)")
                    return nil
                }
                flat.append(base[s] + t)
            }
            var result: [SpanSegment] = []
            var previous = -2
            for index in Set(flat).sorted() {
                var s = 0
                while s + 1 < base.count, base[s + 1] <= index { s += 1 }
                let token = segmented.sentences[s].tokens[index - base[s]]
                if index == previous + 1, let last = result.last {
                    result[result.count - 1] = SpanSegment(start: last.start, end: token.end)
                } else {
                    result.append(SpanSegment(start: token.start, end: token.end))
                }
                previous = index
            }
            return result
        }

        /// The mention of a run of tokens, made (with its speaker) when it is new.
        func mention(_ run: [SpanSegment], annotation: Int) -> Mention? {
            if let id = mentionsBySpan[run] { return builder.session.state.mentions[id] }
            guard let anchor = builder.anchor(document: documentID, segments: run, path: path, line: 0) else { return nil }
            let name = anchor.text
            let speakerID: String
            if let known = speakersByName[name] {
                speakerID = known
            } else {
                counters.speaker += 1
                speakerID = "S\(counters.speaker)"
                guard builder.perform(.add(.speaker(Speaker(id: speakerID, name: name, origin: imported))), path: path, line: 0) else { return nil }
                speakersByName[name] = speakerID
            }
            counters.mention += 1
            let mention = Mention(id: "M\(counters.mention)", anchor: anchor, speaker: speakerID, origin: imported)
            guard builder.perform(.add(.mention(mention)), path: path, line: 0) else { return nil }
            mentionsBySpan[run] = mention.id
            return mention
        }

        /// One mention per contiguous run.
        func mentions(_ references: [String], field: String, annotation: Int) -> [Mention]? {
            guard let runs = segments(references, field: field, annotation: annotation) else { return nil }
            var result: [Mention] = []
            for run in runs {
                guard let made = mention([run], annotation: annotation) else { return nil }
                result.append(made)
            }
            return result
        }

        for (index, item) in file.annotations.enumerated() {
            guard let form = SpkAttDocument.forms.first(where: { $0.spkatt == item.form })?.workbench else {
                builder.report(path, 0, "Annotations[\(index)].Form: unknown form '\(item.form)' (expected \(SpkAttDocument.forms.map(\.spkatt).joined(separator: ", ")))")
                continue
            }
            guard SpkAttDocument.stwrValues.contains(item.stwr) else {
                builder.report(path, 0, "Annotations[\(index)].STWR: unknown value '\(item.stwr)' (expected \(SpkAttDocument.stwrValues.joined(separator: ", ")))")
                continue
            }
            guard !item.message.isEmpty else {
                builder.report(path, 0, "Annotations[\(index)].Message: empty; every annotation needs its message tokens")
                continue
            }
            guard let message = segments(item.message, field: "Message", annotation: index),
                let sources = mentions(item.source, field: "Source", annotation: index),
                let addressees = mentions(item.addr, field: "Addr", annotation: index),
                let cueSegments = segments(item.cue, field: "Cue", annotation: index),
                let frame = segments(item.frame, field: "Frame", annotation: index)
            else { continue }
            var cueID: String?
            if !cueSegments.isEmpty {
                if let known = cuesBySpan[cueSegments] {
                    cueID = known
                } else if let anchor = builder.anchor(document: documentID, segments: cueSegments, path: path, line: 0) {
                    counters.cue += 1
                    let cue = Cue(id: "Q\(counters.cue)", anchor: anchor, origin: imported)
                    guard builder.perform(.add(.cue(cue)), path: path, line: 0) else { continue }
                    cuesBySpan[cueSegments] = cue.id
                    cueID = cue.id
                } else {
                    continue
                }
            }
            guard let anchor = builder.anchor(document: documentID, segments: message, path: path, line: 0) else { continue }
            var attributes: [String: String] = [SpkAttDocument.AttributeName.stwr: item.stwr]
            if item.isNested { attributes[SpkAttDocument.AttributeName.isNested] = "true" }
            if item.hasNested { attributes[SpkAttDocument.AttributeName.hasNested] = "true" }
            if !frame.isEmpty { attributes[SpkAttDocument.AttributeName.frame] = frame.map { "\($0.start)-\($0.end)" }.joined(separator: ",") }
            counters.claim += 1
            builder.perform(.add(.claim(Claim(
                id: "C\(counters.claim)", anchor: anchor, speakers: Self.unique(sources.map(\.speaker)), mentions: Self.unique(sources.map(\.id)),
                addressees: Self.unique(addressees.map(\.id)).filter { id in !sources.contains { $0.id == id } }, cue: cueID, form: form,
                origin: imported, attributes: attributes))), path: path, line: 0)
        }
    }

    /// `ids` without repeats, in first-seen order.
    static func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }

    /// A decoding error as a place in the file and what was expected there.
    static func describe(_ error: DecodingError) -> String {
        func place(_ path: [any CodingKey]) -> String {
            var result = ""
            for key in path {
                if let index = key.intValue { result += "[\(index)]" } else { result += (result.isEmpty ? "" : ".") + key.stringValue }
            }
            return result.isEmpty ? "the top level" : result
        }
        switch error {
        case .typeMismatch(let type, let context): return "\(place(context.codingPath)): expected \(Self.name(of: type))"
        case .valueNotFound(let type, let context): return "\(place(context.codingPath)): expected \(Self.name(of: type)), found null"
        case .keyNotFound(let key, let context):
            return "\(place(context.codingPath)): missing field \"\(key.stringValue)\" (SpkAtt task 2 documents have Annotations, DocumentName, Sentences)"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "\(place(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "not SpkAtt JSON"
        }
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "an integer"
        case is Bool.Type: return "true or false"
        default:
            let text = String(describing: type)
            return text.hasPrefix("Array") ? "a list" : text.hasPrefix("Dictionary") || text.hasPrefix("SpkAtt") ? "an object" : text
        }
    }

    /// The keys of annotation objects in `data` that SpkAtt task 2 does not have and that hold
    /// something (not `[]`, `""`, `null` or `false`), with the annotation's index, in order.
    static func unknownAnnotationKeys(in data: Data) -> [(annotation: Int, key: String)] {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            let annotations = object["Annotations"] as? [[String: Any]]
        else { return [] }
        let known = Set(SpkAttDocument.annotationKeys)
        var found: [(Int, String)] = []
        for (index, annotation) in annotations.enumerated() {
            for key in annotation.keys.sorted() where !known.contains(key) {
                let value = annotation[key]
                let empty = value is NSNull || (value as? [Any])?.isEmpty == true || (value as? String)?.isEmpty == true || (value as? Bool) == false
                if !empty { found.append((index, key)) }
            }
        }
        return found
    }
}
